"""Limits measured in time (durations, pgb terms, age), each a pure check reading its limit from the data."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.policy.case import Case
from gateway.policy.models import DurationLimit, Leveringsvorm
from gateway.policy.periods import age_on, last_day, shift, span_text
from gateway.policy.violations import PolicyViolation, ViolationCode


def max_duration(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.max_duration
    if limit is not None:
        yield from _longest(case, limit, ViolationCode.MAX_DURATION, ("de duur", "the duration"))


def pgb_duration(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.pgb_duration
    if limit is not None and case.proposal.leveringsvorm == Leveringsvorm.PGB:
        what = ("een pgb (naar de levensduur)", "a pgb (by the usual lifetime)")
        yield from _longest(case, limit, ViolationCode.PGB_DURATION, what)


def _longest(
    case: Case, limit: DurationLimit, code: ViolationCode, what: tuple[str, str]
) -> Iterator[PolicyViolation]:
    if case.waived(limit.afwijkbaar):
        return
    proposal = case.proposal
    nl, en = span_text(limit)
    if proposal.einddatum is None:
        yield case.breach(
            limit,
            code,
            f"einddatum ontbreekt; {what[0]} is maximaal {nl}",
            f"no einddatum; {what[1]} is at most {en}",
        )
        return
    last = last_day(proposal.ingangsdatum, limit)
    if proposal.einddatum > last:
        yield case.breach(
            limit,
            code,
            f"einddatum {proposal.einddatum} ligt na {last}; {what[0]} is maximaal {nl}",
            f"einddatum {proposal.einddatum} is after {last}; {what[1]} is at most {en}",
        )


def min_duration(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.min_duration
    proposal = case.proposal
    if limit is None or proposal.einddatum is None or case.waived(limit.afwijkbaar):
        return
    first_allowed = last_day(proposal.ingangsdatum, limit)
    if proposal.einddatum < first_allowed:
        nl, en = span_text(limit)
        yield case.breach(
            limit,
            ViolationCode.MIN_DURATION,
            f"einddatum {proposal.einddatum} ligt voor {first_allowed}; de duur is minimaal {nl}",
            f"einddatum {proposal.einddatum} is before {first_allowed}; the duration is at least {en}",
        )


def pgb_woningaanpassing(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.pgb_woningaanpassing
    proposal = case.proposal
    if limit is None or proposal.leveringsvorm != Leveringsvorm.PGB or case.waived(limit.afwijkbaar):
        return
    toekenning = proposal.toekenningsdatum or proposal.ingangsdatum
    start = proposal.start_werkzaamheden
    if start is not None and start < toekenning:
        yield case.breach(
            limit,
            ViolationCode.PGB_START_TERM,
            f"de werkzaamheden beginnen op {start}, voor het besluit van {toekenning}",
            f"the works start on {start}, before the decision of {toekenning}",
        )
    elif start is not None and start > shift(toekenning, limit.start_within):
        nl, en = span_text(limit.start_within)
        yield case.breach(
            limit,
            ViolationCode.PGB_START_TERM,
            f"de werkzaamheden beginnen op {start}, niet binnen {nl} na toekenning op {toekenning}",
            f"the works start on {start}, not within {en} of the grant on {toekenning}",
        )
    spent = proposal.besteed_uiterlijk
    if spent is not None and spent > shift(toekenning, limit.spent_within):
        nl, en = span_text(limit.spent_within)
        yield case.breach(
            limit,
            ViolationCode.PGB_SPEND_TERM,
            f"het pgb is pas op {spent} besteed, niet binnen {nl} na toekenning op {toekenning}",
            f"the pgb is spent by {spent}, not within {en} of the grant on {toekenning}",
        )


def min_age(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.min_age
    proposal = case.proposal
    if limit is None or case.waived(limit.afwijkbaar):
        return
    age = age_on(proposal.geboortedatum, proposal.ingangsdatum)
    if age < limit.years:
        yield case.breach(
            limit,
            ViolationCode.MIN_AGE,
            f"de cliënt is op de ingangsdatum {age} jaar; de ondergrens is {limit.years} jaar",
            f"the client is {age} on the ingangsdatum; the minimum age is {limit.years}",
        )
