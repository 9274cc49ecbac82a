"""JSON Schemas of the published events, generated from the catalogue so they cannot drift from the writer.

Each schema describes a whole event of one type as consumers receive it (envelope and data), for JSON
Schema 2020-12. The files in `events/schemas/<type>/v<version>.json` are these schemas, checked in so the
ERP's builders can read them without the gateway; a test keeps the files equal to what this module makes,
and `iwmo-gateway events schemas DIR` writes them.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from gateway.events import envelope
from gateway.events.catalogue import Entry

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KEY_PATTERN = r"^[0-9a-f]{64}$"


def relative_path(entry: Entry) -> PurePosixPath:
    return PurePosixPath(str(entry.event_type)) / f"v{entry.version}.json"


def json_schema(entry: Entry) -> dict[str, Any]:
    data = entry.model.model_json_schema(by_alias=True, mode="serialization")
    definitions = data.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": envelope.schema_uri(entry),
        "title": str(entry.event_type),
        "description": entry.meaning,
        "type": "object",
        "properties": {
            "specversion": {"const": envelope.SPECVERSION},
            "id": {"type": "string", "format": "uuid"},
            "source": {"type": "string", "pattern": "^urn:nld:"},
            "type": {"const": str(entry.event_type)},
            "subject": {"type": "string", "minLength": 1},
            "time": {"type": "string", "format": "date-time"},
            "datacontenttype": {"const": envelope.DATA_CONTENT_TYPE},
            "dataschema": {"const": envelope.schema_uri(entry)},
            "partitionkey": {"type": "string", "pattern": KEY_PATTERN},
            "sequence": {"type": "string", "pattern": f"^[0-9]{{{envelope.SEQUENCE_DIGITS}}}$"},
            "data": data,
        },
        "required": [
            "specversion",
            "id",
            "source",
            "type",
            "subject",
            "time",
            "datacontenttype",
            "dataschema",
            "partitionkey",
            "sequence",
            "data",
        ],
        "additionalProperties": False,
    }
    if definitions:
        schema["$defs"] = definitions
    return schema


def render(entry: Entry) -> str:
    """The schema as the checked-in file holds it: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(entry), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
