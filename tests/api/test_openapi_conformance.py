"""The running service answers as its OpenAPI document says, for requests generated from that document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.serving import Served, command, serving

EXAMPLES = 25
"""Per operation."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path) as running:
        yield running


def test_every_answer_conforms_to_the_openapi_document(served: Served, tmp_path: Path) -> None:
    """Requests the document allows (the refusals of requests it does not are the other API tests')."""
    token = command("token", "create", "--party", "aanbieder:12345678", cwd=tmp_path).stdout.strip()
    gemeente = command("token", "create", "--party", "gemeente:1916", cwd=tmp_path).stdout.strip()
    api = schemathesis.openapi.from_url(f"{served.base}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert {
        "/api/v1/messages",
        "/api/v1/messages/{message_id}",
        "/api/v1/mailbox",
        "/health",
        "/api/v1/toewijzingen",
        "/api/v1/clienten/zoeken",
        "/api/v1/clienten/{client_id}/toewijzingen",
        "/api/v1/clienten/{client_id}/leveringen",
        "/api/v1/clienten/{client_id}/budgetten",
        "/metrics",
    } <= {operation.path for operation in operations}

    for operation in operations:
        # The clients are the gemeente's to read; anyone else is refused them whole.
        caller = gemeente if operation.path.startswith("/api/v1/clienten") else token

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def conforms(case: Case) -> None:
            # Any XML text fits the document's request body, but only the XSD says which is a valid message.
            excluded = [positive_data_acceptance] if case.method == "POST" else []
            # Run within this iteration (below), so `caller` is this operation's.
            authorization = {"Authorization": f"Bearer {caller}"}  # noqa: B023
            case.call_and_validate(headers=authorization, excluded_checks=excluded)

        conforms()
