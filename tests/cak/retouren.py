"""The CAK's side, for tests: send a record's delivery as WMO405 and answer it with a WMO406.

The WMO406 echoes the WMO405 as the retour pattern wants it (header copied, retour fields added,
RetourCodes on every class), so both schemas are exercised on every round trip.
"""

from __future__ import annotations

from datetime import date
from itertools import count

from lxml import etree

from gateway.cak import EbRecord, Wmo406, beantwoord, decode_wmo406, render_wmo405, verzonden
from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet
from tests.cak.making import AFZENDER

CHECKER = MessageChecker(default_registry(), SchemaSet())
BASIS = "{http://www.istandaarden.nl/ieb/4_0/basisschema/schema}"
_identifications = count(1)


def send(record: EbRecord, dagtekening: date = date(2026, 2, 2)) -> tuple[EbRecord, bytes]:
    """The record after its pending delivery went out, and the WMO405 that carried it."""
    aanlevering = record.te_verzenden
    assert aanlevering is not None
    identificatie = f"EB-{next(_identifications):06d}"
    message = render_wmo405(record, aanlevering, AFZENDER, identificatie, dagtekening)
    return verzonden(record, identificatie, dagtekening), message


def retour_on(
    wmo405: bytes,
    codes: tuple[str, ...] = ("0200",),
    *,
    header_codes: tuple[str, ...] = (),
    echo: bool = True,
) -> bytes:
    """The CAK's WMO406 on `wmo405`: `codes` on the client and the period, `header_codes` on the header."""
    root = etree.fromstring(wmo405.replace(b"wmo405", b"wmo406"))
    header, client = root[0], root[1]
    ns = f"{{{etree.QName(header).namespace}}}"
    for name, text in (("IdentificatieRetour", "R-1"), ("DagtekeningRetour", "2026-02-04")):
        etree.SubElement(header, ns + name).text = text
    versions = etree.SubElement(header, ns + "XsdVersieRetour")
    for name in ("BasisschemaXsdVersie", "BerichtXsdVersie"):
        etree.SubElement(versions, BASIS + name).text = "1.0.0"
    _codes(header, ns, header_codes)
    if echo:
        _codes(client[1], ns, codes)
        _codes(client, ns, codes)
    else:
        root.remove(client)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def decoded(retour: bytes) -> Wmo406:
    """The retour, checked against our WMO406 schema first as the pipeline does."""
    report = CHECKER.check(retour)
    assert (report.findings, report.message_code) == ([], "WMO406")
    assert report.tree is not None
    return decode_wmo406(report.tree)


def answer(record: EbRecord, retour: bytes) -> EbRecord:
    """The record after the CAK's `retour` on its delivery."""
    wmo406 = decoded(retour)
    return beantwoord(record, wmo406.bericht, wmo406.uitkomst)


def accepted(record: EbRecord) -> EbRecord:
    """The record after its pending delivery was sent and accepted."""
    record, message = send(record)
    return answer(record, retour_on(message))


def _codes(parent: etree._Element, ns: str, codes: tuple[str, ...]) -> None:
    if codes:
        holder = etree.SubElement(parent, ns + "RetourCodes")
        for code in codes:
            etree.SubElement(holder, ns + "RetourCode").text = code
