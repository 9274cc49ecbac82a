"""The retour on a heen message (WMO301/305/307/315/317/319 → WMO302/306/308/316/318/320).

Exactly one retour is sent per heen message, also when it is fully accepted (retour.md §1). Its
Header copies the heen Header's Afzender, Ontvanger, BerichtIdentificatie and XsdVersie unchanged and
adds the retour's own identification, date and versions; its body is empty unless classes were
rejected, and then it is the heen body re-created in the retour's namespace with RetourCodes on every
class (§3). Which message answers which, and with what BerichtCode, comes from the registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import assert_never

from lxml import etree

from gateway.messages.check import namespace_of
from gateway.messages.locations import local_name
from gateway.messages.registry import MessageType, Registry, Release, default_registry
from gateway.messages.retourclasses import HEADER, Pairing
from gateway.messages.retourwriter import Content, RetourWriter, retour_codes
from gateway.messages.shapes import message_shape
from gateway.messages.verdicts import (
    NO_REMARK,
    TECHNICAL,
    Accepted,
    ClassRejection,
    Codes,
    HeaderRejection,
    TechnicalRejection,
    Verdict,
)


@dataclass(frozen=True, slots=True)
class Exchange:
    """A heen message type, the message type that answers it, and the release they belong to."""

    heen: MessageType
    answer: MessageType
    release: Release

    @classmethod
    def of(cls, root: etree._Element, registry: Registry) -> Exchange:
        """The exchange a parsed heen message belongs to, told by its namespace."""
        heen = registry.by_namespace(namespace_of(root))
        if heen is None:
            raise ValueError(f"no supported message has the namespace {namespace_of(root)!r}")
        if heen.retour is None:
            raise ValueError(f"{heen.code} is not answered by a retour message")
        release = registry.release(heen.release)
        return cls(heen=heen, answer=release.message(heen.retour), release=release)

    def pairing(self) -> Pairing:
        return Pairing.of(message_shape(self.heen.schema), message_shape(self.answer.schema))

    def stamp(self) -> dict[str, Content | None]:
        """BerichtCode of the answer and the release's BerichtVersie/BerichtSubversie (3.2 → 3, 2)."""
        versie, _, subversie = self.release.release.partition(".")
        return {
            "BerichtCode": self.answer.berichtcode,
            "BerichtVersie": versie,
            "BerichtSubversie": subversie,
        }

    def own_versions(self) -> Mapping[str, Content | None]:
        """The XSD versions the answer is built with (a CDT_XsdVersie)."""
        return {"BasisschemaXsdVersie": self.release.xsd_versie, "BerichtXsdVersie": self.release.xsd_versie}


def header_codes(verdict: Verdict, xslt_versie: str | None, accepted: Codes) -> Codes:
    """The Header's RetourCodes for a verdict; `accepted` are those of a fully accepted message."""
    match verdict:
        case Accepted():
            return accepted
        case TechnicalRejection():
            if xslt_versie is None:
                raise ValueError("a level-2 rejection states the stylesheet version: give xslt_versie")
            return (TECHNICAL,)
        case HeaderRejection(codes=codes):
            return codes
        case ClassRejection():
            return (NO_REMARK,)
        case _:
            assert_never(verdict)


def child(root: etree._Element, name: str) -> etree._Element:
    """The child of `root` with this local name (the Header, the body root)."""
    for element in root.iterchildren(etree.Element):
        if local_name(element) == name:
            return element
    raise ValueError(f"the message has no {name}")


def render_retour(
    heen: etree._Element,
    heen_code: str,
    verdict: Verdict,
    identificatie: str,
    dagtekening: date,
    xslt_versie: str | None = None,
    *,
    registry: Registry | None = None,
) -> bytes:
    """The retour on the schema-valid heen message `heen` (its parsed root), as UTF-8 XML bytes.

    `identificatie` and `dagtekening` are the retour's own IdentificatieRetour and DagtekeningRetour;
    `xslt_versie` the version of the validation stylesheet used, required for a TechnicalRejection.
    """
    exchange = Exchange.of(heen, registry or default_registry())
    if exchange.heen.code != heen_code:
        raise ValueError(f"the message is a {exchange.heen.code}, not a {heen_code}")
    pairing = exchange.pairing()
    placed = pairing.place(heen, verdict) if isinstance(verdict, ClassRejection) else {}
    writer = RetourWriter(
        exchange.answer,
        exchange.release.basisschema_namespace,
        codes_of=lambda element: placed.get(element, (NO_REMARK,)),
    )
    if (HEADER, "IdentificatieRetour") not in writer.shape.declarations:
        raise ValueError(f"{exchange.answer.code} is no retour message; use render_declaratieantwoord")
    codes = header_codes(verdict, xslt_versie, accepted=())
    header: dict[str, Content | None] = {
        **{local_name(element): element for element in child(heen, HEADER).iterchildren(etree.Element)},
        **exchange.stamp(),
        "IdentificatieRetour": identificatie,
        "DagtekeningRetour": dagtekening.isoformat(),
        "XsltVersie": xslt_versie,
        "XsdVersieRetour": exchange.own_versions(),
        "RetourCodes": retour_codes(codes) if codes else None,
    }
    body = child(heen, pairing.heen_body) if isinstance(verdict, ClassRejection) else None
    return writer.write({HEADER: header, pairing.retour_body: body})
