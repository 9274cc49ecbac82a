"""The History's parts as the rules read them, without a database."""

from __future__ import annotations

from datetime import date, datetime

from gateway.domain.history import History, KnownPrestatie, KnownToewijzing, KnownVerzoek
from tests.domain.crossrules.making import AANBIEDER, BSN, prestatie, toewijzing

EARLY = datetime(2025, 12, 15, 9, 0)
LATE = datetime(2025, 12, 16, 9, 0)


def known(*versions: object) -> KnownToewijzing:
    return KnownToewijzing(BSN, AANBIEDER, versions)  # type: ignore[arg-type]


def test_the_current_version_is_the_one_fixed_last_whatever_the_order_stored() -> None:
    later = toewijzing(einddatum=date(2026, 6, 30), vastgesteld=LATE)
    assert known(later, toewijzing(vastgesteld=EARLY)).current == later


def test_of_versions_fixed_at_the_same_moment_the_one_stored_last_is_current() -> None:
    second = toewijzing(einddatum=date(2026, 6, 30))
    assert known(toewijzing(), second).current == second


def test_an_assignment_is_current_until_its_einddatum_has_passed() -> None:
    assignment = known(toewijzing(einddatum=date(2026, 5, 31)))
    assert (assignment.is_current_on(date(2026, 5, 31)), assignment.is_current_on(date(2026, 6, 1))) == (
        True,
        False,
    )


def test_an_assignment_starting_in_the_future_is_current() -> None:
    assert known(toewijzing(ingangsdatum=date(2027, 1, 1), einddatum=None)).is_current_on(date(2026, 6, 1))


def test_a_void_assignment_is_not_current() -> None:
    void = toewijzing(ingangsdatum=date(2026, 7, 1), einddatum=date(2026, 7, 1), reden="13")
    assert not known(void).is_current_on(date(2026, 6, 1))


def test_a_request_is_pending_until_rejected_or_honoured() -> None:
    assert KnownVerzoek("V", "toewijzing", BSN, antwoorden=("2",)).pending
    assert not KnownVerzoek("V", "toewijzing", BSN, antwoorden=("2", "1")).pending
    assert not KnownVerzoek("V", "toewijzing", BSN, honoured=True).pending


def test_rejected_lines_are_left_out_of_every_look_up_but_what_was_sent() -> None:
    rejected = KnownPrestatie(prestatie("R1"), BSN, "afgewezen")
    history = History(prestaties=(rejected,))
    assert (history.lines_with_referentie("R1"), history.lines_on(100001)) == ((), ())
    assert history.all_lines_with_referentie("R1") == (rejected,)


def test_credits_of_a_line_are_found_by_its_referentienummer() -> None:
    credit = KnownPrestatie(prestatie("C1", credit_of="R1"), BSN, "toegekend")
    history = History(prestaties=(KnownPrestatie(prestatie("R1"), BSN, "toegekend"), credit))
    assert history.credits_of("R1") == (credit,)


def test_no_bsn_shows_in_the_repr_of_a_history() -> None:
    history = History(
        toewijzingen=(known(toewijzing()),),
        verzoeken=(KnownVerzoek("V", "toewijzing", BSN),),
        prestaties=(KnownPrestatie(prestatie(), BSN, "toegekend"),),
    )
    assert BSN not in repr(history)
