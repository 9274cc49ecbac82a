"""Writing the WMO405 that carries one delivery of one record: one client, one period per message.

iEb 1.0 held exactly one client with one start or stop per message and the 4.0 cardinalities are not
known, so one delivery per message is the reading that is valid either way; it also makes the retour
(WMO406) point at exactly one delivery. Namespaces and versions come from the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from gateway.cak.model import Inhoud
from gateway.cak.records import Aanlevering, EbRecord
from gateway.messages.registry import Registry, default_registry

RELEASE = "4.0"
CODE = "WMO405"


@dataclass(frozen=True, slots=True)
class Afzender:
    """The sending gemeente and the BerichtCode to state.

    `berichtcode`: the COD002-VEKT value of WMO405 is not known (see xsd/ieb-4.0/README.md), so it is
    configuration until the standard's value is confirmed.
    """

    gemeentecode: str
    berichtcode: str


def render_wmo405(
    record: EbRecord,
    aanlevering: Aanlevering,
    afzender: Afzender,
    identificatie: str,
    dagtekening: date,
    *,
    registry: Registry | None = None,
) -> bytes:
    """The WMO405 (UTF-8 XML bytes) for `aanlevering` of `record`, under BerichtIdentificatie
    `identificatie` and `dagtekening`."""
    release = (registry or default_registry()).release(RELEASE)
    message = release.message(CODE)
    versie, _, subversie = release.release.partition(".")
    own = _Writer(message.namespace, release.basisschema_namespace)
    root = own.element(None, "Bericht")
    header = own.element(root, "Header")
    own.text(header, "BerichtCode", afzender.berichtcode)
    own.text(header, "BerichtVersie", versie)
    own.text(header, "BerichtSubversie", subversie)
    own.text(header, "Afzender", afzender.gemeentecode)
    identification = own.element(header, "BerichtIdentificatie")
    own.basis(identification, "Identificatie", identificatie)
    own.basis(identification, "Dagtekening", dagtekening.isoformat())
    versions = own.element(header, "XsdVersie")
    own.basis(versions, "BasisschemaXsdVersie", release.xsd_versie)
    own.basis(versions, "BerichtXsdVersie", release.xsd_versie)
    client = own.element(root, "Client")
    own.text(client, "Bsn", record.bsn)
    _periode(own, own.element(client, "PeriodeEigenBijdrageAbo"), record.eb_start_nummer, aanlevering)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _periode(own: _Writer, periode: etree._Element, nummer: int, aanlevering: Aanlevering) -> None:
    inhoud: Inhoud = aanlevering.inhoud
    own.text(periode, "EbStartNummer", str(nummer))
    own.text(periode, "EbStartdatum", inhoud.startdatum.isoformat())
    if inhoud.stopdatum is not None:
        own.text(periode, "EbStopdatum", inhoud.stopdatum.isoformat())
    if inhoud.kostprijs is not None:
        kostprijs = own.element(periode, "EbKostprijs")
        own.basis(kostprijs, "KostprijsBedrag", str(inhoud.kostprijs.bedrag))
        own.basis(kostprijs, "KostprijsStartdatum", inhoud.kostprijs.startdatum.isoformat())
    own.text(periode, "StatusAanlevering", aanlevering.status.value)


class _Writer:
    """Elements in the message namespace, and Basisschema children in the Basisschema namespace."""

    def __init__(self, namespace: str, basisschema: str) -> None:
        self.namespace = namespace
        self.basisschema = basisschema
        self.nsmap = {"wmo405": namespace, "ieb": basisschema}

    def element(self, parent: etree._Element | None, name: str) -> etree._Element:
        tag = f"{{{self.namespace}}}{name}"
        if parent is None:
            return etree.Element(tag, nsmap=self.nsmap)
        return etree.SubElement(parent, tag)

    def text(self, parent: etree._Element, name: str, value: str) -> None:
        self.element(parent, name).text = value

    def basis(self, parent: etree._Element, name: str, value: str) -> None:
        etree.SubElement(parent, f"{{{self.basisschema}}}{name}").text = value
