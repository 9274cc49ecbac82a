"""Reading back: a stored message by id for its sender and receiver, and the mailbox page by page."""

from __future__ import annotations

import asyncio

from tests.api.conftest import Gateway
from tests.api.making import AANBIEDER_A, start, toewijzing


async def test_a_message_is_readable_by_its_sender_and_receiver_as_sent(gateway: Gateway) -> None:
    content = toewijzing("T-1")
    message_id = (await gateway.send("gemeente", content)).headers["X-Message-Id"]
    for party in ("gemeente", "aanbieder_a"):
        response = await gateway.read(party, message_id)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/xml"
        assert response.headers["X-Message-Id"] == message_id
        assert response.content == content


async def test_a_message_is_not_found_for_another_party_as_if_it_did_not_exist(gateway: Gateway) -> None:
    message_id = int((await gateway.send("gemeente", toewijzing("T-1"))).headers["X-Message-Id"])
    other = await gateway.read("aanbieder_b", message_id)
    missing = await gateway.read("aanbieder_b", message_id + 1000)
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"] == f"no message {message_id} for you"


async def test_the_mailbox_pages_through_every_message_once_in_delivery_order(gateway: Gateway) -> None:
    sent = [
        int((await gateway.send("gemeente", toewijzing(f"T-{n}"))).headers["X-Message-Id"]) for n in range(7)
    ]
    seen: list[int] = []
    cursor = "0"
    while True:
        page = (await gateway.mailbox("aanbieder_a", after=cursor, limit=3)).json()
        assert len(page["items"]) <= 3
        if not page["items"]:
            assert page["next"] == cursor
            break
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next"]
    assert seen == sent


async def test_the_mailbox_starts_at_the_beginning_and_is_empty_for_a_new_party(gateway: Gateway) -> None:
    response = await gateway.mailbox("aanbieder_b")
    assert response.status_code == 200
    assert response.json() == {"items": [], "next": "0"}


async def test_a_mailbox_read_while_messages_arrive_skips_and_repeats_nothing(gateway: Gateway) -> None:
    async def send_all() -> None:
        await asyncio.gather(
            *(gateway.send("aanbieder_a", start(f"S-{n}", by=AANBIEDER_A)) for n in range(12))
        )

    seen: list[int] = []
    cursor = "0"

    async def read_page() -> int:
        nonlocal cursor
        page = (await gateway.mailbox("gemeente", after=cursor, limit=2)).json()
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next"]
        return len(page["items"])

    sending = asyncio.create_task(send_all())
    while not sending.done():
        await read_page()
        await asyncio.sleep(0)
    await sending
    while await read_page():
        pass
    assert len(seen) == len(set(seen)) == 12
    assert seen == await gateway.mailbox_ids("gemeente")
