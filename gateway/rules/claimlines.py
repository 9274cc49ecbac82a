"""The claim lines of a WMO323, read once per message for the rules that look at many lines at a time.

A WMO323 may carry tens of thousands of Prestaties. TR315, TR316 and TR416 compare each line with
every earlier one and TR358 sums them all; done per context element that would be quadratic, and even
looking a line's fields up one `find` at a time costs more than the schema check. So the lines' fields
are collected as columns, one C-level `iter` over the Clienten subtree per field, and each rule derives
once per message the findings per context element that its `check` then only looks up.

The result is kept in the run's `Document.memo`, so it lives exactly as long as one message's check.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar, cast

from gateway.rules.base import Document, Element, Operands, basis, tag
from gateway.rules.values import date_number, norm, text

PRESTATIE = tag("323", "Prestatie")
PRODUCT_REFERENTIE = tag("323", "ProductReferentie")
_DECLARATIE = tag("323", "Declaratie")
_CLIENTEN = tag("323", "Clienten")
_PRESTATIES = tag("323", "Prestaties")

Findings = dict[Element, list[Operands]]
"""Context element (or, for contexts inside a line, its Prestatie) → the operands of each finding on
it, in the order they are reported."""

Column = list[Element | None]
"""One field of every line: entry i belongs to line i."""

T = TypeVar("T")


class ClaimLines:
    """Every line of one WMO323, in document order; each field is read as a column when first asked for."""

    def __init__(self, root: Element) -> None:
        self.root = root
        declaratie = root.find(_DECLARATIE)
        self._clienten = None if declaratie is None else declaratie.find(_CLIENTEN)
        self.prestatie: list[Element] = []
        self.client: list[int] = []
        """The position of each line's Client among the clients."""
        if self._clienten is not None:
            for number, container in enumerate(self._clienten.iter(_PRESTATIES)):
                for prestatie in container.iterchildren(PRESTATIE):
                    self.prestatie.append(prestatie)
                    self.client.append(number)
        self.derived: dict[Callable[[ClaimLines], Any], Any] = {}
        self._lines: dict[Element, int] = {}

    @cached_property
    def referentie_nummer(self) -> Column:
        return self._column(basis("ReferentieNummer"), 2)

    @cached_property
    def vorig_referentie_nummer(self) -> Column:
        return self._column(basis("VorigReferentieNummer"), 2)

    @cached_property
    def toewijzing_nummer(self) -> Column:
        return self._column(tag("323", "ToewijzingNummer"), 1)

    @cached_property
    def product_categorie(self) -> Column:
        return self._column(tag("323", "ProductCategorie"), 1)

    @cached_property
    def product_code(self) -> Column:
        return self._column(tag("323", "ProductCode"), 1)

    @cached_property
    def begindatum(self) -> Column:
        """ProductPeriode/Begindatum (within Clienten the only Begindatum)."""
        return self._column(basis("Begindatum"), 2)

    @cached_property
    def einddatum(self) -> Column:
        """ProductPeriode/Einddatum (within Clienten the only Einddatum)."""
        return self._column(basis("Einddatum"), 2)

    @cached_property
    def bedrag(self) -> Column:
        """IngediendBedrag/Bedrag (within Clienten the only Bedrag)."""
        return self._column(basis("Bedrag"), 2)

    @cached_property
    def debet_credit(self) -> Column:
        """IngediendBedrag/DebetCredit (within Clienten the only DebetCredit)."""
        return self._column(basis("DebetCredit"), 2)

    def _column(self, name: str, depth: int) -> Column:
        """Every line's element `name` (`depth` levels below its Prestatie), at most one per line.

        In a schema-valid message (the only kind rules run on) a required field occurs exactly once per
        line, so when there are as many elements as lines the k-th belongs to the k-th line. Otherwise,
        as for the optional VorigReferentieNummer, each element is placed under its own Prestatie.
        """
        found: Column = [] if self._clienten is None else list(self._clienten.iter(name))
        if len(found) == len(self.prestatie):
            return found
        if not self._lines:
            self._lines.update((prestatie, index) for index, prestatie in enumerate(self.prestatie))
        column: Column = [None] * len(self.prestatie)
        for element in found:
            owner = element
            for _ in range(depth):
                owner = None if owner is None else owner.getparent()
            index = None if owner is None else self._lines.get(owner)
            if index is not None and column[index] is None:
                column[index] = element
        return column


def claim_lines(document: Document) -> ClaimLines:
    """This message's lines, read on first use in a run and reused for the rest of it."""
    lines: ClaimLines | None = document.memo.get(ClaimLines)
    if lines is None:
        lines = document.memo[ClaimLines] = ClaimLines(document.root)
    return lines


def derived(document: Document, compute: Callable[[ClaimLines], T]) -> T:
    """`compute(lines)` for this message, computed once per message."""
    lines = claim_lines(document)
    if compute not in lines.derived:
        lines.derived[compute] = compute(lines)
    return cast(T, lines.derived[compute])


def trimmed(element: Element | None) -> str:
    """normalize-space() of the element's text; most references are plain letters and digits."""
    value = text(element)
    return value if not value or value.isalnum() else norm(value)


def date_numbers(column: Column) -> list[float]:
    """`date_number` of every entry; lines mostly share a few dates, so each text is converted once."""
    known: dict[str, float] = {}
    numbers: list[float] = []
    for element in column:
        value = text(element)
        number = known.get(value)
        if number is None:
            number = known[value] = date_number(element)
        numbers.append(number)
    return numbers
