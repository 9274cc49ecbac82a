"""Decisions from the gemeente's ERP as kept: the beschikking, its pgb budgets, and the toewijzingen
that carry it out. Repositories here only flush; the caller's unit of work commits."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models import Beschikking, Budget, Toewijzing, ToewijzingVersie
from gateway.store.pgb import PgbDecision, register_pgb
from gateway.store.records.rows import client_id

NATURA = "natura"

LARGEST_TOEWIJZINGNUMMER = 999_999_999
"""LDT_Nummer: at most nine digits."""


@dataclass(frozen=True, slots=True)
class NaturaDecision:
    """A natura beschikking: assigned to an aanbieder through iWmo, or provided outside it (kostprijs)."""

    gemeente_id: int
    client_id: int
    beschikking_nummer: int
    product_categorie: str | None
    product_code: str | None
    afgiftedatum: date
    ingangsdatum: date
    einddatum: date | None
    aanbieder_id: int | None = None
    message_id: int | None = None
    kostprijs: int | None = None
    leverdatum: date | None = None


class DecisionRepository:
    """The gemeente's beschikkingen, found by number, and what is kept with them."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def client_id(self, gemeente_id: int, bsn: str) -> int:
        """The gemeente's client with this BSN, made when it is new."""
        return await client_id(self._session, gemeente_id, bsn)

    async def find(self, gemeente_id: int, beschikking_nummer: int) -> Beschikking | None:
        return await self._session.scalar(
            select(Beschikking).where(
                Beschikking.gemeente_id == gemeente_id, Beschikking.beschikking_nummer == beschikking_nummer
            )
        )

    async def add_natura(self, decision: NaturaDecision, *, request_sha256: str) -> Beschikking:
        beschikking = Beschikking(
            gemeente_id=decision.gemeente_id,
            client_id=decision.client_id,
            beschikking_nummer=decision.beschikking_nummer,
            leveringsvorm=NATURA,
            pgb_vorm=None,
            product_categorie=decision.product_categorie,
            product_code=decision.product_code,
            afgiftedatum=decision.afgiftedatum,
            ingangsdatum=decision.ingangsdatum,
            einddatum=decision.einddatum,
            aanbieder_id=decision.aanbieder_id,
            message_id=decision.message_id,
            kostprijs=decision.kostprijs,
            leverdatum=decision.leverdatum,
            request_sha256=request_sha256,
        )
        self._session.add(beschikking)
        await self._session.flush()
        return beschikking

    async def add_pgb(self, decision: PgbDecision, *, afgiftedatum: date, request_sha256: str) -> Beschikking:
        """The pgb beschikking with a budget per period (see `gateway.store.pgb`)."""
        beschikking = await register_pgb(self._session, decision, afgiftedatum=afgiftedatum)
        beschikking.request_sha256 = request_sha256
        await self._session.flush()
        return beschikking

    async def budgets(self, beschikking_id: int) -> Sequence[Budget]:
        """The pgb budgets of the beschikking, in period order; none for natura."""
        found = await self._session.scalars(
            select(Budget).where(Budget.beschikking_id == beschikking_id).order_by(Budget.period_start)
        )
        return found.all()

    async def link_toewijzingen(self, beschikking_id: int, message_id: int) -> int:
        """Link the toewijzingen the WMO301 `message_id` issued to the beschikking; how many were linked.

        A processor that keeps no toewijzingen leaves nothing to link.
        """
        issued = select(ToewijzingVersie.toewijzing_id).where(ToewijzingVersie.message_id == message_id)
        result = await self._session.execute(
            update(Toewijzing)
            .where(Toewijzing.id.in_(issued), Toewijzing.beschikking_id.is_(None))
            .values(beschikking_id=beschikking_id)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def unused_toewijzingnummer(self, gemeente_id: int) -> int:
        """A ToewijzingNummer the gemeente has not used: random, so concurrent decisions do not collide."""
        while True:
            nummer = secrets.randbelow(LARGEST_TOEWIJZINGNUMMER) + 1
            used = await self._session.scalar(
                select(
                    exists().where(
                        Toewijzing.gemeente_id == gemeente_id, Toewijzing.toewijzing_nummer == nummer
                    )
                )
            )
            if not used:
                return nummer
