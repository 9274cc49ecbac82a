"""One message in its processing transaction, and the way out of that transaction for a refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from gateway.messages.findings import Finding
from gateway.messages.registry import MessageType
from gateway.pipeline.addressing import Addressing
from gateway.pipeline.outcomes import Outcome
from gateway.pipeline.processing import Received
from gateway.store.repositories.messages import StoredHeader
from gateway.store.unit_of_work import UnitOfWork

TR056 = "TR056"
"""The rule that a sender uses a BerichtIdentificatie once per message type."""

REUSED_IDENTIFICATIE = "9056"
"""TR056's retourcode."""


@dataclass(frozen=True, slots=True)
class Handling:
    """A valid message of an authorised sender, with the transaction it is handled in."""

    uow: UnitOfWork
    received: Received
    message: MessageType
    addressing: Addressing
    now: datetime

    @property
    def message_id(self) -> int:
        return self.received.message_id

    @property
    def header(self) -> StoredHeader:
        """The header facts stored with the message's outcome when its handling commits."""
        return StoredHeader(
            message_type=self.message.code,
            receiver_id=self.received.receiver.id,
            identificatie=self.addressing.identificatie,
            dagtekening=self.addressing.dagtekening,
        )


class RefusalError(Exception):
    """Raised in the processing transaction to roll it back whole and record the message as refused.

    `reason` is stored with the message and may be shown and logged: it never quotes message content.
    """

    def __init__(self, outcome: Outcome, reason: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
        self.findings = tuple(findings)
