"""TR361 (9361): the desired situation of a WMO317 holds no product twice in overlapping periods."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from gateway.domain.berichten import Bericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.history import History
from gateway.domain.products import Product

AIDS = frozenset({"11", "12", "13", "14"})
"""Categories of aids, of which a client may hold several at once."""

NOT_PAIRED_WITH_OWN_KIND = frozenset({"nieuw", "ongewijzigd"})
"""Kinds whose pairs among themselves are not judged here (see TR361)."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """One product of the desired situation with its period; `kind` says which class it came from."""

    kind: str
    location: str
    product: Product | None
    begin: date
    end: date | None


def same_product(p: Product | None, q: Product | None) -> bool:
    """TR410's matching: by code when both have one, else by category; no Product matches any."""
    if p is None or q is None:
        return True
    if p.code is not None and q.code is not None:
        return (p.categorie, p.code) == (q.categorie, q.code)
    return p.categorie == q.categorie


def overlap(p: Wanted, q: Wanted) -> bool:
    """Inclusive: a shared day counts; a missing end is open."""
    return (p.end is None or p.end >= q.begin) and (q.end is None or q.end >= p.begin)


def _aid(product: Product | None) -> bool:
    return product is not None and product.categorie in AIDS


def _clash(p: Wanted, q: Wanted) -> bool:
    if p.kind == q.kind and p.kind in NOT_PAIRED_WITH_OWN_KIND:
        return False
    if _aid(p.product) or _aid(q.product):
        return False
    return same_product(p.product, q.product) and overlap(p, q)


class TR361(CrossRule):
    """Kept and changed products are resolved via ToewijzingNummer to the current version of the
    assignment: its Product, and its period. Our reading for a TeWijzigenProduct: from the assignment's
    Ingangsdatum to the desired Einddatum, or the assignment's own when none is given.

    Two NieuwProducts are TR410's (within the message), and two kept assignments are the gemeente's own
    situation, not the aanbieder's request; both pairs are left out. The code lands on the later of the
    two in document order. Products naming no assignment of the aanbieder are TR350's and TR351's.
    """

    code = "TR361"
    retourcode = "9361"
    messages = messages("317")
    detail = "the same product occurs more than once with overlapping periods in the desired situation"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmWijzigingBericht):
            return
        earlier: list[Wanted] = []
        for wanted in _wanted(bericht, history, context):
            if any(_clash(wanted, other) for other in earlier):
                yield self.finding(wanted.location)
            earlier.append(wanted)


def _wanted(bericht: VerzoekOmWijzigingBericht, history: History, context: Context) -> Iterator[Wanted]:
    verzoek = bericht.verzoek
    for index, kept in enumerate(verzoek.ongewijzigde_producten, start=1):
        known = assigned(history, kept.toewijzing_nummer, context)
        if known is not None:
            current = known.current
            location = paths.ongewijzigd_product(index)
            yield Wanted("ongewijzigd", location, current.product, current.ingangsdatum, current.einddatum)
    for index, changed in enumerate(verzoek.te_wijzigen_producten, start=1):
        known = assigned(history, changed.toewijzing_nummer, context)
        if known is not None:
            current = known.current
            end = changed.einddatum if changed.einddatum is not None else current.einddatum
            yield Wanted(
                "te_wijzigen", paths.te_wijzigen_product(index), current.product, current.ingangsdatum, end
            )
    for index, new in enumerate(verzoek.nieuwe_producten, start=1):
        yield Wanted(
            "nieuw", paths.nieuw_product(index), new.product, new.gewenste_ingangsdatum, new.einddatum
        )
