"""What the domain values themselves know: versions, product periods, signed amounts, and keeping BSNs out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from gateway.domain import Bedrag, Client, DeclaratieClient, Periode, ToewijzingBericht
from tests.domain.decoded import decoded
from tests.domain.making import hours_per_week, prestatie, toewijzing

APRIL = date(2026, 4, 1)


def test_a_version_is_ordered_by_toewijzingsdatum_then_toewijzingstijd() -> None:
    first = toewijzing(hours_per_week(3))
    same_day_later = replace(first, toewijzingstijd=time(9, 0, 1))
    next_day_earlier = replace(first, toewijzingsdatum=date(2025, 12, 16), toewijzingstijd=time(8, 0))
    assert first.vastgesteld < same_day_later.vastgesteld < next_day_earlier.vastgesteld


def test_the_product_period_of_a_month_inside_the_assignment_is_the_whole_month() -> None:
    assert toewijzing(hours_per_week(3)).product_periode(date(2026, 4, 17)) == Periode(
        APRIL, date(2026, 4, 30)
    )


def test_the_product_period_starts_and_ends_with_the_assignment_inside_its_month() -> None:
    short = toewijzing(hours_per_week(3), ingangsdatum=date(2026, 4, 10), einddatum=date(2026, 4, 20))
    assert short.product_periode(APRIL) == Periode(date(2026, 4, 10), date(2026, 4, 20))


def test_a_credit_amount_is_negative_and_a_debit_positive() -> None:
    assert (Bedrag(12500, "C").signed, Bedrag(12500, "D").signed) == (-12500, 12500)
    assert prestatie(5, APRIL, debet_credit="C").signed_bedrag == -5


def test_a_client_repr_never_shows_the_bsn() -> None:
    client = decoded("WMO301/valid/rich.xml", ToewijzingBericht).client
    assert client.bsn == "999900018"
    assert "999900018" not in repr(client)
    assert "999900018" not in repr(Client(bsn="999900018"))


def test_a_claiming_client_repr_never_shows_the_bsn() -> None:
    assert "999900006" not in repr(DeclaratieClient(bsn="999900006", prestaties=(prestatie(1, APRIL),)))
