"""INSERT ... ON CONFLICT, which SQLAlchemy only builds with each dialect's own `insert`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.dialects import postgresql, sqlite

Insert = Callable[..., Any]
"""A dialect's `insert`: the same arguments as `sqlalchemy.insert`, with `on_conflict_do_*` and `excluded`."""

DIALECT_INSERTS: Mapping[str, Insert] = MappingProxyType(
    {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
)
"""The `insert` of each dialect the gateway runs on, by dialect name."""


def per_dialect(build: Callable[[Insert], Executable]) -> Mapping[str, Executable]:
    """One statement built with each dialect's `insert`, by dialect name: for a statement built once and run
    often, picked by the session's dialect."""
    return MappingProxyType({name: build(insert) for name, insert in DIALECT_INSERTS.items()})
