"""Refusals by the CAK: one of the content is not sent again unchanged, one of the message is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.cak import EbRecord, Inhoud, NaturaToewijzing, StatusAanlevering, over_inhoud, overdue
from gateway.cak.retourcodes import NIET_OVER_INHOUD, OVER_INHOUD
from tests.cak.making import HO1, delivered, records_for, start_of, verstrekking
from tests.cak.retouren import accepted, answer, retour_on, send

JUNE_2023 = date(2023, 6, 1)
JANUARY_2022 = date(2022, 1, 3)
"""More than 36 months before the message date of the WMO405 (2 Feb 2026): the CAK refuses it (9393)."""


def _started_on(provision: NaturaToewijzing, *begins: date) -> NaturaToewijzing:
    """The provision with its start deleted and sent again on each of `begins` in turn."""
    starts = provision.starts
    previous = provision.starts[-1].begindatum
    for begin in begins:
        starts = (*starts, start_of(provision, previous, "3"), start_of(provision, begin))
        previous = begin
    return replace(provision, starts=starts)


def _moved_back_and_refused(
    codes: tuple[str, ...] = ("9393",), header_codes: tuple[str, ...] = ("0200",)
) -> tuple[NaturaToewijzing, EbRecord]:
    """An accepted period from 1 Jun 2023 whose start is corrected to 3 Jan 2022, that change sent and
    refused with `codes` on the client and the period; the provision as corrected, the record after that."""
    provision = delivered(HO1, JUNE_2023)
    (record,) = records_for(provision)
    moved = _started_on(provision, JANUARY_2022)
    (changed,) = records_for(moved, records=(accepted(record),))
    sent, message = send(changed)
    return moved, answer(sent, retour_on(message, codes, header_codes=header_codes))


def test_a_change_refused_for_its_content_is_not_queued_again_while_the_truth_stays() -> None:
    moved, refused = _moved_back_and_refused()

    assert refused.te_verzenden is None
    (again,) = records_for(moved, records=(refused,))
    assert again.te_verzenden is None
    assert again.geweigerd is refused.aanleveringen[-1]
    assert again.nodig is not None
    assert (again.nodig.status, again.nodig.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(JANUARY_2022, None, None),
    )
    assert again.bij_cak == Inhoud(JUNE_2023, None, None)
    assert overdue([again], date(2026, 2, 5)) == [again]  # due a month after the start it corrects


def test_a_change_refused_for_its_content_is_queued_when_the_truth_changes() -> None:
    moved, refused = _moved_back_and_refused()
    (held,) = records_for(moved, records=(refused,))
    assert held.te_verzenden is None

    corrected = _started_on(moved, date(2024, 1, 2))
    (again,) = records_for(corrected, records=(held,))

    assert again.geweigerd is None
    assert again.te_verzenden is not None
    assert (again.te_verzenden.status, again.te_verzenden.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(date(2024, 1, 2), None, None),
    )
    # Once the CAK holds another start, the refused one is judged against that: it may go out again.
    (back,) = records_for(_started_on(corrected, JANUARY_2022), records=(accepted(again),))
    assert back.te_verzenden is not None
    assert back.te_verzenden.inhoud == Inhoud(JANUARY_2022, None, None)


def test_a_first_delivery_refused_for_its_kostprijs_is_not_sent_again() -> None:
    provision = verstrekking(kostprijs=250_000)
    (record,) = records_for(provision)
    sent, message = send(record)
    refused = answer(sent, retour_on(message, ("S333",), header_codes=("0200",)))

    (again,) = records_for(provision, records=(refused,))
    assert (again.te_verzenden, again.geweigerd) == (None, refused.aanleveringen[-1])


@pytest.mark.parametrize("code", ["9103", "9104", "0001"])
def test_a_change_refused_on_the_period_for_the_key_or_the_stop_is_not_sent_again(code: str) -> None:
    """9103/9104: the CAK's view of the key differs from ours; 0001 beside 0200: TR394 on the period."""
    moved, refused = _moved_back_and_refused((code,))
    (again,) = records_for(moved, records=(refused,))
    assert again.te_verzenden is None


@pytest.mark.parametrize(
    ("codes", "header_codes", "echo"),
    [
        ((), ("0001",), False),
        ((), ("8848",), False),
        ((), ("9056",), False),
        (("0233",), ("0001",), True),
        (("0233",), ("S300",), True),
    ],
    ids=["technical", "dagtekening-in-future", "identificatie-reused", "not-judged", "unknown-gemeente"],
)
def test_a_refusal_of_the_message_as_a_whole_is_sent_again_unchanged(
    codes: tuple[str, ...], header_codes: tuple[str, ...], echo: bool
) -> None:
    provision = delivered(HO1, JUNE_2023)
    (record,) = records_for(provision)
    moved = _started_on(provision, JANUARY_2022)
    (changed,) = records_for(moved, records=(accepted(record),))
    sent, message = send(changed)
    refused = answer(sent, retour_on(message, codes, header_codes=header_codes, echo=echo))

    (again,) = records_for(moved, records=(refused,))
    assert again.geweigerd is None
    assert again.te_verzenden is not None
    assert (again.te_verzenden.status, again.te_verzenden.inhoud) == (
        StatusAanlevering.GEWIJZIGD,
        Inhoud(JANUARY_2022, None, None),
    )


@pytest.mark.parametrize(
    ("codes", "about_content"),
    [
        *((("0200", code), True) for code in sorted(OVER_INHOUD)),
        *(((code,), False) for code in sorted(NIET_OVER_INHOUD)),
        (("0001", "0200"), True),
        (("0001", "0200", "0233"), False),
        (("0200", "9999"), True),
        ((), False),
    ],
)
def test_the_codes_that_refuse_the_content(codes: tuple[str, ...], about_content: bool) -> None:
    assert over_inhoud(codes) is about_content
