"""Counting the SQL statements a piece of work sends to the database, to pin batching as behaviour.

A round trip costs far more than the rows it carries, so "a claim is recorded in a number of
statements independent of its line count" is a specification, checked by comparing counts, never
by timing. Every statement the driver executes counts, the BEGIN on SQLite included; a bulk insert
SQLAlchemy sends in one batch counts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@dataclass
class Statements:
    """The statements executed while counting, in order (their SQL text)."""

    texts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.texts)


@contextmanager
def counting_statements(engine: AsyncEngine) -> Iterator[Statements]:
    """Count what the engine executes inside the block."""
    statements = Statements()

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.texts.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
