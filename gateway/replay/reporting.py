"""What a replay prints: a line per step, the differences of a failing one, and a summary.

The report goes to stdout, plain text that reads the same in a terminal and in a CI log. The progress
line goes to stderr and only to a terminal, so it never ends up in a log or a pipe.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from gateway.replay.steps import StepResult

PASS = "PASS"
FAIL = "FAIL"


def step_report(result: StepResult) -> str:
    """One line for a passing step; for a failing one also each difference, expected above actual."""
    step = result.step
    lines = [
        f"{PASS if result.passed else FAIL}  {result.scenario}: step {step.title} "
        f"(as {step.step.party}, {step.step.action})"
    ]
    lines.extend(difference_lines(result))
    return "\n".join(lines)


def difference_lines(result: StepResult) -> list[str]:
    lines = []
    for difference in result.differences:
        lines.append(f"      {difference.what}:")
        lines.append(f"        - expected: {difference.expected}")
        lines.append(f"        + actual:   {difference.actual}")
    return lines


def failure_text(result: StepResult) -> str:
    """The differences of a failing step as the JUnit file states them, naming the step."""
    header = f"step {result.step.title} (as {result.step.step.party}, {result.step.step.action})"
    return "\n".join([header, *difference_lines(result)])


def summary(results: Sequence[StepResult], scenarios: int) -> str:
    failed = sum(1 for result in results if not result.passed)
    verdict = "all passed" if not failed else f"{failed} failed"
    return f"{scenarios} scenario(s), {len(results)} step(s): {verdict}"


class Progress:
    """`[done/total] scenario: step` on one rewritten stderr line, when stderr is a terminal."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self._stream = stream
        self._total = total
        self._done = 0
        self._shown = stream.isatty()

    def advance(self, result: StepResult) -> None:
        self._done += 1
        if self._shown:
            line = f"[{self._done}/{self._total}] {result.scenario}: {result.step.title}"
            self._stream.write(f"\r\x1b[K{line[:120]}")
            self._stream.flush()

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
