"""Messages for API tests: the fixtures, addressed to the test parties and given fresh identificaties."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from gateway.messages.locations import local_name

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2"

GEMEENTE = "1916"
AANBIEDER_A = "12345678"
AANBIEDER_B = "87654321"

HEEN_FROM_AANBIEDER = ("WMO305", "WMO307", "WMO315", "WMO317")
"""The retour-answered messages an aanbieder sends (WMO323 is answered by a WMO325)."""


def fixture(relative: str) -> bytes:
    return (FIXTURES / relative).read_bytes()


def addressed(
    content: bytes,
    *,
    afzender: str,
    ontvanger: str,
    identificatie: str | None = None,
    identificatie_retour: str | None = None,
) -> bytes:
    """The message with these header values (Afzender and Ontvanger as the header carries them)."""
    root = etree.fromstring(content)
    values = {
        ("Afzender",): afzender,
        ("Ontvanger",): ontvanger,
        ("BerichtIdentificatie", "Identificatie"): identificatie,
        ("IdentificatieRetour",): identificatie_retour,
    }
    header = _child(root, "Header")
    for path, value in values.items():
        if value is None:
            continue
        element = header
        for name in path:
            element = _child(element, name)
        element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def from_aanbieder(code: str, relative: str, identificatie: str, *, to: str = GEMEENTE) -> bytes:
    """A heen message (WMO305 ... WMO323) of aanbieder `code` to the gemeente."""
    return addressed(fixture(relative), afzender=code, ontvanger=to, identificatie=identificatie)


def from_gemeente(relative: str, identificatie: str, *, to: str = AANBIEDER_A) -> bytes:
    """A message of the gemeente (WMO301, 319, 325) to aanbieder `to`."""
    return addressed(fixture(relative), afzender=GEMEENTE, ontvanger=to, identificatie=identificatie)


def toewijzing(identificatie: str, *, to: str = AANBIEDER_A) -> bytes:
    return from_gemeente("WMO301/valid/minimal.xml", identificatie, to=to)


def start(identificatie: str, *, by: str = AANBIEDER_A) -> bytes:
    return from_aanbieder(by, "WMO305/valid/minimal.xml", identificatie)


def toewijzing_retour(heen_identificatie: str, identificatie_retour: str, *, by: str = AANBIEDER_A) -> bytes:
    """A WMO302 of aanbieder `by` on the gemeente's WMO301 `heen_identificatie`, copying its header."""
    return addressed(
        fixture("WMO302/valid/accepted.xml"),
        afzender=GEMEENTE,
        ontvanger=by,
        identificatie=heen_identificatie,
        identificatie_retour=identificatie_retour,
    )


def header_text(content: bytes, *path: str) -> str:
    element = _child(etree.fromstring(content), "Header")
    for name in path:
        element = _child(element, name)
    return "".join(element.itertext())


def retour_codes(content: bytes) -> list[str]:
    """The RetourCode values in the header of a retour."""
    header = _child(etree.fromstring(content), "Header")
    return [
        "".join(code.itertext())
        for codes in header.iterchildren(etree.Element)
        if local_name(codes) == "RetourCodes"
        for code in codes.iterchildren(etree.Element)
    ]


def _child(element: etree._Element, name: str) -> etree._Element:
    for candidate in element.iterchildren(etree.Element):
        if local_name(candidate) == name:
            return candidate
    raise LookupError(f"no {name} under {local_name(element)}")


def rule_invalid(message_code: str) -> bytes:
    """A schema-valid fixture of this type that breaks an intra-message rule (level 2)."""
    for sidecar in sorted((FIXTURES / "rules").rglob("*.expected.json")):
        expected = json.loads(sidecar.read_text(encoding="utf-8"))
        rules = {finding["rule"] for finding in expected["findings"]}
        if expected["message"] == message_code and not expected["valid"] and not rules & {"XML", "XSD"}:
            return sidecar.with_name(sidecar.name.replace(".expected.json", ".xml")).read_bytes()
    raise LookupError(f"no rule-invalid {message_code} fixture")
