"""TR134: dates that record what already happened may not lie after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import (
    Context,
    Document,
    Hit,
    Rule,
    basis,
    instance_scope,
    messages,
    tag,
    tags,
)
from gateway.rules.values import date_of

_BASIS_DATE_PARENTS = frozenset(
    (
        *tags(("301", "305", "307", "315"), "Geboortedatum"),
        tag("323", "DeclaratiePeriode"),
        *tags(("323", "325"), "ProductPeriode"),
    )
)
"""Where the covered Basisschema dates (Datum, Begindatum) sit; elsewhere (contact periods) they are free."""
_BASIS_TAGS = frozenset((basis("Datum"), basis("Begindatum")))


class TR134(Rule):
    code = "TR134"
    messages = messages("301", "305", "307", "315", "323", "325")
    contexts = (
        basis("Datum"),
        basis("Begindatum"),
        tag("301", "Toewijzingsdatum"),
        tag("305", "Begindatum"),
        tag("307", "Einddatum"),
    )
    detail = "The date must not lie after the message date (Dagtekening)."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        own, parent = shape.declarations[path].clark, shape.declarations[path[:-1]].clark
        return own not in _BASIS_TAGS or parent in _BASIS_DATE_PARENTS

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        dagtekening = document.dagtekening
        today = date_of(dagtekening.text())
        dates = context.table.values(context.field, date_of)
        for row in context.rows:
            date = dates[row]
            if date is not None and date > today:
                yield row, (dagtekening, context.field)
