"""Keyed references: the Kafka key and `clientRef` of an event, an HMAC-SHA256 that hides the BSN.

A plain hash of a BSN would hide nothing (there are a billion BSNs; hashing them all takes minutes), so
the hash is keyed with a secret of the gemeente. The same client always gets the same reference, which
keeps all of a client's events in one partition and in order. Clients and parties are hashed under
different labels, so a party code can never produce a client's reference.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from gateway.events.errors import CatalogueError, EventConfigurationError

MIN_SECRET_BYTES = 32
BSN = re.compile(r"[0-9]{9}")
PARTY_CODE = re.compile(r"[0-9]{4}|[0-9]{8}")


class KeyedReferences:
    """References for clients (by BSN) and parties (by CBS or AGB code) under one secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise EventConfigurationError(
                f"the key secret must be at least {MIN_SECRET_BYTES} bytes (IWMO_EVENTS_KEY_SECRET)"
            )
        self._secret = secret

    def client(self, bsn: str) -> str:
        if BSN.fullmatch(bsn) is None:
            raise CatalogueError("client_bsn is not nine digits")
        return self._digest(b"client:", bsn)

    def party(self, code: str) -> str:
        if PARTY_CODE.fullmatch(code) is None:
            raise CatalogueError("a party code is four (CBS) or eight (AGB) digits")
        return self._digest(b"party:", code)

    def _digest(self, label: bytes, value: str) -> str:
        return hmac.new(self._secret, label + value.encode("ascii"), hashlib.sha256).hexdigest()
