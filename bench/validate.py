"""Parse + XSD throughput of the gateway's path against raw lxml on the same bytes and schemas.

The gateway's path adds safe parsing, type detection and findings to what lxml does; it must stay
within 1.5x of `etree.fromstring` + `XMLSchema.validate`. Exits 1 when any message type does not.
Run: `.venv/bin/python -m bench.validate`.
"""

from __future__ import annotations

import sys

from lxml import etree

from bench.comparison import Work, compare, each, runs_argument
from bench.corpus import fixture_messages, with_large_claims
from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet

LIMIT = 1.5


def main() -> int:
    runs = runs_argument(__doc__)
    registry = default_registry()
    schemas = SchemaSet()
    checker = MessageChecker(registry, schemas)
    cases: dict[str, tuple[Work, Work]] = {}
    for name, messages in with_large_claims(fixture_messages()).items():
        assert all(checker.check(data).schema_valid for data in messages), name
        schema = schemas.schema(registry.release("3.2").message(name.split()[0]).schema)

        def raw(data: bytes, schema: etree.XMLSchema = schema) -> bool:
            return schema.validate(etree.fromstring(data))

        cases[name] = (each(messages, raw), each(messages, checker.check))
    return compare(cases, ("raw lxml", "gateway"), LIMIT, runs)


if __name__ == "__main__":
    sys.exit(main())
