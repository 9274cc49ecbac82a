"""A message whose processing fails is kept as failed, leaves nothing else behind, and can be sent again."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from gateway.messages.findings import Finding
from gateway.messages.verdicts import Accepted, Verdict
from gateway.pipeline.processing import Received
from gateway.store.models import MailboxEntry, Message, OutboxEvent
from gateway.store.models.messages import ACCEPTED, FAILED
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import start, toewijzing
from tests.conftest import NOW

BSN = "999900006"


class DomainBugError(Exception):
    pass


class FailsOnce:
    """Writes an event, then fails the first time it is asked; accepts after that."""

    def __init__(self) -> None:
        self.calls = 0

    async def _fail_first(self, uow: UnitOfWork, received: Received) -> None:
        self.calls += 1
        await uow.outbox.add(f"message:{received.message_id}", "judged", {}, created_at=NOW)
        if self.calls == 1:
            raise DomainBugError(f"client {BSN} has no toewijzing")

    async def judge(self, uow: UnitOfWork, received: Received) -> Verdict:
        await self._fail_first(uow, received)
        return Accepted()

    async def screen(self, uow: UnitOfWork, received: Received) -> Sequence[Finding]:
        await self._fail_first(uow, received)
        return ()


async def count(gateway: Gateway, model: type[object]) -> int:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def stored(gateway: Gateway, message_id: int) -> Message:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        message = await uow.messages.get(message_id)
    assert message is not None
    return message


async def test_a_failing_processor_gives_500_with_the_kept_message_id(make_gateway: GatewayFactory) -> None:
    async with make_gateway(FailsOnce()) as gateway:
        response = await gateway.send("aanbieder_a", start("S-1"))
        message_id = int(response.headers["X-Message-Id"])
        assert response.status_code == 500
        assert response.json()["id"] == message_id
        message = await stored(gateway, message_id)
        assert message.outcome == FAILED
        assert message.content == start("S-1")


async def test_the_failure_is_recorded_without_the_message_content(make_gateway: GatewayFactory) -> None:
    async with make_gateway(FailsOnce()) as gateway:
        response = await gateway.send("aanbieder_a", start("S-1"))
        message = await stored(gateway, int(response.headers["X-Message-Id"]))
        assert message.failure is not None
        assert "DomainBugError" in message.failure
        assert BSN not in message.failure
        assert BSN not in response.text


async def test_a_failed_processing_leaves_no_retour_delivery_or_event(make_gateway: GatewayFactory) -> None:
    async with make_gateway(FailsOnce()) as gateway:
        await gateway.send("aanbieder_a", start("S-1"))
        assert await count(gateway, Message) == 1
        assert await count(gateway, MailboxEntry) == 0
        assert await count(gateway, OutboxEvent) == 0


async def test_a_message_that_failed_is_processed_normally_when_sent_again(
    make_gateway: GatewayFactory,
) -> None:
    async with make_gateway(FailsOnce()) as gateway:
        failed = await gateway.send("aanbieder_a", start("S-1"))
        again = await gateway.send("aanbieder_a", start("S-1"))
        assert again.status_code == 200
        assert "X-Idempotent-Replay" not in again.headers
        message = await stored(gateway, int(again.headers["X-Message-Id"]))
        assert message.outcome == ACCEPTED
        assert message.id != int(failed.headers["X-Message-Id"])
        assert len(await gateway.mailbox_ids("gemeente")) == 1
        assert await count(gateway, OutboxEvent) == 1


async def test_a_message_for_the_other_party_that_failed_is_passed_on_when_sent_again(
    make_gateway: GatewayFactory,
) -> None:
    async with make_gateway(FailsOnce()) as gateway:
        assert (await gateway.send("gemeente", toewijzing("T-1"))).status_code == 500
        assert await gateway.mailbox_ids("aanbieder_a") == []
        assert (await gateway.send("gemeente", toewijzing("T-1"))).status_code == 202
        assert len(await gateway.mailbox_ids("aanbieder_a")) == 1
