"""The Declaratie-antwoord (WMO325) on a claim: granted total, returned lines, and TR342 (retour.md §4)."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from gateway.messages.declaratieantwoord import render_declaratieantwoord
from gateway.messages.verdicts import Accepted, ClassRejection, HeaderRejection, TechnicalRejection, Verdict
from tests.messages.test_retour import DAY, XSLT, checked, content, heen, parts, xp

TWO_CLIENTS = "WMO323/valid/two-clients-debit-credit.xml"
"""22500 D: client 1 has R1001 15000 D, R1002 10000 C, R1003 12500 D; client 2 has R2001 5000 D."""
CLIENT = "/Bericht/Declaratie/Clienten/Client[{}]"
LINE = CLIENT + "/Prestaties/Prestatie[{}]"


def answer(verdict: Verdict, claim: str = TWO_CLIENTS) -> etree._Element:
    return checked(render_declaratieantwoord(heen(claim), verdict, "DA-0001", DAY, XSLT), "WMO325")


def granted(tree: etree._Element) -> list[str]:
    return xp(tree, "r:DeclaratieAntwoord/r:TotaalToegekendBedrag/*/text()")


def returned(tree: etree._Element) -> list[str]:
    """ReferentieNummer and codes of every returned line."""
    lines = "r:DeclaratieAntwoord/r:Clienten/r:Client/r:Prestaties/r:Prestatie"
    return xp(
        tree, f"{lines}/r:ProductReferentie/iwmo:ReferentieNummer/text() | {lines}/r:RetourCodes/*/text()"
    )


def test_a_fully_granted_claim_is_answered_with_8001_and_equal_totals() -> None:
    tree = answer(Accepted())
    assert xp(tree, "//r:RetourCode/text()") == ["0200", "8001"]
    assert granted(tree) == ["22500", "D"]
    assert xp(tree, "r:DeclaratieAntwoord/r:Clienten") == []


def test_the_fully_granted_answer_equals_the_hand_written_wmo325() -> None:
    data = render_declaratieantwoord(
        heen("WMO323/valid/minimal.xml"), Accepted(), "DA-2026-0001", date(2026, 3, 9)
    )
    assert content(etree.fromstring(data)) == content(heen("WMO325/valid/fully-granted.xml"))


def test_a_partly_rejected_claim_returns_only_the_rejected_lines_and_grants_the_rest() -> None:
    tree = answer(ClassRejection({LINE.format(1, 3): ("0611",), LINE.format(2, 1): ("9338",)}))
    assert returned(tree) == ["R1003", "0611", "R2001", "9338"]
    assert xp(tree, "r:DeclaratieAntwoord/r:Clienten/r:Client/r:RetourCodes/*/text()") == ["0200", "0200"]
    assert xp(tree, "r:DeclaratieAntwoord/r:RetourCodes/*/text()") == ["0200"]
    assert granted(tree) == ["5000", "D"]


def test_the_partly_rejected_answer_equals_the_hand_written_wmo325() -> None:
    verdict = ClassRejection({LINE.format(1, 3): ("0611",), LINE.format(2, 1): ("9338",)})
    data = render_declaratieantwoord(heen(TWO_CLIENTS), verdict, "DA-2026-0002", date(2026, 3, 10), XSLT)
    assert content(etree.fromstring(data)) == content(heen("WMO325/valid/partly-rejected.xml"))


def test_the_totals_reconcile_with_the_returned_lines_as_tr342_demands() -> None:
    tree = answer(ClassRejection({LINE.format(1, 1): ("9307",), LINE.format(1, 2): ("8017",)}))
    amounts = xp(tree, "//r:Prestatie/r:IngediendBedrag/*/text()")
    balance = sum(
        int(value) * (1 if side == "D" else -1)
        for value, side in zip(amounts[::2], amounts[1::2], strict=True)
    )
    total, side = granted(tree)
    assert balance == 22500 - int(total) * (1 if side == "D" else -1)


def test_granting_less_than_the_credits_gives_a_credit_total() -> None:
    tree = answer(ClassRejection({LINE.format(1, 1): ("9307",), LINE.format(1, 3): ("0611",)}))
    assert granted(tree) == ["5000", "C"]


def test_rejecting_every_line_grants_zero_as_debit() -> None:
    lines = {LINE.format(1, n): ("9338",) for n in (1, 2, 3)} | {LINE.format(2, 1): ("9338",)}
    tree = answer(ClassRejection(lines))
    assert granted(tree) == ["0", "D"]
    assert xp(tree, "r:DeclaratieAntwoord/r:RetourCodes/*/text()") == ["0200"]


def test_a_rejected_client_comes_back_with_all_its_lines_not_assessed() -> None:
    tree = answer(ClassRejection({CLIENT.format(1) + "/Bsn": ("8187",)}))
    assert xp(tree, "r:DeclaratieAntwoord/r:Clienten/r:Client/r:RetourCodes/*/text()") == ["8187"]
    assert returned(tree) == ["R1001", "0233", "R1002", "0233", "R1003", "0233"]
    assert granted(tree) == ["5000", "D"]


def test_a_line_of_a_rejected_client_keeps_codes_of_its_own() -> None:
    tree = answer(ClassRejection({CLIENT.format(1): ("8187",), LINE.format(1, 2): ("8017",)}))
    assert returned(tree) == ["R1001", "0233", "R1002", "8017", "R1003", "0233"]


def test_a_line_not_assessed_is_returned_with_0233_and_not_granted() -> None:
    verdict = ClassRejection({LINE.format(2, 1): ("9338",)}, not_assessed=frozenset({LINE.format(1, 1)}))
    tree = answer(verdict)
    assert returned(tree) == ["R1001", "0233", "R2001", "9338"]
    assert granted(tree) == ["2500", "D"]


def test_a_code_on_the_declaratie_rejects_the_claim_grants_nothing_and_returns_no_lines() -> None:
    verdict = ClassRejection(
        {"/Bericht/Declaratie/DeclaratieNummer": ("9333",), LINE.format(2, 1): ("9338",)}
    )
    tree = answer(verdict)
    assert xp(tree, "r:Header/r:RetourCodes/*/text()") == ["0200"]
    assert xp(tree, "r:DeclaratieAntwoord/r:RetourCodes/*/text()") == ["9333"]
    assert xp(tree, "r:DeclaratieAntwoord/r:TotaalIngediendBedrag/*/text()") == ["22500", "D"]
    assert granted(tree) == ["0", "D"]
    assert xp(tree, "r:DeclaratieAntwoord/r:Clienten") == []


def test_a_level_2_rejection_is_the_header_with_0001_and_the_stylesheet_version() -> None:
    tree = answer(TechnicalRejection())
    assert parts(tree) == ["Header"]
    assert xp(tree, "r:Header/r:RetourCodes/*/text()") == ["0001"]
    assert xp(tree, "r:Header/r:XsltVersie/text()") == [XSLT]


def test_a_header_code_rejects_the_claim_without_a_declaratieantwoord() -> None:
    tree = answer(HeaderRejection(("8848",)))
    assert parts(tree) == ["Header"]
    assert xp(tree, "r:Header/r:RetourCodes/*/text()") == ["8848"]


def test_the_answer_is_the_municipality_s_own_message_pointing_at_the_claim() -> None:
    tree = answer(Accepted())
    claim = heen(TWO_CLIENTS)
    assert xp(tree, "r:Header/r:BerichtCode/text()") == ["485"]
    assert xp(tree, "r:Header/r:Afzender/text()") == xp(claim, "r:Header/r:Ontvanger/text()")
    assert xp(tree, "r:Header/r:Ontvanger/text()") == xp(claim, "r:Header/r:Afzender/text()")
    assert xp(tree, "r:Header/r:BerichtIdentificatie/*/text()") == ["DA-0001", DAY.isoformat()]
    assert xp(tree, "r:Header/r:DeclaratieIdentificatie/*/text()") == xp(
        claim, "r:Header/r:BerichtIdentificatie/*/text()"
    )
    assert xp(tree, "r:Header/r:XsdVersieDeclaratie/*/text()") == xp(claim, "r:Header/r:XsdVersie/*/text()")
    assert xp(tree, "r:DeclaratieAntwoord/r:DeclaratieNummer/text()") == ["D202602002"]


def test_only_a_claim_is_answered_by_a_declaratieantwoord() -> None:
    with pytest.raises(ValueError, match="no claim answer"):
        render_declaratieantwoord(heen("WMO305/valid/minimal.xml"), Accepted(), "DA-0001", DAY)
