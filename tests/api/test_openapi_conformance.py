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
    api = schemathesis.openapi.from_url(f"{served.base}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) == 4

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def conforms(case: Case) -> None:
            # Any XML text fits the document's request body, but only the XSD says which is a valid message.
            excluded = [positive_data_acceptance] if case.method == "POST" else []
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, excluded_checks=excluded)

        conforms()
