"""The fixture corpus covers what the standard asks of it: every message and every rule, both ways."""

from __future__ import annotations

import pytest

from gateway.messages.registry import default_registry
from gateway.rules.registry import CHECK_LIST
from tests.fixture_files import FIXTURES, expected_for

MESSAGES = [m.code for m in default_registry().release("3.2").messages]


@pytest.mark.parametrize("message", MESSAGES)
def test_each_message_has_a_valid_fixture_and_five_kinds_of_schema_violation(message: str) -> None:
    assert list((FIXTURES / message / "valid").glob("*.xml"))
    kinds = set()
    for path in (FIXTURES / message / "invalid").glob("*.xml"):
        expected = expected_for(path)
        if any(f["rule"] == "XSD" for f in expected["findings"]):
            kinds.add(path.stem.split("-")[0] if path.stem.startswith("wrong") else path.stem)
    assert len(kinds) >= 5, kinds


@pytest.mark.parametrize("code", CHECK_LIST)
def test_each_rule_has_a_violating_and_a_conforming_fixture(code: str) -> None:
    expectations = [expected_for(path) for path in (FIXTURES / "rules" / code).glob("*.xml")]
    assert any(any(f["rule"] == code for f in e["findings"]) for e in expectations)
    assert any(e["valid"] and not e["findings"] for e in expectations)
