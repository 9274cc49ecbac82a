"""The gateway's configuration, from the environment; built where it is needed and passed on from there.

Variables carry the prefix IWMO_, except DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS, which keep the plain
names that container platforms and managed services set.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the gateway reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="IWMO_", extra="ignore")

    database_url: str = Field(
        default="sqlite+aiosqlite:///iwmo-gateway.db",
        validation_alias=AliasChoices("DATABASE_URL", "database_url"),
        description=(
            "Where the gateway keeps its state: a SQLAlchemy URL for SQLite (embedded, a file; the default "
            "is iwmo-gateway.db in the working directory) or PostgreSQL. The async driver (aiosqlite, "
            "asyncpg) is chosen when the URL names none."
        ),
    )
    kafka_bootstrap_servers: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
        description=(
            "Comma-separated host:port list of the Kafka brokers events are published to; unset, events "
            "stay in the outbox table."
        ),
    )
