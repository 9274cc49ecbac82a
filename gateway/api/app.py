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
from gateway.api import beschikkingen, cak, clienten, errors, health, mailbox, messages, metrics, toewijzingen
from gateway.api.events import router as events_router
from gateway.api.logging_access import AccessLog
from gateway.api.metrics import Metrics, RequestMetrics
from gateway.api.service import Service
from gateway.api.settings import ServiceSettings
from gateway.events.provisioning import check_settings, provide_writer
from gateway.events.service import BackgroundRelay
from gateway.events.settings import EventSettings
from gateway.messages.parsing import ParseLimits
from gateway.pipeline.announcing import Announcer
from gateway.pipeline.database import prepare
from gateway.pipeline.decisions import DecisionService
from gateway.pipeline.eigenbijdrage import EigenBijdrageFollower, EigenBijdrageSettings
from gateway.pipeline.intake import Pipeline, utc_now
from gateway.pipeline.judging import DomainProcessor
from gateway.pipeline.processing import Processor
from gateway.policy import PolicyChecker, load_policy
from gateway.store.engine import create_engine, create_sessionmaker


def create_app(
    settings: ServiceSettings, processor: Processor | None = None, events: EventSettings | None = None
) -> FastAPI:
    """The service on the settings' database; `processor` judges valid messages (default: the gemeente's
    cross-message rules and policy, `DomainProcessor`, announcing what it records). The policy mapping and
    the event settings (default: the IWMO_EVENTS_ variables) are checked here, so a bad one stops the
    service before it starts."""
    policy = load_policy(settings.policy)
    event_settings = events or EventSettings()
    check_settings(event_settings, publishing=settings.kafka_bootstrap_servers is not None)
    meter = Metrics()
    eigen_bijdrage = EigenBijdrageSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await prepare(settings.database_url)
        engine = create_engine(settings.database_url)
        try:
            sessionmaker = create_sessionmaker(engine)
            writer = await provide_writer(event_settings, sessionmaker, now=utc_now())
            follower = EigenBijdrageFollower(policy, eigen_bijdrage.cak(), writer)
            judge = processor or DomainProcessor(policy, followers=[Announcer(writer), follower])
            pipeline = Pipeline(
                sessionmaker,
                judge,
                events=writer,
                observer=meter.message,
                limits=ParseLimits(max_bytes=settings.max_message_bytes),
            )
            decisions = DecisionService(
                sessionmaker, pipeline, PolicyChecker(policy), events=writer, eigen_bijdrage=follower
            )
            app.state.service = Service(
                engine,
                sessionmaker,
                pipeline,
                settings.max_message_bytes,
                decisions=decisions,
                eigen_bijdrage=eigen_bijdrage,
            )
            # Publishes the outbox to Kafka when KAFKA_BOOTSTRAP_SERVERS is set; else events stay there.
            relay = BackgroundRelay(engine, settings, event_settings)
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
    app.state.metrics = meter
    app.add_middleware(RequestMetrics, metrics=meter)
    app.add_middleware(AccessLog)
    app.include_router(messages.router)
    app.include_router(mailbox.router)
    app.include_router(events_router)
    app.include_router(beschikkingen.router)
    app.include_router(toewijzingen.router)
    app.include_router(clienten.router)
    app.include_router(cak.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    return app
