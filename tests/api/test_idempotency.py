"""A message sent again gets its first answer and changes nothing, also when both copies race."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from gateway.store.models import Message
from gateway.store.models.messages import RECEIVED, REJECTED
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway
from tests.api.making import AANBIEDER_A, from_aanbieder, retour_codes, start, toewijzing


async def message_count(gateway: Gateway) -> int:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(Message)) or 0)


async def test_a_repeated_heen_message_gets_the_same_retour_marked_as_replay(gateway: Gateway) -> None:
    first = await gateway.send("aanbieder_a", start("S-1"))
    stored = await message_count(gateway)
    again = await gateway.send("aanbieder_a", start("S-1"))
    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers["X-Message-Id"] == first.headers["X-Message-Id"]
    assert again.headers["X-Idempotent-Replay"] == "true"
    assert "X-Idempotent-Replay" not in first.headers
    assert await message_count(gateway) == stored


async def test_a_repeated_heen_message_delivers_nothing_new(gateway: Gateway) -> None:
    await gateway.send("aanbieder_a", start("S-1"))
    before = (await gateway.mailbox_ids("aanbieder_a"), await gateway.mailbox_ids("gemeente"))
    await gateway.send("aanbieder_a", start("S-1"))
    assert (await gateway.mailbox_ids("aanbieder_a"), await gateway.mailbox_ids("gemeente")) == before


async def test_a_repeated_message_for_the_other_party_gets_the_same_receipt(gateway: Gateway) -> None:
    first = await gateway.send("gemeente", toewijzing("T-1"))
    again = await gateway.send("gemeente", toewijzing("T-1"))
    assert again.status_code == 202
    assert again.json() == first.json()
    assert again.headers["X-Idempotent-Replay"] == "true"
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1


async def test_the_same_bytes_from_another_sender_are_no_repeat(gateway: Gateway) -> None:
    await gateway.send("aanbieder_a", start("S-1"))
    forged = await gateway.send("aanbieder_b", start("S-1"))
    assert forged.status_code == 403
    assert "X-Idempotent-Replay" not in forged.headers


async def test_identical_messages_racing_have_one_effect(gateway: Gateway) -> None:
    responses = await asyncio.gather(*(gateway.send("aanbieder_a", start("S-1")) for _ in range(5)))
    assert {response.status_code for response in responses} == {200}
    assert len({response.content for response in responses}) == 1
    assert len({response.headers["X-Message-Id"] for response in responses}) == 1
    assert sum("X-Idempotent-Replay" not in response.headers for response in responses) == 1
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1
    assert len(await gateway.mailbox_ids("gemeente")) == 1
    answered = int(responses[0].headers["X-Message-Id"])
    async with UnitOfWork(gateway.sessionmaker) as uow:
        copies = await uow.session.scalars(
            select(Message).where(Message.origin == RECEIVED, Message.id != answered)
        )
        # Copies that got past the first look for a repeat were stored, then found to be repeats.
        assert {(copy.outcome, copy.failure) for copy in copies} <= {
            (REJECTED, f"a repeat of message {answered}")
        }


async def test_identical_toewijzingen_racing_are_passed_on_once(gateway: Gateway) -> None:
    responses = await asyncio.gather(*(gateway.send("gemeente", toewijzing("T-1")) for _ in range(5)))
    assert {response.status_code for response in responses} == {202}
    assert len({response.text for response in responses}) == 1
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1


async def test_different_messages_racing_with_one_identificatie_get_one_acceptance_and_one_9056(
    gateway: Gateway,
) -> None:
    other = from_aanbieder(AANBIEDER_A, "WMO305/valid/rich.xml", "S-1")
    responses = await asyncio.gather(
        gateway.send("aanbieder_a", start("S-1")), gateway.send("aanbieder_a", other)
    )
    assert sorted(retour_codes(response.content) for response in responses) == [[], ["9056"]]
    assert len(await gateway.mailbox_ids("gemeente")) == 1
