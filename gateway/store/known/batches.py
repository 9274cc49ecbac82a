"""Many keys asked for at once: on PostgreSQL in one statement, on SQLite in batches.

A claim of 10,000 lines looks up as many toewijzingen, their versions and earlier lines. On PostgreSQL
the keys go as one array (`column = ANY(:keys)`): one statement, planned once, whose parameter the
driver encodes in C. An IN list would be rendered anew for every call with a placeholder per key, and
split into batches to stay within the driver's limit on parameters. SQLite has no arrays, so there the
keys go as an IN list, `BATCH` at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, any_, bindparam
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.bulk import POSTGRESQL, array_of, dialect_of

T = TypeVar("T", int, str)
S = TypeVar("S")

BATCH = 500
"""Keys per IN list on SQLite: far below its limit on bound parameters."""

OneOf = Callable[[ColumnElement[Any], str], ColumnElement[bool]]
"""`one_of(column, name)`: the column holds one of the keys given as parameter `name`."""


def _in_array(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column == any_(bindparam(name, type_=array_of(column.type)))


def _in_list(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column.in_(bindparam(name, expanding=True))


def key_lookup(build: Callable[[OneOf], S]) -> Mapping[str, S]:
    """A statement that asks for many keys, built once for each dialect, by dialect name."""
    return MappingProxyType({POSTGRESQL: build(_in_array), "sqlite": build(_in_list)})


def key_batches(session: AsyncSession, keys: Iterable[T]) -> Iterator[list[T]]:
    """The distinct keys in sorted order, as the session's dialect takes them: all at once on PostgreSQL,
    `BATCH` at a time on SQLite (nothing for no keys)."""
    if dialect_of(session) == POSTGRESQL:
        distinct = sorted(set(keys))
        return iter([distinct] if distinct else [])
    return batches(keys)


def batches(keys: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """The distinct keys in sorted order, `size` at a time (nothing for no keys)."""
    distinct = sorted(set(keys))
    for start in range(0, len(distinct), size):
        yield distinct[start : start + size]
