"""`Pipeline.submit`: a message from its bytes to its outcome, in the transactions the store prescribes.

1. A repeat of a message handled before (same sender, same bytes) gets that message's answer again and
   changes nothing; any other message is stored and committed before anything else is done with it.
2. Validation (schema and rules) runs on a worker thread, so a large claim does not stall the server.
3. One transaction decides and does everything else: who may send it, whether its identificatie is a
   repeat or reused (under a lock on that identificatie, so racing submissions see each other), then
   the answer or the passing on. A refusal rolls it back and is recorded on its own, as is a failure.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.writer import EventWriter
from gateway.messages.findings import Finding, Report
from gateway.messages.parsing import ParseLimits
from gateway.messages.registry import MessageType, Registry, default_registry
from gateway.pipeline.addressing import Addressing
from gateway.pipeline.announcing.refusals import announce_refusal
from gateway.pipeline.answering import Answering, answered_here
from gateway.pipeline.eigenbijdrage import WMO406, take_wmo406
from gateway.pipeline.handling import Handling, RefusalError
from gateway.pipeline.outcomes import (
    Answered,
    Failed,
    Forbidden,
    Handled,
    Observer,
    Outcome,
    PassedOn,
    Refused,
)
from gateway.pipeline.passing import Passing
from gateway.pipeline.processing import Processor, Received
from gateway.rules.validation import Validator
from gateway.store.models.messages import FAILED, REJECTED, Message
from gateway.store.models.parties import Party
from gateway.store.repositories.messages import HandledCopy
from gateway.store.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

NOT_A_MESSAGE = "not a schema-valid iWmo message"

TAKEN_RELEASES = frozenset({"3.2"})
"""The releases whose messages this endpoint takes. Of the iEb messages of the CAK feed only the CAK's
WMO406 is taken (`take_wmo406`); a WMO405 is the gateway's own and gets a clear refusal, not a failure."""

VALIDATED_IN_PLACE_BYTES = 64 * 1024
"""Up to this size a message is validated on the event loop: that takes well under a millisecond, less
than handing it to a worker thread and back. A larger one goes to a thread, so that the loop serves
other requests meanwhile."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Pipeline:
    """Handles submitted messages; one per service, shared by all requests."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        processor: Processor,
        *,
        limits: ParseLimits,
        registry: Registry | None = None,
        clock: Callable[[], datetime] = utc_now,
        events: EventWriter | None = None,
        observer: Observer | None = None,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._events = events
        self._observer = observer
        self._registry = registry or default_registry()
        self._validators = Validators(limits, self._registry)
        self._answering = Answering(processor, self._registry)
        self._passing = Passing(processor, self._registry)
        self._clock = clock

    async def submit(self, caller: Party, content: bytes, *, afwijking_college: bool = False) -> Outcome:
        """Handle a message the authenticated `caller` sent; see the module for the order of things.

        `afwijking_college`: the message is one the gateway renders from a decision that states the
        college's afwijking (`Received.afwijking_college`); never so for a message sent to the API.
        """
        started = time.perf_counter()
        outcome, message_type, findings = await self._submit(caller, content, afwijking_college)
        if self._observer is not None:
            rules = tuple(finding.rule for finding in findings)
            self._observer(Handled(outcome, message_type, rules, time.perf_counter() - started))
        return outcome

    async def _submit(
        self, caller: Party, content: bytes, afwijking_college: bool
    ) -> tuple[Outcome, str | None, Sequence[Finding]]:
        """The outcome, with the message's type (when it has a known one) and its findings."""
        sha256 = hashlib.sha256(content).hexdigest()
        async with UnitOfWork(self._sessionmaker) as uow:
            copy = await uow.messages.find_handled_copy(caller.id, sha256)
            if copy is not None:
                logger.info("message %d sent again: answered as before", copy.id)
                return await self._repeat(uow, copy), copy.message_type, ()
            message_id = (await uow.messages.add(content, received_at=self._clock(), sender_id=caller.id)).id
        message_type: str | None = None
        try:
            report = (
                self._validators.validate(content)
                if len(content) <= VALIDATED_IN_PLACE_BYTES
                else await asyncio.to_thread(self._validators.validate, content)
            )
            message_type = report.message.code if report.message is not None else None
            async with UnitOfWork(self._sessionmaker) as uow:
                outcome = await self._handle(uow, caller, message_id, sha256, report, afwijking_college)
        except RefusalError as refusal:
            refused = isinstance(refusal.outcome, Refused | Forbidden)
            announced = (caller, report) if refused else None
            await self._record(message_id, REJECTED, refusal.reason, refusal.findings, announced)
            logger.info("message %d refused", message_id)
            return refusal.outcome, message_type, refusal.findings
        except Exception as exc:
            where = _where(exc)
            logger.error("message %d: processing failed: %s", message_id, where)
            await self._record(message_id, FAILED, where)
            return Failed(message_id), message_type, ()
        logger.info("message %d handled: %s", message_id, type(outcome).__name__)
        return outcome, message_type, report.findings

    async def _handle(
        self,
        uow: UnitOfWork,
        caller: Party,
        message_id: int,
        sha256: str,
        report: Report,
        afwijking_college: bool,
    ) -> Outcome:
        message, tree = report.message, report.tree
        if message is None or tree is None or not report.schema_valid:
            raise RefusalError(
                Refused(message_id, NOT_A_MESSAGE, tuple(report.findings)), NOT_A_MESSAGE, report.findings
            )
        if message.release not in TAKEN_RELEASES:
            if message.code == WMO406:
                return await take_wmo406(uow, caller, message_id, report, message, self._clock())
            untaken = f"{message.code} (release {message.release}) is not taken at this endpoint"
            raise RefusalError(Refused(message_id, untaken), untaken)
        addressing = Addressing.read(tree)
        forbidden = _forbidden(caller, message, addressing)
        if forbidden is not None:
            raise RefusalError(Forbidden(message_id, forbidden), forbidden)
        receiver = await uow.parties.find(message.receiver.value, addressing.receiver)
        if receiver is None:
            unknown = f"the receiver {addressing.receiver} is no {message.receiver} known to the gateway"
            raise RefusalError(Refused(message_id, unknown), unknown)

        await uow.messages.lock_identificatie(caller.id, message.code, addressing.identificatie)
        earlier = await uow.messages.earlier_use(caller.id, message.code, addressing.identificatie, sha256)
        if earlier is not None and earlier.same_bytes:
            copy = await uow.messages.get(earlier.message_id)
            assert copy is not None, "a received message is never deleted"
            raise RefusalError(await self._repeat(uow, copy), f"a repeat of message {copy.id}")
        reused = earlier is not None
        handling = Handling(
            uow=uow,
            received=Received(
                message_id=message_id,
                report=report,
                sender=caller,
                receiver=receiver,
                afwijking_college=afwijking_college,
            ),
            message=message,
            addressing=addressing,
            now=self._clock(),
        )
        if answered_here(message):
            return await self._answering.answer(handling, reused=reused)
        return await self._passing.pass_on(handling, reused=reused)

    async def _repeat(self, uow: UnitOfWork, copy: HandledCopy | Message) -> Answered | PassedOn:
        """The answer `copy` got, given again."""
        message = self._message_type(copy)
        if answered_here(message) and copy.retour_id is not None:
            retour = await uow.messages.get(copy.retour_id)
            assert retour is not None, "a retour is never deleted"
            return Answered(copy.id, retour.id, retour.content, repeat=True)
        return PassedOn(copy.id, message.code, repeat=True)

    def _message_type(self, stored: HandledCopy | Message) -> MessageType:
        for message in self._registry.messages:
            if message.code == stored.message_type:
                return message
        raise LookupError(f"message {stored.id} has no known message type")

    async def _record(
        self,
        message_id: int,
        outcome: str,
        reason: str,
        findings: tuple[Finding, ...] = (),
        refused: tuple[Party, Report] | None = None,
    ) -> None:
        """Record the outcome; the refusal of a message of `refused` (sender, report) is announced with it."""
        now = self._clock()
        async with UnitOfWork(self._sessionmaker) as uow:
            await uow.messages.record_outcome(
                message_id,
                outcome,
                processed_at=now,
                findings=[finding.as_json() for finding in findings],
                failure=reason,
            )
            if refused is not None and self._events is not None:
                sender, report = refused
                await announce_refusal(
                    self._events,
                    uow.session,
                    message_id=message_id,
                    sender=sender,
                    report=report,
                    findings=findings,
                    now=now,
                )


class Validators:
    """A `Validator` per worker thread (lxml's schemas and parsers are not shared between threads)."""

    def __init__(self, limits: ParseLimits, registry: Registry) -> None:
        self._limits = limits
        self._registry = registry
        self._local = threading.local()

    def validate(self, content: bytes) -> Report:
        validator: Validator | None = getattr(self._local, "validator", None)
        if validator is None:
            validator = self._local.validator = Validator(registry=self._registry, limits=self._limits)
        return validator.validate(content)


def _forbidden(caller: Party, message: MessageType, addressing: Addressing) -> str | None:
    """Why the caller may not send this message, if it may not."""
    if caller.kind != message.sender.value:
        return f"{message.code} is sent by a {message.sender}, not by a {caller.kind}"
    if addressing.sender != caller.code:
        return f"the message's header names {addressing.sender} as its sender, not the caller ({caller.code})"
    return None


def _where(exc: Exception) -> str:
    """The exception's type and the line it came from: enough to find it, without its text.

    The text of an exception raised while handling a message may quote the message (a BSN, a name).
    """
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {last.filename}:{last.lineno} in {last.name}"
