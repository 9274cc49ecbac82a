"""A generated answer's identificatie is unique per heen message and fits the standard's 12 characters."""

from __future__ import annotations

import pytest

from gateway.pipeline.answering import retour_identificatie


def test_different_messages_get_different_identificaties() -> None:
    identificaties = {retour_identificatie(message_id) for message_id in range(1, 5000)}
    assert len(identificaties) == 4999


def test_the_largest_message_id_that_fits_gives_12_characters() -> None:
    assert len(retour_identificatie(36**10 - 1)) == 12


def test_a_message_id_beyond_12_characters_is_refused() -> None:
    with pytest.raises(ValueError, match="too large"):
        retour_identificatie(36**10)
