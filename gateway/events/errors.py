"""The events package's own failures, so callers handle them without knowing pydantic, Kafka or SQLAlchemy.

    EventError
     ├── CatalogueError           data does not fit the catalogue entry of its event type (a caller's bug)
     ├── EventConfigurationError  a setting the events need is missing or unusable
     ├── BrokerError              Kafka could not be used (down, unreachable, refused)
     │    └── PublishError        the broker did not acknowledge events sent to it
     └── RelayLockError           the relay could not take or keep its single-relay lock

No message of these exceptions carries event data, a key's input or a BSN.
"""

from __future__ import annotations


class EventError(Exception):
    """Something about events prevents the gateway from recording or publishing them."""


class CatalogueError(EventError):
    """The data given for an event type is not what its catalogue entry describes."""


class EventConfigurationError(EventError):
    """The events are configured incompletely or wrongly; the message names the setting."""


class BrokerError(EventError):
    """Kafka could not be used: unreachable, down, or refusing what was asked."""


class PublishError(BrokerError):
    """The broker did not acknowledge what was sent to it; the events stay in the outbox."""


class RelayLockError(EventError):
    """The single-relay lock could not be taken or was lost, for instance with the database connection."""
