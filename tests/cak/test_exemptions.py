"""Who and what carries no eigen bijdrage: the policy mapping decides, per voorziening and by age."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.cak import Reden, derive_periods
from gateway.domain import Product
from gateway.policy.models import Vrijstelling
from tests.cak.making import (
    BEGELEIDING,
    BESCHERMD_WONEN,
    HO1,
    POLICY,
    REGIOTAXI,
    ROERENDE_WOONVOORZIENING,
    ROLSTOEL,
    SPORTVOORZIENING,
    TRAPLIFT,
    client,
    delivered,
    pgb,
    spans,
)

SEVENTEEN_IN_2025 = date(2008, 1, 15)


def test_a_rolstoel_alone_gives_nothing() -> None:
    derived = derive_periods(client(delivered(ROLSTOEL, date(2025, 3, 1))), POLICY)
    assert derived.perioden == ()
    assert [(u.reden, u.vrijstelling) for u in derived.uitgesloten] == [
        (Reden.VRIJGESTELD, Vrijstelling.ROLSTOEL)
    ]


@pytest.mark.parametrize(
    ("product", "vrijstelling"),
    [
        (REGIOTAXI, Vrijstelling.COLLECTIEF_VERVOER),
        (BESCHERMD_WONEN, Vrijstelling.BESCHERMD_WONEN),
        (SPORTVOORZIENING, Vrijstelling.FINANCIELE_TEGEMOETKOMING),
        (Product("13", "13W04"), Vrijstelling.FINANCIELE_TEGEMOETKOMING),
        (Product("13", "13W05"), Vrijstelling.FINANCIELE_TEGEMOETKOMING),
    ],
)
def test_an_exempt_voorziening_alone_gives_nothing(product: Product, vrijstelling: Vrijstelling) -> None:
    derived = derive_periods(client(pgb(product, date(2025, 3, 1))), POLICY)
    assert derived.perioden == ()
    assert [(u.reden, u.vrijstelling) for u in derived.uitgesloten] == [(Reden.VRIJGESTELD, vrijstelling)]


def test_a_client_of_17_gives_nothing() -> None:
    provision = delivered(HO1, date(2025, 3, 1), date(2025, 12, 31))
    derived = derive_periods(client(provision, born=SEVENTEEN_IN_2025), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.MINDERJARIG])


def test_a_client_of_17_owes_it_for_a_woningaanpassing() -> None:
    stairlift = delivered(TRAPLIFT, date(2025, 3, 1), kostprijs=800000)
    assert spans(stairlift, born=SEVENTEEN_IN_2025) == [(date(2025, 3, 1), None)]


def test_a_client_of_17_owes_nothing_for_a_roerende_woonvoorziening() -> None:
    provision = delivered(ROERENDE_WOONVOORZIENING, date(2025, 3, 1), date(2025, 12, 31), kostprijs=300000)
    assert spans(provision, born=SEVENTEEN_IN_2025) == []


def test_a_client_who_comes_of_age_during_a_provision_owes_it_from_the_18th_birthday() -> None:
    assert spans(delivered(HO1, date(2025, 3, 1)), born=SEVENTEEN_IN_2025) == [(date(2026, 1, 15), None)]


def test_begeleiding_ended_before_2026_gives_nothing() -> None:
    derived = derive_periods(client(delivered(BEGELEIDING, date(2025, 6, 1), date(2025, 12, 31))), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.VOOR_INGANG])


def test_begeleiding_running_into_2026_counts_from_2026_01_01() -> None:
    assert spans(delivered(BEGELEIDING, date(2025, 6, 1), date(2026, 6, 30))) == [
        (date(2026, 1, 1), date(2026, 6, 30))
    ]


def test_begeleiding_started_in_2026_counts_from_its_start() -> None:
    assert spans(delivered(BEGELEIDING, date(2026, 2, 9))) == [(date(2026, 2, 9), None)]
