"""The Declaratie-antwoord (WMO325) on a claim (WMO323): its technical and its content answer at once.

Unlike a retour, a WMO325 is a new message of the municipality (own BerichtIdentificatie, Afzender and
Ontvanger the other way round) that points at the claim it answers (retour.md §4). It grants the claim
minus the lines it returns: only rejected clients and lines come back, each with its codes, and the
granted total is computed from them so that the totals always reconcile (TR342). A code on the
Declaratie rejects the claim as a whole: nothing is granted and no lines are returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from gateway.messages.locations import local_name
from gateway.messages.registry import Registry, default_registry
from gateway.messages.retour import Exchange, child, header_codes
from gateway.messages.retourclasses import HEADER
from gateway.messages.retourwriter import Content, RetourWriter, retour_codes
from gateway.messages.verdicts import (
    GRANTED_IN_FULL,
    NO_REMARK,
    NOT_ASSESSED,
    Accepted,
    ClassRejection,
    Codes,
    Verdict,
)

Placed = dict[etree._Element, Codes]


@dataclass(frozen=True, slots=True)
class Returned:
    """The claim's clients and lines that come back in the answer: what is not granted.

    A rejected client comes back with all its lines; of a client without codes only its rejected lines
    come back, and the client gets 0200.
    """

    clients: list[tuple[etree._Element, Codes]]
    lines: frozenset[etree._Element]

    @classmethod
    def of(cls, declaratie: etree._Element, placed: Placed) -> Returned:
        clients: list[tuple[etree._Element, Codes]] = []
        lines: set[etree._Element] = set()
        for client in _all(declaratie, "Clienten", "Client"):
            rejected = placed.get(client)
            own = [line for line in _all(client, "Prestaties", "Prestatie") if rejected or line in placed]
            if own:
                clients.append((client, rejected or (NO_REMARK,)))
                lines.update(own)
        return cls(clients=clients, lines=frozenset(lines))

    def balance(self) -> int:
        """Σ debit − Σ credit IngediendBedrag over the returned lines."""
        return sum(_signed(child(line, "IngediendBedrag"), "Bedrag") for line in self.lines)

    def clienten(self) -> Content | None:
        if not self.clients:
            return None
        return {"Client": [self._client(client, codes) for client, codes in self.clients]}

    def _client(self, client: etree._Element, codes: Codes) -> Content:
        contents: dict[str, Content | None] = {
            local_name(element): element for element in client.iterchildren(etree.Element)
        }
        lines: list[Content] = [
            line for line in _all(client, "Prestaties", "Prestatie") if line in self.lines
        ]
        contents["Prestaties"] = {"Prestatie": lines}
        contents["RetourCodes"] = retour_codes(codes)
        return contents


def render_declaratieantwoord(
    claim: etree._Element,
    verdict: Verdict,
    identificatie: str,
    dagtekening: date,
    xslt_versie: str | None = None,
    *,
    registry: Registry | None = None,
) -> bytes:
    """The WMO325 on the schema-valid claim `claim` (its parsed root), as UTF-8 XML bytes.

    `identificatie` and `dagtekening` are the answer's own BerichtIdentificatie; `xslt_versie` the
    version of the validation stylesheet used, required for a TechnicalRejection.
    """
    exchange = Exchange.of(claim, registry or default_registry())
    pairing = exchange.pairing()
    placed = pairing.place(claim, verdict) if isinstance(verdict, ClassRejection) else {}
    writer = RetourWriter(
        exchange.answer,
        exchange.release.basisschema_namespace,
        codes_of=lambda line: placed.get(line, (NOT_ASSESSED,)),
    )
    if (HEADER, "DeclaratieIdentificatie") not in writer.shape.declarations:
        raise ValueError(f"{exchange.answer.code} is no claim answer; use render_retour")
    heen = {local_name(element): element for element in child(claim, HEADER).iterchildren(etree.Element)}
    header: dict[str, Content | None] = {
        **exchange.stamp(),
        "Afzender": heen["Ontvanger"],
        "Ontvanger": heen["Afzender"],
        "BerichtIdentificatie": {"Identificatie": identificatie, "Dagtekening": dagtekening.isoformat()},
        "XsdVersie": exchange.own_versions(),
        "DeclaratieIdentificatie": heen["BerichtIdentificatie"],
        "XsltVersie": xslt_versie,
        "XsdVersieDeclaratie": heen["XsdVersie"],
        "RetourCodes": retour_codes(header_codes(verdict, xslt_versie, accepted=(NO_REMARK,))),
    }
    answer = None
    if isinstance(verdict, Accepted | ClassRejection):
        answer = _answer(child(claim, pairing.heen_body), placed)
    return writer.write({HEADER: header, pairing.retour_body: answer})


def _answer(declaratie: etree._Element, placed: Placed) -> Content:
    """The DeclaratieAntwoord; a code on the Declaratie itself leaves its lines unassessed and grants 0."""
    submitted = child(declaratie, "TotaalIngediendBedrag")
    rejected = placed.get(declaratie)
    if rejected is not None:
        return {
            "DeclaratieNummer": child(declaratie, "DeclaratieNummer"),
            "TotaalIngediendBedrag": submitted,
            "TotaalToegekendBedrag": _total(0),
            "RetourCodes": retour_codes(rejected),
        }
    returned = Returned.of(declaratie, placed)
    return {
        "DeclaratieNummer": child(declaratie, "DeclaratieNummer"),
        "TotaalIngediendBedrag": submitted,
        "TotaalToegekendBedrag": _total(_signed(submitted, "TotaalBedrag") - returned.balance()),
        "Clienten": returned.clienten(),
        "RetourCodes": retour_codes((NO_REMARK,) if returned.clients else (GRANTED_IN_FULL,)),
    }


def _all(parent: etree._Element, container: str, name: str) -> list[etree._Element]:
    """The `name` elements in the `container` child of `parent`, in document order."""
    return [
        element
        for held in parent.iterchildren(etree.Element)
        if local_name(held) == container
        for element in held.iterchildren(etree.Element)
        if local_name(element) == name
    ]


def _signed(amount: etree._Element, value: str) -> int:
    """An amount with DebetCredit (CDT_BedragMetDC, CDT_TotaalBedragMetDC), negative for credit."""
    cents = int("".join(child(amount, value).itertext()))
    return -cents if "".join(child(amount, "DebetCredit").itertext()).strip() == "C" else cents


def _total(cents: int) -> Content:
    """A CDT_TotaalBedragMetDC; zero is debit (CS325)."""
    return {"TotaalBedrag": str(abs(cents)), "DebetCredit": "C" if cents < 0 else "D"}
