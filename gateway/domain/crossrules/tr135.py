"""TR135 (8848): a message is not dated after the receiver's system date (rules.md B.3)."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.headers import HeaderRule
from gateway.domain.header import Header
from gateway.domain.history import History


class TR135(HeaderRule):
    """Today itself is allowed: only a Dagtekening after `context.today` is in the future."""

    code = "TR135"
    retourcode = "8848"
    detail = "BerichtIdentificatie/Dagtekening lies after the system date of the receiver"

    def violated(self, header: Header, history: History, context: Context) -> bool:
        return header.bericht_identificatie.dagtekening > context.today
