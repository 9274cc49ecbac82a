"""Reading the CAK's WMO406 retour and the verdict it gives on the delivery it answers.

The tree handed in has passed the WMO406 schema (the pipeline checks first, as for every message).
Reading taken where the standard is not known: a delivery is accepted only when the class that
judges it carries 0200 and no class carries another code. That class is the period when the Client
is echoed; without a Client it is the header, so a header carrying only 0200 accepts the delivery (the
iWmo 3.x pattern of an empty body for a message without remarks), while one carrying any other code
refuses it (iEb 1.0: the client is left out when the whole message was rejected). A retour carrying
no code at all (a header-only WMO406 without RetourCodes is schema-valid) says nothing and accepts
nothing, and 0233 (not judged) is no acceptance either. Decoding does not rely on the schema for this:
a class without RetourCodes reads as carrying none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from gateway.cak.model import Inhoud, Kostprijs
from gateway.cak.records import StatusAanlevering, Uitkomst
from gateway.cak.retourcodes import GEEN_OPMERKINGEN
from gateway.domain.reading import Node


@dataclass(frozen=True, slots=True)
class RetourPeriode:
    """The period as the CAK echoes it, with the codes on the client and on the period."""

    bsn: str = field(repr=False)
    eb_start_nummer: int
    status: StatusAanlevering
    inhoud: Inhoud
    client_retourcodes: tuple[str, ...]
    retourcodes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Wmo406:
    """A decoded WMO406: which WMO405 it answers (`bericht`, its BerichtIdentificatie) and what it says."""

    afzender: str
    bericht: str
    dagtekening: date
    identificatie_retour: str
    dagtekening_retour: date
    header_retourcodes: tuple[str, ...]
    periode: RetourPeriode | None

    @property
    def retourcodes(self) -> tuple[str, ...]:
        """Every code the retour gives, header first, each once."""
        codes = self.header_retourcodes
        if self.periode is not None:
            codes += self.periode.client_retourcodes + self.periode.retourcodes
        return tuple(dict.fromkeys(codes))

    @property
    def uitkomst(self) -> Uitkomst:
        """The verdict on the delivery, to attach with `records.beantwoord`."""
        codes = self.retourcodes
        judging = self.header_retourcodes if self.periode is None else self.periode.retourcodes
        accepted = GEEN_OPMERKINGEN in judging and all(code == GEEN_OPMERKINGEN for code in codes)
        return Uitkomst(accepted, codes, self.identificatie_retour, self.dagtekening_retour)


def decode_wmo406(root: etree._Element) -> Wmo406:
    """The retour in a schema-valid WMO406 tree; `DecodeError` (naming paths, never values) otherwise."""
    bericht = Node(root)
    header = bericht.one("Header")
    identificatie = header.one("BerichtIdentificatie")
    client = bericht.child("Client")
    return Wmo406(
        afzender=header.text_of("Afzender"),
        bericht=identificatie.text_of("Identificatie"),
        dagtekening=identificatie.date_of("Dagtekening"),
        identificatie_retour=header.text_of("IdentificatieRetour"),
        dagtekening_retour=header.date_of("DagtekeningRetour"),
        header_retourcodes=header.retour_codes(),
        periode=None if client is None else _periode(client),
    )


def _periode(client: Node) -> RetourPeriode:
    periode = client.one("PeriodeEigenBijdrageAbo")
    kostprijs = periode.child("EbKostprijs")
    return RetourPeriode(
        bsn=client.text_of("Bsn"),
        eb_start_nummer=periode.integer_of("EbStartNummer"),
        status=StatusAanlevering(periode.text_of("StatusAanlevering")),
        inhoud=Inhoud(
            startdatum=periode.date_of("EbStartdatum"),
            stopdatum=periode.optional_date_of("EbStopdatum"),
            kostprijs=None
            if kostprijs is None
            else Kostprijs(kostprijs.integer_of("KostprijsBedrag"), kostprijs.date_of("KostprijsStartdatum")),
        ),
        client_retourcodes=client.retour_codes(),
        retourcodes=periode.retour_codes(),
    )
