"""Bringing a client's records in line with newly derived periods, whenever a provision changes.

Each derived period is matched to the record it continues: the one sharing most provisions, then the
one with the same start (an unchanged start never meets the 36-month limit on changing it, TR393),
then the one overlapping it longest. A matched record takes the period as its truth (so a deleted
start, a changed toewijzing or a late stop becomes a change, StatusAanlevering 2, on the same
EbStartNummer); a record left without a period is to be withdrawn (3); a period left without a record
gets a new EbStartNummer (1). Records the CAK has deleted are not matched again: their numbers are spent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from gateway.cak.model import EbPeriode, Inhoud
from gateway.cak.records import MAX_EB_START_NUMMER, EbRecord

Score = tuple[int, bool, int]


def reconcile(
    records: Iterable[EbRecord],
    perioden: Iterable[EbPeriode],
    bsn: str,
    nieuw_nummer: Callable[[], int],
) -> tuple[EbRecord, ...]:
    """The client's records after the periods changed, by EbStartNummer.

    `records` are the client's records so far; `nieuw_nummer` hands out an EbStartNummer never used
    before by this gemeente (the store keeps that sequence).
    """
    existing = {record.eb_start_nummer: record for record in records}
    new_periods = list(perioden)
    matched = _match(new_periods, [r for r in existing.values() if not r.verwijderd])
    updated = {
        nummer: record
        if record.verwijderd
        else replace(record, periode=new_periods[matched[nummer]] if nummer in matched else None)
        for nummer, record in existing.items()
    }
    taken = set(matched.values())
    for index, periode in enumerate(new_periods):
        if index not in taken:
            nummer = _checked(nieuw_nummer(), updated)
            updated[nummer] = EbRecord(nummer, bsn, periode)
    return tuple(updated[nummer] for nummer in sorted(updated))


def _match(perioden: list[EbPeriode], records: list[EbRecord]) -> dict[int, int]:
    """EbStartNummer → index of its period: best pairs first, each period and each record used once,
    and only pairs with something in common."""
    pairs = sorted(
        (
            (score, -index, -record.eb_start_nummer, index, record.eb_start_nummer)
            for index, periode in enumerate(perioden)
            for record in records
            if (score := _score(periode, record)) > (0, False, 0)
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    for *_, index, nummer in pairs:
        if index not in matched.values() and nummer not in matched:
            matched[nummer] = index
    return matched


def _score(periode: EbPeriode, record: EbRecord) -> Score:
    reference = record.periode.inhoud if record.periode is not None else record.bij_cak
    if reference is None:
        return (0, False, 0)
    bronnen = {lid.bron for lid in record.periode.bronnen} if record.periode is not None else set()
    shared = len({lid.bron for lid in periode.bronnen} & bronnen)
    return (shared, periode.startdatum == reference.startdatum, _overlap(periode.inhoud, reference))


def _overlap(a: Inhoud, b: Inhoud) -> int:
    """Days the two periods share (open ends reach as far as needed)."""
    begin = max(a.startdatum, b.startdatum)
    end = min(a.stopdatum or date.max, b.stopdatum or date.max)
    return max(0, (end - begin).days + 1)


def _checked(nummer: int, taken: dict[int, EbRecord]) -> int:
    if not 0 <= nummer <= MAX_EB_START_NUMMER:
        raise ValueError(f"EbStartNummer {nummer} is outside 0..{MAX_EB_START_NUMMER}")
    if nummer in taken:
        raise ValueError(f"EbStartNummer {nummer} is already used for this client")
    return nummer
