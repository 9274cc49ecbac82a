"""What a client has, as the policy reads it beside a proposal: the gemeente's beschikkingen for the client
and the current version of its toewijzingen, each with its product and period."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain.pgb import PgbVorm
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.judging import DomainProcessor
from gateway.pipeline.outcomes import PassedOn
from gateway.policy import bundled_mapping, load_policy
from gateway.store.decisions import DecisionRepository
from gateway.store.models.parties import GEMEENTE, Party
from gateway.store.pgb import PgbDecision
from gateway.store.queries.voorzieningen import client_provisions
from gateway.store.unit_of_work import UnitOfWork
from tests.api.test_beschikkingen import BSN
from tests.api.test_beschikkingen_policy import DAGBESTEDING_2026, VERVOER_2026, a_wmo301
from tests.conftest import NOW
from tests.pipeline.conftest import PipelineFactory

Held = tuple[str, date, date | None]


@pytest.fixture
def pipeline(make_pipeline: PipelineFactory) -> Pipeline:
    return make_pipeline(DomainProcessor(load_policy(bundled_mapping())))


async def held(
    sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party, *, leaving_out: tuple[int, ...] = ()
) -> list[Held]:
    async with UnitOfWork(sessionmaker) as uow:
        found = await client_provisions(uow.session, gemeente.id, BSN, leaving_out=leaving_out)
    return sorted((p.productcode, p.ingangsdatum, p.einddatum) for p in found)


async def keep_pgb(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party, code: str) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        decisions = DecisionRepository(uow.session)
        pgb = PgbDecision(
            gemeente_id=gemeente.id,
            client_id=await decisions.client_id(gemeente.id, BSN),
            beschikking_nummer=7001,
            vorm=PgbVorm.TREKKINGSRECHT,
            product_categorie=code[:2],
            product_code=code,
            ingangsdatum=date(2025, 1, 1),
            einddatum=date(2025, 12, 31),
            bedrag=100000,
        )
        await decisions.add_pgb(pgb, afgiftedatum=date(2024, 12, 20), request_sha256="0" * 64)


async def test_a_client_the_gemeente_does_not_know_has_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], parties: dict[str, Party]
) -> None:
    assert await held(sessionmaker, parties["gemeente"]) == []


async def test_a_beschikking_counts_with_its_period_also_when_it_has_ended(
    sessionmaker: async_sessionmaker[AsyncSession], parties: dict[str, Party]
) -> None:
    await keep_pgb(sessionmaker, parties["gemeente"], "15B01")

    assert await held(sessionmaker, parties["gemeente"]) == [("15B01", date(2025, 1, 1), date(2025, 12, 31))]


async def test_a_toewijzing_counts_as_its_current_version_states_it(
    sessionmaker: async_sessionmaker[AsyncSession], parties: dict[str, Party], pipeline: Pipeline
) -> None:
    gemeente = parties["gemeente"]
    shortened = DAGBESTEDING_2026._replace(einddatum=date(2026, 6, 30))
    assert isinstance(await pipeline.submit(gemeente, a_wmo301("DAG-1", DAGBESTEDING_2026)), PassedOn)
    assert isinstance(await pipeline.submit(gemeente, a_wmo301("DAG-2", shortened)), PassedOn)

    assert await held(sessionmaker, gemeente) == [("07B02", date(2026, 1, 1), date(2026, 6, 30))]


async def test_the_toewijzingen_a_message_states_anew_are_left_out(
    sessionmaker: async_sessionmaker[AsyncSession], parties: dict[str, Party], pipeline: Pipeline
) -> None:
    gemeente = parties["gemeente"]
    both = a_wmo301("BOTH-1", DAGBESTEDING_2026, VERVOER_2026)
    assert isinstance(await pipeline.submit(gemeente, both), PassedOn)

    left = await held(sessionmaker, gemeente, leaving_out=(DAGBESTEDING_2026.nummer,))

    assert [code for code, _, _ in left] == ["08B01"]


async def test_what_another_gemeente_holds_for_the_same_bsn_does_not_count(
    sessionmaker: async_sessionmaker[AsyncSession], parties: dict[str, Party]
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        other = await uow.parties.add(GEMEENTE, "0518", "'s-Gravenhage", created_at=NOW)
    await keep_pgb(sessionmaker, other, "07B02")

    assert await held(sessionmaker, parties["gemeente"]) == []
    assert [code for code, _, _ in await held(sessionmaker, other)] == ["07B02"]
