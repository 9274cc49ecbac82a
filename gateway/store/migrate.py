"""Alembic driven from code, so the CLI and the service at start can migrate any database URL.

Alembic's commands are synchronous; they run on the async engine's connection through `run_sync`, inside
one transaction, so a migration that fails leaves the schema as it was (PostgreSQL and SQLite both have
transactional DDL).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from gateway.store.engine import connect, create_engine

HEAD = "head"
BASE = "base"


def migrations_folder() -> Path:
    """The Alembic script folder: inside the package when installed, beside it in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "migrations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration without an ini file; `connection` is what `migrations/env.py` migrates."""
    config = Config()
    # Config options are interpolated by configparser; a literal % in the path must be doubled.
    config.set_main_option("script_location", str(migrations_folder()).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision of the migrations shipped with this version of the gateway."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the migrations folder has no revisions")
    return head


async def upgrade(url: str, revision: str = HEAD) -> str | None:
    """Bring the database at `url` up to `revision`; gives the revision it is at afterwards."""
    return await _migrate(url, lambda config: command.upgrade(config, revision))


async def downgrade(url: str, revision: str = BASE) -> str | None:
    """Take the database at `url` down to `revision`; gives the revision it is at afterwards (None: base)."""
    return await _migrate(url, lambda config: command.downgrade(config, revision))


async def current_revision(url: str) -> str | None:
    """The revision the database at `url` is at; None for an empty database."""
    return await _migrate(url, lambda config: None)


async def _migrate(url: str, operation: Callable[[Config], None]) -> str | None:
    engine = create_engine(url)
    try:
        async with connect(engine) as connection:
            return await connection.run_sync(_run, operation)
    finally:
        await engine.dispose()


def _run(connection: Connection, operation: Callable[[Config], None]) -> str | None:
    with connection.begin():
        operation(alembic_config(connection))
        return MigrationContext.configure(connection).get_current_revision()
