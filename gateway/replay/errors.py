"""Errors of replay itself, as opposed to failing steps.

    ReplayError            nothing was replayed: the scenario or the token file cannot be used
    └── ScenarioError      a scenario file is missing, malformed or names something it does not have

A failing step is not an error: it is a `StepResult` with differences.
"""

from __future__ import annotations

from pathlib import Path


class ReplayError(Exception):
    """Replay cannot start: the reason is meant for the person who wrote the input."""


class ScenarioError(ReplayError):
    """A scenario that cannot be replayed; the message names the file and, where it can, the step."""

    def __init__(self, path: Path, reason: str, step: int | None = None) -> None:
        where = f"{path}: step {step}" if step is not None else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.step = step
