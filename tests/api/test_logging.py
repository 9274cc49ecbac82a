"""Logs are JSON lines: one access line per request, named by the route's template, every record of a
request with its request id, and no BSN in any of them."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.api.logging_access import ACCESS_LOGGER
from gateway.api.logging_json import configure_logging, json_handler
from gateway.api.logging_redaction import MASK, passes_elfproef
from tests.api.conftest import Gateway
from tests.api.making import start
from tests.api.serving import serving

BSN = "999900006"


class Captured:
    def __init__(self) -> None:
        self.stream = io.StringIO()

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]


@pytest.fixture
def captured() -> Iterator[Captured]:
    logs = Captured()
    handler = json_handler(logs.stream)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield logs
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


async def test_a_request_is_logged_as_one_json_line_named_by_its_route_template(
    gateway: Gateway, captured: Captured
) -> None:
    response = await gateway.read("aanbieder_a", 424242)
    [access] = [line for line in captured.lines() if line["logger"] == "gateway.access"]
    assert set(access) == {
        "time", "level", "logger", "message", "request_id", "method", "route", "status", "duration_ms"
    }  # fmt: skip
    assert (access["level"], access["method"], access["route"], access["status"]) == (
        "INFO",
        "GET",
        "/api/v1/messages/{message_id}",
        404,
    )
    assert access["request_id"] == response.headers["X-Request-Id"]
    assert "424242" not in json.dumps(access)


async def test_a_request_that_matches_no_route_is_logged_without_its_path(
    gateway: Gateway, captured: Captured
) -> None:
    await gateway.client.get(f"/clienten/{BSN}")
    [access] = [line for line in captured.lines() if line["logger"] == "gateway.access"]
    assert (access["route"], access["status"]) == ("unmatched", 404)
    assert BSN not in json.dumps(access)


async def test_every_record_made_while_serving_a_request_carries_its_request_id(
    gateway: Gateway, captured: Captured
) -> None:
    response = await gateway.send("aanbieder_a", start("S-1"))
    handled = [line for line in captured.lines() if line["logger"] == "gateway.pipeline.intake"]
    assert handled
    assert {line["request_id"] for line in handled} == {response.headers["X-Request-Id"]}


def test_a_bsn_in_a_log_record_comes_out_masked(captured: Captured) -> None:
    logging.getLogger("gateway.test").warning("client %s not found", BSN)
    [line] = captured.lines()
    assert line["message"] == f"client {MASK} not found"


def test_a_bsn_in_an_exception_comes_out_masked(captured: Captured) -> None:
    try:
        raise ValueError(f"no client {BSN}")
    except ValueError:
        logging.getLogger("gateway.test").exception("lookup failed")
    [line] = captured.lines()
    assert BSN not in json.dumps(line)
    assert f"no client {MASK}" in line["exception"]


def test_numbers_that_are_no_bsn_are_left_alone(captured: Captured) -> None:
    assert not passes_elfproef("123456789")
    logging.getLogger("gateway.test").info("message %d, id %s, amount %s", 12, "123456789", "9999000061")
    [line] = captured.lines()
    assert line["message"] == "message 12, id 123456789, amount 9999000061"


def test_serve_writes_its_logs_as_json_lines(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        served.stop()
        assert served.process.stderr is not None
        output = served.process.stderr.read().decode()
    lines = [json.loads(line) for line in output.splitlines()]
    assert all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    assert "Application startup complete." in [line["message"] for line in lines]


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root, access = logging.getLogger(), logging.getLogger(ACCESS_LOGGER)
    saved = (list(root.handlers), root.level, list(access.handlers), access.propagate)
    try:
        yield
    finally:
        root.handlers[:], root.level, access.handlers[:], access.propagate = saved


@pytest.mark.usefixtures("restored_logging")
def test_access_lines_go_to_standard_output_and_the_rest_to_standard_error() -> None:
    errors, access = io.StringIO(), io.StringIO()
    configure_logging(stream=errors, access_stream=access)
    logging.getLogger(ACCESS_LOGGER).info("GET /health 200")
    logging.getLogger("gateway.test").warning("something else")
    assert [json.loads(line)["message"] for line in access.getvalue().splitlines()] == ["GET /health 200"]
    assert [json.loads(line)["message"] for line in errors.getvalue().splitlines()] == ["something else"]
