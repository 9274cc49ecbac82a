"""The rules that judge a claim line against the lines before it: TR389 (a ProductPeriode claimed
twice) and the volume and budget checks TR321, TR322 and TR369.

A line that is rejected counts as never sent (retour.md §4), so what these rules count is the
aanbieder's earlier debit lines that are neither rejected nor credited, and the lines of this claim
before it that are accepted: by these rules, and by every other rule (`Context.rejected_lines`, which
the engine fills in before it runs these). A credit counts when it was accepted earlier or is accepted
in this claim (a claim may cancel a line and claim it anew). The claim's debit lines are taken in
document order, each judged against what counts at that point; the four rules share that one walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule, LineKey
from gateway.domain.declaraties import Prestatie
from gateway.domain.history import History
from gateway.domain.natura_budget import NaturaBudgetStatus, natura_budget_status
from gateway.domain.periods import Periode
from gateway.domain.products import Toewijzing
from gateway.domain.units import fits
from gateway.domain.volumes import DEFAULT_UITVOERING, Uitvoeringsvariant

REPEATED = "9389"
"""TR389's code."""
VOLUME_CODES = frozenset({"9321", "9322", "9369"})
"""What the volume checks give; 9341 (a unit that does not fit) is TR341's own."""

Key = tuple[Periode, str, str, int]
"""What TR389 compares: ProductPeriode, ProductCategorie, ProductCode and ToewijzingNummer."""


def key_of(prestatie: Prestatie) -> Key:
    return (
        prestatie.product_periode,
        prestatie.product_categorie,
        prestatie.product_code,
        prestatie.toewijzing_nummer,
    )


class SequencedLineRule(ClaimLineRule):
    """A rule that judges a line against the lines of the claim before it (`claimsequence`): run after
    every other rule of the claim, so that a line another rule rejects counts for nothing."""

    def violating(self, lines: tuple[ClaimLine, ...], history: History, context: Context) -> list[ClaimLine]:
        return self.coded(lines, sequence_codes(lines, history, context))

    def coded(
        self, lines: tuple[ClaimLine, ...], codes: Mapping[LineKey, tuple[str, ...]]
    ) -> list[ClaimLine]:
        """The lines to which `codes` (`sequence_codes`) gives this rule's code."""
        assert self.retourcode is not None, "a claim line rule gives a code"
        return [line for line in lines if self.retourcode in codes.get(line.key, ())]


def sequence_codes(
    lines: tuple[ClaimLine, ...], history: History, context: Context
) -> Mapping[LineKey, tuple[str, ...]]:
    """The codes of these rules on every debit line they reject, by (client, line).

    Building a budget status per line is what costs, so the engine walks a claim once for the four
    rules and hands each the codes (`SequencedLineRule.coded`).
    """
    rejected = context.rejected_lines
    credited_now = {
        (line.prestatie.vorig_referentie_nummer, line.prestatie.product_periode)
        for line in lines
        if line.prestatie.is_credit and line.key not in rejected
    }
    credited_refs = frozenset(referentie for referentie, _ in credited_now)
    claimed: set[Key] = set()
    declared: dict[int, list[Prestatie]] = {}
    codes: dict[LineKey, tuple[str, ...]] = {}
    for line in lines:
        prestatie = line.prestatie
        if prestatie.is_credit:
            continue
        key = key_of(prestatie)
        found: list[str] = []
        if key in claimed or _repeats_open_debit(prestatie, history, credited_now):
            found.append(REPEATED)
        known = assigned(history, prestatie.toewijzing_nummer, context)
        toewijzing = None if known is None else known.current
        counted = toewijzing is not None and _countable(prestatie, toewijzing)
        if toewijzing is not None and counted:
            nummer = prestatie.toewijzing_nummer
            if nummer not in declared:
                declared[nummer] = [
                    p for p in _open_debits(history, nummer, credited_refs) if _countable(p, toewijzing)
                ]
            status = natura_budget_status(toewijzing, declared[nummer], context.uitvoering)
            found.extend(code for code in status.overruns(prestatie) if code in VOLUME_CODES)
        if found:
            codes[line.key] = tuple(found)
        elif line.key not in rejected:
            claimed.add(key)
            if counted:
                declared[prestatie.toewijzing_nummer].append(prestatie)
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
    declared = [p for p in _open_debits(history, nummer, frozenset()) if _countable(p, toewijzing)]
    return natura_budget_status(toewijzing, declared, uitvoering)


def _repeats_open_debit(
    prestatie: Prestatie, history: History, credited_now: set[tuple[str | None, Periode]]
) -> bool:
    """Whether an earlier debit line with the same key is still open (TR389)."""
    key = key_of(prestatie)
    return any(
        _open(known.prestatie, history, credited_now)
        for known in history.lines_on(prestatie.toewijzing_nummer)
        if not known.prestatie.is_credit and key_of(known.prestatie) == key
    )


def _open(debit: Prestatie, history: History, credited_now: set[tuple[str | None, Periode]]) -> bool:
    """Credited: a credit line names the debit as its VorigReferentieNummer for the same ProductPeriode."""
    if (debit.referentie_nummer, debit.product_periode) in credited_now:
        return False
    return not any(
        credit.prestatie.product_periode == debit.product_periode
        for credit in history.credits_of(debit.referentie_nummer)
    )


def _open_debits(history: History, nummer: int, credited_refs: frozenset[str | None]) -> Iterable[Prestatie]:
    """The assignment's earlier debit lines that no credit cancels (earlier, or accepted in this claim:
    `credited_refs` are the VorigReferentieNummers of its accepted credit lines)."""
    for known in history.lines_on(nummer):
        prestatie = known.prestatie
        referentie = prestatie.referentie_nummer
        if not prestatie.is_credit and referentie not in credited_refs and not history.credits_of(referentie):
            yield prestatie


def _countable(prestatie: Prestatie, toewijzing: Toewijzing) -> bool:
    """Whether a line's volume can be compared with the Omvang at all.

    Reading: an earlier line in an Eenheid the current version's Omvang does not take (the unit was
    changed since) cannot be converted, and counts for nothing rather than blocking every new line.
    """
    return toewijzing.omvang is None or fits(prestatie.eenheid, toewijzing.omvang.eenheid)
