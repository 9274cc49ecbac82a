"""What the events read from the environment (prefix IWMO_EVENTS_); the broker address is the gateway's own
KAFKA_BOOTSTRAP_SERVERS (gateway.settings).

Built where it is needed, like the gateway's Settings. Recording needs no setting: without a key secret the
gateway generates one and keeps it in its database (gateway.events.provisioning); without an OIN the
events name the system only. Publishing to Kafka needs the OIN, so that consumers know whose events they
read. The relay itself needs neither, only topics and timing.
"""

from __future__ import annotations

import re

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from gateway.events.catalogue import EventType
from gateway.events.envelope import source_urn, system_urn
from gateway.events.errors import EventConfigurationError

TOPIC_NAME = re.compile(r"[A-Za-z0-9._-]{1,249}")


class EventSettings(BaseSettings):
    """Everything about events the gateway reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="IWMO_EVENTS_", extra="ignore")

    key_secret: SecretStr | None = Field(
        default=None,
        description=(
            "Secret of the keyed hash (HMAC-SHA256) that turns a BSN into the event key and clientRef; at "
            "least 32 bytes, e.g. `openssl rand -hex 32`. Changing it changes every client's key. Unset: "
            "the gateway generates one on first start and keeps it in its database."
        ),
    )
    oin: str | None = Field(
        default=None,
        pattern=r"^[0-9]{20}$",
        description=(
            "The gemeente's OIN (20 digits), in every event's source. Required to publish to Kafka; unset, "
            "the events kept in the outbox name the system only (urn:iwmo-gateway:systeem:<system>)."
        ),
    )
    system: str = Field(
        default="iwmo-gateway",
        pattern=r"^[a-z0-9][a-z0-9.-]*$",
        description="The system name in the events' source: urn:nld:oin:<OIN>:systeem:<system>.",
    )
    topic: str = Field(
        default="iwmo.events",
        pattern=f"^{TOPIC_NAME.pattern}$",
        description="The Kafka topic events are published to.",
    )
    topics: dict[str, str] = Field(
        default_factory=dict,
        description=(
            'Topics for single event types, as JSON ({"nl.iwmo.bericht.geweigerd": "iwmo.refusals"}); other '
            "types go to `topic`. Events in different topics are not ordered with each other."
        ),
    )
    idempotence: bool = Field(
        default=True,
        description=(
            "Ask the broker for an idempotent producer. A broker that refuses it (some Kafka-compatible "
            "brokers do) gets a warning and an ordinary one; ordering and at-least-once do not depend on it."
        ),
    )
    batch_size: int = Field(default=500, ge=1, le=10_000, description="Events the relay publishes per round.")
    poll_interval_seconds: float = Field(
        default=0.1, gt=0, description="How long the relay waits before looking again when nothing was new."
    )
    backoff_initial_seconds: float = Field(
        default=0.5, gt=0, description="Wait after the first failure to publish; doubles per failure."
    )
    backoff_max_seconds: float = Field(default=30.0, gt=0, description="The longest wait between attempts.")
    request_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description=(
            "How long the broker may take to acknowledge a batch before the relay tries again (and how long "
            "stopping the relay may take while the broker is unreachable)."
        ),
    )
    lock_retry_seconds: float = Field(
        default=5.0, gt=0, description="How often a standby relay tries to take over from the active one."
    )

    @field_validator("topics")
    @classmethod
    def _known_types_and_valid_names(cls, topics: dict[str, str]) -> dict[str, str]:
        known = {str(event_type) for event_type in EventType}
        for event_type, name in topics.items():
            if event_type not in known:
                raise ValueError(f"{event_type!r} is not an event type of the catalogue")
            if TOPIC_NAME.fullmatch(name) is None:
                raise ValueError(f"{name!r} is not a Kafka topic name")
        return topics

    def topic_for(self, event_type: str) -> str:
        return self.topics.get(event_type, self.topic)

    def source(self) -> str:
        """The gemeente by its OIN and the system; without an OIN, the system only (never a made-up OIN)."""
        if self.oin is None:
            return system_urn(self.system)
        return source_urn(self.oin, self.system)

    def check_publishable(self) -> None:
        """Events that leave the gateway name the gemeente: publishing without its OIN is refused."""
        if self.oin is None:
            raise EventConfigurationError(
                "IWMO_EVENTS_OIN is not set: events published to Kafka name the gemeente by its OIN"
            )

    def secret(self) -> bytes:
        if self.key_secret is None:
            raise EventConfigurationError("IWMO_EVENTS_KEY_SECRET is not set: event keys cannot be made")
        return self.key_secret.get_secret_value().encode("utf-8")
