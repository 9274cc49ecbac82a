"""A refused mapping says where every problem is, so whoever edits the YAML can fix it in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]
"""Where a value sits in a mapping file: keys of mappings and indexes of sequences, from the top."""


def field_name(path: FieldPath) -> str:
    """The path as people write it: `voorzieningen[3].limits.max_duration.months`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(document)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a mapping file."""

    file: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else str(self.file)
        return f"{where}: {self.field}: {self.message}"


class MappingError(Exception):
    """The policy mapping cannot be used; `problems` lists every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.field)))
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"the policy mapping is refused ({len(self.problems)} problem(s)):\n{lines}")
