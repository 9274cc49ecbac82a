"""TR101: sibling instances of a repeated class must differ in their logical key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag


@dataclass(frozen=True, slots=True)
class _Class:
    """A repeated class as its container holds it: the member's name and its key fields."""

    member: str
    fields: tuple[str, ...]


_CLASSES: dict[str, _Class] = {
    tag("301", "Contactgegevens"): _Class("Contact", ("Soort",)),
    tag("301", "Relaties"): _Class("Relatie", ("Nummer",)),
    tag("301", "ToegewezenProducten"): _Class("ToegewezenProduct", ("ToewijzingNummer",)),
    tag("305", "StartProducten"): _Class(
        "StartProduct", ("Begindatum", "Product/Categorie", "Product/Code", "ToewijzingNummer")
    ),
    tag("307", "StopProducten"): _Class(
        "StopProduct",
        (
            "Begindatum",
            "Einddatum",
            "Product/Categorie",
            "Product/Code",
            "RedenBeeindiging",
            "ToewijzingNummer",
        ),
    ),
    tag("315", "AangevraagdeProducten"): _Class("AangevraagdProduct", ("ReferentieAanbieder",)),
    tag("317", "OngewijzigdeProducten"): _Class("OngewijzigdProduct", ("ToewijzingNummer",)),
    tag("317", "TeWijzigenProducten"): _Class("TeWijzigenProduct", ("ToewijzingNummer",)),
    tag("317", "NieuweProducten"): _Class(
        "NieuwProduct", ("GewensteIngangsdatum", "Product/Categorie", "Product/Code")
    ),
    **{tag(number, "Clienten"): _Class("Client", ("Bsn",)) for number in ("323", "325")},
    **{
        tag(number, "Prestaties"): _Class(
            "Prestatie", ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer")
        )
        for number in ("323", "325")
    },
}
"""Per container (the element the check runs on): the repeated class and its key.

Classes that occur once per message (Client of the one-client messages, Verzoek, Antwoord,
Declaratie, DeclaratieAntwoord) can never be duplicated and are left out.
"""

Key = tuple[str | None, ...]


class TR101(Rule):
    code = "TR101"
    messages = messages("301", "305", "307", "315", "317", "323", "325")
    contexts = tuple(_CLASSES)
    detail = "A class may occur only once with the same key values within its container."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        container = context.table
        kind = _CLASSES[document.tables.shape.declarations[container.path].clark]
        members = document.table(*container.path, kind.member)
        if len(members) < 2 or len(set(members.parents)) == len(members):
            return  # no container holds two members
        # The exact texts of the key fields, None where absent (so that absent matches only absent).
        keys: list[Key] = list(zip(*(members.texts(field) for field in kind.fields), strict=True))
        groups: dict[tuple[int, Key], list[int]] = {}
        for member, (owner, key) in enumerate(zip(members.parents, keys, strict=True)):
            groups.setdefault((owner, key), []).append(member)
        # The stylesheet reports a group when it reaches the group's last member.
        for (owner, _), rows in sorted(groups.items(), key=lambda group: group[1][-1]):
            if len(rows) > 1:
                yield owner, tuple(Ref(members, row, "") for row in rows)
