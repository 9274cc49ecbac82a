"""When a delivery to the CAK is due.

The law (Uitvoeringsregeling Wmo 2015, art. 2f) wants the data within one month after the day the
voorziening was provided, and for a pgb within four months after its ingangsdatum. Reading taken for
what the law does not spell out: a stop is due one month after the stop date, a new kostprijs one
term after its start date, and a deletion one month after the start of the period it withdraws
(usually long past, so it shows as overdue at once: send it now).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from types import MappingProxyType

from gateway.cak.model import BronSoort, EbPeriode, Inhoud

TERMIJN_MAANDEN = MappingProxyType({BronSoort.NATURA: 1, BronSoort.VERSTREKKING: 1, BronSoort.PGB: 4})
"""Months the gemeente has to report a provision to the CAK, by kind of provision."""

DEFAULT_TERMIJN = 1


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, or the last day of that month if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def start_due(periode: EbPeriode) -> date:
    """The period's start is due a term after it; when provisions open it together, the shortest term."""
    return min(
        add_months(periode.startdatum, TERMIJN_MAANDEN[lid.bron.soort])
        for lid in periode.bronnen
        if lid.begindatum == periode.startdatum
    )


def due(periode: EbPeriode | None, basis: Inhoud | None) -> date:
    """The due date of the delivery that turns what the CAK holds (`basis`) into `periode`.

    A change is due as early as the earliest fact it changes.
    """
    if periode is None:
        assert basis is not None, "nothing to withdraw"
        return add_months(basis.startdatum, DEFAULT_TERMIJN)
    if basis is None:
        return start_due(periode)
    new = periode.inhoud
    dates: list[date] = []
    if new.startdatum != basis.startdatum or (new.stopdatum is None and basis.stopdatum is not None):
        dates.append(start_due(periode))
    if new.stopdatum is not None and new.stopdatum != basis.stopdatum:
        dates.append(add_months(new.stopdatum, DEFAULT_TERMIJN))
    if new.kostprijs != basis.kostprijs:
        if new.kostprijs is None or periode.kostprijs_bron is None:
            dates.append(start_due(periode))
        else:
            termijn = TERMIJN_MAANDEN[periode.kostprijs_bron.soort]
            dates.append(add_months(new.kostprijs.startdatum, termijn))
    return min(dates)


def delivered_alike(a: EbPeriode, b: EbPeriode) -> bool:
    """Whether every delivery one period needs is the one the other needs, whatever the CAK holds: both
    tell the same content, due alike (they differ at most in the provisions they come from)."""
    return a.inhoud == b.inhoud and a.kostprijs_bron == b.kostprijs_bron and start_due(a) == start_due(b)
