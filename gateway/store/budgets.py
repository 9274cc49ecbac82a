"""The natura budget of an assignment as it stands: what it allows, what was declared on it, what remains."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.crossrules.claimsequence import budget_status
from gateway.domain.history import History
from gateway.domain.natura_budget import NaturaBudgetStatus
from gateway.store.known.assignments import known_toewijzingen, toewijzing_rows
from gateway.store.known.claims import known_prestaties


async def natura_budget(
    session: AsyncSession, gemeente_id: int, toewijzing_nummer: int
) -> NaturaBudgetStatus | None:
    """The budget status of one of the gemeente's assignments by ToewijzingNummer; None when unknown.

    Counted as the claim checks count it (TR321, TR322, TR369): the current version of the assignment
    against the aanbieder's live debit lines on it that no credit line took back.
    """
    rows = await toewijzing_rows(session, gemeente_id, numbers=(toewijzing_nummer,))
    if not rows:
        return None
    [row] = rows
    lines = await known_prestaties(session, row.aanbieder_id, toewijzing_ids=(row.id,))
    credits = await known_prestaties(
        session, row.aanbieder_id, vorige=[line.prestatie.referentie_nummer for line in lines]
    )
    known = tuple(dict.fromkeys((*lines, *credits)))  # a credit on this assignment is found both ways
    history = History(toewijzingen=await known_toewijzingen(session, rows), prestaties=known)
    return budget_status(history, toewijzing_nummer)
