"""Eigen-bijdrage periods per client, as iEb wants them: one per person, not one per provision.

A period starts with the first provision that carries the eigen bijdrage and ends only when the last
one ends: overlapping or adjacent provisions (one ending the day before the next starts) merge, a gap
of a day or more gives two periods. Pure: the store hands in the provisions, nothing is read or kept.

The policy decides here, not in the store, what a provision carries: whether it counts at all, from
when, and whether it runs until its kostprijs is reached (`duur: tot_kostprijs`), which gives a pgb its
kostprijs and ends a provision whose kostprijs earlier periods used up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from gateway.cak.bijdrageplicht import counting_span, eigen_bijdrage
from gateway.cak.kostprijs import guarded, used_in_period, used_up
from gateway.cak.leveringen import natura_spans
from gateway.cak.model import Afleiding, Bron, BronPeriode, EbPeriode, Reden, Span, Uitsluiting
from gateway.cak.settings import CakSettings, StartMoment
from gateway.cak.sources import ClientBronnen, NaturaToewijzing, PgbBeschikking, Verstrekking
from gateway.domain.products import Product
from gateway.policy import Policy
from gateway.policy.models import Duur, EigenBijdrage

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
    toegekend: int | None = None
    """What a pgb grants in all: its kostprijs if the policy has it run until the kostprijs is reached."""


@dataclass(frozen=True, slots=True)
class _Stretch:
    """A stretch in which a provision counts, and whether it counts only until its kostprijs is reached."""

    lid: BronPeriode
    tot_kostprijs: bool


def derive_periods(bronnen: ClientBronnen, policy: Policy, settings: CakSettings | None = None) -> Afleiding:
    """The client's eigen-bijdrage periods in time order, and the provisions that add nothing (from some
    day on)."""
    settings = settings or CakSettings()
    stretches: list[_Stretch] = []
    uitgesloten: list[Uitsluiting] = []
    for provision in _provisions(bronnen, settings):
        judged = _judge(provision, bronnen.geboortedatum, policy, settings)
        if isinstance(judged, Uitsluiting):
            uitgesloten.append(judged)
        else:
            stretches.extend(judged)
    perioden, afgelost = _periods(stretches, settings)
    return Afleiding(perioden=perioden, uitgesloten=(*uitgesloten, *afgelost))


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
    return _Provision(
        pgb.bron, pgb.product, ((begin, pgb.einddatum),), pgb.kostprijs, toegekend=pgb.toegekend
    )


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
) -> list[_Stretch] | Uitsluiting:
    """The provision's counting stretches, or why it has none (the first reason found).

    A kostprijs is judged here on its full amount (S333); what is left of it after earlier periods is
    judged as the periods are made (`_periods`).
    """
    bron = provision.bron
    if not provision.spans:
        return Uitsluiting(bron, provision.zonder)
    terms = eigen_bijdrage(policy, provision.product)
    if terms is None:
        return Uitsluiting(bron, Reden.ONBEKEND_PRODUCT)
    if not terms.cak:
        return Uitsluiting(bron, Reden.VRIJGESTELD, terms.vrijstelling)
    tot_kostprijs = terms.duur is Duur.TOT_KOSTPRIJS
    kostprijs = _kostprijs(provision, terms)
    counted: list[_Stretch] = []
    reasons: list[Reden] = []
    for span in provision.spans:
        judged = counting_span(span, terms, geboortedatum)
        if isinstance(judged, Reden):
            reasons.append(judged)
        elif kostprijs is not None and kostprijs <= settings.tarief.per_maand(judged[0]):
            reasons.append(Reden.KOSTPRIJS_TE_LAAG)
        else:
            counted.append(_Stretch(BronPeriode(bron, judged[0], judged[1], kostprijs), tot_kostprijs))
    return counted or Uitsluiting(bron, reasons[0])


def _kostprijs(provision: _Provision, terms: EigenBijdrage) -> int | None:
    """The kostprijs (euro cents) the CAK is to guard for the provision, if any.

    A provision in kind carries the kostprijs the gemeente stated for it. A pgb carries what it grants:
    a Wmo pgb falls under the abonnementstarief exactly like natura (iEb §4.6), and a hulpmiddel or
    woonvoorziening carries the eigen bijdrage only until its kostprijs is reached, of which the gemeente
    sends the total (§4.7; Beleidsregels 2026, hoofdstuk 4: "totdat de kostprijs is bereikt"). Reading:
    for a pgb of a voorziening whose policy `duur` is `tot_kostprijs`, the kostprijs is the total the pgb
    grants (its one sum, or the sum over its periods), guarded from the day the pgb starts to count, its
    ingangsdatum (the beschikkingsdatum only where the gemeente chose the beschikking as start moment,
    as for every provision). A pgb of any other voorziening (a dienst, which runs as long as it is used)
    has none: services get no kostprijs monitoring. A kostprijs stated for the pgb itself comes first.
    """
    if provision.kostprijs is not None or terms.duur is not Duur.TOT_KOSTPRIJS:
        return provision.kostprijs
    return provision.toegekend


def _periods(
    stretches: list[_Stretch], settings: CakSettings
) -> tuple[tuple[EbPeriode, ...], tuple[Uitsluiting, ...]]:
    """Merge the stretches into periods, oldest first, each with the kostprijs to guard; and the provisions
    that stop counting because earlier periods used up their kostprijs.

    Stretches that overlap or touch make one period. The periods are made in time order, keeping what
    each closed period used of every kostprijs, so a stretch is judged on what is left of its kostprijs
    when it starts: after a pause (or a later restart) a provision that runs until its kostprijs is
    reached adds nothing once that remainder does not exceed one month's tariff (iEb §4.7: the eigen
    bijdrage may not exceed the kostprijs; the remainder must be sent again with the restart, and S333
    refuses one that small). Left out, such a stretch neither joins nor prolongs a period; the provision
    is reported as `Reden.KOSTPRIJS_BEREIKT` from the start of the first stretch left out.
    """
    perioden: list[EbPeriode] = []
    verbruikt: dict[Bron, int] = {}
    afgelost: dict[Bron, date] = {}
    group: list[BronPeriode] = []
    end: date | None = None
    for stretch in sorted(stretches, key=lambda stretch: (stretch.lid.begindatum, stretch.lid.bron)):
        lid = stretch.lid
        if group and end is not None and lid.begindatum > end + timedelta(days=1):
            perioden.append(_period(group, verbruikt, settings))
            group = []
        if stretch.tot_kostprijs and used_up(lid, verbruikt, settings.tarief):
            afgelost.setdefault(lid.bron, lid.begindatum)
        elif group:
            group.append(lid)
            end = None if end is None or lid.einddatum is None else max(end, lid.einddatum)
        else:
            group, end = [lid], lid.einddatum
    if group:
        perioden.append(_period(group, verbruikt, settings))
    uitgesloten = tuple(
        Uitsluiting(bron, Reden.KOSTPRIJS_BEREIKT, vanaf=day) for bron, day in afgelost.items()
    )
    return tuple(perioden), uitgesloten


def _period(group: list[BronPeriode], verbruikt: dict[Bron, int], settings: CakSettings) -> EbPeriode:
    """The period the stretches of `group` make; once it is closed, what it used of each kostprijs is
    added to `verbruikt`."""
    start = group[0].begindatum
    stop = _last_end(group)
    chosen = guarded(group, verbruikt, settings.tarief)
    if stop is not None:
        for lid in group:
            if lid.kostprijs is not None:
                verbruikt[lid.bron] = verbruikt.get(lid.bron, 0) + used_in_period(
                    start, stop, lid, settings.tarief
                )
    return EbPeriode(
        startdatum=start,
        stopdatum=stop,
        kostprijs=None if chosen is None else chosen[0],
        kostprijs_bron=None if chosen is None else chosen[1],
        bronnen=tuple(group),
    )


def _last_end(group: list[BronPeriode]) -> date | None:
    ends = [lid.einddatum for lid in group]
    return None if None in ends else max(end for end in ends if end is not None)
