"""Settings come from the environment: plain DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS, IWMO_ for the rest."""

from __future__ import annotations

import pytest

from gateway.settings import Settings


def test_defaults_to_an_embedded_database_in_the_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    settings = Settings()
    assert settings.database_url == "sqlite+aiosqlite:///iwmo-gateway.db"
    assert settings.kafka_bootstrap_servers is None


def test_reads_the_plain_variable_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/gateway")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    settings = Settings()
    assert settings.database_url == "postgresql://db/gateway"
    assert settings.kafka_bootstrap_servers == "kafka-1:9092,kafka-2:9092"


def test_arguments_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/gateway")
    assert Settings(database_url="sqlite+aiosqlite:///x.db").database_url == "sqlite+aiosqlite:///x.db"


def test_every_setting_is_described() -> None:
    assert all(field.description for field in Settings.model_fields.values())
