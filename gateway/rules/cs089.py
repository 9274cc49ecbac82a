"""CS089: a Dutch address has a postcode of the form 1234AB."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, instance_scope, messages
from gateway.rules.values import normal

_DUTCH_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Za-z]{2}")


class CS089(Rule):
    code = "CS089"
    messages = messages("301")
    contexts = (basis("LandCode"),)
    detail = "With LandCode NL the Postcode must be four digits (not starting with 0) and two letters."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        # On the Contact table, whose Adres/Postcode column TR006 and CD034 read too.
        return instance_scope(shape, path)

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        address, _, _ = context.field.rpartition("/")
        postcode = f"{address}/Postcode"
        countries, postcodes = context.table.texts(context.field), context.table.texts(postcode)
        for row in context.rows:
            if normal(countries[row]) != "NL":
                continue
            text = postcodes[row]
            # The raw text must be exactly the six characters: surrounding whitespace is not allowed.
            if text is None or _DUTCH_POSTCODE.fullmatch(text) is None:
                yield row, (postcode, context.field)
