"""Parse + XSD throughput of the gateway's path against raw lxml on the same bytes and schemas.

The gateway's path adds safe parsing, type detection and findings to what lxml does; it must stay
within 1.5x of `etree.fromstring` + `XMLSchema.validate`. Exits 1 when any message type does not.
Run: `.venv/bin/python -m bench.validate`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from lxml import etree

from bench.corpus import declaratie, fixture_messages
from bench.timing import interleaved
from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet

LIMIT = 1.5


def _cycle(messages: list[bytes], work: Callable[[bytes], object]) -> Callable[[], object]:
    def all_of_them() -> None:
        for data in messages:
            work(data)

    return all_of_them


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    registry = default_registry()
    schemas = SchemaSet()
    checker = MessageChecker(registry, schemas)
    corpus = fixture_messages()
    corpus["WMO323 x1000"] = [declaratie(1000)]
    corpus["WMO323 x10000"] = [declaratie(10_000)]

    print(f"{'message':<14} {'raw lxml':>12} {'gateway':>12} {'ratio':>7}")
    worst = 0.0
    for name, messages in corpus.items():
        message = registry.release("3.2").message(name.split()[0])
        schema = schemas.schema(message.schema)
        assert all(checker.check(data).schema_valid for data in messages), name

        def raw(data: bytes, schema: etree.XMLSchema = schema) -> bool:
            return schema.validate(etree.fromstring(data))

        raw_cost, gateway_cost, ratio = interleaved(
            _cycle(messages, raw), _cycle(messages, checker.check), args.runs
        )
        worst = max(worst, ratio)
        print(f"{name:<14} {raw_cost * 1e6:>10.1f}us {gateway_cost * 1e6:>10.1f}us {ratio:>7.2f}")
    verdict = "within" if worst <= LIMIT else "OVER"
    print(f"worst ratio {worst:.2f}: {verdict} the {LIMIT}x limit")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
