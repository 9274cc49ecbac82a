"""The access log: one record per request, named by the route's template, with a request id.

The path as sent is never logged: it may carry anything a caller typed. The route's template
(`/api/v1/messages/{message_id}`) says which endpoint served the request without it; a request that
matched no route is logged as `unmatched`. The request id is new per request, returned in
`X-Request-Id`, and given to every record made while the request is served (`RequestContext`), so its
lines can be found together.
"""

from __future__ import annotations

import logging
import time
import uuid
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID = "X-Request-Id"
UNMATCHED = "unmatched"

ACCESS_LOGGER = "gateway.access"

logger = logging.getLogger(ACCESS_LOGGER)
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def route_template(scope: Scope) -> str:
    """The path template of the route that served the request, else `unmatched`."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED


class RequestContext(logging.Filter):
    """Gives a record made while a request is served that request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = _request_id.get()
        if request_id is not None and not hasattr(record, "request_id"):
            record.request_id = request_id
        return True


class AccessLog:
    """ASGI middleware writing the access line of each HTTP request after it was answered (or failed)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = route_template(scope)
            logger.info(
                "%s %s %d",
                scope["method"],
                route,
                status,
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                },
            )
            _request_id.reset(token)
