"""Running the relay: on its own (`iwmo-gateway relay`) or as a task beside the HTTP service.

Without KAFKA_BOOTSTRAP_SERVERS there is nothing to publish to: the relay does not run, events stay in
the outbox, and the feed still serves them.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.events.kafka import KafkaPublisher
from gateway.events.relay import Relay
from gateway.events.settings import EventSettings
from gateway.settings import Settings
from gateway.store.engine import create_engine

logger = logging.getLogger(__name__)

# Beyond the broker's time to answer a batch: a round in progress ends by itself within that time.
STOP_MARGIN_SECONDS = 5.0


def build_relay(engine: AsyncEngine, bootstrap_servers: str, events: EventSettings) -> Relay:
    publisher = KafkaPublisher(
        bootstrap_servers,
        idempotence=events.idempotence,
        request_timeout_seconds=events.request_timeout_seconds,
    )
    return Relay(engine, publisher, events)


async def run_relay(settings: Settings, stop: asyncio.Event, events: EventSettings | None = None) -> None:
    """Publish the outbox of `settings.database_url` until `stop` is set, on an engine of its own.

    `events` defaults to the IWMO_EVENTS_ variables of the environment.
    """
    if settings.kafka_bootstrap_servers is None:
        logger.info("KAFKA_BOOTSTRAP_SERVERS is not set: the relay does not run, events stay in the outbox")
        return
    engine = create_engine(settings.database_url)
    try:
        relay = build_relay(engine, settings.kafka_bootstrap_servers, events or EventSettings())
        await relay.run(stop)
    finally:
        await engine.dispose()


class BackgroundRelay:
    """The relay as a task of the service, on its engine: `start()` at start-up, `stop()` at the end.

    Stopping lets a round in progress finish, marking what the broker acknowledged; with the broker
    unreachable that takes up to its request timeout. After the request timeout and a margin the task is
    cancelled; whatever was published but not marked is published again by the next relay.
    """

    def __init__(self, engine: AsyncEngine, settings: Settings, events: EventSettings | None = None) -> None:
        self._engine = engine
        self._settings = settings
        self._events = events or EventSettings()
        self._grace = self._events.request_timeout_seconds + STOP_MARGIN_SECONDS
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        if self._task is not None:
            raise RuntimeError("the relay is started once")
        servers = self._settings.kafka_bootstrap_servers
        if servers is None:
            logger.info(
                "KAFKA_BOOTSTRAP_SERVERS is not set: the relay does not run, events stay in the outbox"
            )
            return
        relay = build_relay(self._engine, servers, self._events)
        self._task = asyncio.create_task(relay.run(self._stop), name="iwmo-gateway relay")
        self._task.add_done_callback(_report_an_unexpected_end)

    async def stop(self) -> None:
        task = self._task
        if task is None:
            return
        self._stop.set()
        done, _ = await asyncio.wait({task}, timeout=self._grace)
        if not done:
            task.cancel()
            await asyncio.wait({task})
        if not task.cancelled():
            task.result()


def _report_an_unexpected_end(task: asyncio.Task[None]) -> None:
    # The relay retries every failure it knows; anything else ends it, and the service should say so
    # when it happens, not only when it stops.
    if not task.cancelled() and task.exception() is not None:
        logger.error(
            "the relay stopped on an unexpected error; events stay in the outbox", exc_info=task.exception()
        )
