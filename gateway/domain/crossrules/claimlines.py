"""Rules on the lines of a claim (WMO323): each finding rejects only its line (retour.md §4).

A line is judged against the aanbieder's earlier lines and against the assignment it names. Most
rules look at one line at a time (`violates`); those that also compare a line with the lines before it
in the same claim walk them in order (`violating`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gateway.domain.berichten import Bericht, DeclaratieBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.declaraties import Declaratie, Prestatie
from gateway.domain.history import History
from gateway.domain.products import Toewijzing

LineKey = tuple[int, int]
"""A claim line by its client and its place among the client's lines (both 1-based)."""


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """One Prestatie of a claim with the client it is for and its place (both 1-based)."""

    client: int
    line: int
    bsn: str = field(repr=False)
    prestatie: Prestatie

    @property
    def key(self) -> LineKey:
        return (self.client, self.line)

    @property
    def location(self) -> str:
        return paths.prestatie(self.client, self.line)


def claim_lines(declaratie: Declaratie) -> tuple[ClaimLine, ...]:
    """Every line of the claim in document order."""
    return tuple(
        ClaimLine(client_index, line_index, client.bsn, prestatie)
        for client_index, client in enumerate(declaratie.clienten, start=1)
        for line_index, prestatie in enumerate(client.prestaties, start=1)
    )


class ClaimLineRule(CrossRule):
    """A rule whose code lands on a claim line (Prestatie)."""

    messages = messages("323")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, DeclaratieBericht):
            yield from self.check_lines(claim_lines(bericht.declaratie), history, context)

    def check_lines(
        self, lines: tuple[ClaimLine, ...], history: History, context: Context
    ) -> Iterator[CrossFinding]:
        """The findings on these lines of one claim: the engine reads them once for every line rule."""
        for line in self.violating(lines, history, context):
            yield self.finding(line.location)

    def violating(
        self, lines: tuple[ClaimLine, ...], history: History, context: Context
    ) -> Iterable[ClaimLine]:
        """The lines that break the rule, in document order."""
        return (line for line in lines if self.violates(line, history, context))

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        raise NotImplementedError


def rejected_lines(lines: tuple[ClaimLine, ...], locations: Iterable[str]) -> frozenset[LineKey]:
    """The lines of the claim that findings at these locations reject: on the line, on its client, or
    on the whole claim."""
    found = set(locations)
    if paths.DECLARATIE in found:
        return frozenset(line.key for line in lines)
    return frozenset(
        line.key for line in lines if line.location in found or paths.claim_client(line.client) in found
    )


class AssignedLineRule(ClaimLineRule):
    """A rule comparing a line with the current version of its assignment.

    Lines whose ToewijzingNummer names no assignment of the aanbieder are TR338's; these rules leave
    them alone, so that a line gets no codes for a comparison that cannot be made.
    """

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        known = assigned(history, line.prestatie.toewijzing_nummer, context)
        return known is not None and self.violates_assignment(line.prestatie, known.current, context)

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        raise NotImplementedError
