"""TR101: sibling instances of a repeated class must differ in their logical key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.values import text


@dataclass(frozen=True, slots=True)
class _Class:
    """A repeated class as its container holds it, with the Clark names of its key fields."""

    member: str
    fields: tuple[tuple[str, str | None], ...]
    """Per key field: the member's child, and the grandchild below it when the field sits one deeper."""
    children: tuple[str, ...]
    nested: dict[str, tuple[str, ...]]


def _class(number: str, member: str, *fields: str) -> _Class:
    """`fields` as local-name paths ("Product/Code"); the first step is a message element, the second a
    child of a Basisschema type."""
    steps = [field.split("/") for field in fields]
    pairs = tuple((tag(number, s[0]), basis(s[1]) if len(s) > 1 else None) for s in steps)
    nested: dict[str, tuple[str, ...]] = {}
    for first, second in pairs:
        if second is not None:
            nested[first] = (*nested.get(first, ()), second)
    return _Class(tag(number, member), pairs, tuple(dict.fromkeys(first for first, _ in pairs)), nested)


_CLASSES: dict[str, _Class] = {
    tag("301", "Contactgegevens"): _class("301", "Contact", "Soort"),
    tag("301", "Relaties"): _class("301", "Relatie", "Nummer"),
    tag("301", "ToegewezenProducten"): _class("301", "ToegewezenProduct", "ToewijzingNummer"),
    tag("305", "StartProducten"): _class(
        "305", "StartProduct", "Begindatum", "Product/Categorie", "Product/Code", "ToewijzingNummer"
    ),
    tag("307", "StopProducten"): _class(
        "307",
        "StopProduct",
        "Begindatum",
        "Einddatum",
        "Product/Categorie",
        "Product/Code",
        "RedenBeeindiging",
        "ToewijzingNummer",
    ),
    tag("315", "AangevraagdeProducten"): _class("315", "AangevraagdProduct", "ReferentieAanbieder"),
    tag("317", "OngewijzigdeProducten"): _class("317", "OngewijzigdProduct", "ToewijzingNummer"),
    tag("317", "TeWijzigenProducten"): _class("317", "TeWijzigenProduct", "ToewijzingNummer"),
    tag("317", "NieuweProducten"): _class(
        "317", "NieuwProduct", "GewensteIngangsdatum", "Product/Categorie", "Product/Code"
    ),
    **{tag(number, "Clienten"): _class(number, "Client", "Bsn") for number in ("323", "325")},
    **{
        tag(number, "Prestaties"): _class(
            number,
            "Prestatie",
            "ProductReferentie/ReferentieNummer",
            "ProductReferentie/VorigReferentieNummer",
        )
        for number in ("323", "325")
    },
}
"""Per container (the element the check runs on): the repeated class and its key.

Classes that occur once per message (Client of the one-client messages, Verzoek, Antwoord,
Declaratie, DeclaratieAntwoord) can never be duplicated and are left out.
"""

Key = tuple[str | None, ...]


def _key(member: Element, kind: _Class) -> Key:
    """The exact texts of the key fields, None where absent (so that absent matches only absent)."""
    own = {c.tag: c for c in member.iterchildren(*kind.children)}
    inner: dict[str, Element] = {}
    for first, seconds in kind.nested.items():
        parent = own.get(first)
        if parent is not None:
            inner.update({str(c.tag): c for c in parent.iterchildren(*seconds)})
    values: list[str | None] = []
    for first, second in kind.fields:
        element = own.get(first) if second is None else inner.get(second)
        values.append(None if element is None else text(element))
    return tuple(values)


class TR101(Rule):
    code = "TR101"
    messages = messages("301", "305", "307", "315", "317", "323", "325")
    contexts = tuple(_CLASSES)
    detail = "A class may occur only once with the same key values within its container."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        kind = _CLASSES[str(element.tag)]
        members = list(element.iterchildren(kind.member))
        if len(members) < 2:
            return
        groups: dict[Key, list[Element]] = {}
        last: dict[Key, int] = {}
        for position, member in enumerate(members):
            key = _key(member, kind)
            groups.setdefault(key, []).append(member)
            last[key] = position
        # The stylesheet reports a group when it reaches the group's last member.
        for key in sorted(last, key=last.__getitem__):
            if len(groups[key]) > 1:
                yield groups[key]
