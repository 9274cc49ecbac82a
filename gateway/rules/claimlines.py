"""The claim lines of a WMO323, read once per message for the rules that look at many lines at a time.

A WMO323 may carry tens of thousands of Prestaties. TR315, TR316 and TR416 compare each line with
every earlier one and TR358 sums them all; done per context element that would be quadratic, and even
looking a line's fields up one `find` at a time costs more than the schema check. So one pass over the
Clienten subtree collects every line's fields, and each rule derives, once per message, the findings
per context element that its `check` then only looks up.

The result is kept for one message per thread and recognised by the identity of the engine's
`Document`, which is new for every run (and held here, so its identity cannot be reused), so nothing
carries over from one message to the next.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from gateway.rules.base import Document, Element, Operands, basis, tag

PRESTATIE = tag("323", "Prestatie")
PRODUCT_REFERENTIE = tag("323", "ProductReferentie")
_DECLARATIE = tag("323", "Declaratie")
_CLIENTEN = tag("323", "Clienten")
_PRESTATIES = tag("323", "Prestaties")

Findings = dict[Element, list[Operands]]
"""Context element → the operands of each finding on it, in the order they are reported."""

T = TypeVar("T")


@dataclass(slots=True)
class Line:
    """One Prestatie with the elements the cross-line rules read (None where absent)."""

    client: int
    prestatie: Element
    referentie: Element | None = None
    """The ProductReferentie element."""
    referentie_nummer: Element | None = None
    vorig_referentie_nummer: Element | None = None
    toewijzing_nummer: Element | None = None
    product_categorie: Element | None = None
    product_code: Element | None = None
    begindatum: Element | None = None
    """ProductPeriode/Begindatum."""
    einddatum: Element | None = None
    """ProductPeriode/Einddatum."""
    bedrag: Element | None = None
    """IngediendBedrag/Bedrag."""
    debet_credit: Element | None = None
    """IngediendBedrag/DebetCredit."""
    amount: Element | None = None
    """The IngediendBedrag element."""


_FIELDS = {
    PRODUCT_REFERENTIE: "referentie",
    basis("ReferentieNummer"): "referentie_nummer",
    basis("VorigReferentieNummer"): "vorig_referentie_nummer",
    tag("323", "ToewijzingNummer"): "toewijzing_nummer",
    tag("323", "ProductCategorie"): "product_categorie",
    tag("323", "ProductCode"): "product_code",
    basis("Begindatum"): "begindatum",
    basis("Einddatum"): "einddatum",
    tag("323", "IngediendBedrag"): "amount",
    basis("Bedrag"): "bedrag",
    basis("DebetCredit"): "debet_credit",
}
"""Within a WMO323 Prestatie each of these names occurs once, in exactly one place."""


@dataclass(slots=True)
class ClaimLines:
    root: Element
    lines: list[Line]
    """Every line of the message, in document order."""
    derived: dict[Callable[[ClaimLines], Any], Any] = field(default_factory=dict)


_last = threading.local()


def claim_lines(document: Document) -> ClaimLines:
    """This message's lines, read on first use in a run and reused for the rest of it."""
    entry: tuple[Document, ClaimLines] | None = getattr(_last, "entry", None)
    if entry is None or entry[0] is not document:
        entry = (document, ClaimLines(document.root, _read(document.root)))
        _last.entry = entry
    return entry[1]


def derived(document: Document, compute: Callable[[ClaimLines], T]) -> T:
    """`compute(lines)` for this message, computed once per message."""
    lines = claim_lines(document)
    if compute not in lines.derived:
        lines.derived[compute] = compute(lines)
    return cast(T, lines.derived[compute])


def _read(root: Element) -> list[Line]:
    declaratie = root.find(_DECLARATIE)
    clienten = None if declaratie is None else declaratie.find(_CLIENTEN)
    if clienten is None:
        return []
    lines: list[Line] = []
    line: Line | None = None
    client = -1
    for element in clienten.iter(_PRESTATIES, PRESTATIE, *_FIELDS):
        name = element.tag
        if name == PRESTATIE:
            line = Line(client, element)
            lines.append(line)
        elif name == _PRESTATIES:
            client += 1
        elif line is not None:
            setattr(line, _FIELDS[cast(str, name)], element)
    return lines
