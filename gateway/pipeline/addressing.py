"""Who sends a message to whom under which identificatie, read from the header of a schema-valid message.

The header does not say it the same way in every message: a retour (WMO302, 306, ...) copies the heen
message's Afzender and Ontvanger, so its sender is the header's Ontvanger and its own identificatie is
IdentificatieRetour; a WMO325 is a message of its own that names the claim it answers in
DeclaratieIdentificatie. Which form a message has is read from the header itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from gateway.messages.locations import local_name
from gateway.messages.retour import child

HEADER = "Header"


@dataclass(frozen=True, slots=True)
class Reference:
    """The message an answer names: the code of that message's sender and its identificatie."""

    sender: str
    identificatie: str


@dataclass(frozen=True, slots=True)
class Addressing:
    """Sender and receiver codes (AGB or CBS), the message's own identificatie and date, what it answers."""

    sender: str
    receiver: str
    identificatie: str
    dagtekening: date
    identificatie_at: str
    """The element path of the identificatie, where a finding on it points."""
    answers: Reference | None = None

    @classmethod
    def read(cls, root: etree._Element) -> Addressing:
        header = {local_name(element): element for element in child(root, HEADER).iterchildren(etree.Element)}
        afzender, ontvanger = _text(header["Afzender"]), _text(header["Ontvanger"])
        identificatie, dagtekening = _identification(header["BerichtIdentificatie"])
        if "IdentificatieRetour" in header:
            return cls(
                sender=ontvanger,
                receiver=afzender,
                identificatie=_text(header["IdentificatieRetour"]),
                dagtekening=_date(header["DagtekeningRetour"]),
                identificatie_at=f"/Bericht/{HEADER}/IdentificatieRetour",
                answers=Reference(sender=afzender, identificatie=identificatie),
            )
        answers = None
        if "DeclaratieIdentificatie" in header:
            claim, _ = _identification(header["DeclaratieIdentificatie"])
            answers = Reference(sender=ontvanger, identificatie=claim)
        at = f"/Bericht/{HEADER}/BerichtIdentificatie/Identificatie"
        return cls(afzender, ontvanger, identificatie, dagtekening, at, answers)


def _identification(element: etree._Element) -> tuple[str, date]:
    """Identificatie and Dagtekening of a CDT_BerichtIdentificatie."""
    parts = {local_name(part): part for part in element.iterchildren(etree.Element)}
    return _text(parts["Identificatie"]), _date(parts["Dagtekening"])


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())


def _date(element: etree._Element) -> date:
    # The schema's LDT_Datum is an xs:date without a time zone: exactly YYYY-MM-DD.
    return date.fromisoformat(_text(element).strip())
