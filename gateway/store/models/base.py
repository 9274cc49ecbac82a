"""The declarative base and the column types every table shares, so both backends store values alike."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Dialect, Integer, MetaData, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints let migrations (and SQLite batch mode) find and drop them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A 64-bit key on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the auto-incrementing rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")

# JSONB on PostgreSQL (indexable, compact); JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")

# Field sizes of the standard (iWmo 3.2 datatypes.md).
AGB_CODE = String(8)
GEMEENTE_CODE = String(4)
PARTY_CODE = String(8)
BSN = String(9)
MESSAGE_TYPE = String(6)
IDENTIFICATIE = String(12)
REFERENTIE = String(36)
REFERENTIE_NUMMER = String(20)
DECLARATIE_NUMMER = String(12)
PRODUCT_CATEGORIE = String(2)
PRODUCT_CODE = String(5)
CODE_2 = String(2)
CODE_1 = String(1)


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, always timezone-aware UTC on the way out, whatever the backend kept.

    SQLite has no timezone-aware timestamp; without this, values would come back naive there and
    aware on PostgreSQL, and comparisons between them would fail at run time.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a stored point in time must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        result: datetime = value
        if result.tzinfo is None:
            return result.replace(tzinfo=UTC)
        return result.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every table of the gateway; its metadata is what the migrations must build."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
