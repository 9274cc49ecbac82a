"""Passing a message on to the other party: WMO301 and 319 to an aanbieder, retours and WMO325 back.

The gateway does not pass on what breaks the standard (a rule finding, a reused identificatie) or what
the processor refuses; it links an answer to the message it answers, once.
"""

from __future__ import annotations

from dataclasses import replace

from gateway.messages.findings import Finding
from gateway.messages.registry import Registry
from gateway.pipeline.handling import REUSED_IDENTIFICATIE, TR056, Handling, RefusalError
from gateway.pipeline.outcomes import PassedOn, Refused
from gateway.pipeline.processing import Processor
from gateway.store.models.messages import ACCEPTED, Message

BREAKS_RULES = "the message breaks rules of the standard; the gateway does not pass it on"
REFUSED = "the gemeente's processing refuses the message"


class Passing:
    def __init__(self, processor: Processor, registry: Registry) -> None:
        self._processor = processor
        self._registry = registry

    async def pass_on(self, handling: Handling, *, reused: bool) -> PassedOn:
        received, uow, now = handling.received, handling.uow, handling.now
        findings = received.report.findings
        if findings:
            raise RefusalError(
                Refused(handling.message_id, BREAKS_RULES, tuple(findings)), BREAKS_RULES, findings
            )
        if reused:
            raise _reused(handling)
        answered = await self._answered(handling)
        if answered is not None:
            received = replace(received, answers_id=answered.id)
        refusals = await self._processor.screen(uow, received)
        if refusals:
            raise RefusalError(Refused(handling.message_id, REFUSED, tuple(refusals)), REFUSED, refusals)
        if answered is not None and not await uow.messages.link_answer(answered.id, handling.message_id):
            raise _answered_already(handling, answered)
        await uow.messages.record_outcome(
            handling.message_id, ACCEPTED, processed_at=now, header=handling.header
        )
        await uow.mailbox.deliver(received.receiver.id, handling.message_id, delivered_at=now)
        return PassedOn(message_id=handling.message_id, message_type=handling.message.code)

    async def _answered(self, handling: Handling) -> Message | None:
        """The stored message this one answers, if the gateway passed it on to this sender."""
        reference, answers = handling.addressing.answers, handling.message.answers
        if reference is None or answers is None:
            return None
        heen = self._registry.release(handling.message.release).message(answers)
        heen_sender = await handling.uow.parties.find(heen.sender.value, reference.sender)
        if heen_sender is None:
            return None
        found = await handling.uow.messages.find_used(heen_sender.id, heen.code, reference.identificatie)
        if found is None or found.receiver_id != handling.received.sender.id:
            return None
        if found.retour_id is not None:
            raise _answered_already(handling, found)
        return found


def _reused(handling: Handling) -> RefusalError:
    detail = f"the identificatie was used before for another {handling.message.code} of this sender"
    finding = Finding(
        rule=TR056,
        retourcode=REUSED_IDENTIFICATIE,
        locations=(handling.addressing.identificatie_at,),
        detail=detail,
    )
    return RefusalError(Refused(handling.message_id, detail, (finding,)), detail, (finding,))


def _answered_already(handling: Handling, heen: Message) -> RefusalError:
    detail = f"message {heen.id}, which this message answers, has been answered already"
    return RefusalError(Refused(handling.message_id, detail), detail)
