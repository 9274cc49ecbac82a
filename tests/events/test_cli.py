"""`iwmo-gateway relay` and `iwmo-gateway events`, run as the operator runs them."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.writer import EventWriter
from gateway.store.unit_of_work import UnitOfWork
from tests.events.conftest import Broker, consume, create_topic
from tests.events.samples import BSN, levering
from tests.events.test_catalogue import SCHEMAS
from tests.events.test_relay import unpublished

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
ROOT = Path(__file__).parents[2]


def environment(database_url: str, **variables: str) -> dict[str, str]:
    kept = {name: value for name, value in os.environ.items() if not name.startswith(("IWMO_", "KAFKA_"))}
    return {**kept, "DATABASE_URL": database_url, "IWMO_EVENTS_IDEMPOTENCE": "false", **variables}


async def start(*arguments: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "gateway.cli.main",
        *arguments,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def run(*arguments: str, env: dict[str, str]) -> tuple[int, str, str]:
    process = await start(*arguments, env=env)
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def record(sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, *numbers: int) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in numbers:
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(number), now=NOW, client_bsn=BSN
            )


async def test_relay_once_publishes_the_outbox(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    await record(sessionmaker, writer, 1, 2, 3)
    env = environment(migrated_url, KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers, IWMO_EVENTS_TOPIC=topic)

    status, stdout, stderr = await run("relay", "--once", env=env)

    assert (status, stdout, stderr) == (0, "published 3 events\n", "")
    received = await consume(broker.bootstrap_servers, topic, 3)
    assert [record.event["data"]["berichtId"] for record in received] == [1, 2, 3]


async def test_without_a_broker_the_relay_does_not_run_and_events_stay(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    await record(sessionmaker, writer, 1)
    status, _, stderr = await run("relay", "--once", env=environment(migrated_url))
    assert status == 2
    assert "KAFKA_BOOTSTRAP_SERVERS is not set; events stay in the outbox" in stderr
    assert len(await unpublished(sessionmaker)) == 1


async def test_the_relay_runs_until_terminated(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    env = environment(migrated_url, KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers, IWMO_EVENTS_TOPIC=topic)
    process = await start("relay", env=env)
    await record(sessionmaker, writer, 1, 2)
    received = await consume(broker.bootstrap_servers, topic, 2)
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, stderr.decode()
    assert [record.event["data"]["berichtId"] for record in received] == [1, 2]


async def test_tail_prints_the_events_after_a_cursor_as_json_lines(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    await record(sessionmaker, writer, 1, 2, 3)
    status, stdout, _ = await run("events", "tail", env=environment(migrated_url))
    everything = [json.loads(line) for line in stdout.splitlines()]
    assert status == 0
    assert [event["data"]["berichtId"] for event in everything] == [1, 2, 3]
    cursor = int(everything[0]["sequence"])

    status, stdout, _ = await run("events", "tail", "--after", str(cursor), env=environment(migrated_url))
    assert [json.loads(line)["data"]["berichtId"] for line in stdout.splitlines()] == [2, 3]


async def test_tail_follow_prints_new_events_until_interrupted(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    await record(sessionmaker, writer, 1)
    process = await start("events", "tail", "--follow", env=environment(migrated_url))
    assert process.stdout is not None
    first = json.loads(await asyncio.wait_for(process.stdout.readline(), timeout=30))
    await record(sessionmaker, writer, 2)
    second = json.loads(await asyncio.wait_for(process.stdout.readline(), timeout=30))
    process.send_signal(signal.SIGINT)
    await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0
    assert [first["data"]["berichtId"], second["data"]["berichtId"]] == [1, 2]


async def test_tail_reads_the_topic_as_a_consumer_group(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    await record(sessionmaker, writer, 1, 2)
    env = environment(migrated_url, KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers, IWMO_EVENTS_TOPIC=topic)
    assert (await run("relay", "--once", env=env))[0] == 0

    status, stdout, stderr = await run("events", "tail", "--kafka", "--group", f"tail-{topic}", env=env)
    assert status == 0, stderr
    assert [json.loads(line)["data"]["berichtId"] for line in stdout.splitlines()] == [1, 2]

    await record(sessionmaker, writer, 3)
    assert (await run("relay", "--once", env=env))[0] == 0
    status, stdout, _ = await run("events", "tail", "--kafka", "--group", f"tail-{topic}", env=env)
    assert [json.loads(line)["data"]["berichtId"] for line in stdout.splitlines()] == [3]


async def test_schemas_writes_the_checked_in_files(tmp_path: Path) -> None:
    status, stdout, _ = await run("events", "schemas", str(tmp_path), env=environment("sqlite:///unused.db"))
    assert status == 0
    written = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*.json"))
    assert written == sorted(path.relative_to(SCHEMAS) for path in SCHEMAS.rglob("*.json"))
    assert all((tmp_path / path).read_text() == (SCHEMAS / path).read_text() for path in written)
    assert len(stdout.splitlines()) == len(written)
