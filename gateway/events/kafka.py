"""Publishing to Kafka with aiokafka: records in order per partition, acknowledged by all in-sync replicas.

The only module of the relay that knows aiokafka; its exceptions become PublishError here. Records are
put into partitions the way Kafka's own clients do (murmur2 of the key), each partition's records go as
whole record batches, one batch at a time, and a partition stops at its first failed batch. A record batch
is stored whole or not at all, so a failure never leaves a later event of a key on the broker without
the earlier one; partitions are independent, so they are sent side by side.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer  # type: ignore[import-untyped]
from aiokafka.errors import (  # type: ignore[import-untyped]
    KafkaError,
    UnknownError,
    UnsupportedVersionError,
)
from aiokafka.partitioner import DefaultPartitioner  # type: ignore[import-untyped]

from gateway.events.envelope import STRUCTURED_CONTENT_TYPE
from gateway.events.errors import PublishError

logger = logging.getLogger(__name__)

HEADERS = [("content-type", STRUCTURED_CONTENT_TYPE.encode("ascii"))]
# A record batch stays below the broker's default largest message (1 MB); the writer keeps events smaller.
MAX_BATCH_BYTES = 900_000
FAILURES = (KafkaError, OSError, TimeoutError)
# What a broker without idempotent producers answers to InitProducerId.
NO_IDEMPOTENCE = (UnknownError, UnsupportedVersionError)


@dataclass(frozen=True)
class Record:
    topic: str
    key: bytes
    value: bytes


@dataclass(frozen=True)
class Delivery:
    """How many of the records, counted from the first, the broker acknowledged; the error that stopped it."""

    acknowledged: int
    error: PublishError | None


class KafkaPublisher:
    """One producer with `acks="all"`; idempotent if the broker allows it and it is asked for."""

    def __init__(self, bootstrap_servers: str, *, idempotence: bool, request_timeout_seconds: float) -> None:
        self._bootstrap_servers = bootstrap_servers
        self._idempotence = idempotence
        self._request_timeout_ms = round(request_timeout_seconds * 1000)
        self._producer: Any = None
        self._partitioner = DefaultPartitioner()

    async def start(self) -> None:
        try:
            self._producer = await self._started()
        except NO_IDEMPOTENCE as exc:
            if not self._idempotence:
                raise _translated("the broker refused the producer", exc) from exc
            logger.warning(
                "the Kafka broker refused an idempotent producer (%s); publishing without idempotence",
                type(exc).__name__,
            )
            self._idempotence = False
            await self.start()
        except FAILURES as exc:
            raise _translated("cannot connect to the Kafka broker", exc) from exc

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    async def publish(self, records: Sequence[Record]) -> Delivery:
        """Send the records; the ones acknowledged are a prefix of them, in their order, per partition."""
        producer = self._producer
        if producer is None:
            raise RuntimeError("the publisher is not started")
        try:
            partitions = {
                topic: sorted(await producer.partitions_for(topic)) for topic in {r.topic for r in records}
            }
        except FAILURES as exc:
            return Delivery(0, _translated("the topic's partitions are unknown", exc))
        groups: dict[tuple[str, int], list[int]] = {}
        for index, record in enumerate(records):
            every = partitions[record.topic]
            groups.setdefault((record.topic, self._partitioner(record.key, every, every)), []).append(index)
        async with asyncio.TaskGroup() as group:
            tasks = [
                group.create_task(_send_partition(producer, topic, partition, [records[i] for i in indices]))
                for (topic, partition), indices in groups.items()
            ]
        failed: list[tuple[int, PublishError]] = []
        for indices, task in zip(groups.values(), tasks, strict=True):
            failure = task.result()
            if failure is not None:
                failed.append((indices[failure[0]], failure[1]))
        if not failed:
            return Delivery(len(records), None)
        first, error = min(failed, key=lambda failure: failure[0])
        return Delivery(first, error)

    async def _started(self) -> Any:
        producer = AIOKafkaProducer(
            bootstrap_servers=self._bootstrap_servers,
            client_id="iwmo-gateway-relay",
            acks="all",
            enable_idempotence=self._idempotence,
            request_timeout_ms=self._request_timeout_ms,
            max_batch_size=MAX_BATCH_BYTES,
            max_request_size=MAX_BATCH_BYTES + 100_000,
        )
        try:
            await producer.start()
        except BaseException:
            await producer.stop()
            raise
        return producer


async def _send_partition(
    producer: Any, topic: str, partition: int, records: Sequence[Record]
) -> tuple[int, PublishError] | None:
    """Send one partition's records batch after batch; the position and error of the first failure, if any."""
    position = 0
    while position < len(records):
        batch = producer.create_batch()
        start = position
        while position < len(records) and _append(batch, records[position]):
            position += 1
        batch.close()
        try:
            delivered = await producer.send_batch(batch, topic, partition=partition)
            await delivered
        except FAILURES as exc:
            return start, _translated(f"the broker did not acknowledge a batch for {topic}", exc)
    return None


def _append(batch: Any, record: Record) -> bool:
    metadata = batch.append(key=record.key, value=record.value, timestamp=None, headers=HEADERS)
    return metadata is not None


def _translated(what: str, exc: BaseException) -> PublishError:
    # aiokafka's texts name the error and the brokers, never record contents.
    text = str(exc).strip()
    return PublishError(f"{what}: {text.splitlines()[0] if text else type(exc).__name__}")
