"""Natura provisions run as WMO305/WMO307 say, after deletions, from the start moment the gemeente chose."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.cak import CakSettings, NaturaToewijzing, Reden, StartMoment, derive_periods
from tests.cak.making import HO1, POLICY, client, delivered, natura, spans, start_of, stop_of

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
