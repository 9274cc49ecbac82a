"""Keys hide the BSN behind a secret: stable per client, different per secret, never the BSN itself."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from gateway.events.errors import CatalogueError, EventConfigurationError
from gateway.events.keys import KeyedReferences
from tests.events.conftest import SECRET
from tests.events.samples import BSN, OTHER_BSN


def test_a_client_keeps_one_reference_that_is_an_hmac_of_the_bsn() -> None:
    references = KeyedReferences(SECRET)
    expected = hmac.new(SECRET, b"client:" + BSN.encode(), hashlib.sha256).hexdigest()
    assert references.client(BSN) == references.client(BSN) == expected
    assert references.client(OTHER_BSN) != expected
    assert BSN not in expected


def test_the_reference_depends_on_the_secret_so_it_cannot_be_recomputed_without_it() -> None:
    assert KeyedReferences(SECRET).client(BSN) != KeyedReferences(SECRET + b"x").client(BSN)
    assert KeyedReferences(SECRET).client(BSN) != hashlib.sha256(BSN.encode()).hexdigest()


def test_clients_and_parties_are_hashed_apart() -> None:
    references = KeyedReferences(SECRET)
    assert references.party("12345678") != hmac.new(SECRET, b"client:12345678", hashlib.sha256).hexdigest()
    assert len(references.party("0599")) == 64


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(EventConfigurationError, match="IWMO_EVENTS_KEY_SECRET"):
        KeyedReferences(b"too short")


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "12345678a", ""])
def test_something_that_is_not_a_bsn_is_refused_without_being_quoted(bsn: str) -> None:
    with pytest.raises(CatalogueError) as raised:
        KeyedReferences(SECRET).client(bsn)
    assert bsn not in str(raised.value) or bsn == ""
