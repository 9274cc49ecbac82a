"""The retour on a heen message: its Header, its body per outcome, and where the codes sit (retour.md §3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from gateway.messages.check import namespace_of
from gateway.messages.locations import element_path
from gateway.messages.registry import default_registry
from gateway.messages.retour import render_retour
from gateway.messages.verdicts import (
    Accepted,
    ClassRejection,
    HeaderRejection,
    TechnicalRejection,
    Verdict,
)
from gateway.rules.validation import validate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2"
BASISSCHEMA = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
XSLT = "2.10.5"
DAY = date(2026, 3, 20)
RICH_301 = "WMO301/valid/rich.xml"
HEEN_HEADER_COPIES = ("Afzender", "Ontvanger", "BerichtIdentificatie", "XsdVersie")


def heen(name: str) -> etree._Element:
    """A heen fixture's root, by its path below the fixtures folder (`WMO305/valid/rich.xml`)."""
    return etree.fromstring((FIXTURES / name).read_bytes())


def checked(data: bytes, message: str) -> etree._Element:
    """The rendered message, after asserting it passes the schema and every intra-message rule."""
    report = validate(data)
    assert report.valid, [finding.as_json() for finding in report.findings]
    assert report.message is not None
    assert report.message.code == message
    return etree.fromstring(data)


def xp(tree: etree._Element, expression: str) -> list[str]:
    """XPath with `r:` for the message's own namespace and `iwmo:` for the Basisschema; text results."""
    found = tree.xpath(expression, namespaces={"r": namespace_of(tree), "iwmo": BASISSCHEMA})
    assert isinstance(found, list)
    return [item if isinstance(item, str) else element_path(item) for item in found]


def said(tree: etree._Element, *names: str) -> list[tuple[str, str]]:
    """Local name and trimmed text of every element below the root along `names`, RetourCodes left out:
    what a retour repeats of its heen message."""
    [top] = tree.xpath("/*/" + "/".join(f"*[local-name() = '{name}']" for name in names))
    return [
        (etree.QName(element).localname, (element.text or "").strip())
        for element in top.iter(etree.Element)
        if etree.QName(element).localname not in ("RetourCodes", "RetourCode")
    ]


def parts(tree: etree._Element) -> list[str]:
    """The local names of the root's children: Header, and the body if there is one."""
    return [etree.QName(element).localname for element in tree.iterchildren(etree.Element)]


def content(tree: etree._Element) -> list[tuple[str, str]]:
    """Every element's Clark name and trimmed text in document order: what a message says."""
    return [(str(element.tag), (element.text or "").strip()) for element in tree.iter(etree.Element)]


def answered_by(code: str) -> str:
    """The message that answers `code`, as the registry has it."""
    answer = default_registry().release("3.2").message(code).retour
    assert answer is not None
    return answer


def retour(name: str, verdict: Verdict, xslt_versie: str | None = XSLT) -> etree._Element:
    code = name.split("/")[0]
    data = render_retour(heen(name), code, verdict, "R-0001", DAY, xslt_versie)
    return checked(data, answered_by(code))


def reject(name: str, path: str, *codes: str) -> etree._Element:
    return retour(name, ClassRejection({path: codes}))


def test_the_worked_example_rejects_the_deleted_start_product_with_9063() -> None:
    tree = reject("WMO305/valid/rich.xml", "/Bericht/Client/StartProducten/StartProduct[3]", "9063")
    assert xp(tree, "r:Header/r:RetourCodes/r:RetourCode/text()") == ["0200"]
    assert xp(tree, "r:Client/r:RetourCodes/r:RetourCode/text()") == ["0200"]
    products = "r:Client/r:StartProducten/r:StartProduct"
    assert xp(tree, f"{products}[3]/r:RetourCodes/r:RetourCode/text()") == ["9063"]
    assert xp(tree, f"{products}[position() < 3]/r:RetourCodes/r:RetourCode/text()") == ["0200", "0200"]


def test_the_worked_example_equals_the_hand_written_wmo306() -> None:
    data = render_retour(
        heen("WMO305/valid/rich.xml"),
        "WMO305",
        ClassRejection({"/Bericht/Client/StartProducten/StartProduct[3]": ("9063",)}),
        "R306-0001",
        date(2026, 3, 9),
        XSLT,
    )
    assert content(etree.fromstring(data)) == content(heen("WMO306/valid/rejected-client.xml"))


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("WMO301/valid/minimal.xml", Accepted()),
        ("WMO305/valid/rich.xml", TechnicalRejection()),
        ("WMO307/valid/minimal.xml", HeaderRejection(("9056",))),
        ("WMO317/valid/rich.xml", ClassRejection({"/Bericht/Client/Verzoek": ("9349",)})),
    ],
)
def test_the_retour_header_copies_sender_receiver_identification_and_versions_unchanged(
    name: str, verdict: Verdict
) -> None:
    tree = retour(name, verdict)
    for field in HEEN_HEADER_COPIES:
        assert said(tree, "Header", field) == said(heen(name), "Header", field)


def test_the_retour_header_carries_its_own_code_identification_date_and_versions() -> None:
    tree = retour("WMO319/valid/afgewezen.xml", Accepted())
    assert xp(tree, "r:Header/r:BerichtCode/text()") == ["483"]
    assert xp(tree, "r:Header/r:BerichtVersie/text()") == ["3"]
    assert xp(tree, "r:Header/r:BerichtSubversie/text()") == ["2"]
    assert xp(tree, "r:Header/r:IdentificatieRetour/text()") == ["R-0001"]
    assert xp(tree, "r:Header/r:DagtekeningRetour/text()") == ["2026-03-20"]
    assert xp(tree, "r:Header/r:XsltVersie/text()") == [XSLT]
    assert xp(tree, "r:Header/r:XsdVersieRetour/*/text()") == ["1.0.0", "1.0.0"]


def test_a_fully_accepted_retour_is_only_the_header_without_retourcodes() -> None:
    tree = retour("WMO315/valid/rich.xml", Accepted(), xslt_versie=None)
    assert parts(tree) == ["Header"]
    assert xp(tree, "//r:RetourCodes") == []
    assert xp(tree, "r:Header/r:XsltVersie") == []


def test_a_level_2_rejection_is_the_header_with_0001_and_the_stylesheet_version() -> None:
    tree = retour("WMO317/valid/minimal.xml", TechnicalRejection())
    assert parts(tree) == ["Header"]
    assert xp(tree, "r:Header/r:RetourCodes/r:RetourCode/text()") == ["0001"]
    assert xp(tree, "r:Header/r:XsltVersie/text()") == [XSLT]


def test_a_level_2_rejection_needs_the_stylesheet_version() -> None:
    with pytest.raises(ValueError, match="xslt_versie"):
        render_retour(heen("WMO305/valid/minimal.xml"), "WMO305", TechnicalRejection(), "R1", DAY)


def test_header_codes_reject_the_message_without_a_body() -> None:
    tree = retour("WMO301/valid/rich.xml", HeaderRejection(("9056", "S300")))
    assert parts(tree) == ["Header"]
    assert xp(tree, "r:Header/r:RetourCodes/r:RetourCode/text()") == ["9056", "S300"]


def test_a_rejected_class_returns_the_whole_client_with_0200_on_every_other_class() -> None:
    product = "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"
    tree = reject(RICH_301, product, "9332")
    assert xp(tree, "//r:RetourCodes[r:RetourCode != '0200']/..") == [product]
    assert said(tree, "Client") == said(heen(RICH_301), "Client")


def test_every_class_of_the_wmo302_gets_retourcodes_as_its_last_child() -> None:
    tree = reject(RICH_301, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]", "9332")
    client = "/Bericht/Client"
    assert sorted(xp(tree, "//r:RetourCodes/..")) == sorted(
        [
            "/Bericht/Header",
            client,
            f"{client}/Relaties/Relatie",
            f"{client}/Relaties/Relatie/Contact",
            *(f"{client}/Contactgegevens/Contact[{n}]" for n in (1, 2)),
            *(f"{client}/ToegewezenProducten/ToegewezenProduct[{n}]" for n in (1, 2, 3, 4)),
        ]
    )
    assert xp(tree, "//r:RetourCodes[following-sibling::*]") == []


def test_a_code_given_for_an_element_inside_a_class_lands_on_that_class() -> None:
    product = "/Bericht/Client/StartProducten/StartProduct[2]"
    tree = reject("WMO305/valid/rich.xml", f"{product}/Product/Categorie", "S329")
    assert xp(tree, "//r:RetourCodes[r:RetourCode != '0200']/..") == [product]


def test_the_contact_of_a_relation_is_a_class_of_its_own() -> None:
    relation = "/Bericht/Client/Relaties/Relatie"
    tree = reject(RICH_301, f"{relation}/Contact/Soort", "9332")
    assert xp(tree, "//r:RetourCodes[r:RetourCode != '0200']/..") == [f"{relation}/Contact"]
    assert xp(tree, "r:Client/r:Relaties/r:Relatie/r:RetourCodes/r:RetourCode/text()") == ["0200"]


def test_codes_given_for_one_class_are_joined_in_their_order_and_each_once() -> None:
    product = "/Bericht/Client/StopProducten/StopProduct"
    verdict = ClassRejection(
        {f"{product}/Einddatum": ("9414", "9069"), f"{product}/Begindatum": ("9069", "9063")}
    )
    tree = retour("WMO307/valid/minimal.xml", verdict)
    assert xp(tree, "r:Client/r:StopProducten/r:StopProduct/r:RetourCodes/r:RetourCode/text()") == [
        "9414",
        "9069",
        "9063",
    ]


def test_a_class_not_assessed_gets_0233() -> None:
    products = "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct"
    verdict = ClassRejection({f"{products}[1]": ("9351",)}, not_assessed=frozenset({f"{products}[2]"}))
    tree = retour("WMO317/valid/rich.xml", verdict)
    changed = "r:Client/r:Verzoek/r:TeWijzigenProducten/r:TeWijzigenProduct"
    assert xp(tree, f"{changed}/r:RetourCodes/r:RetourCode/text()") == ["9351", "0233"]


def test_a_class_cannot_be_both_rejected_and_not_assessed() -> None:
    verdict = ClassRejection({"/Bericht/Antwoord": ("9355",)}, not_assessed=frozenset({"/Bericht/Antwoord"}))
    with pytest.raises(ValueError, match="both rejected and not assessed"):
        render_retour(heen("WMO319/valid/afgewezen.xml"), "WMO319", verdict, "R1", DAY)


def test_a_code_in_the_header_is_a_header_rejection_not_a_class_rejection() -> None:
    verdict = ClassRejection({"/Bericht/Header/BerichtIdentificatie/Identificatie": ("9056",)})
    with pytest.raises(ValueError, match="HeaderRejection"):
        render_retour(heen("WMO319/valid/afgewezen.xml"), "WMO319", verdict, "R1", DAY)


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/Bericht/Client/StartProducten/StartProduct[4]", "no element"),
        ("/Bericht/Client/StartProducten/StartProduct", "ambiguous"),
        ("/Client/StartProducten", "root"),
        ("/Bericht/Client/StartProducten/StartProduct[0]", "not a step"),
    ],
)
def test_a_path_that_names_no_single_element_is_refused(path: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        render_retour(heen("WMO305/valid/rich.xml"), "WMO305", ClassRejection({path: ("9063",)}), "R1", DAY)


def test_a_position_on_an_only_child_is_accepted() -> None:
    tree = reject("WMO305/valid/minimal.xml", "/Bericht/Client[1]/StartProducten[1]/StartProduct[1]", "9074")
    assert xp(tree, "//r:StartProduct/r:RetourCodes/r:RetourCode/text()") == ["9074"]


@pytest.mark.parametrize("code", ["0001", "0200", "0233", "8001"])
def test_generic_codes_follow_from_the_verdict_and_are_not_given(code: str) -> None:
    with pytest.raises(ValueError, match="generic"):
        HeaderRejection((code,))
    with pytest.raises(ValueError, match="generic"):
        ClassRejection({"/Bericht/Client": (code,)})


def test_a_class_rejection_names_at_least_one_class_with_codes() -> None:
    with pytest.raises(ValueError, match="at least one class"):
        ClassRejection({})
    with pytest.raises(ValueError, match="no retourcodes"):
        ClassRejection({"/Bericht/Client": ()})


def test_the_heen_code_must_be_the_message_s_own() -> None:
    with pytest.raises(ValueError, match="is a WMO305, not a WMO307"):
        render_retour(heen("WMO305/valid/minimal.xml"), "WMO307", Accepted(), "R1", DAY)


def test_a_claim_is_answered_by_a_declaratieantwoord_not_by_a_retour() -> None:
    with pytest.raises(ValueError, match="no retour message"):
        render_retour(heen("WMO323/valid/minimal.xml"), "WMO323", Accepted(), "R1", DAY)


def test_a_retour_gets_no_retour() -> None:
    with pytest.raises(ValueError, match="not answered"):
        render_retour(heen("WMO306/valid/accepted.xml"), "WMO306", Accepted(), "R1", DAY)


def test_the_retour_is_utf8_xml_with_a_declaration_and_the_standard_s_prefixes() -> None:
    root = heen("WMO305/valid/minimal.xml")
    [surname] = root.xpath("//iwmo:Achternaam", namespaces={"iwmo": BASISSCHEMA})
    surname.text = "Jansén"
    data = render_retour(
        root, "WMO305", ClassRejection({"/Bericht/Client/StartProducten/StartProduct": ("9019",)}), "R1", DAY
    )
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<wmo306:Bericht xmlns:wmo306=')
    assert b'xmlns:iwmo="' + BASISSCHEMA.encode() + b'"' in data
    assert b"<iwmo:Achternaam>Jans\xc3\xa9n</iwmo:Achternaam>" in data
    assert b"<wmo306:Bsn>" in data


def test_text_split_by_comments_or_cdata_in_the_heen_message_is_copied_whole() -> None:
    text = (FIXTURES / "WMO305/valid/minimal.xml").read_text(encoding="utf-8")
    bsn = xp(heen("WMO305/valid/minimal.xml"), "//r:Bsn/text()")[0]
    split = text.replace(f">{bsn}<", f">{bsn[:3]}<!-- bsn --><![CDATA[{bsn[3:6]}]]>{bsn[6:]}<")
    assert split != text
    data = render_retour(
        etree.fromstring(split.encode()),
        "WMO305",
        ClassRejection({"/Bericht/Client/StartProducten/StartProduct": ("9019",)}),
        "R1",
        DAY,
    )
    assert xp(checked(data, "WMO306"), "r:Client/r:Bsn/text()") == [bsn]
