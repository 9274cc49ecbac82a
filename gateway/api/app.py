"""`create_app(settings, processor=...)`: the HTTP service, with everything it holds made in its lifespan.

Nothing is built at import: the engine, the sessions and the pipeline exist from the app's start to its
end, so any number of apps (tests, workers) can live side by side. An embedded (SQLite) database is
upgraded at start; a PostgreSQL one is migrated by its operator (`iwmo-gateway migrate`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from gateway import __version__
from gateway.api import errors, health, mailbox, messages
from gateway.api.service import Service
from gateway.api.settings import ServiceSettings
from gateway.events.service import BackgroundRelay
from gateway.messages.parsing import ParseLimits
from gateway.pipeline.database import prepare
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.judging import DomainProcessor
from gateway.pipeline.processing import Processor
from gateway.policy import load_policy
from gateway.store.engine import create_engine, create_sessionmaker


def create_app(settings: ServiceSettings, processor: Processor | None = None) -> FastAPI:
    """The service on the settings' database; `processor` judges valid messages (default: the gemeente's
    cross-message rules and policy, `DomainProcessor`). The policy mapping is loaded here, so a bad one
    stops the service before it starts."""
    judge = processor or DomainProcessor(load_policy(settings.policy))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await prepare(settings.database_url)
        engine = create_engine(settings.database_url)
        try:
            sessionmaker = create_sessionmaker(engine)
            pipeline = Pipeline(
                sessionmaker,
                judge,
                limits=ParseLimits(max_bytes=settings.max_message_bytes),
            )
            app.state.service = Service(engine, sessionmaker, pipeline, settings.max_message_bytes)
            # Publishes the outbox to Kafka when KAFKA_BOOTSTRAP_SERVERS is set; else events stay there.
            relay = BackgroundRelay(engine, settings)
            await relay.start()
            try:
                yield
            finally:
                await relay.stop()
        finally:
            app.state.service = None
            await engine.dispose()

    app = FastAPI(
        title="iwmo-gateway",
        version=__version__,
        description="An iWmo 3.2 message gateway between a gemeente and its aanbieders.",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(messages.router)
    app.include_router(mailbox.router)
    app.include_router(health.router)
    return app
