"""Every message fixture gets exactly its expected verdict and findings, in-process and through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gateway.cli.validate import as_json
from gateway.rules.validation import Validator
from tests.fixture_files import Fixture, all_fixtures, observed

FIXTURES = all_fixtures()


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_fixture_gets_its_expected_verdict(fixture: Fixture, validator: Validator) -> None:
    report = validator.validate(fixture.path.read_bytes())
    assert observed(as_json(str(fixture.path), report)) == fixture.expected


def test_validate_json_over_every_fixture_gives_the_expected_verdicts() -> None:
    paths = [str(f.path) for f in FIXTURES]
    result = subprocess.run(
        [sys.executable, "-m", "gateway.cli.main", "validate", "--json", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == paths
    assert [observed(line) for line in lines] == [f.expected for f in FIXTURES]
    any_invalid = any(not f.expected["valid"] for f in FIXTURES)
    assert result.returncode == (1 if any_invalid else 0)
