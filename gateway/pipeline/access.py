"""Parties and their API tokens: naming a party on the command line, issuing, checking and revoking tokens.

A token is shown once, when issued; the store keeps only its SHA-256, so a copy of the database grants
nothing. Tokens are 32 random bytes (`secrets.token_urlsafe`), which makes a plain hash sufficient, behind
a fixed prefix: secret scanners can recognise a leaked one, and it never starts with "-", which a
command line would take for an option.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from gateway.store.models.parties import AANBIEDER, CAK, GEMEENTE, Party
from gateway.store.unit_of_work import UnitOfWork

TOKEN_BYTES = 32
TOKEN_PREFIX = "iwmo_"
CAK_CODE = "CAK"
"""The CAK is one party and sends no iWmo message; it is stored under this code."""

_CODE_FORMS = {GEMEENTE: re.compile(r"[0-9]{4}"), AANBIEDER: re.compile(r"[0-9]{8}")}
PARTY_FORMS = "aanbieder:<AGB code, 8 digits>, gemeente:<CBS code, 4 digits> or cak"


@dataclass(frozen=True, slots=True)
class PartyName:
    """A party as the command line and the API name it: `aanbieder:12345678`, `gemeente:1916`, `cak`."""

    kind: str
    code: str

    @classmethod
    def parse(cls, text: str) -> PartyName:
        kind, _, code = text.partition(":")
        if kind == CAK and not code:
            return cls(CAK, CAK_CODE)
        form = _CODE_FORMS.get(kind)
        if form is None or not form.fullmatch(code):
            raise ValueError(f"{text!r} names no party: use {PARTY_FORMS}")
        return cls(kind, code)

    @classmethod
    def of(cls, party: Party) -> PartyName:
        return cls(party.kind, party.code)

    def __str__(self) -> str:
        return self.kind if self.kind == CAK else f"{self.kind}:{self.code}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue_token(uow: UnitOfWork, name: PartyName, *, now: datetime, label: str | None = None) -> str:
    """A new token for the party, which is added (with `label` as its name) if it is not known yet."""
    party = await uow.parties.find(name.kind, name.code)
    if party is None:
        party = await uow.parties.add(name.kind, name.code, label or str(name), created_at=now)
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    await uow.tokens.add(party.id, token_hash(token), created_at=now)
    return token


async def revoke_token(uow: UnitOfWork, token: str, *, now: datetime) -> bool:
    """Revoke the token; False when it is unknown or revoked already."""
    found = await uow.tokens.find_active(token_hash(token))
    if found is None:
        return False
    await uow.tokens.revoke(found.id, revoked_at=now)
    return True


async def authenticate(uow: UnitOfWork, token: str) -> Party | None:
    """The party an active token belongs to; looked up on every request, so a revocation holds at once."""
    return await uow.tokens.party_of(token_hash(token))
