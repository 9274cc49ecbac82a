"""The gemeente's decisions from its ERP: kostprijs, aanbieder and provision date on beschikking.

Also what answering a repeated decision needs: the WMO301 the gateway sent for it and the fingerprint
of the request. SQLite cannot add a foreign key to an existing table, so there the table is rebuilt
(batch mode); PostgreSQL alters it in place.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model column types: a migration must not change when the models do.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

REFERENCES = (("aanbieder_id", "party"), ("message_id", "message"))
"""The new columns that point at another table, with that table."""


def upgrade() -> None:
    with op.batch_alter_table("beschikking") as batch:
        batch.add_column(sa.Column("kostprijs", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("aanbieder_id", BIG_ID, nullable=True))
        batch.add_column(sa.Column("leverdatum", sa.Date(), nullable=True))
        batch.add_column(sa.Column("message_id", BIG_ID, nullable=True))
        batch.add_column(sa.Column("request_sha256", sa.String(64), nullable=True))
        for column, target in REFERENCES:
            batch.create_foreign_key(op.f(f"fk_beschikking_{column}_{target}"), target, [column], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("beschikking") as batch:
        for column, target in REFERENCES:
            batch.drop_constraint(op.f(f"fk_beschikking_{column}_{target}"), type_="foreignkey")
        for column in ("request_sha256", "message_id", "leverdatum", "aanbieder_id", "kostprijs"):
            batch.drop_column(column)
