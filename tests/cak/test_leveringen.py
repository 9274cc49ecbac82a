"""Natura provisions run as WMO305/WMO307 say, after deletions, from the start moment the gemeente chose."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.cak import CakSettings, NaturaToewijzing, Reden, StartMoment, StatusAanlevering, derive_periods
from tests.cak.making import HO1, POLICY, client, delivered, natura, records_for, spans, start_of, stop_of
from tests.cak.retouren import accepted

PAUSING = CakSettings(pauze_bij_tijdelijke_stop=True)


def test_a_toewijzing_without_a_reported_start_gives_nothing_by_default() -> None:
    derived = derive_periods(client(natura(HO1, date(2025, 3, 1))), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.NIET_GESTART])


@pytest.mark.parametrize(
    ("moment", "start"),
    [
        (StartMoment.LEVERING, date(2025, 3, 15)),
        (StartMoment.TOEWIJZING, date(2025, 3, 1)),
        (StartMoment.BESCHIKKING, date(2025, 2, 20)),
    ],
)
def test_the_period_starts_at_the_moment_the_gemeente_chose(moment: StartMoment, start: date) -> None:
    provision = natura(HO1, date(2025, 3, 1))
    provision = replace(
        provision, beschikkingsdatum=date(2025, 2, 20), starts=(start_of(provision, date(2025, 3, 15)),)
    )
    assert spans(provision, settings=CakSettings(start_moment=moment)) == [(start, None)]


def test_a_toewijzing_not_yet_delivered_counts_for_its_own_period_when_the_toewijzing_decides() -> None:
    provision = natura(HO1, date(2025, 3, 1), date(2025, 8, 31))
    settings = CakSettings(start_moment=StartMoment.TOEWIJZING)
    assert spans(provision, settings=settings) == [(date(2025, 3, 1), date(2025, 8, 31))]


def test_a_definitive_stop_ends_the_provision_whatever_the_start_moment() -> None:
    provision = natura(HO1, date(2025, 3, 1))
    provision = replace(
        provision,
        starts=(start_of(provision, date(2025, 3, 15)),),
        stops=(stop_of(provision, date(2025, 3, 15), date(2025, 5, 31), reden="02"),),
    )
    settings = CakSettings(start_moment=StartMoment.TOEWIJZING)
    assert spans(provision, settings=settings) == [(date(2025, 3, 1), date(2025, 5, 31))]


def test_the_toewijzing_einddatum_ends_a_delivery_without_a_stop() -> None:
    provision = natura(HO1, date(2025, 3, 1), date(2025, 8, 31))
    provision = replace(provision, starts=(start_of(provision, date(2025, 3, 15)),))
    assert spans(provision) == [(date(2025, 3, 15), date(2025, 8, 31))]


def test_a_start_deleted_with_status_3_gives_nothing() -> None:
    provision = delivered(HO1, date(2025, 3, 15))
    provision = replace(provision, starts=(*provision.starts, start_of(provision, date(2025, 3, 15), "3")))
    assert spans(provision) == []


def test_a_start_deleted_and_sent_again_with_another_date_counts_from_the_new_date() -> None:
    provision = delivered(HO1, date(2025, 3, 15))
    corrected = (
        *provision.starts,
        start_of(provision, date(2025, 3, 15), "3"),
        start_of(provision, date(2025, 4, 1)),
    )
    assert spans(replace(provision, starts=corrected)) == [(date(2025, 4, 1), None)]


def test_a_deleted_stop_opens_the_period_again() -> None:
    provision = delivered(HO1, date(2025, 3, 15), date(2025, 6, 30))
    deletion = stop_of(provision, date(2025, 3, 15), date(2025, 6, 30), status="3")
    assert spans(replace(provision, stops=(*provision.stops, deletion))) == [(date(2025, 3, 15), None)]


def _paused() -> NaturaToewijzing:
    provision = delivered(HO1, date(2025, 3, 1))
    return replace(
        provision,
        starts=(*provision.starts, start_of(provision, date(2025, 6, 1))),
        stops=(stop_of(provision, date(2025, 3, 1), date(2025, 4, 30), reden="20"),),
    )


def test_a_temporary_stop_keeps_the_period_open_unless_the_policy_pauses_it() -> None:
    assert spans(_paused()) == [(date(2025, 3, 1), None)]


def test_a_temporary_stop_pauses_the_period_when_the_policy_says_so() -> None:
    assert spans(_paused(), settings=PAUSING) == [
        (date(2025, 3, 1), date(2025, 4, 30)),
        (date(2025, 6, 1), None),
    ]


FIRST_START = date(2026, 1, 5)
TEMPORARY_STOP = date(2026, 3, 1)
RESTART = date(2026, 4, 1)
DEFINITIVE_STOP = date(2026, 6, 30)


def _restarted(*, definitive: bool = True, restart_deleted: bool = False) -> NaturaToewijzing:
    """An open-ended HO1: started, stopped for now (20), started again and, given `definitive`, stopped
    for good (19); with `restart_deleted` the restart is deleted (3) afterwards."""
    provision = natura(HO1, date(2026, 1, 1))
    starts = [start_of(provision, FIRST_START), start_of(provision, RESTART)]
    stops = [stop_of(provision, FIRST_START, TEMPORARY_STOP, reden="20")]
    if definitive:
        stops.append(stop_of(provision, RESTART, DEFINITIVE_STOP, reden="19"))
    if restart_deleted:
        starts.append(start_of(provision, RESTART, "3"))
    return replace(provision, starts=tuple(starts), stops=tuple(stops))


def test_a_definitive_stop_after_a_restart_closes_the_period_the_temporary_stop_kept_open() -> None:
    assert spans(_restarted()) == [(FIRST_START, DEFINITIVE_STOP)]


def test_a_definitive_stop_after_a_restart_closes_the_second_period_when_the_policy_pauses() -> None:
    assert spans(_restarted(), settings=PAUSING) == [
        (FIRST_START, TEMPORARY_STOP),
        (RESTART, DEFINITIVE_STOP),
    ]


@pytest.mark.parametrize("moment", [StartMoment.TOEWIJZING, StartMoment.BESCHIKKING])
def test_a_definitive_stop_after_a_restart_closes_the_period_whatever_the_start_moment(
    moment: StartMoment,
) -> None:
    assert spans(_restarted(), settings=CakSettings(start_moment=moment)) == [
        (date(2026, 1, 1), DEFINITIVE_STOP)
    ]


def test_a_temporary_stop_without_a_restart_keeps_the_period_open_unless_the_policy_pauses_it() -> None:
    stopped = _restarted(definitive=False)
    stopped = replace(stopped, starts=stopped.starts[:1])
    assert (spans(stopped), spans(stopped, settings=PAUSING)) == (
        [(FIRST_START, None)],
        [(FIRST_START, TEMPORARY_STOP)],
    )


def test_a_temporary_stop_without_a_restart_runs_on_to_the_toewijzing_einddatum() -> None:
    stopped = _restarted(definitive=False)
    toewijzing = replace(stopped.toewijzing, einddatum=date(2026, 12, 31))
    stopped = replace(stopped, toewijzing=toewijzing, starts=stopped.starts[:1])
    assert spans(stopped) == [(FIRST_START, date(2026, 12, 31))]


def test_a_deleted_restart_leaves_the_temporary_stop_without_a_restart() -> None:
    deleted = _restarted(restart_deleted=True)
    assert (spans(deleted), spans(deleted, settings=PAUSING)) == (
        [(FIRST_START, None)],
        [(FIRST_START, TEMPORARY_STOP)],
    )


def test_a_restart_deleted_and_sent_again_still_carries_the_period_to_its_definitive_stop() -> None:
    again = _restarted(restart_deleted=True)
    again = replace(again, starts=(*again.starts, start_of(again, RESTART)))
    assert spans(again) == [(FIRST_START, DEFINITIVE_STOP)]


def test_a_definitive_stop_after_a_restart_sends_the_stop_of_the_period_at_the_cak() -> None:
    running = _restarted(definitive=False)
    (record,) = records_for(running)
    done = accepted(record)
    (changed,) = records_for(_restarted(), records=(done,))
    assert changed.te_verzenden is not None
    assert (changed.eb_start_nummer, changed.te_verzenden.status, changed.te_verzenden.inhoud.stopdatum) == (
        done.eb_start_nummer,
        StatusAanlevering.GEWIJZIGD,
        DEFINITIVE_STOP,
    )
