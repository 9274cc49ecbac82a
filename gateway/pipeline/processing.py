"""The seam to the domain: what the pipeline asks about a valid message, and the default answer to it.

The pipeline does the standard's part itself (schema, the intra-message rules, TR056, who may send what
to whom); what a message means for the gemeente's record (toewijzingen, budgets, claims) is the
processor's. It works in the processing transaction (`uow`), so its changes commit with the answer or
not at all. It is chosen when the app is built: `create_app(settings, processor=...)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from gateway.messages.findings import Finding, Report
from gateway.messages.verdicts import Accepted, Verdict
from gateway.store.models.parties import Party
from gateway.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from gateway.domain import Bericht


@dataclass(frozen=True, slots=True)
class Received:
    """A stored message that passed the schema, every intra-message rule and TR056, from its sender.

    `report.tree` is the parsed message and `report.message` its type. `answers_id` is the stored
    message a retour (or a WMO325 sent by the gemeente) answers, when the gateway has it.
    """

    message_id: int
    report: Report
    sender: Party
    receiver: Party
    answers_id: int | None = None
    afwijking_college: bool = False
    """A WMO301 the gateway renders from a decision that states the college's afwijking, which a WMO301
    cannot carry: its policy screening lets the college set aside the limits that allow it."""


class Processor(Protocol):
    """The domain's judgement on valid messages; both methods may read and change the store via `uow`."""

    async def judge(self, uow: UnitOfWork, received: Received) -> Verdict:
        """The verdict the retour (or WMO325) states on a message the gateway answers for the gemeente.

        Called for WMO305, 307, 315, 317 and 323. `Accepted` makes the message accepted (delivered to
        the gemeente); any rejection refuses it whole, except a `ClassRejection` of a claim's clients or
        lines, which accepts the rest of the claim. Not called for
        `TechnicalRejection`s: the pipeline gives those itself, as it does TR056's 9056.
        """
        ...

    async def screen(self, uow: UnitOfWork, received: Received) -> Sequence[Finding]:
        """Reasons to refuse a message for the other party (WMO301, 319, 325, a retour); none: pass it on.

        A refusal is answered 422 with these findings and rolls the processing transaction back, so
        changes made while screening are kept only for a message that is passed on.
        """
        ...


class Follower(Protocol):
    """What else follows from a message the gemeente recorded: events, the CAK feed.

    Called by the domain processor in the processing transaction, after the message's effects were
    recorded (also for a message rejected whole, whose effects are none), so whatever a follower writes
    commits with the answer or not at all.
    """

    async def follow(
        self, uow: UnitOfWork, received: Received, bericht: Bericht, verdict: Verdict, now: datetime
    ) -> None: ...


class AcceptEverything:
    """The processor until the domain has its own: every valid message is accepted and passed on."""

    async def judge(self, uow: UnitOfWork, received: Received) -> Verdict:
        return Accepted()

    async def screen(self, uow: UnitOfWork, received: Received) -> Sequence[Finding]:
        return ()
