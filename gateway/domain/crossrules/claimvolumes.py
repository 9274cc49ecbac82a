"""The volume and budget checks of a claim (TR321, TR322, TR369): each line against what is declared.

Per assignment, what the aanbieder declared before is its earlier debit lines that are neither
rejected nor credited, by an earlier credit line or by one in this claim (a claim may cancel a line
and claim it anew). The claim's debit lines are then taken in document order, each judged by
`NaturaBudgetStatus.overruns` against the declared lines plus the lines of this claim accepted
before it; a line that overruns is rejected and so adds nothing for the lines after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine
from gateway.domain.declaraties import Prestatie
from gateway.domain.history import History
from gateway.domain.natura_budget import NaturaBudgetStatus, natura_budget_status
from gateway.domain.products import Toewijzing
from gateway.domain.units import fits
from gateway.domain.volumes import DEFAULT_UITVOERING, Uitvoeringsvariant

VOLUME_CODES = frozenset({"9321", "9322", "9369"})
"""What these checks give; 9341 (a unit that does not fit) is TR341's own."""


def volume_codes(
    lines: tuple[ClaimLine, ...], history: History, context: Context
) -> Mapping[tuple[int, int], tuple[str, ...]]:
    """The volume codes of every overrunning debit line, by (client, line)."""
    return _volume_codes(lines, history, context.aanbieder, context.uitvoering)


@lru_cache(maxsize=1)
def _volume_codes(
    lines: tuple[ClaimLine, ...], history: History, aanbieder: str, uitvoering: Uitvoeringsvariant
) -> Mapping[tuple[int, int], tuple[str, ...]]:
    """Computed once per claim and shared by TR321, TR322 and TR369, which run one after the other.

    Building a budget status per assignment is what costs; the cache holds the last claim only.
    """
    credited_now = {line.prestatie.vorig_referentie_nummer for line in lines if line.prestatie.is_credit}
    by_assignment: dict[int, list[ClaimLine]] = {}
    for line in lines:
        if not line.prestatie.is_credit:
            by_assignment.setdefault(line.prestatie.toewijzing_nummer, []).append(line)
    codes: dict[tuple[int, int], tuple[str, ...]] = {}
    for nummer, claimed in by_assignment.items():
        known = history.toewijzing(nummer)
        if known is None or known.aanbieder != aanbieder:
            continue
        toewijzing = known.current
        declared = [
            prestatie
            for prestatie in _open_debits(history, nummer, credited_now)
            if _countable(prestatie, toewijzing)
        ]
        for line in claimed:
            if not _countable(line.prestatie, toewijzing):
                continue
            status = natura_budget_status(toewijzing, declared, uitvoering)
            overruns = tuple(code for code in status.overruns(line.prestatie) if code in VOLUME_CODES)
            if overruns:
                codes[(line.client, line.line)] = overruns
            else:
                declared.append(line.prestatie)
    return MappingProxyType(codes)


def budget_status(
    history: History, nummer: int, uitvoering: Uitvoeringsvariant = DEFAULT_UITVOERING
) -> NaturaBudgetStatus | None:
    """What an assignment allows, what its live, uncredited debit lines used of it, and what remains;
    None for an assignment the history does not hold."""
    known = history.toewijzing(nummer)
    if known is None:
        return None
    toewijzing = known.current
    declared = [p for p in _open_debits(history, nummer, set()) if _countable(p, toewijzing)]
    return natura_budget_status(toewijzing, declared, uitvoering)


def _open_debits(history: History, nummer: int, credited_now: set[str | None]) -> Iterable[Prestatie]:
    for known in history.lines_on(nummer):
        prestatie = known.prestatie
        referentie = prestatie.referentie_nummer
        if not prestatie.is_credit and referentie not in credited_now and not history.credits_of(referentie):
            yield prestatie


def _countable(prestatie: Prestatie, toewijzing: Toewijzing) -> bool:
    """Whether a line's volume can be compared with the Omvang at all.

    Reading: an earlier line in an Eenheid the current version's Omvang does not take (the unit was
    changed since) cannot be converted, and counts for nothing rather than blocking every new line.
    """
    return toewijzing.omvang is None or fits(prestatie.eenheid, toewijzing.omvang.eenheid)
