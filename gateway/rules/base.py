"""What a rule is: a code, the messages and context elements it applies to, and a check.

A rule's `check` is called on each of its context elements and yields, per violation, the operand
elements the finding names. The engine turns those into findings (present operands, deduplicated,
in document order), so a rule states only the standard's condition and operands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from gateway.rules import values

Element = etree._Element
Operands = Sequence[Element | None]

MESSAGE_NAMESPACE = "http://www.istandaarden.nl/iwmo/3_2/wmo{number}/schema"
BASISSCHEMA = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
MESSAGES_WITH_BSN = ("301", "305", "307", "315", "317", "323", "325")


def tag(number: str, local: str) -> str:
    """The Clark name of an element declared in a message schema (`tag("301", "Contact")`)."""
    return "{" + MESSAGE_NAMESPACE.format(number=number) + "}" + local


def basis(local: str) -> str:
    """The Clark name of a child of a Basisschema type (`basis("Postcode")`)."""
    return "{" + BASISSCHEMA + "}" + local


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """The message under check, with what many rules compare against.

    A new one is made for every run of the rules, so `memo` is where rules keep what they work out
    once per message and share between context elements; it dies with the run.
    """

    root: Element
    message: str
    header_date: Element | None
    memo: dict[object, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Element, message: str) -> Document:
        return cls(
            root=root,
            message=message,
            header_date=values.path(root, "Header", "BerichtIdentificatie", "Dagtekening"),
        )


class Rule:
    """One rule of the standard; subclasses fill in the class attributes and `check`."""

    code: ClassVar[str]
    messages: ClassVar[frozenset[str]]
    """The messages (`WMO301`, ...) in which the rule's context elements occur."""
    contexts: ClassVar[tuple[str, ...]]
    """Clark names of the elements on which the rule is evaluated."""
    retourcode: ClassVar[str | None] = None
    """The retourcode the standard's report gives with a finding (only TR342 gives one)."""
    detail: ClassVar[str]
    """What the rule demands, said once for every finding."""

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        raise NotImplementedError


def messages(*numbers: str) -> frozenset[str]:
    return frozenset(f"WMO{number}" for number in numbers)


def tags(numbers: Iterable[str], local: str) -> tuple[str, ...]:
    return tuple(tag(number, local) for number in numbers)
