"""Cost of checking every rule against the cost of parse + XSD validation of the same message.

Rule checking must cost at most as much as parse + XSD (ratio <= 1.0) for every message type the
rules apply to, small and large. Exits 1 when a type goes over. Run: `.venv/bin/python -m bench.rules`.
"""

from __future__ import annotations

import argparse
import sys

from bench.corpus import declaratie, fixture_messages
from bench.timing import interleaved
from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet
from gateway.rules.engine import RuleEngine
from gateway.rules.registry import all_rules

LIMIT = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    checker = MessageChecker(default_registry(), SchemaSet())
    engine = RuleEngine()
    ruled = set().union(*(rule.messages for rule in all_rules()))
    corpus = {code: messages for code, messages in fixture_messages().items() if code in ruled}
    corpus["WMO323 x1000"] = [declaratie(1000)]
    corpus["WMO323 x10000"] = [declaratie(10_000)]

    print(f"{'message':<14} {'parse+XSD':>12} {'rules':>12} {'ratio':>7}")
    worst = 0.0
    for name, messages in corpus.items():
        reports = [checker.check(data) for data in messages]
        assert all(r.valid for r in reports), name
        trees = [(r.tree, r.message_code) for r in reports]

        def parse_and_validate(messages: list[bytes] = messages) -> None:
            for data in messages:
                checker.check(data)

        def check_rules(trees: list[tuple[object, str | None]] = trees) -> None:
            for tree, code in trees:
                engine.run(tree, code)  # type: ignore[arg-type]

        schema_cost, rules_cost, ratio = interleaved(parse_and_validate, check_rules, args.runs)
        worst = max(worst, ratio)
        print(f"{name:<14} {schema_cost * 1e6:>10.1f}us {rules_cost * 1e6:>10.1f}us {ratio:>7.2f}")
    verdict = "within" if worst <= LIMIT else "OVER"
    print(f"worst ratio {worst:.2f}: {verdict} the {LIMIT}x limit")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
