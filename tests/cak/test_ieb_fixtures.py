"""Every iEb 4.0 fixture gets exactly its expected verdict from our schemas (iEb has no level-2 rules here).

Fixtures follow the iWmo convention: `WMO40x/valid/*.xml` are valid messages of that type, every
other one has its `.expected.json` beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.cli.validate import as_json
from gateway.rules.validation import Validator
from tests.cak.retouren import CHECKER
from tests.fixture_files import expected_for, observed

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ieb-4.0"
FILES = sorted(FIXTURES.rglob("*.xml"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(FIXTURES)) for p in FILES])
def test_fixture_gets_its_expected_verdict(path: Path) -> None:
    report = CHECKER.check(path.read_bytes())
    assert observed(as_json(str(path), report)) == expected_for(path)


@pytest.mark.parametrize("message", ["WMO405", "WMO406"])
def test_each_message_has_valid_and_invalid_fixtures(message: str) -> None:
    assert list((FIXTURES / message / "valid").glob("*.xml"))
    assert len(list((FIXTURES / message / "invalid").glob("*.xml"))) >= 5


def test_the_gateways_validate_judges_a_valid_wmo405_valid() -> None:
    report = Validator().validate((FIXTURES / "WMO405" / "valid" / "start.xml").read_bytes())
    assert (report.message_code, report.valid) == ("WMO405", True)
