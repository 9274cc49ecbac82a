"""TR416: one client's claim may not hold two debit lines for the same period, product and assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag

_FIELDS = ("ProductPeriode/Begindatum", "ProductPeriode/Einddatum", "ProductCategorie", "ProductCode")


class TR416(Rule):
    code = "TR416"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = (
        "Two debit lines of one client may not share ProductPeriode, ProductCategorie, "
        "ToewijzingNummer and ProductCode."
    )

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        """Per debit line, one finding for every earlier debit line of the same client with the same key."""
        table = context.table
        if len(table) < 2:
            return
        # Only debit lines sharing client and ToewijzingNummer can be twins; the other fields are read
        # for those alone. An absent key field matches nothing, as in XPath.
        candidates: dict[tuple[int, str], list[int]] = {}
        lines = zip(
            table.ancestors(2),
            table.texts("IngediendBedrag/DebetCredit"),
            table.texts("ToewijzingNummer"),
            strict=True,
        )
        for row, (client, side, assignment) in enumerate(lines):
            if assignment is not None and side == "D":
                candidates.setdefault((client, assignment), []).append(row)
        twins: dict[int, list[int]] = {}
        for rows in candidates.values():
            if len(rows) < 2:
                continue
            columns = [table.texts(field) for field in _FIELDS]
            debits: dict[tuple[str | None, ...], list[int]] = {}
            for row in rows:
                key = tuple(column[row] for column in columns)
                if None in key:
                    continue
                earlier = debits.setdefault(key, [])
                if earlier:
                    twins[row] = list(earlier)
                earlier.append(row)
        for row in sorted(twins):
            for twin in twins[row]:
                yield row, (Ref(table, twin, ""), "")
