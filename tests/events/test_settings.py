"""Event settings come from IWMO_EVENTS_ variables, each described, with topics per type as JSON."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.events.settings import EventSettings


def test_every_setting_is_described() -> None:
    assert all(field.description for field in EventSettings.model_fields.values())


def test_the_defaults_publish_everything_to_one_topic_idempotently(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IWMO_EVENTS_TOPIC", "IWMO_EVENTS_TOPICS", "IWMO_EVENTS_IDEMPOTENCE"):
        monkeypatch.delenv(name, raising=False)
    settings = EventSettings()
    assert settings.topic_for("nl.iwmo.levering.gestart") == "iwmo.events"
    assert settings.idempotence is True


def test_variables_name_the_source_and_route_types_to_topics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IWMO_EVENTS_OIN", "00000001234567890000")
    monkeypatch.setenv("IWMO_EVENTS_SYSTEM", "wmo-gateway")
    monkeypatch.setenv("IWMO_EVENTS_TOPIC", "wmo")
    monkeypatch.setenv("IWMO_EVENTS_TOPICS", '{"nl.iwmo.bericht.geweigerd": "wmo.refusals"}')
    settings = EventSettings()
    assert settings.source() == "urn:nld:oin:00000001234567890000:systeem:wmo-gateway"
    assert settings.topic_for("nl.iwmo.bericht.geweigerd") == "wmo.refusals"
    assert settings.topic_for("nl.iwmo.levering.gestart") == "wmo"


@pytest.mark.parametrize(
    "values",
    [
        {"topics": {"nl.iwmo.nothing.happened": "x"}},
        {"topics": {"nl.iwmo.bericht.geweigerd": "no spaces"}},
        {"topic": "a/b"},
        {"oin": "123"},
        {"batch_size": 0},
    ],
)
def test_unusable_values_are_refused(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        EventSettings.model_validate(values)
