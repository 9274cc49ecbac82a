"""What the routes share while the app runs: built in the lifespan, gone when it ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.pipeline.decisions import DecisionService
from gateway.pipeline.eigenbijdrage import EigenBijdrageSettings
from gateway.pipeline.intake import Pipeline


@dataclass(frozen=True, slots=True)
class Service:
    """The engine and sessions on the database, the pipeline over them, and the body size limit."""

    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    pipeline: Pipeline
    max_message_bytes: int
    decisions: DecisionService | None = None
    """The gemeente's decisions from its ERP (POST /api/v1/beschikkingen)."""
    eigen_bijdrage: EigenBijdrageSettings = field(default_factory=EigenBijdrageSettings)
    """The gemeente's choices for the CAK feed (IWMO_CAK_...)."""
