"""Message headers: who sent what to whom, when, and for a retour which heen message it answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class BerichtIdentificatie:
    """CDT_BerichtIdentificatie: the sender's own id of a message and its date."""

    identificatie: str
    dagtekening: date


@dataclass(frozen=True, slots=True)
class XsdVersie:
    """CDT_XsdVersie: the schema versions a message was built with."""

    basisschema_xsd_versie: str
    bericht_xsd_versie: str


@dataclass(frozen=True, slots=True)
class Header:
    """The header every message starts with.

    Afzender and Ontvanger are a CBS gemeentecode (4 digits) or an AGB code (8 digits), by direction.
    """

    bericht_code: str
    bericht_versie: int
    bericht_subversie: int
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie


@dataclass(frozen=True, slots=True)
class RetourHeader(Header):
    """The header of WMO302/306/308/316/318/320.

    BerichtCode is the retour's own; Afzender, Ontvanger, BerichtIdentificatie and XsdVersie are copied
    unchanged from the heen message, so Afzender names the party that sent the heen message.
    `retour_codes` is () when the heen message was accepted without remarks.
    """

    identificatie_retour: str
    dagtekening_retour: date
    xslt_versie: str | None
    xsd_versie_retour: XsdVersie
    retour_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeclaratieAntwoordHeader(Header):
    """The header of a WMO325: a message of its own that names the WMO323 it answers."""

    declaratie_identificatie: BerichtIdentificatie
    xslt_versie: str | None
    xsd_versie_declaratie: XsdVersie
    retour_codes: tuple[str, ...]
