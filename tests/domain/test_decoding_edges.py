"""Decoding takes whatever the schema accepts, and refuses what it cannot hold without leaking values."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from gateway.domain import DecodeError, Omvang, ToewijzingBericht, decode
from tests.domain.decoded import decoded_bytes, root_of
from tests.fixture_files import FIXTURES

MINIMAL_301 = (FIXTURES / "WMO301" / "valid" / "minimal.xml").read_bytes()


def variant(old: bytes, new: bytes) -> ToewijzingBericht:
    assert old in MINIMAL_301
    value = decoded_bytes(MINIMAL_301.replace(old, new))
    assert isinstance(value, ToewijzingBericht)
    return value


def test_dates_numbers_and_times_with_whitespace_around_them_decode() -> None:
    bericht = variant(b">2026-03-01</wmo301:Ingangsdatum>", b">\n   2026-03-01 \t</wmo301:Ingangsdatum>")
    assert bericht.toewijzingen[0].ingangsdatum == date(2026, 3, 1)
    bericht = variant(b"<iwmo:Volume>4<", b"<iwmo:Volume> +004 <")
    assert bericht.toewijzingen[0].omvang == Omvang(4, "04", "2")
    bericht = variant(b">09:00:00<", b"> 24:00:00 <")
    assert bericht.toewijzingen[0].toewijzingstijd == time(0, 0)


def test_a_comment_inside_a_value_is_not_part_of_it() -> None:
    bericht = variant(b"<wmo301:Bsn>999900006<", b"<wmo301:Bsn>9999<!-- gesplitst -->00006<")
    assert bericht.client.bsn == "999900006"


def test_a_valid_date_python_cannot_hold_is_refused_by_its_path_alone() -> None:
    with pytest.raises(DecodeError) as refused:
        variant(b"<iwmo:Datum>1950-06-15<", b"<iwmo:Datum>12050-06-15<")
    assert str(refused.value).startswith("/Bericht/Client/Geboortedatum/Datum:")
    assert "12050" not in str(refused.value)
    assert "999900006" not in str(refused.value)


def test_a_root_of_another_message_is_refused() -> None:
    with pytest.raises(DecodeError, match="not the Bericht of a WMO305"):
        decode(root_of(MINIMAL_301), "WMO305")


def test_an_unknown_message_code_is_refused() -> None:
    with pytest.raises(DecodeError, match="no decoder for message code 'WMO999'"):
        decode(root_of(MINIMAL_301), "WMO999")


@pytest.mark.parametrize(
    "fixture",
    [
        "WMO301/valid/rich.xml",
        "WMO302/valid/rejected-client.xml",
        "WMO323/valid/two-clients-debit-credit.xml",
    ],
)
def test_comments_and_processing_instructions_between_elements_change_nothing(fixture: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    interleaved = re.sub(rb">(\s+)<(?=\w+:)", rb">\1<!-- tussen --><?verwerking x?><", data)
    assert interleaved.count(b"<!-- tussen -->") > 20
    assert decoded_bytes(interleaved) == decoded_bytes(data)
