"""Plain rows: what is only read is read as rows of a table's columns, not loaded as ORM objects.

A row costs a fraction of an entity to load, and nothing in the session's identity map can go stale
through it.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Row

TableRow: TypeAlias = Row[*tuple[Any, ...]]
"""A row of any number of columns, read by their names."""
