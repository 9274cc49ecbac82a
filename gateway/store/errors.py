"""The store's own failures, so callers handle them without knowing SQLAlchemy or the database drivers."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database, not about a message, prevents the store from working."""


class DatabaseUrlError(StoreError):
    """The database URL cannot be used: unreadable, an unknown backend, or a driver that is not async."""


class DatabaseUnavailableError(StoreError):
    """The database could not be reached or opened."""
