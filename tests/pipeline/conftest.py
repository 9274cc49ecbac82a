"""The pipeline without HTTP: the test parties in a migrated database and a pipeline over it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.messages.parsing import ParseLimits
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.processing import Processor
from gateway.store.models.parties import AANBIEDER, GEMEENTE, Party
from gateway.store.unit_of_work import UnitOfWork
from tests.api.making import AANBIEDER_A
from tests.api.making import GEMEENTE as GEMEENTE_CODE
from tests.conftest import NOW


@pytest.fixture
async def parties(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, Party]:
    async with UnitOfWork(sessionmaker) as uow:
        return {
            "gemeente": await uow.parties.add(
                GEMEENTE, GEMEENTE_CODE, "Leidschendam-Voorburg", created_at=NOW
            ),
            "aanbieder": await uow.parties.add(AANBIEDER, AANBIEDER_A, "Zorg BV", created_at=NOW),
        }


PipelineFactory = Callable[[Processor], Pipeline]


@pytest.fixture
def make_pipeline(sessionmaker: async_sessionmaker[AsyncSession]) -> PipelineFactory:
    def make(processor: Processor) -> Pipeline:
        return Pipeline(sessionmaker, processor, limits=ParseLimits(), clock=lambda: NOW)

    return make
