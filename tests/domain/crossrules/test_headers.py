"""Rules on the Header of every heen message (TR056, TR135): they reject the message as a whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gateway.domain import BerichtIdentificatie
from gateway.messages.verdicts import HeaderRejection
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_AANBIEDER,
    TODAY,
    claim,
    prestatie,
    start,
    toewijzing,
    wmo301,
    wmo305,
)

HEADER = "/Bericht/Header"


def identified(bericht, identificatie: str, dagtekening: date = date(2026, 3, 2)):  # type: ignore[no-untyped-def]
    header = replace(bericht.header, bericht_identificatie=BerichtIdentificatie(identificatie, dagtekening))
    return replace(bericht, header=header)


async def test_tr056_an_identificatie_the_sender_used_before_for_the_type_gets_9056(desk: Desk) -> None:
    await desk.given(wmo301(), identified(wmo305(), "X1"))
    deletion = wmo305(start(status="3"))
    assert await desk.receive(identified(deletion, "X1", date(2026, 3, 3))) == [("TR056", "9056", HEADER)]
    assert desk.verdicts[-1] == HeaderRejection(("9056",))


async def test_tr056_the_identificatie_of_a_rejected_message_stays_used(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(identified(claim(prestatie(nummer=999)), "X1")) != []
    assert await desk.receive(identified(claim(prestatie("R2")), "X1")) == [("TR056", "9056", HEADER)]


async def test_tr056_the_same_identificatie_for_another_message_type_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), identified(wmo305(), "X1"))
    assert await desk.receive(identified(claim(prestatie()), "X1")) == []


async def test_tr056_the_same_identificatie_from_another_sender_is_accepted(desk: Desk) -> None:
    await desk.given(
        wmo301(), wmo301(toewijzing(100002), aanbieder=ANDERE_AANBIEDER), identified(wmo305(), "X1")
    )
    other = wmo305(start(100002), aanbieder=ANDERE_AANBIEDER)
    assert await desk.receive(identified(other, "X1")) == []


async def test_tr056_applies_to_the_gemeentes_own_messages(desk: Desk) -> None:
    await desk.given(wmo301(identificatie="T1"))
    assert await desk.receive(wmo301(identificatie="T1")) == [("TR056", "9056", HEADER)]


async def test_tr135_a_message_dated_after_today_gets_8848(desk: Desk) -> None:
    await desk.given(wmo301())
    tomorrow = date.fromordinal(TODAY.toordinal() + 1)
    assert await desk.receive(identified(wmo305(), "X1", tomorrow)) == [("TR135", "8848", HEADER)]


async def test_tr135_a_message_dated_today_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(identified(wmo305(), "X1", TODAY)) == []


async def test_a_header_finding_rejects_the_message_whatever_its_classes_get(desk: Desk) -> None:
    await desk.given(wmo301(), identified(wmo305(), "X1"))
    found = await desk.receive(identified(wmo305(), "X1"))
    assert ("TR056", "9056", HEADER) in found
    assert ("TR074", "9074", "/Bericht/Client/StartProducten/StartProduct[1]") in found
    assert desk.verdicts[-1] == HeaderRejection(("9056",))
