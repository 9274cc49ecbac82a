"""The gemeente's own WMO325, checked as its aanbieder will before it goes out (TR337, TR371, TR376,
TR366, TR367, TR304). The answered claim is the fixture WMO323/valid/minimal.xml, stored as received."""

from __future__ import annotations

from dataclasses import replace

from gateway.domain import DeclaratieBericht, Product, XsdVersie
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import ANDERE_BSN, client, toewijzing, wmo301, wmo325
from tests.domain.decoded import decoded_bytes
from tests.fixture_files import FIXTURES

HEADER = "/Bericht/Header"
ANSWER = "/Bericht/DeclaratieAntwoord"
RETURNED = "/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie[1]"
CONTENT = (FIXTURES / "WMO323" / "valid" / "minimal.xml").read_bytes()
CLAIM = decoded_bytes(CONTENT)
assert isinstance(CLAIM, DeclaratieBericht)
LINE = CLAIM.declaratie.clienten[0].prestaties[0]


async def received_claim(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=Product("01", "01A01"))))
    assert await desk.receive(CLAIM, content=CONTENT) == []


async def test_an_answer_granting_the_claim_in_full_is_accepted(desk: Desk) -> None:
    await received_claim(desk)
    assert await desk.receive(wmo325(CLAIM)) == []


async def test_tr337_an_answer_on_a_claim_never_received_is_refused(desk: Desk) -> None:
    assert await desk.receive(wmo325(CLAIM)) == [("TR337", None, HEADER)]
    assert desk.verdicts[-1] is None


async def test_tr371_an_answer_naming_another_xsd_versie_is_refused(desk: Desk) -> None:
    await received_claim(desk)
    assert await desk.receive(wmo325(CLAIM, xsd=XsdVersie("1.0.0", "1.0.1"))) == [("TR371", None, HEADER)]


async def test_tr376_an_answer_naming_another_declaratienummer_is_refused(desk: Desk) -> None:
    await received_claim(desk)
    assert await desk.receive(wmo325(CLAIM, nummer="D999")) == [("TR376", None, ANSWER)]


async def test_tr366_returning_a_line_never_claimed_gets_9366(desk: Desk) -> None:
    await received_claim(desk)
    stranger = replace(LINE, referentie_nummer="R9999")
    assert await desk.receive(wmo325(CLAIM, client(stranger))) == [("TR366", "9366", RETURNED)]


async def test_tr366_returning_a_claimed_line_is_accepted(desk: Desk) -> None:
    await received_claim(desk)
    assert await desk.receive(wmo325(CLAIM, client(replace(LINE, retour_codes=("9321",))))) == []


async def test_tr367_returning_a_line_with_a_changed_value_gets_9367(desk: Desk) -> None:
    await received_claim(desk)
    changed = replace(LINE, geleverd_volume=LINE.geleverd_volume + 1, retour_codes=("9321",))
    assert await desk.receive(wmo325(CLAIM, client(changed))) == [("TR367", "9367", RETURNED)]


async def test_tr304_returning_a_line_under_another_client_gets_8187(desk: Desk) -> None:
    await received_claim(desk)
    assert await desk.receive(wmo325(CLAIM, client(LINE, bsn=ANDERE_BSN))) == [("TR304", "8187", RETURNED)]
