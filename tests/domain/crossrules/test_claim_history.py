"""A claim line against the aanbieder's earlier lines (TR314, TR323, TR389, TR390)."""

from __future__ import annotations

from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import JANUARI, claim, prestatie, wmo301

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
SECOND_LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"


async def test_tr314_a_referentienummer_used_in_an_earlier_claim_gets_8021(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI)))
    assert await desk.receive(claim(prestatie("R1"))) == [("TR314", "8021", LINE)]


async def test_tr314_a_referentienummer_used_twice_in_one_claim_rejects_the_second_line(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie("R1", periode=JANUARI), prestatie("R1"))) == [
        ("TR314", "8021", SECOND_LINE)
    ]


async def test_tr314_the_referentienummer_of_a_rejected_line_may_be_used_again(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie("R1", nummer=999))) == [("TR338", "9338", LINE)]
    assert await desk.receive(claim(prestatie("R1"))) == []


async def test_tr323_a_credit_of_an_unknown_line_gets_8017(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")))
    assert await desk.receive(claim(prestatie("C1", credit_of="R9"))) == [("TR323", "8017", LINE)]


async def test_tr323_a_credit_of_a_rejected_line_gets_8017(desk: Desk) -> None:
    await desk.given(wmo301())
    await desk.receive(claim(prestatie("R1", volume=99)))
    assert await desk.receive(claim(prestatie("C1", volume=99, credit_of="R1"))) == [("TR323", "8017", LINE)]


async def test_tr323_a_credit_of_an_approved_debit_line_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")))
    assert await desk.receive(claim(prestatie("C1", credit_of="R1"))) == []


async def test_tr390_a_second_credit_of_the_same_line_gets_9390(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")), claim(prestatie("C1", credit_of="R1")))
    assert await desk.receive(claim(prestatie("C2", credit_of="R1"))) == [("TR390", "9390", LINE)]


async def test_tr390_a_credit_of_a_line_whose_earlier_credit_was_rejected_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")))
    await desk.receive(claim(prestatie("C1", credit_of="R1", nummer=999)))
    assert await desk.receive(claim(prestatie("C2", credit_of="R1"))) == []


async def test_tr389_a_second_debit_for_the_same_period_and_product_gets_9389(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", volume=6)))
    assert await desk.receive(claim(prestatie("R2", volume=6))) == [("TR389", "9389", LINE)]


async def test_tr389_a_debit_after_its_credit_in_an_earlier_claim_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")), claim(prestatie("C1", credit_of="R1")))
    assert await desk.receive(claim(prestatie("R2", volume=10))) == []


async def test_tr389_a_claim_may_credit_a_line_and_claim_it_anew(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")))
    assert await desk.receive(claim(prestatie("C1", credit_of="R1"), prestatie("R2", volume=16))) == []


async def test_tr389_two_debits_for_the_same_period_in_one_claim_reject_the_second(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie("R1", volume=6), prestatie("R2", volume=6))) == [
        ("TR389", "9389", SECOND_LINE)
    ]
