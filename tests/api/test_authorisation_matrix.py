"""Who may do what: every kind of party against every endpoint, with its own data and someone else's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.api.conftest import PARTIES, Gateway
from tests.api.making import AANBIEDER_A, AANBIEDER_B, GEMEENTE, start, toewijzing
from tests.api.querying import BSN, World, seed
from tests.api.test_beschikkingen import HULPMIDDEL, PGB

Message = Callable[[], bytes]

SENDING = [
    # (caller, message, expected status)
    ("gemeente", lambda: toewijzing("T-1"), 202),
    ("gemeente", lambda: start("S-1", by=AANBIEDER_A), 403),
    ("aanbieder_a", lambda: start("S-1", by=AANBIEDER_A), 200),
    ("aanbieder_a", lambda: start("S-1", by=AANBIEDER_B), 403),
    ("aanbieder_a", lambda: toewijzing("T-1"), 403),
    ("aanbieder_b", lambda: start("S-1", by=AANBIEDER_B), 200),
    ("aanbieder_b", lambda: start("S-1", by=AANBIEDER_A), 403),
    ("cak", lambda: start("S-1", by=AANBIEDER_A), 403),
    ("cak", lambda: toewijzing("T-1"), 403),
]


@pytest.mark.parametrize(
    ("caller", "message", "status"),
    SENDING,
    ids=[f"{caller}-{index}" for index, (caller, _, _) in enumerate(SENDING)],
)
async def test_a_party_sends_only_its_own_messages(
    gateway: Gateway, caller: str, message: Message, status: int
) -> None:
    assert (await gateway.send(caller, message())).status_code == status


READERS = {
    # The heen message (aanbieder A to the gemeente) and its retour (the gemeente to aanbieder A).
    "gemeente": {"heen": 200, "retour": 200},
    "aanbieder_a": {"heen": 200, "retour": 200},
    "aanbieder_b": {"heen": 404, "retour": 404},
    "cak": {"heen": 404, "retour": 404},
}


@pytest.mark.parametrize("reader", PARTIES)
async def test_a_message_is_read_only_by_its_sender_and_receiver(gateway: Gateway, reader: str) -> None:
    heen = int((await gateway.send("aanbieder_a", start("S-1"))).headers["X-Message-Id"])
    [retour] = await gateway.mailbox_ids("aanbieder_a")
    statuses = {
        "heen": (await gateway.read(reader, heen)).status_code,
        "retour": (await gateway.read(reader, retour)).status_code,
    }
    assert statuses == READERS[reader]


MAILBOXES = {"gemeente": 1, "aanbieder_a": 1, "aanbieder_b": 1, "cak": 0}


@pytest.mark.parametrize("reader", PARTIES)
async def test_a_mailbox_holds_only_what_is_addressed_to_its_party(gateway: Gateway, reader: str) -> None:
    await gateway.send("aanbieder_a", start("S-1"))  # retour to A; the 305 to the gemeente
    await gateway.send("gemeente", toewijzing("T-1", to=AANBIEDER_B))
    assert len(await gateway.mailbox_ids(reader)) == MAILBOXES[reader]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/messages"),
        ("GET", "/api/v1/messages/1"),
        ("GET", "/api/v1/mailbox"),
        ("GET", "/api/v1/events"),
        ("POST", "/api/v1/beschikkingen"),
        ("GET", "/api/v1/toewijzingen"),
        ("POST", "/api/v1/clienten/zoeken"),
        ("GET", "/api/v1/clienten/1/toewijzingen"),
        ("GET", "/api/v1/clienten/1/leveringen"),
        ("GET", "/api/v1/clienten/1/budgetten"),
        ("GET", "/api/v1/cak/eigen-bijdrage"),
        ("GET", "/api/v1/cak/wmo405"),
        ("GET", "/api/v1/cak/achterstallig"),
    ],
)
async def test_every_api_endpoint_needs_a_token(gateway: Gateway, method: str, path: str) -> None:
    response = await gateway.client.request(
        method, path, content=b"<x/>", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 401


async def test_health_needs_no_token(gateway: Gateway) -> None:
    assert (await gateway.client.get("/health")).status_code == 200


async def test_metrics_need_no_token(gateway: Gateway) -> None:
    assert (await gateway.client.get("/metrics")).status_code == 200


EVENTS_READ = {"gemeente": 200, "aanbieder_a": 403, "aanbieder_b": 403, "cak": 403}


@pytest.mark.parametrize("reader", PARTIES)
async def test_only_the_gemeente_reads_the_events(gateway: Gateway, reader: str) -> None:
    response = await gateway.client.get("/api/v1/events", headers=gateway.auth(reader))
    assert response.status_code == EVENTS_READ[reader]


DECIDING = {"gemeente": 201, "aanbieder_a": 403, "aanbieder_b": 403, "cak": 403}


@pytest.mark.parametrize("caller", PARTIES)
async def test_only_the_gemeente_registers_a_beschikking(gateway: Gateway, caller: str) -> None:
    response = await gateway.client.post(
        "/api/v1/beschikkingen", json=HULPMIDDEL, headers=gateway.auth(caller)
    )
    assert response.status_code == DECIDING[caller]


CAK_FEED_READ = {"gemeente": 200, "aanbieder_a": 403, "aanbieder_b": 403, "cak": 200}
CAK_FEED = ["/api/v1/cak/eigen-bijdrage", "/api/v1/cak/wmo405", "/api/v1/cak/achterstallig"]


@pytest.mark.parametrize("path", CAK_FEED)
@pytest.mark.parametrize("reader", PARTIES)
async def test_the_cak_feed_is_read_only_by_the_cak_and_the_gemeente(
    gateway: Gateway, reader: str, path: str
) -> None:
    # A pgb decision queues a delivery, so the WMO405 endpoint has a message to give.
    decided = await gateway.client.post("/api/v1/beschikkingen", json=PGB, headers=gateway.auth("gemeente"))
    assert decided.status_code == 201
    params = {"gemeente": GEMEENTE} if reader == "cak" else {}
    response = await gateway.client.get(path, params=params, headers=gateway.auth(reader))
    assert response.status_code == CAK_FEED_READ[reader]


@pytest.mark.parametrize("path", CAK_FEED)
@pytest.mark.parametrize(
    ("reader", "gemeente", "status"),
    [("gemeente", "0363", 403), ("cak", "0363", 404), ("cak", None, 422)],
    ids=["gemeente-another", "cak-unknown-gemeente", "cak-no-gemeente"],
)
async def test_the_cak_names_a_known_gemeente_and_a_gemeente_reads_only_its_own_feed(
    gateway: Gateway, reader: str, gemeente: str | None, status: int, path: str
) -> None:
    params = {} if gemeente is None else {"gemeente": gemeente}
    response = await gateway.client.get(path, params=params, headers=gateway.auth(reader))
    assert response.status_code == status


@pytest.fixture
async def world(gateway: Gateway) -> World:
    return await seed(gateway.sessionmaker)


TOEWIJZINGEN_READ = {
    # The status, and each toewijzing read as (gemeente, nummer).
    "gemeente": (200, [("1916", 100001), ("1916", 100002), ("1916", 100003)]),
    "aanbieder_a": (200, [("1916", 100001), ("1916", 100003), ("0363", 100001)]),
    "aanbieder_b": (200, [("1916", 100002)]),
    "cak": (403, None),
}


@pytest.mark.parametrize("reader", PARTIES)
async def test_toewijzingen_are_read_only_by_their_gemeente_and_their_aanbieder(
    gateway: Gateway, world: World, reader: str
) -> None:
    response = await gateway.client.get("/api/v1/toewijzingen", headers=gateway.auth(reader))
    items = response.json()["items"] if response.status_code == 200 else None
    read = None if items is None else [(item["gemeente"], item["nummer"]) for item in items]
    assert (response.status_code, read) == TOEWIJZINGEN_READ[reader]


@pytest.mark.parametrize(("reader", "status"), [("aanbieder_a", 200), ("aanbieder_b", 403), ("cak", 403)])
async def test_an_aanbieder_may_not_ask_for_another_aanbieders_toewijzingen(
    gateway: Gateway, world: World, reader: str, status: int
) -> None:
    response = await gateway.client.get(
        "/api/v1/toewijzingen", params={"aanbieder": AANBIEDER_A}, headers=gateway.auth(reader)
    )
    assert response.status_code == status


CLIENT_READS = {
    # (own client of gemeente 1916, the client of gemeente 0363)
    "gemeente": (200, 404),
    "aanbieder_a": (403, 403),
    "aanbieder_b": (403, 403),
    "cak": (403, 403),
}


@pytest.mark.parametrize("what", ["toewijzingen", "leveringen", "budgetten"])
@pytest.mark.parametrize("reader", PARTIES)
async def test_a_client_is_read_only_by_its_own_gemeente(
    gateway: Gateway, world: World, reader: str, what: str
) -> None:
    statuses = [
        (
            await gateway.client.get(f"/api/v1/clienten/{client}/{what}", headers=gateway.auth(reader))
        ).status_code
        for client in (world.client, world.vreemde_client)
    ]
    assert tuple(statuses) == CLIENT_READS[reader]


@pytest.mark.parametrize(("reader", "status"), [("gemeente", 200), ("aanbieder_a", 403), ("cak", 403)])
async def test_only_a_gemeente_finds_a_client_by_bsn(
    gateway: Gateway, world: World, reader: str, status: int
) -> None:
    response = await gateway.client.post(
        "/api/v1/clienten/zoeken", json={"bsn": BSN}, headers=gateway.auth(reader)
    )
    assert response.status_code == status
