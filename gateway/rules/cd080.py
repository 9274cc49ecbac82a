"""CD080: an assignment that is open or ends after 2020 carries an Omvang only with a Product/Code."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import omvang_without_code


class CD080(Rule):
    code = "CD080"
    messages = messages("301")
    contexts = (tag("301", "Omvang"),)
    scope = 1
    detail = "Omvang needs a Product/Code when Einddatum is absent or after 2020-12-31."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return omvang_without_code(context)
