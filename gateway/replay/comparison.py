"""Expected against actual: what a step's answer showed, and where it differs from the scenario."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.replay.retourcodes import Level
from gateway.replay.scenario import Expect

ERROR_STATUS = 400


@dataclass(frozen=True, slots=True)
class Observation:
    """What the gateway answered to one step, in the terms expectations are written in.

    A field is None when the answer did not carry it (no retour XML, no findings, no items).
    """

    status: int | None
    retourcodes: dict[Level, list[str]] | None = None
    findings: list[str] | None = None
    items: list[Any] | None = None
    problem: str | None = None
    """Why there was no usable answer (no connection, a body that is not what the endpoint promises)."""
    detail: str | None = None
    """What an error answer (4xx, 5xx) said, shown beside its status."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One thing that is not as expected: `what` names it (the level, for retourcodes)."""

    what: str
    expected: str
    actual: str


@dataclass
class Comparison:
    """The differences found so far."""

    differences: list[Difference] = field(default_factory=list)

    def add(self, what: str, expected: str, actual: str) -> None:
        self.differences.append(Difference(what, expected, actual))


def compare(expect: Expect, observed: Observation) -> list[Difference]:
    comparison = Comparison()
    if observed.problem is not None:
        comparison.add("answer", "an answer", observed.problem)
    if expect.status is not None and expect.status != observed.status:
        comparison.add("HTTP status", str(expect.status), _status(observed))
    elif expect.status is None and observed.status is not None and observed.status >= ERROR_STATUS:
        comparison.add("HTTP status", "a success (the step names no other status)", _status(observed))
    if expect.retourcodes is not None:
        _compare_retourcodes(comparison, expect.retourcodes, observed)
    if expect.findings is not None:
        actual_rules = sorted(set(observed.findings)) if observed.findings is not None else None
        if actual_rules != sorted(set(expect.findings)):
            comparison.add(
                "findings (rules)",
                _codes(sorted(set(expect.findings))),
                "no findings in the answer" if actual_rules is None else _codes(actual_rules),
            )
    if expect.events is not None:
        types = [_get(event, "type") for event in observed.items or []]
        if types != expect.events:
            comparison.add("event types", _codes(expect.events), _codes([str(t) for t in types]))
    if expect.mailbox is not None:
        _compare_items(comparison, "mailbox items", expect.mailbox, observed.items or [])
    if expect.feed is not None:
        _compare_items(comparison, "feed records", expect.feed, observed.items or [])
    return comparison.differences


def _compare_retourcodes(
    comparison: Comparison, expected: dict[Level, list[str]], observed: Observation
) -> None:
    if observed.retourcodes is None:
        comparison.add("retourcodes", _levels(expected), "no retour in the answer")
        return
    for level, codes in expected.items():
        actual = observed.retourcodes.get(level, [])
        if actual != codes:
            comparison.add(f"retourcodes at {level} level", _codes(codes), _codes(actual))


def _compare_items(
    comparison: Comparison, what: str, expected: Sequence[dict[str, Any]], actual: Sequence[Any]
) -> None:
    """Item for item, in order; an item matches when it has every expected field with that value."""
    if len(expected) == len(actual) and all(_matches(e, a) for e, a in zip(expected, actual, strict=True)):
        return
    shown = [_projected(item, expected[i] if i < len(expected) else {}) for i, item in enumerate(actual)]
    comparison.add(what, _json(expected), _json(shown))


def _matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _matches(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_matches(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if expected is None or actual is None:
        return expected is actual
    return str(expected) == str(actual)


def _projected(actual: Any, expected: dict[str, Any]) -> Any:
    """The actual item reduced to the fields the expectation names (all of them for an extra item)."""
    if not isinstance(actual, dict) or not expected:
        return actual
    return {key: actual.get(key) for key in expected}


def _status(observed: Observation) -> str:
    if observed.detail is None:
        return str(observed.status)
    return f"{observed.status} {observed.detail}"


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else None


def _codes(codes: Sequence[str]) -> str:
    return ", ".join(codes) if codes else "(none)"


def _levels(levels: dict[Level, list[str]]) -> str:
    return "; ".join(f"{level}: {_codes(codes)}" for level, codes in levels.items())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
