"""Which kostprijs the CAK is to guard for a period, and how much of one is used up.

Kostprijzen are never added up: of several, the highest counts (Uitvoeringsbesluit Wmo 2015, art.
3.10b lid 4). Read with the VNG's guidance, "highest" is judged at the moment a new hulpmiddel
arrives: it replaces the guarded kostprijs only when it exceeds what is left of that one. What is left
is an estimate: the national tariff of every month the CAK charges, from the month after the start
(the CAK charges from the month following the start; a month begun is charged in full). A kostprijs
must exceed one month's tariff, or the CAK refuses it (TR409, S333); after a pause that holds for what
is left of it, and a provision whose remainder is used up that far no longer counts (`used_up`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from gateway.cak.model import Bron, BronPeriode, Kostprijs
from gateway.cak.tarieven import Abonnementstarief
from gateway.domain.periods import month_of, months_from


def guarded(
    leden: Iterable[BronPeriode], verbruikt: Mapping[Bron, int], tarief: Abonnementstarief
) -> tuple[Kostprijs, Bron] | None:
    """The kostprijs to report for a period made of `leden`, with the provision it belongs to.

    `verbruikt` holds, per provision, what earlier periods already used of its kostprijs (after a
    pause only the remainder is sent again). A remainder not above one month's tariff gives no kostprijs;
    a provision that runs until its kostprijs is reached is not among `leden` by then (`used_up`).
    """
    current: tuple[Kostprijs, Bron] | None = None
    for lid in sorted((lid for lid in leden if lid.kostprijs is not None), key=_arrival):
        assert lid.kostprijs is not None
        bedrag = lid.kostprijs - verbruikt.get(lid.bron, 0)
        if bedrag <= tarief.per_maand(lid.begindatum):
            continue
        if current is None or bedrag > remaining(current[0], lid.begindatum, tarief):
            current = (Kostprijs(bedrag, lid.begindatum), lid.bron)
    return current


def used_up(lid: BronPeriode, verbruikt: Mapping[Bron, int], tarief: Abonnementstarief) -> bool:
    """Whether earlier periods left no more of `lid`'s kostprijs than one month's tariff at its start.

    Only a kostprijs an earlier period used from counts: one never used is judged on its full amount
    where the provision is judged.
    """
    if lid.kostprijs is None or lid.bron not in verbruikt:
        return False
    return lid.kostprijs - verbruikt[lid.bron] <= tarief.per_maand(lid.begindatum)


def remaining(kostprijs: Kostprijs, day: date, tarief: Abonnementstarief) -> int:
    """What is left of `kostprijs` at the start of the month holding `day`."""
    before = month_of(day).begindatum - timedelta(days=1)
    return kostprijs.bedrag - charged(kostprijs.startdatum, before, tarief)


def used_in_period(start: date, stop: date, lid: BronPeriode, tarief: Abonnementstarief) -> int:
    """What a closed period from `start` to `stop` used of `lid`'s kostprijs: its charged months in use."""
    end = stop if lid.einddatum is None else min(stop, lid.einddatum)
    return charged(max(start, month_of(lid.begindatum).begindatum - timedelta(days=1)), end, tarief)


def charged(start: date, end: date, tarief: Abonnementstarief) -> int:
    """The tariffs of the months after the one holding `start`, up to the one holding `end`."""
    first = month_of(start).einddatum + timedelta(days=1)
    return sum(tarief.per_maand(month.begindatum) for month in months_from(first, end))


def _arrival(lid: BronPeriode) -> tuple[date, Bron]:
    return (lid.begindatum, lid.bron)
