"""A verzoek om wijziging (WMO317) against the client's current assignments (TR304, TR349, TR350,
TR351, TR357, TR361, TR373, TR375, TR411, TR412). The system date is 2026-06-01, as is the message's."""

from __future__ import annotations

from datetime import date

from gateway.domain import Omvang, Product
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_BSN,
    PRODUCT,
    nieuw,
    te_wijzigen,
    toewijzing,
    wmo301,
    wmo317,
)

CLIENT = "/Bericht/Client"
VERZOEK = "/Bericht/Client/Verzoek"
ONGEWIJZIGD = "/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[{}]"
TE_WIJZIGEN = "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]"
NIEUW = "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]"
GENERIC = toewijzing(product=None, omvang=None, budget=100_000)
ASPECIFIC = toewijzing(product=Product("02", None), omvang=None, budget=100_000)


async def test_a_vow_keeping_every_current_assignment_and_adding_a_product_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(ongewijzigd=(100001,), nieuw=(nieuw(),))) == []


async def test_tr349_a_vow_leaving_out_a_current_assignment_gets_9349(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(nieuw=(nieuw(),))) == [("TR349", "9349", VERZOEK)]


async def test_tr349_an_assignment_that_ended_before_today_need_not_be_listed(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(einddatum=date(2026, 5, 31))))
    assert await desk.receive(wmo317(nieuw=(nieuw(),))) == []


async def test_tr349_a_deleted_assignment_need_not_be_listed(desk: Desk) -> None:
    deleted = toewijzing(
        einddatum=date(2026, 1, 1), reden="13", vastgesteld=toewijzing().vastgesteld.replace(day=16)
    )
    await desk.given(wmo301(), wmo301(deleted))
    assert await desk.receive(wmo317(nieuw=(nieuw(),))) == []


async def test_tr350_keeping_an_assignment_that_ended_before_today_gets_9350(desk: Desk) -> None:
    await desk.given(wmo301(), wmo301(toewijzing(100002, einddatum=date(2026, 5, 31))))
    assert await desk.receive(wmo317(ongewijzigd=(100001, 100002))) == [
        ("TR350", "9350", ONGEWIJZIGD.format(2))
    ]


async def test_tr350_keeping_an_unknown_assignment_gets_9350(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(ongewijzigd=(100001, 100009))) == [
        ("TR350", "9350", ONGEWIJZIGD.format(2))
    ]


async def test_tr351_changing_an_unknown_assignment_gets_9351(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(ongewijzigd=(100001,), wijzigen=(te_wijzigen(100009),))) == [
        ("TR351", "9351", TE_WIJZIGEN)
    ]


async def test_tr351_changing_a_current_assignment_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(),))) == []


async def test_tr304_a_vow_naming_an_assignment_of_another_client_gets_8187(desk: Desk) -> None:
    await desk.given(wmo301(), wmo301(toewijzing(100002), bsn=ANDERE_BSN))
    found = await desk.receive(wmo317(ongewijzigd=(100001, 100002)))
    assert found == [("TR304", "8187", CLIENT), ("TR350", "9350", ONGEWIJZIGD.format(2))]


async def test_tr357_a_change_from_a_past_date_other_than_the_ingangsdatum_gets_9357(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(gewenst=date(2026, 5, 1)),))) == [
        ("TR357", "9357", TE_WIJZIGEN)
    ]


async def test_tr357_a_change_of_the_whole_period_from_its_ingangsdatum_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(gewenst=date(2026, 1, 1)),))) == []


async def test_tr361_a_new_product_overlapping_a_kept_one_gets_9361(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(ongewijzigd=(100001,), nieuw=(nieuw(PRODUCT),))) == [
        ("TR361", "9361", NIEUW)
    ]


async def test_tr361_a_new_product_after_the_changed_end_of_the_same_product_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    ending = te_wijzigen(gewenst=date(2026, 7, 1), einddatum=date(2026, 6, 30), omvang=Omvang(4, "04", "2"))
    assert await desk.receive(wmo317(wijzigen=(ending,), nieuw=(nieuw(PRODUCT),))) == []


async def test_tr361_aids_may_overlap(desk: Desk) -> None:
    aid = Product("11", "11A01")
    await desk.given(wmo301(toewijzing(product=aid)))
    assert await desk.receive(wmo317(ongewijzigd=(100001,), nieuw=(nieuw(aid),))) == []


async def test_tr373_a_budget_changed_from_another_date_than_the_ingangsdatum_gets_9373(desk: Desk) -> None:
    await desk.given(wmo301(GENERIC))
    changed = te_wijzigen(omvang=None, budget=150_000)
    assert await desk.receive(wmo317(wijzigen=(changed,))) == [("TR373", "9373", TE_WIJZIGEN)]


async def test_tr373_a_budget_changed_for_the_whole_period_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(GENERIC))
    changed = te_wijzigen(gewenst=date(2026, 1, 1), omvang=None, budget=150_000)
    assert await desk.receive(wmo317(wijzigen=(changed,))) == []


async def test_tr375_an_omvang_for_an_assignment_without_product_gets_9375_and_9412(desk: Desk) -> None:
    await desk.given(wmo301(GENERIC))
    found = await desk.receive(wmo317(wijzigen=(te_wijzigen(),)))
    assert found == [("TR375", "9375", TE_WIJZIGEN), ("TR412", "9412", TE_WIJZIGEN)]


async def test_tr375_a_change_without_omvang_of_an_assignment_without_product_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(GENERIC))
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(omvang=None, gewenst=date(2026, 1, 1)),))) == []


async def test_tr411_a_change_without_omvang_of_a_specific_assignment_gets_9411(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(omvang=None),))) == [
        ("TR411", "9411", TE_WIJZIGEN)
    ]


async def test_tr412_an_omvang_for_an_aspecific_assignment_gets_9412(desk: Desk) -> None:
    await desk.given(wmo301(ASPECIFIC))
    assert await desk.receive(wmo317(wijzigen=(te_wijzigen(),))) == [("TR412", "9412", TE_WIJZIGEN)]


async def test_tr412_an_aspecific_assignment_that_ended_in_2020_may_get_an_omvang(desk: Desk) -> None:
    old = toewijzing(
        product=Product("02", None),
        omvang=None,
        budget=1,
        ingangsdatum=date(2020, 1, 1),
        einddatum=date(2020, 12, 31),
    )
    await desk.given(wmo301(old))
    found = await desk.receive(wmo317(wijzigen=(te_wijzigen(),)))
    assert ("TR412", "9412", TE_WIJZIGEN) not in found
