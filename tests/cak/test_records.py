"""Records: the gateway's EbStartNummers, recomputed on every change so the CAK ends up with the truth."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.cak import Inhoud, StatusAanlevering, delivered_alike, overdue, verzonden
from tests.cak.making import BSN, HO1, HO2, Numbers, delivered, periods, pgb, records_for, start_of, stop_of
from tests.cak.retouren import accepted, send

MARCH = date(2025, 3, 10)


def _accepted_open_ho1() -> tuple[object, ...]:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    return provision, accepted(record)


def test_a_new_period_is_sent_as_a_first_delivery_under_a_new_eb_start_nummer() -> None:
    (record,) = records_for(delivered(HO1, MARCH), numbers=Numbers(41))
    pending = record.te_verzenden
    assert record.eb_start_nummer == 41
    assert pending is not None
    assert (pending.status, pending.inhoud) == (StatusAanlevering.EERSTE, Inhoud(MARCH, None, None))


def test_a_record_keeps_the_provisions_it_came_from() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    assert record.periode is not None
    assert [lid.bron for lid in record.periode.bronnen] == [provision.bron]


def test_a_first_delivery_is_due_one_month_after_the_provision_starts() -> None:
    (record,) = records_for(delivered(HO1, date(2025, 1, 31)))
    assert record.te_verzenden is not None
    assert record.te_verzenden.uiterlijk == date(2025, 2, 28)


def test_a_pgb_first_delivery_is_due_four_months_after_its_ingangsdatum() -> None:
    (record,) = records_for(pgb(HO1, date(2025, 3, 1)))
    assert record.te_verzenden is not None
    assert record.te_verzenden.uiterlijk == date(2025, 7, 1)


def test_an_accepted_delivery_leaves_nothing_to_send() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    done = accepted(record)
    assert (done.te_verzenden, done.bij_cak) == (None, Inhoud(MARCH, None, None))


def test_an_unchanged_period_leaves_an_accepted_record_as_it_is() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    done = accepted(record)
    assert records_for(provision, records=(done,)) == (done,)


def test_a_late_stop_changes_the_stop_of_the_record() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    done = accepted(record)
    (changed,) = records_for(delivered(HO1, MARCH, date(2025, 9, 30)), records=(done,))
    pending = changed.te_verzenden
    assert changed.eb_start_nummer == done.eb_start_nummer
    assert pending is not None
    assert (pending.status, pending.inhoud.stopdatum, pending.uiterlijk) == (
        StatusAanlevering.GEWIJZIGD,
        date(2025, 9, 30),
        date(2025, 10, 30),
    )


def test_a_changed_end_date_changes_the_stop_again() -> None:
    (record,) = records_for(delivered(HO1, MARCH, date(2025, 9, 30)))
    done = accepted(record)
    (changed,) = records_for(delivered(HO1, MARCH, date(2025, 8, 31)), records=(done,))
    assert changed.te_verzenden is not None
    assert (changed.te_verzenden.status, changed.te_verzenden.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(MARCH, date(2025, 8, 31), None),
    )


def test_a_start_deleted_with_status_3_withdraws_the_record() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    done = accepted(record)
    deleted = replace(provision, starts=(*provision.starts, start_of(provision, MARCH, "3")))
    (withdrawn,) = records_for(deleted, records=(done,))
    assert withdrawn.te_verzenden is not None
    assert (withdrawn.periode, withdrawn.te_verzenden.status, withdrawn.te_verzenden.inhoud) == (
        None,
        StatusAanlevering.VERWIJDEREN,
        Inhoud(MARCH, None, None),
    )


def test_a_start_deleted_and_sent_again_with_another_date_changes_the_record() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    done = accepted(record)
    resent = (*provision.starts, start_of(provision, MARCH, "3"), start_of(provision, date(2025, 4, 1)))
    (changed,) = records_for(replace(provision, starts=resent), records=(done,))
    assert changed.te_verzenden is not None
    assert (changed.eb_start_nummer, changed.te_verzenden.status, changed.te_verzenden.inhoud.startdatum) == (
        done.eb_start_nummer,
        StatusAanlevering.GEWIJZIGD,
        date(2025, 4, 1),
    )


def test_a_period_withdrawn_before_it_was_ever_sent_needs_no_message() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    deleted = replace(provision, starts=(*provision.starts, start_of(provision, MARCH, "3")))
    (withdrawn,) = records_for(deleted, records=(record,))
    assert withdrawn.te_verzenden is None


def test_a_gap_opened_in_a_reported_period_changes_its_record_and_starts_another() -> None:
    numbers = Numbers()
    first = delivered(HO1, MARCH, date(2025, 12, 31), nummer=1)
    (record,) = records_for(first, numbers=numbers)
    done = accepted(record)
    shortened = delivered(HO1, MARCH, date(2025, 6, 30), nummer=1)
    later = delivered(HO2, date(2025, 9, 1), nummer=2)
    kept, new = records_for(shortened, later, records=(done,), numbers=numbers)
    assert (kept.eb_start_nummer, kept.te_verzenden and kept.te_verzenden.status) == (
        1,
        StatusAanlevering.GEWIJZIGD,
    )
    assert (new.eb_start_nummer, new.te_verzenden and new.te_verzenden.status) == (
        2,
        StatusAanlevering.EERSTE,
    )


def test_periods_that_merge_keep_one_record_and_withdraw_the_other() -> None:
    numbers = Numbers()
    first = delivered(HO1, MARCH, date(2025, 6, 30), nummer=1)
    second = delivered(HO2, date(2025, 9, 1), nummer=2)
    records = tuple(accepted(r) for r in records_for(first, second, numbers=numbers))
    bridge = delivered(HO1, date(2025, 6, 1), date(2025, 9, 30), nummer=3)
    kept, withdrawn = records_for(first, second, bridge, records=records, numbers=numbers)
    assert kept.te_verzenden is not None
    assert withdrawn.te_verzenden is not None
    assert (kept.te_verzenden.status, kept.te_verzenden.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(MARCH, None, None),
    )
    assert withdrawn.te_verzenden.status is StatusAanlevering.VERWIJDEREN


def test_after_an_accepted_deletion_a_new_period_gets_a_new_number() -> None:
    numbers = Numbers()
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision, numbers=numbers)
    deleted = replace(provision, starts=(*provision.starts, start_of(provision, MARCH, "3")))
    (withdrawn,) = records_for(deleted, records=(accepted(record),), numbers=numbers)
    gone = accepted(withdrawn)
    spent, new = records_for(provision, records=(gone,), numbers=numbers)
    assert (spent.verwijderd, spent.te_verzenden) == (True, None)
    assert (new.eb_start_nummer, new.te_verzenden and new.te_verzenden.status) == (
        2,
        StatusAanlevering.EERSTE,
    )


def test_a_change_waits_for_the_retour_on_the_delivery_in_flight() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    in_flight, _ = send(record)
    (changed,) = records_for(delivered(HO1, MARCH, date(2025, 9, 30)), records=(in_flight,))
    assert changed.te_verzenden is None
    assert changed.nodig is not None
    assert changed.nodig.status is StatusAanlevering.GEWIJZIGD


def test_overdue_lists_records_past_their_due_date_sent_or_not() -> None:
    numbers = Numbers()
    (unsent,) = records_for(delivered(HO1, date(2025, 3, 1)), numbers=numbers)
    (in_flight,) = records_for(delivered(HO2, date(2025, 3, 1)), numbers=numbers)
    in_flight, _ = send(in_flight)
    (on_time,) = records_for(delivered(HO1, date(2025, 3, 20)), numbers=numbers)
    (done,) = records_for(delivered(HO1, date(2025, 1, 1)), numbers=numbers)
    done = accepted(done)
    assert overdue([unsent, in_flight, on_time, done], date(2025, 4, 2)) == [unsent, in_flight]


def test_a_record_with_nothing_to_send_cannot_be_marked_sent() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    with pytest.raises(ValueError, match="nothing to send") as raised:
        verzonden(accepted(record), "EB-X", date(2026, 2, 2))
    assert BSN not in str(raised.value)


@pytest.mark.parametrize("nummer", [-1, 1_000_000_000])
def test_an_eb_start_nummer_outside_ldt_nummer_is_refused(nummer: int) -> None:
    with pytest.raises(ValueError, match="outside") as raised:
        records_for(delivered(HO1, MARCH), numbers=Numbers(nummer))
    assert BSN not in str(raised.value)


def test_the_bsn_stays_out_of_a_records_repr() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    assert BSN not in repr(record)


def test_a_stop_deleted_after_it_was_reported_reopens_the_record() -> None:
    provision = delivered(HO1, MARCH, date(2025, 9, 30))
    (record,) = records_for(provision)
    done = accepted(record)
    deletion = stop_of(provision, MARCH, date(2025, 9, 30), status="3")
    (reopened,) = records_for(replace(provision, stops=(*provision.stops, deletion)), records=(done,))
    assert reopened.te_verzenden is not None
    assert (reopened.te_verzenden.status, reopened.te_verzenden.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(MARCH, None, None),
    )


def test_a_period_that_gains_a_provision_inside_it_is_delivered_alike() -> None:
    (alone,) = periods(delivered(HO1, MARCH))
    (joined,) = periods(delivered(HO1, MARCH), delivered(HO2, date(2025, 3, 20)))
    assert joined.bronnen != alone.bronnen
    assert delivered_alike(alone, joined)


def test_a_pgb_period_opened_by_natura_as_well_is_not_delivered_alike_its_start_is_due_sooner() -> None:
    (pgb_only,) = periods(pgb(HO2, MARCH))
    (with_natura,) = periods(pgb(HO2, MARCH), delivered(HO1, MARCH))
    assert with_natura.inhoud == pgb_only.inhoud
    assert not delivered_alike(pgb_only, with_natura)
