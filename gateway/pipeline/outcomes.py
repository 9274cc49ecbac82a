"""What became of a submitted message, in the terms the HTTP API turns into status codes.

Every outcome names the stored message (`message_id`); for a repeat that is the message first sent
with these bytes, whose answer is given again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gateway.messages.findings import Finding


@dataclass(frozen=True, slots=True)
class Answered:
    """The gateway answered for the gemeente: `retour` is the stored WMO306/308/316/318 or WMO325."""

    message_id: int
    retour_id: int
    retour: bytes
    repeat: bool = False


@dataclass(frozen=True, slots=True)
class PassedOn:
    """The message was delivered to its receiver's mailbox."""

    message_id: int
    message_type: str
    repeat: bool = False


@dataclass(frozen=True, slots=True)
class Refused:
    """Not a valid message, or one the gateway does not pass on; `findings` say why where they can."""

    message_id: int
    detail: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Forbidden:
    """The caller may not send this message: it names another sender, or its type is not theirs."""

    message_id: int
    detail: str


@dataclass(frozen=True, slots=True)
class Failed:
    """Processing raised; the message is kept with outcome `failed` and may be sent again."""

    message_id: int


Outcome = Answered | PassedOn | Refused | Forbidden | Failed


@dataclass(frozen=True, slots=True)
class Handled:
    """A submitted message as the service's instruments see it: its outcome, type and the rules of its
    findings, and how long it took; no content and no party, so nothing personal reaches a metric."""

    outcome: Outcome
    message_type: str | None
    """None when the bytes were no message of a known type."""
    rules: tuple[str, ...]
    """The rule of each finding, one entry per finding; none for a repeat, counted when first handled."""
    seconds: float


Observer = Callable[[Handled], None]
"""Told of every handled message, after its outcome is stored; must not block."""
