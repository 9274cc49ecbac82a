"""When a natura provision ran, from its toewijzing and the WMO305/WMO307 reports on it.

Reports are corrected by deleting them (StatusAanlevering 3) and sending them again (1); only the
reports standing after every deletion count. A stop belongs to the start whose ToewijzingNummer,
Product and Begindatum it copies.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date
from typing import TypeVar

from gateway.cak.model import Span
from gateway.cak.settings import CakSettings, StartMoment
from gateway.cak.sources import NaturaToewijzing
from gateway.domain.products import Product, StartProduct, StopProduct

TIJDELIJKE_STOP = "20"
"""WMO588: levering tijdelijk beëindigd."""

EERSTE_AANLEVERING = "1"
VERWIJDEREN = "3"
"""COD467 values a WMO305/307 may carry (CS058)."""

R = TypeVar("R", StartProduct, StopProduct)


def natura_spans(natura: NaturaToewijzing, settings: CakSettings) -> list[Span]:
    """The stretches in which the provision counts, starting at the moment the gemeente chose.

    With `levering` only reported deliveries count. Otherwise the first stretch starts at the
    beschikking or toewijzing instead, and without any delivery the toewijzing's own period counts;
    a definitive stop still ends the provision, whatever the start moment.
    """
    delivered = deliveries(natura, settings.pauze_bij_tijdelijke_stop)
    if settings.start_moment is StartMoment.LEVERING:
        return delivered
    begin = (
        natura.beschikkingsdatum
        if settings.start_moment is StartMoment.BESCHIKKING
        else natura.toewijzing.ingangsdatum
    )
    if not delivered:
        return [(begin, natura.toewijzing.einddatum)]
    (first_begin, first_end), *rest = delivered
    return [(min(begin, first_begin), first_end), *rest]


def deliveries(natura: NaturaToewijzing, pauze: bool) -> list[Span]:
    """The stretches of delivery, from the standing starts in date order, never beyond the toewijzing's
    Einddatum.

    A stretch runs from a start up to its definitive stop. A temporary stop (RedenBeeindiging 20) ends
    it too when that pauses; otherwise the provision runs on through the stop, so the stretch carries
    on into the next start (the restart) and ends as that one does, or stays open without a restart.
    """
    stops = standing(natura.stops, _stop_key)
    spans: list[Span] = []
    begin: date | None = None
    for start in sorted(standing(natura.starts, _start_key), key=lambda s: s.begindatum):
        begin = start.begindatum if begin is None else begin
        own = [stop for stop in stops if _start_key(stop) == _start_key(start)]
        ends = [stop.einddatum for stop in own if pauze or stop.reden_beeindiging != TIJDELIJKE_STOP]
        if own and not ends:
            continue  # stopped for now only: runs on into the restart
        spans.append((begin, earliest(min(ends, default=None), natura.toewijzing.einddatum)))
        begin = None
    if begin is not None:
        spans.append((begin, natura.toewijzing.einddatum))
    return spans


def standing(reports: Iterable[R], key: Callable[[R], Hashable]) -> list[R]:
    """The reports not deleted since, in order of receipt; a report sent again after deletion counts."""
    current: dict[Hashable, R] = {}
    for report in reports:
        if report.status_aanlevering == EERSTE_AANLEVERING:
            current[key(report)] = report
        elif report.status_aanlevering == VERWIJDEREN:
            current.pop(key(report), None)
    return list(current.values())


def earliest(first: date | None, second: date | None) -> date | None:
    """The earlier of two ends, where None is no end."""
    if first is None:
        return second
    return first if second is None else min(first, second)


def _start_key(report: StartProduct | StopProduct) -> tuple[int | None, Product | None, date]:
    return (report.toewijzing_nummer, report.product, report.begindatum)


def _stop_key(report: StopProduct) -> tuple[int | None, Product | None, date, str, date]:
    return (*_start_key(report), report.reden_beeindiging, report.einddatum)
