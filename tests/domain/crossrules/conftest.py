"""Every cross-message test gets a desk on a fresh database (SQLite and PostgreSQL, see tests/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.domain.crossrules.desk import Desk


@pytest.fixture
def desk(sessionmaker: async_sessionmaker[AsyncSession]) -> Desk:
    return Desk(sessionmaker)
