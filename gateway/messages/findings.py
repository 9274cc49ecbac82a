"""What a check says about a message: findings, and the report that collects them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml import etree

    from gateway.messages.registry import MessageType

XML = "XML"
"""Rule name of a finding on input that is not a well-formed, acceptable XML document."""

XSD = "XSD"
"""Rule name of a finding on a document that breaks the message schema."""

DOCUMENT = "/"
"""Location of a finding about the document as a whole (nothing element-shaped to point at)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a message.

    A finding may point at several elements (the standard's rules name up to dozens);
    `locations` holds them all in document order and `location` is the first.
    """

    rule: str
    retourcode: str | None
    locations: tuple[str, ...]
    detail: str

    @property
    def location(self) -> str:
        return self.locations[0] if self.locations else DOCUMENT

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "retourcode": self.retourcode,
            "location": self.location,
            "locations": list(self.locations) or [DOCUMENT],
            "detail": self.detail,
        }


@dataclass(slots=True)
class Report:
    """The verdict on one message: its type (when it could be told) and every finding.

    The parsed tree travels along so that later stages (rules, decoding) need not parse again.
    """

    message: MessageType | None
    findings: list[Finding] = field(default_factory=list)
    tree: etree._Element | None = None
    schema_valid: bool = False

    @property
    def valid(self) -> bool:
        return self.schema_valid and not self.findings

    @property
    def message_code(self) -> str | None:
        return self.message.code if self.message is not None else None
