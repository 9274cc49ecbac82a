"""The migrations build exactly the schema of the models from nothing, and take it away again."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, UniqueConstraint, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.store.engine import create_engine
from gateway.store.migrate import current_revision, downgrade, head_revision, upgrade
from gateway.store.models import Base

MODEL_TABLES = set(Base.metadata.tables)


async def table_names(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_upgrade_from_empty_builds_every_table_and_downgrade_removes_them(database_url: str) -> None:
    assert await current_revision(database_url) is None

    assert await upgrade(database_url) == head_revision()
    assert await table_names(database_url) == MODEL_TABLES | {"alembic_version"}

    assert await downgrade(database_url) is None
    assert await table_names(database_url) == {"alembic_version"}

    assert await upgrade(database_url) == head_revision()
    assert await table_names(database_url) == MODEL_TABLES | {"alembic_version"}


async def test_upgrading_an_up_to_date_database_changes_nothing(migrated_url: str) -> None:
    assert await upgrade(migrated_url) == head_revision()
    assert await table_names(migrated_url) == MODEL_TABLES | {"alembic_version"}


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_schema_equals_the_models(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []


def _model_constraint_names() -> set[tuple[str, str, str]]:
    names: set[tuple[str, str, str]] = set()
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            kind = {ForeignKeyConstraint: "fk", UniqueConstraint: "uq", CheckConstraint: "ck"}.get(
                type(constraint)
            )
            if kind is not None:
                names.add((table.name, kind, str(constraint.name)))
        names.update((table.name, "ix", str(index.name)) for index in table.indexes)
    return names


def _database_constraint_names(connection: Connection) -> set[tuple[str, str, str]]:
    inspector = inspect(connection)
    names: set[tuple[str, str, str]] = set()
    for table in MODEL_TABLES:
        names.update((table, "fk", str(fk["name"])) for fk in inspector.get_foreign_keys(table))
        names.update((table, "uq", str(uq["name"])) for uq in inspector.get_unique_constraints(table))
        names.update((table, "ck", str(ck["name"])) for ck in inspector.get_check_constraints(table))
        indexes = inspector.get_indexes(table)
        # PostgreSQL lists the index behind each unique constraint too.
        names.update((table, "ix", str(ix["name"])) for ix in indexes if "duplicates_constraint" not in ix)
    return names


async def test_migrated_constraints_carry_the_names_of_the_models(engine: AsyncEngine) -> None:
    """Later migrations (SQLite batch mode above all) find constraints by these names."""
    async with engine.connect() as connection:
        names = await connection.run_sync(_database_constraint_names)
    assert names == _model_constraint_names()


async def test_connections_enforce_foreign_keys(engine: AsyncEngine) -> None:
    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await connection.exec_driver_sql(
                "INSERT INTO client (gemeente_id, bsn) VALUES (4242, '123456782')"
            )


async def test_embedded_database_file_is_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "gateway.db"
    await upgrade(f"sqlite+aiosqlite:///{path}")
    with closing(sqlite3.connect(path)) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    assert mode == "wal"
