"""The replay command as the tests run it: in this process, with its output captured."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from gateway.cli.main import main

LIBRARY = Path(__file__).parents[1] / "scenarios"


@dataclass(frozen=True)
class Replayed:
    status: int
    out: str
    err: str


def replay(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Replayed:
    capsys.readouterr()
    status = main(["replay", *(str(arg) for arg in argv)])
    captured = capsys.readouterr()
    return Replayed(status, captured.out, captured.err)


def library_scenarios() -> list[Path]:
    return sorted(path.parent for path in LIBRARY.glob("*/scenario.yaml"))


def copied(name: str, into: Path) -> Path:
    """A library scenario copied into `into`, to be changed by the test."""
    return Path(shutil.copytree(LIBRARY / name, into / name))
