"""Keys asked for in batches, so that a claim of many lines stays within the drivers' parameter limits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T", int, str)

BATCH = 500
"""Keys per IN list: far below SQLite's and asyncpg's limits on bound parameters."""


def batches(keys: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """The distinct keys in sorted order, `size` at a time (nothing for no keys)."""
    distinct = sorted(set(keys))
    for start in range(0, len(distinct), size):
        yield distinct[start : start + size]
