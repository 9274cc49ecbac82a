"""What a rule is: a code, the messages and context elements it applies to, and a check over tables.

The standard's stylesheet evaluates each rule on every context element. Here a rule is handed all its
context elements at one schema path at once, as a table whose fields it reads as columns, and yields
per violation the row of the context element and the fields the finding names. The engine locates
those (present operands, deduplicated, in document order), so a rule states only the standard's
condition and operands, and pays Python's price per row rather than per element access.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar, NamedTuple

from lxml import etree

from gateway.messages.registry import default_registry
from gateway.messages.shapes import MessageShape, Path_, message_shape
from gateway.rules.tables import Table, Tables

Element = etree._Element

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


@cache
def shape_of(message: str) -> MessageShape:
    """The schema's picture of one iWmo 3.2 message (`WMO323`)."""
    return message_shape(default_registry().release(RELEASE).message(message).schema)


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """The message under check, read as tables; a new one for every run, so nothing outlives it."""

    message: str
    tables: Tables

    @classmethod
    def of(cls, root: Element, message: str) -> Document:
        return cls(message=message, tables=Tables(root, shape_of(message)))

    def table(self, *path: str) -> Table:
        return self.tables.table(path)

    @property
    def dagtekening(self) -> Ref:
        """The message date (Header/BerichtIdentificatie/Dagtekening), which many rules compare with."""
        return Ref(self.table("Header"), 0, "BerichtIdentificatie/Dagtekening")


class Ref(NamedTuple):
    """One field of one row, as a finding names it; looked up as an element only when reported."""

    table: Table
    row: int
    field: str

    def text(self) -> str | None:
        return self.table.texts(self.field)[self.row]


Operand = str | Ref | None
"""What a finding names: a field of the context's row (by its path below the row), or any other field."""
Hit = tuple[int, tuple[Operand, ...]]
"""One finding: the row of its context element, and the operands it names."""


class Context(NamedTuple):
    """Where a rule runs: a table, the context element's path below its rows ('' when the context
    element is the row itself), and the rows that hold one."""

    table: Table
    field: str
    rows: range | list[int]

    @property
    def path(self) -> Path_:
        """The context element's path below `Bericht`."""
        return (*self.table.path, *self.field.split("/")) if self.field else self.table.path


class Rule:
    """One rule of the standard; subclasses fill in the class attributes and `check`."""

    code: ClassVar[str]
    messages: ClassVar[frozenset[str]]
    """The messages (`WMO301`, ...) in which the rule's context elements occur."""
    contexts: ClassVar[tuple[str, ...]]
    """Clark names of the elements on which the rule is evaluated, wherever the schema puts them."""
    retourcode: ClassVar[str | None] = None
    """The retourcode the standard's report gives with a finding (only TR342 gives one)."""
    detail: ClassVar[str]
    """What the rule demands, said once for every finding."""
    scope: ClassVar[int] = 0
    """How many levels above the context element the rule's table is rooted: 0 runs on a table of
    the context elements themselves, 1 on their parents (to read the context's siblings), and so on."""

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        """The scope at one context path; a rule may vary it by path (see `instance_scope`)."""
        return self.scope

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        """Whether the rule judges context elements at this path (a name may occur where the rule
        does not look); decided once per message type, so the check never runs there."""
        return True

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        raise NotImplementedError


def instance_scope(shape: MessageShape, path: Path_) -> int:
    """The levels from a context element up to the class instance holding it: its nearest repeatable
    ancestor-or-self, else the top-level element it sits in.

    Rules whose contexts sit inside a claim line then all read the Prestatie table, and share its
    columns instead of each reading the same field into a table of its own.
    """
    for depth in range(len(path), 1, -1):
        if shape.declarations[path[:depth]].repeatable:
            return len(path) - depth
    return len(path) - 1


def messages(*numbers: str) -> frozenset[str]:
    return frozenset(f"WMO{number}" for number in numbers)


def tags(numbers: Iterable[str], local: str) -> tuple[str, ...]:
    return tuple(tag(number, local) for number in numbers)
