"""The relay: publishes the outbox to Kafka in id order, and marks events published once the broker has them.

A round reads the next unpublished events up to the horizon (no event still to commit lies below it),
publishes them, and marks the acknowledged prefix published in a second transaction. The database is not
held while the broker is waited for, so writers never wait for Kafka. A relay that dies between publishing
and marking publishes that batch again when it comes back: at least once, with the same event ids, and
never a later event of a key before an earlier one. Failures are retried with exponential backoff,
forever: an outage of the broker only delays events.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.events import envelope
from gateway.events.errors import PublishError, RelayLockError
from gateway.events.kafka import Delivery, Record
from gateway.events.lock import RelayLock, relay_lock
from gateway.events.settings import EventSettings
from gateway.store.models.messages import OutboxEvent
from gateway.store.repositories.outbox import OutboxRepository

logger = logging.getLogger(__name__)


class Publisher(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, records: Sequence[Record]) -> Delivery: ...


class Backoff:
    """Waits that double from `initial` up to `maximum`, and start over after a success."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._initial = initial
        self._maximum = maximum
        self._next = initial

    def next(self) -> float:
        wait, self._next = self._next, min(self._next * 2, self._maximum)
        return wait

    def reset(self) -> None:
        self._next = self._initial


class Relay:
    """Publishes one database's outbox through one publisher; at most one relay per database is active."""

    def __init__(
        self,
        engine: AsyncEngine,
        publisher: Publisher,
        settings: EventSettings,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._publisher = publisher
        self._settings = settings
        self._clock = clock
        self._lock: RelayLock = relay_lock(engine)
        self._started = False

    async def run(self, stop: asyncio.Event) -> None:
        """Publish until `stop` is set; stand by while another relay holds the lock."""
        backoff = Backoff(self._settings.backoff_initial_seconds, self._settings.backoff_max_seconds)
        standing_by = False
        try:
            while not stop.is_set():
                try:
                    if not await self._lock.try_acquire():
                        if not standing_by:
                            logger.info("another relay is active; this one stands by")
                        standing_by = True
                        await _pause(stop, self._settings.lock_retry_seconds)
                        continue
                    standing_by = False
                    published = await self.round()
                except PublishError as exc:
                    logger.warning("events not published, retrying: %s", exc)
                    await self._stop_publisher()
                    await _pause(stop, backoff.next())
                    continue
                except RelayLockError as exc:
                    logger.warning("the relay lost its database, retrying: %s", exc)
                    await self.close()
                    await _pause(stop, backoff.next())
                    continue
                backoff.reset()
                if published < self._settings.batch_size:
                    await _pause(stop, self._settings.poll_interval_seconds)
        finally:
            await self.close()

    async def run_once(self) -> int:
        """Publish everything publishable now, then return how many were published; for `relay --once`.

        Raises RelayLockError when another relay is active and PublishError when the broker fails.
        """
        try:
            if not await self._lock.try_acquire():
                raise RelayLockError("another relay is active")
            total = 0
            while (published := await self.round()) > 0:
                total += published
            return total
        finally:
            await self.close()

    async def round(self) -> int:
        """One batch: read, publish, mark. The number published; PublishError after a partial success."""
        rows = await self._pending()
        if not rows:
            return 0
        if not self._started:
            await self._publisher.start()
            self._started = True
        delivery = await self._publisher.publish([self._record(row) for row in rows])
        acknowledged = [row.id for row in rows[: delivery.acknowledged]]
        if acknowledged:
            await self._mark(acknowledged)
        if delivery.error is not None:
            raise delivery.error
        return len(acknowledged)

    async def close(self) -> None:
        await self._stop_publisher()
        await self._lock.release()

    async def _pending(self) -> Sequence[OutboxEvent]:
        try:
            async with self._lock.session() as session, session.begin():
                outbox = OutboxRepository(session)
                return await outbox.pending(through=await outbox.horizon(), limit=self._settings.batch_size)
        except (SQLAlchemyError, OSError) as exc:
            raise RelayLockError(f"cannot read the outbox: {type(exc).__name__}") from exc

    async def _mark(self, ids: Sequence[int]) -> None:
        try:
            async with self._lock.session() as session, session.begin():
                await OutboxRepository(session).mark_published(ids, published_at=self._clock())
        except (SQLAlchemyError, OSError) as exc:
            # Published but not marked: the next round publishes these again (at least once).
            raise RelayLockError(f"cannot mark events published: {type(exc).__name__}") from exc
        logger.debug("published %d events up to outbox id %d", len(ids), ids[-1])

    def _record(self, row: OutboxEvent) -> Record:
        value = json.dumps(envelope.published(row.payload, row.id), separators=(",", ":"), ensure_ascii=False)
        return Record(
            topic=self._settings.topic_for(row.event_type),
            key=row.aggregate_key.encode("utf-8"),
            value=value.encode("utf-8"),
        )

    async def _stop_publisher(self) -> None:
        # A fresh producer after a failure: nothing of a failed batch lingers in the old one's queues.
        if self._started:
            self._started = False
            await self._publisher.stop()


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
