"""Every heen fixture gets a valid answer for each outcome, and the hand-written retours are what we write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from gateway.messages.check import namespace_of
from gateway.messages.declaratieantwoord import render_declaratieantwoord
from gateway.messages.locations import element_path
from gateway.messages.retour import render_retour
from gateway.messages.verdicts import (
    Accepted,
    ClassRejection,
    HeaderRejection,
    TechnicalRejection,
    Verdict,
)
from tests.messages.test_retour import (
    DAY,
    FIXTURES,
    XSLT,
    answered_by,
    checked,
    content,
    heen,
    parts,
    xp,
)

REJECTED_CLASS = {
    "WMO301": ("ToegewezenProduct", "9332"),
    "WMO305": ("StartProduct", "9063"),
    "WMO307": ("StopProduct", "9069"),
    "WMO315": ("AangevraagdProduct", "9347"),
    "WMO317": ("Verzoek", "9349"),
    "WMO319": ("Antwoord", "9355"),
    "WMO323": ("Prestatie", "9338"),
}
"""Per heen message, a class a level-3 rule rejects and that rule's code."""

HEEN = [
    str(path.relative_to(FIXTURES))
    for code in REJECTED_CLASS
    for path in sorted((FIXTURES / code / "valid").glob("*.xml"))
]
CLAIM = "WMO323"
RETOURS = ("WMO302", "WMO306", "WMO308", "WMO316", "WMO318", "WMO320")


def answer(name: str, verdict: Verdict) -> etree._Element:
    """The retour or claim answer on a heen fixture, checked to be a valid message of the right type."""
    code = name.split("/")[0]
    if code == CLAIM:
        data = render_declaratieantwoord(heen(name), verdict, "A-0001", DAY, XSLT)
    else:
        data = render_retour(heen(name), code, verdict, "A-0001", DAY, XSLT)
    return checked(data, answered_by(code))


def ns(tree: etree._Element) -> dict[str, str]:
    return {"r": namespace_of(tree)}


def header_codes(tree: etree._Element) -> list[str]:
    return xp(tree, "r:Header/r:RetourCodes/r:RetourCode/text()")


@pytest.mark.parametrize("name", HEEN)
def test_a_fully_accepted_message_gets_an_answer_without_rejections(name: str) -> None:
    tree = answer(name, Accepted())
    if name.startswith(CLAIM):
        assert xp(tree, "//r:RetourCode/text()") == ["0200", "8001"]
    else:
        assert parts(tree) == ["Header"]
        assert xp(tree, "//r:RetourCode/text()") == []


@pytest.mark.parametrize("name", HEEN)
def test_a_level_2_rejection_answers_with_only_the_header_0001_and_the_stylesheet_version(name: str) -> None:
    tree = answer(name, TechnicalRejection())
    assert parts(tree) == ["Header"]
    assert header_codes(tree) == ["0001"]
    assert xp(tree, "r:Header/r:XsltVersie/text()") == [XSLT]


@pytest.mark.parametrize("name", HEEN)
def test_a_header_code_answers_with_only_the_header_and_that_code(name: str) -> None:
    tree = answer(name, HeaderRejection(("9056",)))
    assert parts(tree) == ["Header"]
    assert header_codes(tree) == ["9056"]


@pytest.mark.parametrize("name", HEEN)
def test_a_class_code_sits_on_its_class_and_every_other_class_has_no_remark(name: str) -> None:
    kind, code = REJECTED_CLASS[name.split("/")[0]]
    [rejected] = heen(name).xpath(f"(//*[local-name() = '{kind}'])[last()]")
    tree = answer(name, ClassRejection({element_path(rejected): (code,)}))
    assert header_codes(tree) == ["0200"]
    assert xp(tree, f"(//r:{kind})[last()]/r:RetourCodes/r:RetourCode/text()") == [code]
    assert xp(tree, "//r:RetourCodes[r:RetourCode != '0200']/r:RetourCode/text()") == [code]
    assert xp(tree, "//r:RetourCodes[following-sibling::*]") == []


def _identificatie(path: Path) -> str:
    [text] = etree.parse(str(path)).xpath("/*/*[local-name() = 'Header']/*/*[local-name() = 'Identificatie']")
    return str(text.text)


def _hand_written() -> list[tuple[str, str]]:
    """(heen fixture, retour fixture) for every hand-written retour whose heen message is a fixture too."""
    pairs = []
    for code in RETOURS:
        heen_code = answers()[code]
        for retour_path in sorted((FIXTURES / code / "valid").glob("*.xml")):
            for heen_path in sorted((FIXTURES / heen_code / "valid").glob("*.xml")):
                if _identificatie(heen_path) == _identificatie(retour_path):
                    pairs.append(
                        (str(heen_path.relative_to(FIXTURES)), str(retour_path.relative_to(FIXTURES)))
                    )
    return pairs


def answers() -> dict[str, str]:
    """Retour code → the heen message it answers."""
    return {answered_by(code): code for code in REJECTED_CLASS}


def _verdict_shown_by(tree: etree._Element) -> Verdict:
    codes = header_codes(tree)
    if not codes:
        return Accepted()
    if codes == ["0001"]:
        return TechnicalRejection()
    if parts(tree) == ["Header"]:
        return HeaderRejection(tuple(codes))
    body = "//r:RetourCodes[not(parent::r:Header)]"
    classes = {
        element_path(element.getparent()): tuple(element.xpath("r:RetourCode/text()", namespaces=ns(tree)))
        for element in tree.xpath(body, namespaces=ns(tree))
    }
    return ClassRejection(
        {path: found for path, found in classes.items() if found not in (("0200",), ("0233",))},
        not_assessed=frozenset(path for path, found in classes.items() if found == ("0233",)),
    )


@pytest.mark.parametrize(("heen_name", "retour_name"), _hand_written())
def test_the_hand_written_retour_is_what_its_heen_message_and_verdict_render_to(
    heen_name: str, retour_name: str
) -> None:
    expected = heen(retour_name)
    xslt = xp(expected, "r:Header/r:XsltVersie/text()")
    data = render_retour(
        heen(heen_name),
        heen_name.split("/")[0],
        _verdict_shown_by(expected),
        xp(expected, "r:Header/r:IdentificatieRetour/text()")[0],
        date.fromisoformat(xp(expected, "r:Header/r:DagtekeningRetour/text()")[0]),
        xslt[0] if xslt else None,
    )
    assert content(etree.fromstring(data)) == content(expected)
