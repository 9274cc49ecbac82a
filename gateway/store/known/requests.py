"""An aanbieder's requests, as `KnownVerzoek`s: those named by reference, and a client's pending ones."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.history import KnownVerzoek
from gateway.store.known.batches import batches
from gateway.store.known.clients import client_bsns
from gateway.store.models import Verzoek, VerzoekAntwoord

TOEGEWEZEN = "toegewezen"
PENDING = ("ingediend", "in_onderzoek")
"""Statuses of a request that waits for its answer (TR374)."""


async def known_verzoeken(
    session: AsyncSession,
    aanbieder_id: int,
    *,
    referenties: Iterable[str] = (),
    pending_for_client: int | None = None,
) -> tuple[KnownVerzoek, ...]:
    """The aanbieder's requests with these references, and the client's pending ones, with their answers.

    A reference is the aanbieder's in the whole Wmo domain (TR347), so it is looked up across gemeenten.
    """
    conditions: list[ColumnElement[bool]] = [
        Verzoek.referentie_aanbieder.in_(batch) for batch in batches(referenties)
    ]
    if pending_for_client is not None:
        conditions.append(and_(Verzoek.client_id == pending_for_client, Verzoek.status.in_(PENDING)))
    if not conditions:
        return ()
    rows = (
        await session.scalars(
            select(Verzoek).where(Verzoek.aanbieder_id == aanbieder_id, or_(*conditions)).order_by(Verzoek.id)
        )
    ).all()
    antwoorden: dict[int, list[str]] = {}
    for batch in batches(row.id for row in rows):
        result = await session.execute(
            select(VerzoekAntwoord.verzoek_id, VerzoekAntwoord.verzoek_antwoord)
            .where(VerzoekAntwoord.verzoek_id.in_(batch))
            .order_by(VerzoekAntwoord.id)
        )
        for verzoek_id, antwoord in result:
            antwoorden.setdefault(verzoek_id, []).append(antwoord)
    bsns = await client_bsns(session, {row.client_id for row in rows})
    return tuple(
        KnownVerzoek(
            referentie_aanbieder=row.referentie_aanbieder,
            soort=row.soort,
            bsn=bsns[row.client_id],
            antwoorden=tuple(antwoorden.get(row.id, ())),
            honoured=row.status == TOEGEWEZEN,
        )
        for row in rows
    )
