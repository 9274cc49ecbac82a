"""Logs as JSON lines, one object per record, set up by `iwmo-gateway serve` for log collectors.

Every line has `time` (UTC, ISO 8601), `level`, `logger` and `message`; a record made while a request
is served also has its `request_id`, and the access line of a request (see `logging_access`) has
`method`, `route` (the route's template, never the path as sent), `status` and `duration_ms`. As with
uvicorn's own logging, access lines go to standard output and everything else to standard error.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from gateway.api.logging_access import ACCESS_LOGGER, RequestContext
from gateway.api.logging_redaction import BsnRedaction

EXTRA_FIELDS = ("request_id", "method", "route", "status", "duration_ms")


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False, default=str)


def json_handler(stream: TextIO) -> logging.Handler:
    """A handler writing JSON lines to `stream`, each record given its request id and masked of BSNs."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    handler.addFilter(RequestContext())
    handler.addFilter(BsnRedaction())
    return handler


def configure_logging(
    level: int = logging.INFO, stream: TextIO = sys.stderr, access_stream: TextIO = sys.stdout
) -> None:
    """Send every logger's records (the gateway's, uvicorn's, the libraries') through one JSON handler
    on `stream`, except the access lines, which go to `access_stream`: uvicorn's own split, so whatever
    collects a server's output finds them where it did before."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(json_handler(stream))
    root.setLevel(level)
    access = logging.getLogger(ACCESS_LOGGER)
    for handler in list(access.handlers):
        access.removeHandler(handler)
    access.addHandler(json_handler(access_stream))
    access.propagate = False
