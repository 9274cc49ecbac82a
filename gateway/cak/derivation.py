"""Eigen-bijdrage periods per client, as iEb wants them: one per person, not one per provision.

A period starts with the first provision that carries the eigen bijdrage and ends only when the last
one ends: overlapping or adjacent provisions (one ending the day before the next starts) merge, a gap
of a day or more gives two periods. Pure: the store hands in the provisions, nothing is read or kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from gateway.cak.bijdrageplicht import counting_span, eigen_bijdrage
from gateway.cak.kostprijs import guarded, used_in_period
from gateway.cak.leveringen import natura_spans
from gateway.cak.model import Afleiding, Bron, BronPeriode, EbPeriode, Reden, Span, Uitsluiting
from gateway.cak.settings import CakSettings, StartMoment
from gateway.cak.sources import ClientBronnen, NaturaToewijzing, PgbBeschikking, Verstrekking
from gateway.domain.products import Product
from gateway.policy import Policy

VERWIJDERDE_TOEWIJZING = "13"
"""WMO002: toewijzing sent in error, to be treated as never sent."""


@dataclass(frozen=True, slots=True)
class _Provision:
    bron: Bron
    product: Product | None
    spans: tuple[Span, ...]
    kostprijs: int | None
    zonder: Reden = Reden.NIET_GESTART
    """Why the provision counts nowhere when it has no stretch at all."""


def derive_periods(bronnen: ClientBronnen, policy: Policy, settings: CakSettings | None = None) -> Afleiding:
    """The client's eigen-bijdrage periods in time order, and the provisions that add nothing."""
    settings = settings or CakSettings()
    leden: list[BronPeriode] = []
    uitgesloten: list[Uitsluiting] = []
    for provision in _provisions(bronnen, settings):
        judged = _judge(provision, bronnen.geboortedatum, policy, settings)
        if isinstance(judged, Uitsluiting):
            uitgesloten.append(judged)
        else:
            leden.extend(judged)
    return Afleiding(perioden=_periods(leden, settings), uitgesloten=tuple(uitgesloten))


def _provisions(bronnen: ClientBronnen, settings: CakSettings) -> Iterator[_Provision]:
    for natura in bronnen.natura:
        yield _natura(natura, settings)
    for pgb in bronnen.pgb:
        yield _pgb(pgb, settings)
    for verstrekking in bronnen.verstrekkingen:
        yield _verstrekking(verstrekking, settings)


def _natura(natura: NaturaToewijzing, settings: CakSettings) -> _Provision:
    if natura.toewijzing.reden_wijziging == VERWIJDERDE_TOEWIJZING:
        return _Provision(natura.bron, natura.product, (), natura.kostprijs, Reden.VERWIJDERD)
    return _Provision(natura.bron, natura.product, tuple(natura_spans(natura, settings)), natura.kostprijs)


def _pgb(pgb: PgbBeschikking, settings: CakSettings) -> _Provision:
    """A pgb has no delivery message: it starts at its ingangsdatum, or at its beschikking if so chosen."""
    begin = pgb.beschikkingsdatum if settings.start_moment is StartMoment.BESCHIKKING else pgb.ingangsdatum
    return _Provision(pgb.bron, pgb.product, ((begin, pgb.einddatum),), pgb.kostprijs)


def _verstrekking(verstrekking: Verstrekking, settings: CakSettings) -> _Provision:
    begin = {
        StartMoment.BESCHIKKING: verstrekking.beschikkingsdatum,
        StartMoment.TOEWIJZING: verstrekking.ingangsdatum,
        StartMoment.LEVERING: verstrekking.leverdatum,
    }[settings.start_moment]
    spans = () if begin is None else ((begin, verstrekking.einddatum),)
    return _Provision(verstrekking.bron, verstrekking.product, spans, verstrekking.kostprijs)


def _judge(
    provision: _Provision, geboortedatum: date, policy: Policy, settings: CakSettings
) -> list[BronPeriode] | Uitsluiting:
    """The provision's counting stretches, or why it has none (the first reason found)."""
    bron = provision.bron
    if not provision.spans:
        return Uitsluiting(bron, provision.zonder)
    terms = eigen_bijdrage(policy, provision.product)
    if terms is None:
        return Uitsluiting(bron, Reden.ONBEKEND_PRODUCT)
    if not terms.cak:
        return Uitsluiting(bron, Reden.VRIJGESTELD, terms.vrijstelling)
    counted: list[BronPeriode] = []
    reasons: list[Reden] = []
    for span in provision.spans:
        judged = counting_span(span, terms, geboortedatum)
        if isinstance(judged, Reden):
            reasons.append(judged)
        elif provision.kostprijs is not None and provision.kostprijs <= settings.tarief.per_maand(judged[0]):
            reasons.append(Reden.KOSTPRIJS_TE_LAAG)
        else:
            counted.append(BronPeriode(bron, judged[0], judged[1], provision.kostprijs))
    return counted or Uitsluiting(bron, reasons[0])


def _periods(leden: list[BronPeriode], settings: CakSettings) -> tuple[EbPeriode, ...]:
    """Merge the stretches into periods and give each the kostprijs to guard, oldest period first."""
    perioden: list[EbPeriode] = []
    verbruikt: dict[Bron, int] = {}
    for group in _merged(leden):
        start = group[0].begindatum
        stop = _last_end(group)
        chosen = guarded(group, verbruikt, settings.tarief)
        perioden.append(
            EbPeriode(
                startdatum=start,
                stopdatum=stop,
                kostprijs=None if chosen is None else chosen[0],
                kostprijs_bron=None if chosen is None else chosen[1],
                bronnen=tuple(group),
            )
        )
        if stop is not None:
            for lid in group:
                if lid.kostprijs is not None:
                    verbruikt[lid.bron] = verbruikt.get(lid.bron, 0) + used_in_period(
                        start, stop, lid, settings.tarief
                    )
    return tuple(perioden)


def _merged(leden: list[BronPeriode]) -> Iterator[list[BronPeriode]]:
    """Groups of stretches that overlap or touch, in time order."""
    group: list[BronPeriode] = []
    end: date | None = None
    for lid in sorted(leden, key=lambda lid: (lid.begindatum, lid.bron)):
        if group and (end is None or lid.begindatum <= end + timedelta(days=1)):
            group.append(lid)
            end = None if end is None or lid.einddatum is None else max(end, lid.einddatum)
            continue
        if group:
            yield group
        group, end = [lid], lid.einddatum
    if group:
        yield group


def _last_end(group: list[BronPeriode]) -> date | None:
    ends = [lid.einddatum for lid in group]
    return None if None in ends else max(end for end in ends if end is not None)
