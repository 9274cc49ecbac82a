"""TR061: a client's contact details include a registered, correspondence or actual residence address."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.values import normal

_ADDRESS_KINDS = frozenset({"01", "02", "03"})


class TR061(Rule):
    code = "TR061"
    messages = messages("301")
    contexts = (tag("301", "Contactgegevens"),)
    detail = "Contactgegevens must hold a Contact with Soort 01, 02 or 03."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        contacts = document.table(*context.table.path, "Contact")
        owners = contacts.parents
        addressed = {
            owner
            for owner, kind in zip(owners, contacts.texts("Soort"), strict=True)
            if normal(kind) in _ADDRESS_KINDS
        }
        for row in context.rows:
            if row not in addressed:
                # The finding names every Contact of this Contactgegevens.
                yield (
                    row,
                    tuple(Ref(contacts, contact, "") for contact, owner in enumerate(owners) if owner == row),
                )
