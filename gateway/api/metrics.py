"""`GET /metrics`: the service's counters in the Prometheus text format, and what keeps them.

Each app has its own registry (not the process-wide default), so apps side by side in one process
(tests, workers) count apart. Messages are counted as the pipeline reports them (`Handled`), by type
and outcome, with their findings by rule and their processing time; HTTP requests by method, route
template and status; the outbox backlog is counted in the database at scrape time. No label carries
personal data: message types, outcomes, rule codes, route templates and status codes only, so the
endpoint needs no token.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.api.deps import ServiceDep
from gateway.api.logging_access import route_template
from gateway.pipeline.outcomes import Answered, Failed, Forbidden, Handled, Outcome, PassedOn, Refused
from gateway.store.queries.outbox import outbox_backlog
from gateway.store.unit_of_work import UnitOfWork

UNKNOWN = "unknown"
"""The type label of a message whose type could not be read (not XML, another standard)."""
REPEAT = "repeat"
OUTCOMES: dict[type[Outcome], str] = {
    Answered: "answered",
    PassedOn: "passed_on",
    Refused: "refused",
    Forbidden: "forbidden",
    Failed: "failed",
}
SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
"""Buckets of the processing time: a small message takes milliseconds, a large claim seconds."""


class Metrics:
    """The instruments of one app, on a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "iwmo_messages",
            "Messages received, by message type and outcome (answered, passed_on, refused, forbidden, "
            "failed; repeat for the same message sent again)",
            ["message_type", "outcome"],
            registry=self.registry,
        )
        self.findings = Counter(
            "iwmo_findings",
            "Findings on received messages, by rule (XML, XSD or a rule code)",
            ["rule"],
            registry=self.registry,
        )
        self.processing = Histogram(
            "iwmo_message_processing_seconds",
            "Time from receiving a message to its outcome, by message type",
            ["message_type"],
            buckets=SECONDS,
            registry=self.registry,
        )
        self.outbox_backlog = Gauge(
            "iwmo_outbox_backlog",
            "Events in the outbox not yet published, counted when scraped",
            registry=self.registry,
        )
        self.http_requests = Counter(
            "iwmo_http_requests",
            "HTTP requests, by method, route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )

    def message(self, handled: Handled) -> None:
        """Count a submitted message (the pipeline's observer); a repeat carries no findings."""
        outcome = handled.outcome
        message_type = handled.message_type or UNKNOWN
        repeat = isinstance(outcome, Answered | PassedOn) and outcome.repeat
        self.messages.labels(message_type, REPEAT if repeat else OUTCOMES[type(outcome)]).inc()
        self.processing.labels(message_type).observe(handled.seconds)
        for rule in handled.rules:
            self.findings.labels(rule).inc()

    def exposition(self, backlog: int) -> bytes:
        self.outbox_backlog.set(backlog)
        return generate_latest(self.registry)


class RequestMetrics:
    """ASGI middleware counting each HTTP request by method, route template and status."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def send_counted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_counted)
        finally:
            self.metrics.http_requests.labels(scope["method"], route_template(scope), str(status)).inc()


router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    summary="The service's metrics, for Prometheus",
    response_class=Response,
    responses={
        200: {
            "description": "counters, histograms and gauges in the Prometheus text format; no token needed",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        }
    },
)
async def metrics(request: Request, service: ServiceDep) -> Response:
    meter = request.app.state.metrics
    assert isinstance(meter, Metrics), "create_app installs the metrics"
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        backlog = await outbox_backlog(uow.session)
    return Response(meter.exposition(backlog), media_type=CONTENT_TYPE_LATEST)
