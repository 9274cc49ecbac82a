"""What a cross-message rule is: a code, its retourcode, the messages it judges, and a check.

A rule is handed the decoded message, the `History` the store loaded for it and the `Context` of the
judgement, and yields a `CrossFinding` per violation, located on the class that receives the
retourcode (rules.md B.2, "Class receiving the code"). Rules of one kind of class share a base in
`classes`, so that a rule module states only its condition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from gateway.domain.berichten import Bericht
from gateway.domain.crossrules.contract import Contract
from gateway.domain.history import History
from gateway.domain.volumes import DEFAULT_UITVOERING, Uitvoeringsvariant


@dataclass(frozen=True, slots=True)
class CrossFinding:
    """One violation: the rule, the retourcode it gives (None for n.v.t.), where, and what it demands.

    `location` is the element path of the class receiving the code (`/Bericht/Header`,
    `/Bericht/Client/StartProducten/StartProduct[1]`, ...), with every position written. `detail`
    never quotes message content, so it holds no BSN.
    """

    rule: str
    retourcode: str | None
    location: str
    detail: str


@dataclass(frozen=True, slots=True)
class Context:
    """Who judges and when: the receiving gemeente and the aanbieder, and the receiver's system date.

    `today` is the system date TR135 compares with and that decides which assignments are current.
    `contract` knows the contract tariffs and units (TR418, TR341 without Omvang); without it those
    checks do not apply. `uitvoering` is how the contract pays (B.4), effort-based unless known.
    `rejected_lines` are the claim lines (client, line) that other rules reject, which count as never
    sent for the rules that compare a line with the lines before it (`claimsequence`); the engine
    fills them in.
    """

    gemeente: str
    aanbieder: str
    today: date
    contract: Contract | None = None
    uitvoering: Uitvoeringsvariant = DEFAULT_UITVOERING
    rejected_lines: frozenset[tuple[int, int]] = frozenset()


class CrossRule:
    """One rule of part B; subclasses fill in the class attributes and `check`."""

    code: ClassVar[str]
    retourcode: ClassVar[str | None]
    """The code placed on the class; None for the n.v.t. rules of WMO325 (TR337, TR371, TR376)."""
    messages: ClassVar[frozenset[str]]
    """The heen messages (`WMO323`, ...) the rule judges."""
    detail: ClassVar[str]
    """What the rule demands, said once for every finding."""

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        raise NotImplementedError

    def finding(self, location: str) -> CrossFinding:
        return CrossFinding(rule=self.code, retourcode=self.retourcode, location=location, detail=self.detail)


def messages(*numbers: str) -> frozenset[str]:
    return frozenset(f"WMO{number}" for number in numbers)
