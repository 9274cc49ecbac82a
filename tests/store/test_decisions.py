"""Decisions in the store: kept with what answers a repeat, found by number, numbers never reused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.decisions import DecisionRepository, NaturaDecision
from gateway.store.models import Toewijzing
from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def _hulpmiddel(sessionmaker: async_sessionmaker[AsyncSession], nummer: int) -> NaturaDecision:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.find(GEMEENTE, "1916") or await uow.parties.add(
            GEMEENTE, "1916", "Leidschendam-Voorburg", created_at=NOW
        )
        client_id = await DecisionRepository(uow.session).client_id(gemeente.id, "999900006")
    return NaturaDecision(
        gemeente_id=gemeente.id,
        client_id=client_id,
        beschikking_nummer=nummer,
        product_categorie="11",
        product_code="11R01",
        afgiftedatum=date(2026, 2, 20),
        ingangsdatum=date(2026, 3, 1),
        einddatum=None,
        kostprijs=245_000,
        leverdatum=date(2026, 3, 10),
    )


async def test_a_kept_decision_is_found_by_its_number_with_its_fingerprint(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    decision = await _hulpmiddel(sessionmaker, 7)
    async with UnitOfWork(sessionmaker) as uow:
        await DecisionRepository(uow.session).add_natura(decision, request_sha256="a" * 64)

    async with UnitOfWork(sessionmaker) as uow:
        found = await DecisionRepository(uow.session).find(decision.gemeente_id, 7)

    assert found is not None
    assert (found.kostprijs, found.leverdatum, found.request_sha256) == (245_000, date(2026, 3, 10), "a" * 64)


async def test_a_second_decision_with_the_same_number_is_refused_by_the_store(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    decision = await _hulpmiddel(sessionmaker, 8)
    async with UnitOfWork(sessionmaker) as uow:
        await DecisionRepository(uow.session).add_natura(decision, request_sha256="a" * 64)

    with pytest.raises(IntegrityError):
        async with UnitOfWork(sessionmaker) as uow:
            await DecisionRepository(uow.session).add_natura(decision, request_sha256="b" * 64)


async def test_a_picked_toewijzingnummer_is_one_the_gemeente_has_not_used(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    decision = await _hulpmiddel(sessionmaker, 9)
    async with UnitOfWork(sessionmaker) as uow:
        aanbieder = await uow.parties.add(AANBIEDER, "12345678", "Zorg BV", created_at=NOW)
        uow.session.add(
            Toewijzing(
                gemeente_id=decision.gemeente_id,
                aanbieder_id=aanbieder.id,
                client_id=decision.client_id,
                toewijzing_nummer=1,
            )
        )

    async with UnitOfWork(sessionmaker) as uow:
        picked = await DecisionRepository(uow.session).unused_toewijzingnummer(decision.gemeente_id)

    assert 1 < picked <= 999_999_999
