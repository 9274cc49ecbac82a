"""Announcing what the gemeente recorded: the domain events of each accepted message, and refusals.

`Announcer` is the follower the domain processor calls in the processing transaction; the table in
`follower.py` says which builder turns which message into events. Builders read what was recorded (the
rows of the message) rather than the message alone, so an event says what the record now holds.
"""

from __future__ import annotations

from gateway.pipeline.announcing.follower import Announcer
from gateway.pipeline.announcing.refusals import announce_refusal

__all__ = ["Announcer", "announce_refusal"]
