"""The CloudEvents 1.0 envelope (JSON format, NL GOV profile) around an event's data.

The envelope is built once, when the event is written, and stored whole in the outbox; what is sent is
that envelope plus `sequence`, the outbox id, which only exists after the insert. So a re-published event
is byte for byte the event published before, with the same `id`, and consumers deduplicate on `id`.
`time` is when the gateway recorded the event (the writer's clock, in the transaction that commits it),
not when the fact took place; dates of the facts are in `data`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from gateway.events.catalogue import Entry
from gateway.events.data import EventData

SPECVERSION = "1.0"
DATA_CONTENT_TYPE = "application/json"
# The Kafka protocol binding's structured mode: the whole event is the record value.
STRUCTURED_CONTENT_TYPE = "application/cloudevents+json"
SEQUENCE_DIGITS = 20


def source_urn(oin: str, system: str) -> str:
    """The `source` the profile asks for: the organisation by OIN, then the system."""
    return f"urn:nld:oin:{oin}:systeem:{system}"


def system_urn(system: str) -> str:
    """The `source` of events recorded without an OIN: the system alone, claiming no organisation."""
    return f"urn:iwmo-gateway:systeem:{system}"


def schema_uri(entry: Entry) -> str:
    """The `dataschema` of an entry: names the JSON Schema in events/schemas/<type>/v<version>.json."""
    return f"urn:iwmo-gateway:events:schema:{entry.event_type}:v{entry.version}"


def build(
    entry: Entry, *, event_id: UUID, source: str, time: datetime, key: str, data: EventData
) -> dict[str, Any]:
    return {
        "specversion": SPECVERSION,
        "id": str(event_id),
        "source": source,
        "type": str(entry.event_type),
        "subject": data.subject(),
        "time": rfc3339(time),
        "datacontenttype": DATA_CONTENT_TYPE,
        "dataschema": schema_uri(entry),
        "partitionkey": key,
        "data": data.model_dump(mode="json", by_alias=True),
    }


def published(stored: Mapping[str, Any], outbox_id: int) -> dict[str, Any]:
    """The event as consumers get it: the stored envelope with its `sequence`."""
    return {**stored, "sequence": sequence(outbox_id)}


def sequence(outbox_id: int) -> str:
    """The outbox id, zero-padded so that the strings order as the numbers do (the profile's `sequence`)."""
    return f"{outbox_id:0{SEQUENCE_DIGITS}d}"


def rfc3339(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("an event time must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
