"""Alembic environment of the gateway: migrates the connection that `gateway.store.migrate` hands in.

That module opens the async engine for the URL it is given and runs Alembic on the engine's connection
(`AsyncConnection.run_sync`), inside a transaction it commits; here that connection is only configured.
SQLite cannot alter most table features in place, so changes are rendered as batch operations (copy and
swap the table), which PostgreSQL runs as plain ALTERs.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from gateway.store.models import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through gateway.store.migrate (iwmo-gateway migrate)")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported; migrate a database URL")
run_migrations()
