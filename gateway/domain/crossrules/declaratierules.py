"""Rules whose code lands on the Declaratie: they reject the claim as a whole (retour.md §4)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, DeclaratieBericht
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.crossrules.paths import DECLARATIE
from gateway.domain.declaraties import Declaratie
from gateway.domain.history import History


class DeclaratieRule(CrossRule):
    """A rule on the claim as a whole."""

    messages = messages("323")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, DeclaratieBericht) and self.violated(bericht.declaratie, history, context):
            yield self.finding(DECLARATIE)

    def violated(self, declaratie: Declaratie, history: History, context: Context) -> bool:
        raise NotImplementedError
