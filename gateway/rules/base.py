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

from gateway.messages.registry import default_registry
from gateway.messages.shapes import MessageShape, message_shape
from gateway.rules import values
from gateway.rules.tables import Table, Tables

Element = etree._Element
Operands = Sequence[Element | None]

MESSAGE_NAMESPACE = "http://www.istandaarden.nl/iwmo/3_2/wmo{number}/schema"
BASISSCHEMA = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
RELEASE = "3.2"
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
    tables: Tables
    memo: dict[object, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Element, message: str) -> Document:
        return cls(
            root=root,
            message=message,
            header_date=values.path(root, "Header", "BerichtIdentificatie", "Dagtekening"),
            tables=Tables(root, shape_of(message)),
        )

    def table(self, *path: str) -> Table:
        return self.tables.table(path)

    @property
    def dagtekening(self) -> Ref:
        """The message date (Header/BerichtIdentificatie/Dagtekening), which many rules compare with."""
        return Ref(self.table("Header"), 0, "BerichtIdentificatie/Dagtekening")


def shape_of(message: str) -> MessageShape:
    """The schema's picture of one iWmo 3.2 message (`WMO323`)."""
    return message_shape(default_registry().release(RELEASE).message(message).schema)


@dataclass(frozen=True, slots=True)
class Ref:
    """One field of one row, as a finding names it; looked up as an element only when reported."""

    table: Table
    row: int
    field: str

    def text(self) -> str | None:
        return self.table.texts(self.field)[self.row]


Operand = str | Ref | None
"""What a finding names: a field of the context's row (by its path below the row), or any other field."""
Hit = tuple[int, tuple[Operand, ...]]
"""One finding of a table rule: the row of its context element, and the operands it names."""


@dataclass(frozen=True, slots=True)
class Context:
    """Where a table rule runs: a table, the context element's path below its rows, and the rows that
    hold one (every row when the context element is the row itself)."""

    table: Table
    field: str
    rows: range | list[int]


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


class TableRule(Rule):
    """A rule that judges all its context elements of a message at once, reading fields as columns."""

    scope: ClassVar[int] = 0
    """How many levels above the context element the rule's table is rooted: 0 runs on a table of
    the context elements themselves, 1 on their parents (to read the context's siblings), and so on."""

    def check_table(self, context: Context, document: Document) -> Iterator[Hit]:
        raise NotImplementedError


def messages(*numbers: str) -> frozenset[str]:
    return frozenset(f"WMO{number}" for number in numbers)


def tags(numbers: Iterable[str], local: str) -> tuple[str, ...]:
    return tuple(tag(number, local) for number in numbers)
