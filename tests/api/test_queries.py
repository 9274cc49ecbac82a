"""Reading the record: an aanbieder its toewijzingen, the gemeente its toewijzingen and its clients'
toewijzingen, leveringen and budgets. Who may read what is pinned in test_authorisation_matrix.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from gateway.store.queries.toewijzingen import CurrentToewijzing
from tests.api.conftest import Gateway
from tests.api.making import AANBIEDER_A, AANBIEDER_B, GEMEENTE
from tests.api.querying import ANDERE_BSN, BSN, World, at_gemeente, seed
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import toewijzing, wmo301


@pytest.fixture
async def world(gateway: Gateway) -> World:
    return await seed(gateway.sessionmaker)


async def _toewijzingen(gateway: Gateway, party: str, **params: Any) -> list[dict[str, Any]]:
    response = await gateway.client.get("/api/v1/toewijzingen", params=params, headers=gateway.auth(party))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def _client(gateway: Gateway, world: World, what: str) -> dict[str, Any]:
    response = await gateway.client.get(
        f"/api/v1/clienten/{world.client}/{what}", headers=gateway.auth("gemeente")
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_an_aanbieder_reads_its_own_toewijzingen_of_every_gemeente_with_each_clients_bsn(
    gateway: Gateway, world: World
) -> None:
    items = await _toewijzingen(gateway, "aanbieder_a")
    assert [(item["gemeente"], item["nummer"], item["bsn"]) for item in items] == [
        (GEMEENTE, 100001, BSN),
        (GEMEENTE, 100003, ANDERE_BSN),
        ("0363", 100001, BSN),
    ]
    assert {item["aanbieder"] for item in items} == {AANBIEDER_A}


async def test_an_item_states_the_toewijzing_as_assigned(gateway: Gateway, world: World) -> None:
    [item] = await _toewijzingen(gateway, "aanbieder_b")
    assert item == {
        "nummer": 100002,
        "gemeente": GEMEENTE,
        "aanbieder": AANBIEDER_B,
        "bsn": BSN,
        "versie": 1,
        "referentie_aanbieder": None,
        "product_categorie": "02",
        "product_code": "02B01",
        "toewijzingsdatum": "2025-12-15",
        "ingangsdatum": "2026-01-01",
        "einddatum": "2026-12-31",
        "reden_wijziging": None,
        "omvang": {"volume": 4, "eenheid": "04", "frequentie": "2"},
        "budget": None,
        "status": item["status"],
    }


async def test_the_gemeente_reads_only_its_own_toewijzingen(gateway: Gateway, world: World) -> None:
    items = await _toewijzingen(gateway, "gemeente")
    assert [(item["nummer"], item["aanbieder"]) for item in items] == [
        (100001, AANBIEDER_A),
        (100002, AANBIEDER_B),
        (100003, AANBIEDER_A),
    ]


async def test_the_gemeente_reads_one_aanbieders_toewijzingen(gateway: Gateway, world: World) -> None:
    items = await _toewijzingen(gateway, "gemeente", aanbieder=AANBIEDER_B)
    assert [item["nummer"] for item in items] == [100002]


async def test_an_aanbieder_unknown_to_the_gateway_has_no_toewijzingen(
    gateway: Gateway, world: World
) -> None:
    assert await _toewijzingen(gateway, "gemeente", aanbieder="11112222") == []


async def test_pages_follow_each_other_without_repeating_or_skipping(gateway: Gateway, world: World) -> None:
    seen: list[int] = []
    after = "0"
    for _ in range(4):
        response = await gateway.client.get(
            "/api/v1/toewijzingen", params={"after": after, "limit": 1}, headers=gateway.auth("gemeente")
        )
        page = response.json()
        seen.extend(item["nummer"] for item in page["items"])
        after = page["next"]
    assert seen == [100001, 100002, 100003]
    assert page["items"] == []


async def test_a_changed_toewijzing_is_read_as_its_newest_version(gateway: Gateway, world: World) -> None:
    await Desk(gateway.sessionmaker).given(
        at_gemeente(
            wmo301(toewijzing(100002, einddatum=date(2026, 6, 30), reden="05"), aanbieder=AANBIEDER_B)
        )
    )
    [item] = await _toewijzingen(gateway, "aanbieder_b")
    assert (item["versie"], item["einddatum"], item["reden_wijziging"]) == (2, "2026-06-30", "05")


async def test_a_version_fixed_before_the_current_one_does_not_replace_it_when_it_arrives_late(
    gateway: Gateway, world: World
) -> None:
    older = toewijzing(
        100002, einddatum=date(2026, 3, 31), reden="05", vastgesteld=datetime(2025, 12, 1, 9, 0)
    )
    await Desk(gateway.sessionmaker).given(at_gemeente(wmo301(older, aanbieder=AANBIEDER_B)))
    [item] = await _toewijzingen(gateway, "aanbieder_b")
    assert (item["versie"], item["einddatum"], item["reden_wijziging"]) == (1, "2026-12-31", None)


async def test_a_toewijzing_deleted_as_sent_in_error_is_read_as_verwijderd(
    gateway: Gateway, world: World
) -> None:
    deleted = toewijzing(100003, einddatum=date(2026, 1, 1), reden="13")
    await Desk(gateway.sessionmaker).given(at_gemeente(wmo301(deleted, bsn=ANDERE_BSN)))
    items = await _toewijzingen(gateway, "gemeente")
    assert {item["nummer"]: item["status"] for item in items}[100003] == "verwijderd"


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2025, 12, 31), "toekomstig"),
        (date(2026, 1, 1), "actueel"),
        (date(2026, 12, 31), "actueel"),
        (date(2027, 1, 1), "beeindigd"),
    ],
)
def test_the_status_of_a_toewijzing_is_where_today_lies_in_its_period(today: date, status: str) -> None:
    current = CurrentToewijzing(
        id=1,
        nummer=100001,
        gemeente=GEMEENTE,
        aanbieder=AANBIEDER_A,
        client_id=1,
        bsn=BSN,
        versie=1,
        referentie_aanbieder=None,
        product_categorie="02",
        product_code="02B01",
        toewijzingsdatum=date(2025, 12, 15),
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
        reden_wijziging=None,
        omvang=None,
        budget=None,
    )
    assert current.status(today) == status


async def test_the_gemeente_finds_its_client_by_bsn_in_the_body(gateway: Gateway, world: World) -> None:
    response = await gateway.client.post(
        "/api/v1/clienten/zoeken", json={"bsn": BSN}, headers=gateway.auth("gemeente")
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"client_id": world.client}


async def test_a_bsn_the_gemeente_does_not_know_is_not_found(gateway: Gateway, world: World) -> None:
    response = await gateway.client.post(
        "/api/v1/clienten/zoeken", json={"bsn": "999900030"}, headers=gateway.auth("gemeente")
    )
    assert response.status_code == 404
    assert "999900030" not in response.text


@pytest.mark.parametrize("bsn", ["99990000", "9999000061", "99990000x", ""])
async def test_a_search_without_nine_digits_is_refused_with_its_reason(
    gateway: Gateway, world: World, bsn: str
) -> None:
    response = await gateway.client.post(
        "/api/v1/clienten/zoeken", json={"bsn": bsn}, headers=gateway.auth("gemeente")
    )
    assert response.status_code == 422
    assert "bsn" in response.json()["detail"]


async def test_a_clients_toewijzingen_are_those_of_the_gemeente_only(gateway: Gateway, world: World) -> None:
    body = await _client(gateway, world, "toewijzingen")
    assert [(item["nummer"], item["gemeente"]) for item in body["items"]] == [
        (100001, GEMEENTE),
        (100002, GEMEENTE),
    ]


async def test_a_clients_leveringen_are_the_starts_and_stops_reported(gateway: Gateway, world: World) -> None:
    body = await _client(gateway, world, "leveringen")
    [levering] = body["items"]
    assert {key: levering[key] for key in ("soort", "aanbieder", "toewijzing_nummer", "begindatum")} == {
        "soort": "start",
        "aanbieder": AANBIEDER_A,
        "toewijzing_nummer": 100001,
        "begindatum": "2026-01-05",
    }
    assert (levering["deleted"], levering["status_aanlevering"]) == (False, "1")


async def test_a_natura_budget_shows_what_was_granted_used_and_left(gateway: Gateway, world: World) -> None:
    natura = {
        budget["toewijzing_nummer"]: budget
        for budget in (await _client(gateway, world, "budgetten"))["natura"]
    }
    twenty_hours = natura[100001]
    assert twenty_hours["eenheid"] == "01"
    assert twenty_hours["total"] == {"granted": 20 * 60, "used": 12 * 60, "left": 8 * 60}
    january = twenty_hours["periods"][0]
    assert (january["begindatum"], january["einddatum"], january["used"]) == ("2026-01-01", "2026-01-31", 720)
    assert set(natura) == {100001, 100002}


async def test_a_pgb_budget_shows_each_period_with_what_was_paid(gateway: Gateway, world: World) -> None:
    [pgb] = (await _client(gateway, world, "budgetten"))["pgb"]
    assert pgb["beschikking_nummer"] == 7
    assert pgb["periods"] == [
        {
            "begindatum": "2026-01-01",
            "einddatum": "2026-12-31",
            "granted": 100_000,
            "used": 30_000,
            "left": 70_000,
        }
    ]
