"""The events feed through the HTTP API: what the gemeente records is announced, in order per client and
keyed without the BSN; refusals are announced; what rolls back is not; the feed is the gemeente's."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gateway.events.keys import KeyedReferences
from gateway.events.settings import EventSettings
from gateway.events.writer import EventWriter
from gateway.pipeline.announcing import Announcer
from gateway.pipeline.judging import DomainProcessor
from gateway.policy import bundled_mapping, load_policy
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, AANBIEDER_B, from_gemeente
from tests.events.scenario import BSN, LIFE_EVENTS, declaratie, life_of_a_toewijzing, start, toewijzing

SECRET = "api-test-secret-of-at-least-32-bytes"
CLIENT_REF = KeyedReferences(SECRET.encode()).client(BSN)
BEYOND_THE_TOEWIJZING = {
    b"<wmo323:GeleverdVolume>12": b"<wmo323:GeleverdVolume>400",
    b"47400": b"1580000",
}
"""400 hours in one claim: more than 4 hours a week allow over the toewijzing's whole period."""


@pytest.fixture
async def announcing(make_gateway: GatewayFactory, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Gateway]:
    """The gateway with the gemeente's judgement and the announcer, under a key secret the test knows."""
    monkeypatch.setenv("IWMO_EVENTS_KEY_SECRET", SECRET)
    writer = EventWriter(references=KeyedReferences(SECRET.encode()), source=EventSettings().source())
    processor = DomainProcessor(load_policy(bundled_mapping()), followers=[Announcer(writer)])
    async with make_gateway(processor) as running:
        yield running


async def feed(gateway: Gateway, party: str = "gemeente", **params: Any) -> list[dict[str, Any]]:
    response = await gateway.client.get("/api/v1/events", params=params, headers=gateway.auth(party))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def send_all(gateway: Gateway, *messages: tuple[str, bytes]) -> None:
    for party, content in messages:
        response = await gateway.send(party, content)
        assert response.status_code in (200, 202), response.text


def types_for(events: list[dict[str, Any]], key: str) -> list[str]:
    return [event["type"] for event in events if event["partitionkey"] == key]


async def test_a_toewijzing_its_start_stop_and_claim_are_announced_in_order_for_the_client(
    announcing: Gateway,
) -> None:
    await send_all(announcing, *life_of_a_toewijzing("1"))
    events = await feed(announcing)
    assert types_for(events, CLIENT_REF) == LIFE_EVENTS
    assert [e["type"] for e in events if e["partitionkey"] != CLIENT_REF] == ["nl.iwmo.declaratie.ontvangen"]
    assert all(e["data"].get("clientRef", CLIENT_REF) == CLIENT_REF for e in events)
    assert all(BSN not in json.dumps(event) for event in events)
    [assessed] = [e["data"] for e in events if e["type"] == "nl.iwmo.declaratie.beoordeeld"]
    assert (assessed["totaalToegekendBedrag"], assessed["totaalAfgewezenBedrag"]) == (47400, 0)


async def test_a_claim_beyond_the_toewijzing_announces_the_budget_overrun(announcing: Gateway) -> None:
    await send_all(
        announcing,
        ("gemeente", toewijzing("T-1")),
        ("aanbieder_a", declaratie("D-1", BEYOND_THE_TOEWIJZING)),
    )
    events = await feed(announcing)
    assert types_for(events, CLIENT_REF) == [
        "nl.iwmo.toewijzing.verzonden",
        "nl.iwmo.budget.overschreden",
        "nl.iwmo.declaratie.beoordeeld",
    ]
    [overrun] = [e["data"] for e in events if e["type"] == "nl.iwmo.budget.overschreden"]
    # Hours are counted in minutes (WJ756 01), the unit the budget of an hourly toewijzing is kept in.
    assert (overrun["soort"], overrun["toewijzingNummer"], overrun["eenheid"]) == ("natura", 100001, "01")
    assert overrun["gevraagd"] > overrun["resterend"]
    [assessed] = [e["data"] for e in events if e["type"] == "nl.iwmo.declaratie.beoordeeld"]
    assert assessed["totaalAfgewezenBedrag"] == 1580000
    assert "9322" in assessed["prestaties"][0]["retourcodes"]


async def test_a_toewijzing_repeated_unchanged_is_not_announced_again_and_an_earlier_end_is(
    announcing: Gateway,
) -> None:
    ended = {
        b"<wmo301:Einddatum>2026-12-31</wmo301:Einddatum>": (
            b"<wmo301:Einddatum>2026-09-30</wmo301:Einddatum><wmo301:RedenWijziging>05</wmo301:RedenWijziging>"
        ),
        b"<wmo301:Toewijzingsdatum>2026-03-01": b"<wmo301:Toewijzingsdatum>2026-03-02",
    }
    await send_all(
        announcing,
        ("gemeente", toewijzing("T-1")),
        ("gemeente", toewijzing("T-2")),
        ("gemeente", toewijzing("T-3", ended)),
    )
    events = await feed(announcing)
    assert types_for(events, CLIENT_REF) == ["nl.iwmo.toewijzing.verzonden", "nl.iwmo.toewijzing.beeindigd"]
    assert events[-1]["data"]["versie"] == 3
    assert events[-1]["data"]["einddatum"] == "2026-09-30"


async def test_a_message_refused_for_its_schema_is_announced_with_its_sender_and_rules(
    announcing: Gateway,
) -> None:
    response = await announcing.send("aanbieder_a", b"<Bericht>not iWmo</Bericht>")
    assert response.status_code == 422, response.text
    [event] = await feed(announcing)
    assert event["type"] == "nl.iwmo.bericht.geweigerd"
    assert event["partitionkey"] == KeyedReferences(SECRET.encode()).party(AANBIEDER_A)
    assert event["data"]["afzender"] == AANBIEDER_A
    assert event["data"]["berichtId"] == int(response.headers["X-Message-Id"])
    assert {finding["regel"] for finding in event["data"]["bevindingen"]} <= {"XML", "XSD"}


async def test_a_toewijzing_refused_by_the_policy_is_announced_as_refused_and_nothing_else(
    announcing: Gateway,
) -> None:
    response = await announcing.send("gemeente", from_gemeente("WMO301/valid/minimal.xml", "T-1"))
    assert response.status_code == 422, response.text
    [event] = await feed(announcing)
    assert event["type"] == "nl.iwmo.bericht.geweigerd"
    assert (event["data"]["berichtcode"], event["data"]["identificatie"]) == ("WMO301", "T-1")
    assert [finding["regel"] for finding in event["data"]["bevindingen"]] == ["POLICY"]


async def test_a_message_sent_in_another_party_s_name_is_announced_as_refused_by_the_gateway(
    announcing: Gateway,
) -> None:
    response = await announcing.send("aanbieder_b", start("S-1"))
    assert response.status_code == 403, response.text
    [event] = await feed(announcing)
    assert event["data"]["afzender"] == AANBIEDER_B
    assert event["data"]["bevindingen"] == [
        {"regel": "GATEWAY", "retourcode": None, "locatie": "/Bericht/Header"}
    ]


class FailingAfterTheEvents:
    """A follower after the announcer that fails: the message's transaction rolls back, events and all."""

    async def follow(self, *_: object) -> None:
        raise RuntimeError("the CAK feed is down")


async def test_a_message_whose_processing_rolls_back_announces_nothing(
    make_gateway: GatewayFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IWMO_EVENTS_KEY_SECRET", SECRET)
    writer = EventWriter(references=KeyedReferences(SECRET.encode()), source=EventSettings().source())
    followers = [Announcer(writer), FailingAfterTheEvents()]
    processor = DomainProcessor(load_policy(bundled_mapping()), followers=followers)
    async with make_gateway(processor) as gateway:
        response = await gateway.send("gemeente", toewijzing("T-1"))
        assert response.status_code == 500, response.text
        assert await feed(gateway) == []


async def test_the_feed_pages_by_its_cursor_without_skipping_or_repeating(announcing: Gateway) -> None:
    await send_all(announcing, *life_of_a_toewijzing("1")[:3])
    seen, cursor = [], "0"
    while True:
        response = await announcing.client.get(
            "/api/v1/events", params={"after": cursor, "limit": 2}, headers=announcing.auth("gemeente")
        )
        page = response.json()
        if not page["items"]:
            assert page["next"] == cursor
            break
        seen.extend(event["sequence"] for event in page["items"])
        cursor = page["next"]
    assert len(seen) == 3
    assert seen == sorted(set(seen))


async def test_without_any_event_setting_the_gateway_keys_events_under_a_secret_it_keeps(
    make_gateway: GatewayFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("IWMO_EVENTS_KEY_SECRET", "IWMO_EVENTS_OIN"):
        monkeypatch.delenv(name, raising=False)
    for identificatie in ("A", "B"):
        async with make_gateway() as gateway:
            response = await gateway.send(
                "aanbieder_a", b"<Bericht>" + identificatie.encode() + b"</Bericht>"
            )
            assert response.status_code == 422, response.text
            events = await feed(gateway)
    first, second = events
    assert first["partitionkey"] == second["partitionkey"]
    assert first["source"] == "urn:iwmo-gateway:systeem:iwmo-gateway"
