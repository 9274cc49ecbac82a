"""The CAK feed: eigen-bijdrage records, the provisions they came from, and the CAK's answers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model column types: a migration must not change when the models do.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BRON_SOORT = sa.String(12)
BRON_SLEUTEL = sa.String(40)
IDENTIFICATIE = sa.String(12)


def _key(table: str) -> tuple[sa.Column[int], sa.PrimaryKeyConstraint]:
    return sa.Column("id", BIG_ID, nullable=False), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _ref(table: str, column: str, target: str, *, nullable: bool = False) -> sa.Column[int]:
    foreign_key = sa.ForeignKey(f"{target}.id", name=op.f(f"fk_{table}_{column}_{target}"))
    return sa.Column(column, BIG_ID, foreign_key, nullable=nullable)


def _kostprijs() -> list[sa.Column[object]]:
    return [
        sa.Column("kostprijs_bedrag", sa.Integer(), nullable=True),
        sa.Column("kostprijs_startdatum", sa.Date(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "eb_teller",
        _ref("eb_teller", "gemeente_id", "party"),
        sa.Column("last_eb_start_nummer", sa.BigInteger(), nullable=False),
        sa.Column("last_volgnummer", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("gemeente_id", name=op.f("pk_eb_teller")),
    )
    op.create_table(
        "eb_client",
        _ref("eb_client", "client_id", "client"),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_eb_client")),
    )
    op.create_table(
        "eb_record",
        *_key("eb_record"),
        _ref("eb_record", "gemeente_id", "party"),
        _ref("eb_record", "client_id", "client"),
        sa.Column("eb_start_nummer", sa.BigInteger(), nullable=False),
        sa.Column("startdatum", sa.Date(), nullable=True),
        sa.Column("stopdatum", sa.Date(), nullable=True),
        *_kostprijs(),
        sa.Column("kostprijs_bron_soort", BRON_SOORT, nullable=True),
        sa.Column("kostprijs_bron_sleutel", BRON_SLEUTEL, nullable=True),
        sa.UniqueConstraint(
            "gemeente_id", "eb_start_nummer", name=op.f("uq_eb_record_gemeente_id_eb_start_nummer")
        ),
        sa.CheckConstraint(
            "(kostprijs_bedrag IS NULL AND kostprijs_startdatum IS NULL) OR "
            "(kostprijs_bedrag IS NOT NULL AND kostprijs_startdatum IS NOT NULL)",
            name=op.f("ck_eb_record_kostprijs_complete"),
        ),
    )
    op.create_index(op.f("ix_eb_record_client_id"), "eb_record", ["client_id"])
    op.create_table(
        "eb_bron",
        *_key("eb_bron"),
        _ref("eb_bron", "record_id", "eb_record"),
        sa.Column("soort", BRON_SOORT, nullable=False),
        sa.Column("sleutel", BRON_SLEUTEL, nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("kostprijs", sa.Integer(), nullable=True),
    )
    op.create_index(op.f("ix_eb_bron_record_id"), "eb_bron", ["record_id"])
    op.create_table(
        "eb_aanlevering",
        *_key("eb_aanlevering"),
        _ref("eb_aanlevering", "gemeente_id", "party"),
        _ref("eb_aanlevering", "record_id", "eb_record"),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(1), nullable=False),
        sa.Column("startdatum", sa.Date(), nullable=False),
        sa.Column("stopdatum", sa.Date(), nullable=True),
        *_kostprijs(),
        sa.Column("uiterlijk", sa.Date(), nullable=False),
        sa.Column("vervallen", sa.Boolean(), nullable=False),
        _ref("eb_aanlevering", "message_id", "message", nullable=True),
        sa.Column("bericht", IDENTIFICATIE, nullable=True),
        sa.Column("dagtekening", sa.Date(), nullable=True),
        sa.Column("geaccepteerd", sa.Boolean(), nullable=True),
        sa.Column("retourcodes", JSON_DOCUMENT, nullable=True),
        sa.Column("identificatie_retour", IDENTIFICATIE, nullable=True),
        sa.Column("dagtekening_retour", sa.Date(), nullable=True),
        _ref("eb_aanlevering", "retour_message_id", "message", nullable=True),
        sa.UniqueConstraint(
            "gemeente_id", "volgnummer", name=op.f("uq_eb_aanlevering_gemeente_id_volgnummer")
        ),
        sa.CheckConstraint("status IN ('1', '2', '3')", name=op.f("ck_eb_aanlevering_status")),
    )
    op.create_index(op.f("ix_eb_aanlevering_record_id"), "eb_aanlevering", ["record_id"])
    op.create_index(op.f("ix_eb_aanlevering_bericht"), "eb_aanlevering", ["gemeente_id", "bericht"])


def downgrade() -> None:
    # Dropping a table drops its indexes with it; children before parents.
    for table in ("eb_aanlevering", "eb_bron", "eb_record", "eb_client", "eb_teller"):
        op.drop_table(table)
