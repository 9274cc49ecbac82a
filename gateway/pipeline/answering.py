"""Answering for the gemeente: the retour (WMO306, 308, 316, 318) or the WMO325 on an aanbieder's message.

The verdict is the standard's where the standard decides (a rule finding: level 2, 0001; a reused
identificatie: TR056, 9056) and the processor's otherwise. The answer is stored as a message of the
gemeente, linked both ways, and delivered to the sender; a heen message that is accepted, whole or in
part, is delivered to the gemeente.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from lxml import etree

from gateway.messages.declaratieantwoord import render_declaratieantwoord
from gateway.messages.registry import MessageType, Registry, Role
from gateway.messages.retour import render_retour
from gateway.messages.retourclasses import HEADER
from gateway.messages.shapes import message_shape
from gateway.messages.verdicts import (
    Accepted,
    ClassRejection,
    HeaderRejection,
    TechnicalRejection,
    Verdict,
)
from gateway.pipeline.handling import REUSED_IDENTIFICATIE, Handling
from gateway.pipeline.outcomes import Answered
from gateway.pipeline.processing import Processor
from gateway.store.models.messages import ACCEPTED, GENERATED, REJECTED

DECLARATIE_ANTWOORD = "WMO325"
"""The answer that judges a claim line by line."""

XSLT_VERSIE = "2.10.5"
"""The version of the standard's validation stylesheet whose rules the gateway checks."""

RETOUR_PREFIX = "GW"
MAX_IDENTIFICATIE = 12
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
"""The gemeente's dates (a DagtekeningRetour, the system date of TR135) are Dutch dates, not UTC's."""


def dutch_today() -> date:
    """The calendar day in the Netherlands now: the standard's dates are Dutch days."""
    return datetime.now(DUTCH_TIME).date()


def answered_here(message: MessageType) -> bool:
    """Whether the gateway answers this message for the gemeente: a heen message addressed to it."""
    return message.retour is not None and message.receiver is Role.GEMEENTE


def retour_identificatie(heen_id: int) -> str:
    """The answer's own identificatie: unique because every heen message gets one answer, ≤ 12 characters."""
    digits = ""
    number = heen_id
    while True:
        number, digit = divmod(number, len(_DIGITS))
        digits = _DIGITS[digit] + digits
        if not number:
            break
    identificatie = RETOUR_PREFIX + digits
    if len(identificatie) > MAX_IDENTIFICATIE:
        raise ValueError(f"message id {heen_id} is too large for a retour identificatie")
    return identificatie


class Answering:
    def __init__(self, processor: Processor, registry: Registry) -> None:
        self._processor = processor
        self._registry = registry

    async def answer(self, handling: Handling, *, reused: bool) -> Answered:
        received, uow, now = handling.received, handling.uow, handling.now
        retour_code, tree = handling.message.retour, received.report.tree
        assert retour_code is not None, "answered_here() chose a message without a retour"
        assert tree is not None, "only a parsed message is answered"
        answer = self._registry.release(handling.message.release).message(retour_code)
        verdict = await self._verdict(handling, reused=reused)
        identificatie = retour_identificatie(received.message_id)
        dagtekening = now.astimezone(DUTCH_TIME).date()
        content = render(tree, handling.message, answer, verdict, identificatie, dagtekening, self._registry)
        retour = await uow.messages.add(
            content,
            received_at=now,
            origin=GENERATED,
            message_type=answer.code,
            sender_id=received.receiver.id,
            receiver_id=received.sender.id,
            identificatie=identificatie,
            dagtekening=dagtekening,
            answers_id=received.message_id,
            outcome=ACCEPTED,
            processed_at=now,
        )
        accepted = _accepted(handling.message, verdict)
        await uow.messages.record_outcome(
            received.message_id,
            ACCEPTED if accepted else REJECTED,
            processed_at=now,
            findings=[finding.as_json() for finding in received.report.findings],
            retour_id=retour.id,
            header=handling.header,
        )
        await uow.mailbox.deliver(received.sender.id, retour.id, delivered_at=now)
        if accepted:
            await uow.mailbox.deliver(received.receiver.id, received.message_id, delivered_at=now)
        return Answered(message_id=received.message_id, retour_id=retour.id, retour=content)

    async def _verdict(self, handling: Handling, *, reused: bool) -> Verdict:
        if handling.received.report.findings:
            return TechnicalRejection()
        if reused:
            return HeaderRejection((REUSED_IDENTIFICATIE,))
        return await self._processor.judge(handling.uow, handling.received)


CLAIM_LINES = "/Bericht/Declaratie/Clienten/"
"""Where codes reject only what they sit on: the clients and lines of a claim."""


def _accepted(message: MessageType, verdict: Verdict) -> bool:
    """Whether the heen message counts as accepted, whole or in part.

    A level-3/4 code anywhere rejects the whole message (retour.md §2), except in a claim answered by a
    WMO325: there only the clients and lines carrying codes are rejected, unless the Declaratie itself
    carries one.
    """
    if isinstance(verdict, Accepted):
        return True
    if isinstance(verdict, ClassRejection) and message.retour == DECLARATIE_ANTWOORD:
        return all(path.startswith(CLAIM_LINES) for path in verdict.codes)
    return False


def render(
    heen: etree._Element,
    message: MessageType,
    answer: MessageType,
    verdict: Verdict,
    identificatie: str,
    dagtekening: date,
    registry: Registry,
) -> bytes:
    """The answer's bytes: a retour copies the heen header, a WMO325 is a message of its own."""
    xslt_versie = XSLT_VERSIE if isinstance(verdict, TechnicalRejection) else None
    if (HEADER, "IdentificatieRetour") in message_shape(answer.schema).declarations:
        return render_retour(
            heen, message.code, verdict, identificatie, dagtekening, xslt_versie, registry=registry
        )
    return render_declaratieantwoord(
        heen, verdict, identificatie, dagtekening, xslt_versie, registry=registry
    )
