"""Limits measured in volume, kilometres and money, and what must go alongside; pure checks over data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from math import ceil
from types import MappingProxyType

from gateway.policy.case import Case
from gateway.policy.codelists import EENHEID, FREQUENTIE, FREQUENTIE_DAYS, FREQUENTIE_TOTAL, factor
from gateway.policy.periods import days
from gateway.policy.violations import PolicyViolation, ViolationCode

PER_DAYS: Mapping[str, Fraction] = MappingProxyType(
    {"dag": Fraction(1), "week": Fraction(7), "maand": Fraction(365, 12), "jaar": Fraction(365)}
)
PER_ENGLISH: Mapping[str, str] = MappingProxyType(
    {"dag": "day", "week": "week", "maand": "month", "jaar": "year"}
)


def _number(value: Fraction) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def _euro(cents: int) -> tuple[str, str]:
    euros = f"{cents // 100:,}"
    return f"€ {euros.replace(',', '.')},{cents % 100:02d}", f"EUR {euros}.{cents % 100:02d}"


def max_volume_total(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.max_volume_total
    proposal, omvang = case.proposal, case.proposal.omvang
    if limit is None or omvang is None or case.waived(limit.afwijkbaar):
        return
    worth = factor(omvang.eenheid, limit.eenheid)
    per = FREQUENTIE_DAYS.get(omvang.frequentie)
    if worth is None or (per is None and omvang.frequentie != FREQUENTIE_TOTAL):
        return
    eenheid = EENHEID[limit.eenheid]
    cap_nl, cap_en = (
        f"maximaal {limit.amount} {eenheid} in totaal",
        f"at most {limit.amount} {eenheid} in total",
    )
    if per is None:
        total = omvang.volume * worth
    elif proposal.einddatum is None:
        yield case.breach(
            limit,
            ViolationCode.MAX_VOLUME_TOTAL,
            f"zonder einddatum is het totaal onbegrensd; {cap_nl}",
            f"without an einddatum the total has no bound; {cap_en}",
        )
        return
    else:
        total = omvang.volume * worth * days(proposal.ingangsdatum, proposal.einddatum) / per
    if total > limit.amount:
        yield case.breach(
            limit,
            ViolationCode.MAX_VOLUME_TOTAL,
            f"de omvang komt op {_number(total)} {eenheid} over de periode; {cap_nl}",
            f"the omvang comes to {_number(total)} {eenheid} over the period; {cap_en}",
        )


def max_rate(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.max_rate
    proposal, omvang = case.proposal, case.proposal.omvang
    if limit is None or omvang is None or case.waived(limit.afwijkbaar):
        return
    worth = factor(omvang.eenheid, limit.eenheid)
    if worth is None:
        return
    volume = omvang.volume * worth
    eenheid, per_days = EENHEID[limit.eenheid], PER_DAYS[limit.per]
    cap_nl = f"maximaal {limit.amount} {eenheid} per {limit.per}"
    cap_en = f"at most {limit.amount} {eenheid} per {PER_ENGLISH[limit.per]}"
    if omvang.frequentie == FREQUENTIE_TOTAL:
        if proposal.einddatum is None:
            return
        allowed = limit.amount * ceil(days(proposal.ingangsdatum, proposal.einddatum) / per_days)
        if volume > allowed:
            given = f"{_number(volume)} {eenheid}"
            yield case.breach(
                limit,
                ViolationCode.MAX_RATE,
                f"{given} in totaal is meer dan {allowed} in deze periode; {cap_nl}",
                f"{given} in total exceeds {allowed} in this period; {cap_en}",
            )
        return
    frequentie_days = FREQUENTIE_DAYS.get(omvang.frequentie)
    if frequentie_days is not None and volume / frequentie_days > limit.amount / per_days:
        frequentie = FREQUENTIE[omvang.frequentie]
        yield case.breach(
            limit,
            ViolationCode.MAX_RATE,
            f"{_number(volume)} {eenheid} {frequentie} is meer dan toegestaan; {cap_nl}",
            f"{_number(volume)} {eenheid} {frequentie} is more than allowed; {cap_en}",
        )


def requires_beside(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.requires_beside
    if limit is None or case.waived(limit.afwijkbaar):
        return
    if case.beside(limit.any_of) or case.following(limit.or_following):
        return
    reden, reason = f"alleen naast {case.names(limit.any_of)}", f"only beside {case.names(limit.any_of)}"
    if limit.or_following:
        reden += f", of volgend op {case.names(limit.or_following)}"
        reason += f", or following {case.names(limit.or_following)}"
    yield case.breach(limit, ViolationCode.REQUIRES_BESIDE, reden, reason)


def max_km_per_year(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.max_km_per_year
    km = case.proposal.km_per_jaar
    if limit is None or case.waived(limit.afwijkbaar):
        return
    if km is None:
        if limit.required:
            yield case.breach(
                limit,
                ViolationCode.KM_MISSING,
                "het aantal kilometer op jaarbasis ontbreekt",
                "the number of kilometres a year is missing",
            )
        return
    cap, why_nl, why_en = limit.km, "", ""
    reduced = limit.reduced
    beside = case.beside(reduced.beside_any_of) if reduced is not None else ()
    if reduced is not None and beside and not case.waived(reduced.afwijkbaar):
        cap = reduced.km
        why_nl, why_en = f", gehalveerd naast {case.names(beside)}", f", halved beside {case.names(beside)}"
    if km > cap:
        yield case.breach(
            limit,
            ViolationCode.MAX_KM_PER_YEAR,
            f"{km} km per jaar is meer dan het maximum van {cap} km{why_nl}",
            f"{km} km a year is more than the maximum of {cap} km{why_en}",
        )


def max_amount(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.max_amount
    amount = case.proposal.amount_cents()
    if limit is None or amount is None or case.waived(limit.afwijkbaar) or amount <= limit.cents:
        return
    (given_nl, given_en), (cap_nl, cap_en) = _euro(amount), _euro(limit.cents)
    yield case.breach(
        limit,
        ViolationCode.MAX_AMOUNT,
        f"{given_nl} is meer dan het maximum van {cap_nl}",
        f"{given_en} is more than the maximum of {cap_en}",
    )


def price_table(case: Case) -> Iterator[PolicyViolation]:
    limit = case.voorziening.limits.price_table
    if limit is None or case.waived(limit.afwijkbaar):
        return
    table = case.policy.price_table(limit.table)
    ceiling = 0
    for item in case.proposal.prijsposten:
        post = table.posten.get(item.post)
        if post is None:
            yield case.breach(
                limit,
                ViolationCode.PRICE_TABLE,
                f"post {item.post!r} staat niet in de prijstabel",
                f"post {item.post!r} is not in the price table",
            )
        elif item.aantal < 1 or (item.aantal > 1 and not post.per_stuk):
            allowed_nl, allowed_en = ("per stuk", "per item") if post.per_stuk else ("eenmaal", "once")
            yield case.breach(
                limit,
                ViolationCode.PRICE_TABLE,
                f"post {item.post!r} telt {item.aantal} keer; toegestaan is {allowed_nl}",
                f"post {item.post!r} counts {item.aantal} times; allowed is {allowed_en}",
            )
            ceiling += post.cents * min(max(item.aantal, 0), 1)
        else:
            ceiling += post.cents * item.aantal
    amount = case.proposal.amount_cents()
    if amount is not None and amount > ceiling:
        (given_nl, given_en), (cap_nl, cap_en) = _euro(amount), _euro(ceiling)
        yield case.breach(
            limit,
            ViolationCode.PRICE_TABLE,
            f"{given_nl} is meer dan {cap_nl} volgens de prijstabel voor deze posten",
            f"{given_en} is more than {cap_en} by the price table for these posts",
        )
