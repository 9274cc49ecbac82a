"""Rules whose code lands on the Header: they reject the message as a whole (retour.md §3)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.crossrules.paths import HEADER
from gateway.domain.header import Header
from gateway.domain.history import History

HEEN = messages("301", "305", "307", "315", "317", "319", "323", "325")
"""Every heen message, the WMO325 included: each is checked by whoever receives it."""


class HeaderRule(CrossRule):
    """A rule on the message's Header."""

    messages = HEEN

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if self.violated(bericht.header, history, context):
            yield self.finding(HEADER)

    def violated(self, header: Header, history: History, context: Context) -> bool:
        raise NotImplementedError
