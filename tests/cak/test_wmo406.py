"""The CAK's WMO406: its retourcodes attached to the delivery they answer, and refusals sent again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from gateway.cak import (
    Inhoud,
    RetourPeriode,
    StatusAanlevering,
    Uitkomst,
    Wmo406,
    beantwoord,
    decode_wmo406,
)
from tests.cak.making import BSN, HO1, Numbers, delivered, records_for, start_of
from tests.cak.retouren import CHECKER, accepted, answer, decoded, retour_on, send

MARCH = date(2025, 3, 10)


def test_a_retour_without_remarks_accepts_the_delivery() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    done = answer(sent, retour_on(message))
    uitkomst = done.aanleveringen[-1].uitkomst
    assert uitkomst == Uitkomst(True, ("0200",), "R-1", date(2026, 2, 4))
    assert (done.bij_cak, done.te_verzenden) == (Inhoud(MARCH, None, None), None)


def test_the_retour_echoes_the_period_it_answers() -> None:
    (record,) = records_for(delivered(HO1, MARCH, date(2025, 9, 30)), numbers=Numbers(77))
    sent, message = send(record)
    periode = decoded(retour_on(message)).periode
    assert periode is not None
    assert (periode.eb_start_nummer, periode.status, periode.inhoud, periode.retourcodes) == (
        77,
        StatusAanlevering.EERSTE,
        Inhoud(MARCH, date(2025, 9, 30), None),
        ("0200",),
    )
    assert decoded(retour_on(message)).bericht == sent.aanleveringen[-1].bericht


def test_a_retour_without_client_and_without_codes_is_no_acceptance() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    done = answer(sent, retour_on(message, echo=False))
    assert done.aanleveringen[-1].uitkomst is not None
    assert (done.aanleveringen[-1].uitkomst.geaccepteerd, done.aanleveringen[-1].uitkomst.retourcodes) == (
        False,
        (),
    )
    assert done.bij_cak is None


def test_a_retour_without_client_whose_header_carries_0200_accepts_the_delivery() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    done = answer(sent, retour_on(message, echo=False, header_codes=("0200",)))
    assert done.aanleveringen[-1].uitkomst is not None
    assert (done.aanleveringen[-1].uitkomst.geaccepteerd, done.aanleveringen[-1].uitkomst.retourcodes) == (
        True,
        ("0200",),
    )
    assert done.bij_cak == Inhoud(MARCH, None, None)


def test_0200_on_the_header_beside_another_code_is_no_acceptance() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    _, message = send(record)
    uitkomst = decoded(retour_on(message, echo=False, header_codes=("0200", "8848"))).uitkomst
    assert (uitkomst.geaccepteerd, uitkomst.retourcodes) == (False, ("0200", "8848"))


def _retour(header: tuple[str, ...], periode: RetourPeriode | None = None) -> Wmo406:
    return Wmo406("1916", "EB-000001", date(2026, 2, 2), "R-1", date(2026, 2, 4), header, periode)


def _periode(client: tuple[str, ...], period: tuple[str, ...]) -> RetourPeriode:
    inhoud = Inhoud(MARCH, None, None)
    return RetourPeriode(BSN, 1, StatusAanlevering.EERSTE, inhoud, client, period)


@pytest.mark.parametrize(
    ("retour", "geaccepteerd"),
    [
        (_retour(()), False),
        (_retour(("0200",)), True),
        (_retour(("0233",)), False),
        (_retour((), _periode((), ())), False),
        (_retour(("0200",), _periode((), ())), False),
        (_retour((), _periode(("0200",), ())), False),
        (_retour((), _periode((), ("0200",))), True),
        (_retour((), _periode(("0200",), ("0200",))), True),
    ],
    ids=[
        "nothing",
        "header-0200",
        "header-0233",
        "period-without-codes",
        "header-0200-period-without-codes",
        "client-0200-period-without-codes",
        "period-0200",
        "client-and-period-0200",
    ],
)
def test_only_0200_on_the_class_that_judges_the_delivery_accepts_it(
    retour: Wmo406, geaccepteerd: bool
) -> None:
    assert retour.uitkomst.geaccepteerd is geaccepteerd


def test_a_client_without_codes_decodes_as_no_acceptance_though_the_schema_refuses_it() -> None:
    """The schema wants RetourCodes on the client and the period; decoding does not rely on it."""
    (record,) = records_for(delivered(HO1, MARCH))
    _, message = send(record)
    root = etree.fromstring(retour_on(message, ("0200",)))
    for holder in list(root.iter("{*}RetourCodes")):
        holder.getparent().remove(holder)
    assert CHECKER.check(etree.tostring(root)).findings
    uitkomst = decode_wmo406(root).uitkomst
    assert (uitkomst.geaccepteerd, uitkomst.retourcodes) == (False, ())


def test_a_code_on_the_header_refuses_the_delivery() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    done = answer(sent, retour_on(message, echo=False, header_codes=("8848",)))
    assert done.aanleveringen[-1].uitkomst is not None
    assert (done.aanleveringen[-1].uitkomst.geaccepteerd, done.aanleveringen[-1].uitkomst.retourcodes) == (
        False,
        ("8848",),
    )


def test_a_period_not_judged_is_not_accepted() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    done = answer(sent, retour_on(message, ("0233",), header_codes=("0001",)))
    assert done.aanleveringen[-1].uitkomst is not None
    assert done.aanleveringen[-1].uitkomst.retourcodes == ("0001", "0233")
    assert done.bij_cak is None


def test_a_refused_first_delivery_is_sent_again_as_a_first_delivery_under_the_same_number() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, message = send(record)
    refused = answer(sent, retour_on(message, ("9056",)))
    assert refused.te_verzenden is not None
    assert (refused.te_verzenden.status, refused.eb_start_nummer) == (
        StatusAanlevering.EERSTE,
        record.eb_start_nummer,
    )


def test_a_refused_change_is_corrected_and_sent_again_as_a_change() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    done = accepted(record)
    moved = replace(
        provision,
        starts=(*provision.starts, start_of(provision, MARCH, "3"), start_of(provision, date(2021, 1, 4))),
    )
    (changed,) = records_for(moved, records=(done,))
    sent, message = send(changed)
    refused = answer(sent, retour_on(message, ("9393",)))
    corrected = replace(
        provision,
        starts=(
            *moved.starts,
            start_of(provision, date(2021, 1, 4), "3"),
            start_of(provision, date(2025, 3, 3)),
        ),
    )
    (again,) = records_for(corrected, records=(refused,))
    assert again.te_verzenden is not None
    assert (again.te_verzenden.status, again.te_verzenden.inhoud.startdatum, again.bij_cak) == (
        StatusAanlevering.GEWIJZIGD,
        date(2025, 3, 3),
        Inhoud(MARCH, None, None),
    )
    assert [a.uitkomst and a.uitkomst.retourcodes for a in again.aanleveringen] == [("0200",), ("9393",)]


def test_a_retour_on_another_message_is_refused_without_naming_the_client() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    sent, _ = send(record)
    with pytest.raises(ValueError, match="awaits no retour") as raised:
        beantwoord(sent, "OTHER", Uitkomst(True, ("0200",), "R-9", date(2026, 2, 4)))
    assert BSN not in str(raised.value)


FIXTURES = Path(__file__).parents[1] / "fixtures" / "ieb-4.0" / "WMO406" / "valid"


@pytest.mark.parametrize(
    ("fixture", "geaccepteerd", "retourcodes"),
    [
        ("accepted-without-client.xml", True, ("0200",)),
        ("header-refusal.xml", False, ("8848",)),
        ("refused-period.xml", False, ("0200", "9393")),
        ("not-judged.xml", False, ("0001", "0233")),
    ],
)
def test_the_cak_fixtures_give_their_verdicts(
    fixture: str, geaccepteerd: bool, retourcodes: tuple[str, ...]
) -> None:
    uitkomst = decoded((FIXTURES / fixture).read_bytes()).uitkomst
    assert (uitkomst.geaccepteerd, uitkomst.retourcodes, uitkomst.identificatie_retour) == (
        geaccepteerd,
        retourcodes,
        "CAK-R-77",
    )
