"""Cost of checking every rule against the cost of parse + XSD validation of the same message.

Rule checking must cost at most as much as parse + XSD (ratio <= 1.0) for every message type the
rules apply to, small and large. Exits 1 when a type goes over. Run: `.venv/bin/python -m bench.rules`.
"""

from __future__ import annotations

import sys

from lxml import etree

from bench.comparison import Work, compare, each, runs_argument
from bench.corpus import fixture_messages, with_large_claims
from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet
from gateway.rules.engine import RuleEngine
from gateway.rules.registry import all_rules

LIMIT = 1.0


def main() -> int:
    runs = runs_argument(__doc__)
    checker = MessageChecker(default_registry(), SchemaSet())
    engine = RuleEngine()
    ruled = set().union(*(rule.messages for rule in all_rules()))
    corpus = {code: messages for code, messages in fixture_messages().items() if code in ruled}
    cases: dict[str, tuple[Work, Work]] = {}
    for name, messages in with_large_claims(corpus).items():
        parsed: list[tuple[etree._Element, str]] = []
        for report in map(checker.check, messages):
            assert report.valid, name
            assert report.tree is not None
            assert report.message is not None
            parsed.append((report.tree, report.message.code))

        def check_rules(parsed: list[tuple[etree._Element, str]] = parsed) -> None:
            for tree, code in parsed:
                engine.run(tree, code)

        cases[name] = (each(messages, checker.check), check_rules)
    return compare(cases, ("parse+XSD", "rules"), LIMIT, runs)


if __name__ == "__main__":
    sys.exit(main())
