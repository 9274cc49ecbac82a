"""The WMO323 a WMO325 answers, as the aanbieder sent it (TR337, TR371, TR376)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import BerichtIdentificatie, DeclaratieBericht, DecodeError, decode
from gateway.domain.history import AnsweredClaim
from gateway.messages.findings import Finding
from gateway.messages.parsing import SafeParser
from gateway.store.known.messages import sent_with
from gateway.store.models import Message

CLAIM = "WMO323"


async def answered_claim(
    session: AsyncSession, aanbieder_id: int, identificatie: BerichtIdentificatie
) -> AnsweredClaim | None:
    """The aanbieder's WMO323 with this BerichtIdentificatie, if it counts as sent (accepted or answered).

    Its XsdVersie and DeclaratieNummer are read from the message as stored; a message that cannot be
    read as a claim (one that got no answer of its own) leaves them None.
    """
    content = await session.scalar(
        select(Message.content).where(Message.id.in_(sent_with(aanbieder_id, CLAIM, identificatie))).limit(1)
    )
    if content is None:
        return None
    claim = _claim_of(content)
    if claim is None:
        return AnsweredClaim(identificatie, xsd_versie=None, declaratie_nummer=None)
    return AnsweredClaim(identificatie, claim.header.xsd_versie, claim.declaratie.declaratie_nummer)


def _claim_of(content: bytes) -> DeclaratieBericht | None:
    root = SafeParser().parse(content)
    if isinstance(root, Finding):
        return None
    try:
        claim = decode(root, CLAIM)
    except (DecodeError, ValueError):
        return None
    return claim if isinstance(claim, DeclaratieBericht) else None
