"""CD095: a request that is open or ends after 2020 carries an Omvang only with a Product/Code."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import omvang_without_code


class CD095(Rule):
    code = "CD095"
    messages = messages("315")
    contexts = (tag("315", "Omvang"),)
    scope = 1
    detail = "Omvang needs a Product/Code when ToewijzingEinddatum is absent or after 2020-12-31."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return omvang_without_code(context)
