"""Who may do what: every kind of party against every endpoint, with its own data and someone else's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.api.conftest import PARTIES, Gateway
from tests.api.making import AANBIEDER_A, AANBIEDER_B, start, toewijzing

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
    [("POST", "/api/v1/messages"), ("GET", "/api/v1/messages/1"), ("GET", "/api/v1/mailbox")],
)
async def test_every_api_endpoint_needs_a_token(gateway: Gateway, method: str, path: str) -> None:
    response = await gateway.client.request(
        method, path, content=b"<x/>", headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 401


async def test_health_needs_no_token(gateway: Gateway) -> None:
    assert (await gateway.client.get("/health")).status_code == 200
