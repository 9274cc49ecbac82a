"""What the routes share while the app runs: built in the lifespan, gone when it ends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.pipeline.intake import Pipeline


@dataclass(frozen=True, slots=True)
class Service:
    """The engine and sessions on the database, the pipeline over them, and the body size limit."""

    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    pipeline: Pipeline
    max_message_bytes: int
