"""TR056 (9056): a message Identificatie is used once per sender and message type."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.headers import HeaderRule
from gateway.domain.header import Header
from gateway.domain.history import History


class TR056(HeaderRule):
    """The store puts the Identificatie in `earlier_identificaties` when the sender used it before for
    this message type, whatever became of that message: a rejected message is corrected and re-sent
    with a new Identificatie (retour.md §2)."""

    code = "TR056"
    retourcode = "9056"
    detail = "BerichtIdentificatie/Identificatie was already used by this sender for this message type"

    def violated(self, header: Header, history: History, context: Context) -> bool:
        return header.bericht_identificatie.identificatie in history.earlier_identificaties
