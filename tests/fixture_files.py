"""The message fixtures under `tests/fixtures/iwmo-3.2/` and what each is expected to get.

A fixture `name.xml` carries its expectation in `name.expected.json` beside it:
`{"message": "WMO301" | null, "valid": bool, "findings": [{"rule", "retourcode", "locations"}]}`.
Fixtures in a `valid/` folder need no such file: they are valid messages of the type named by the
folder above (`WMO301/valid/minimal.xml`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "iwmo-3.2"


@dataclass(frozen=True)
class Fixture:
    path: Path
    expected: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.path.relative_to(FIXTURES))


def expected_for(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".expected.json")
    if sidecar.exists():
        loaded: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
        return loaded
    if path.parent.name != "valid":
        raise AssertionError(f"{path} has no {sidecar.name} and is not in a valid/ folder")
    return {"message": path.parent.parent.name, "valid": True, "findings": []}


def all_fixtures() -> list[Fixture]:
    return [Fixture(path, expected_for(path)) for path in sorted(FIXTURES.rglob("*.xml"))]


def observed(result: dict[str, Any]) -> dict[str, Any]:
    """The part of a `validate --json` object that fixtures pin down (details are for people)."""
    return {
        "message": result["message"],
        "valid": result["valid"],
        "findings": [
            {"rule": f["rule"], "retourcode": f["retourcode"], "locations": f["locations"]}
            for f in result["findings"]
        ],
    }
