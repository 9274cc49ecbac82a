"""TR101: sibling instances of a repeated class must differ in their logical key."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import children, path, text

KeyField = tuple[str, ...]
"""A key field as the chain of local names from the class element down to it."""

_TOEWIJZING = (("ToewijzingNummer",),)
_CATEGORIE = ("Product", "Categorie")
_CODE = ("Product", "Code")

_CLASSES: dict[str, tuple[str, tuple[KeyField, ...]]] = {
    tag("301", "Contactgegevens"): ("Contact", (("Soort",),)),
    tag("301", "Relaties"): ("Relatie", (("Nummer",),)),
    tag("301", "ToegewezenProducten"): ("ToegewezenProduct", _TOEWIJZING),
    tag("305", "StartProducten"): (
        "StartProduct",
        (("Begindatum",), _CATEGORIE, _CODE, ("ToewijzingNummer",)),
    ),
    tag("307", "StopProducten"): (
        "StopProduct",
        (("Begindatum",), ("Einddatum",), _CATEGORIE, _CODE, ("RedenBeeindiging",), ("ToewijzingNummer",)),
    ),
    tag("315", "AangevraagdeProducten"): ("AangevraagdProduct", (("ReferentieAanbieder",),)),
    tag("317", "OngewijzigdeProducten"): ("OngewijzigdProduct", _TOEWIJZING),
    tag("317", "TeWijzigenProducten"): ("TeWijzigenProduct", _TOEWIJZING),
    tag("317", "NieuweProducten"): ("NieuwProduct", (("GewensteIngangsdatum",), _CATEGORIE, _CODE)),
    **{tag(number, "Clienten"): ("Client", (("Bsn",),)) for number in ("323", "325")},
    **{
        tag(number, "Prestaties"): (
            "Prestatie",
            (("ProductReferentie", "ReferentieNummer"), ("ProductReferentie", "VorigReferentieNummer")),
        )
        for number in ("323", "325")
    },
}
"""Per container (the element the check runs on): the repeated class and its key fields.

Classes that occur once per message (Client of the one-client messages, Verzoek, Antwoord,
Declaratie, DeclaratieAntwoord) can never be duplicated and are left out.
"""


def _value(member: Element, field: KeyField) -> str | None:
    """The field's exact text, None when absent (so that absent matches only absent)."""
    element = path(member, *field)
    if element is None:
        return None
    return text(element)


class TR101(Rule):
    code = "TR101"
    messages = messages("301", "305", "307", "315", "317", "323", "325")
    contexts = tuple(_CLASSES)
    detail = "A class may occur only once with the same key values within its container."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        name, fields = _CLASSES[str(element.tag)]
        groups: dict[tuple[str | None, ...], list[Element]] = {}
        last: dict[tuple[str | None, ...], int] = {}
        for position, member in enumerate(children(element, name)):
            key = tuple(_value(member, field) for field in fields)
            groups.setdefault(key, []).append(member)
            last[key] = position
        # The stylesheet reports a group when it reaches the group's last member.
        for key in sorted(last, key=last.__getitem__):
            if len(groups[key]) > 1:
                yield groups[key]
