"""A message read as tables: the instances of one element path as rows, their fields as columns.

The rules compare fields of the same class instance (a claim line's dates, a product's unit and
volume) and of many instances at once (every claim line of a client). Asking lxml for one element at a
time costs more than libxml2 spends parsing and validating it, so a column is read in one go: for a
table of many rows, one compiled XPath returns the texts of a field for all rows from C; for a few
rows, each row's children are indexed once and shared by every field. A small message is instead read
from its outline (`outline`), made in one walk. Rules only see the texts, in row order, and elements
are looked up only for the findings a rule reports.

The fast column read relies on the schema: along the field's path every element occurs at most once,
so a row holds at most one text node there — unless a comment or processing instruction splits the
text, which is checked once per message. When the count of texts differs from the count of rows
(an optional field is absent, or empty), the column is read row by row instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, TypeVar

from lxml import etree

from gateway.messages.shapes import MessageShape
from gateway.messages.shapes import Path_ as Path
from gateway.rules.outline import Outline, element_text

Element = etree._Element
Column = list[str | None]
"""One field of every row: the field's text (its XPath string value), None where it is absent."""

BULK_ROWS = 12
"""From this many rows a column is read with one XPath call; below it, row by row is cheaper."""

_FEW_ROWS = 4
"""Below this many rows a reading is applied to each text; from it, once to each distinct text."""

T = TypeVar("T")


class Table:
    """The elements at one path of a message, in document order, with their fields as columns."""

    def __init__(self, tables: Tables, path: Path, elements: list[Element]) -> None:
        self.tables = tables
        self.path = path
        self.elements = elements
        self._columns: dict[str, Column] = {}
        self._derived: dict[tuple[str, Callable[[str], Any]], list[Any]] = {}
        self._holding: dict[str, list[int]] = {}
        self._row_of: dict[Element, int] | None = None
        self._parents: list[int] | None = None

    def __len__(self) -> int:
        return len(self.elements)

    def texts(self, field: str) -> Column:
        """The texts of `field` ('A/B' below each row; '' for the row element itself)."""
        column = self._columns.get(field)
        if column is None:
            column = self._columns[field] = self._read(field)
        return column

    def values(self, field: str, reading: Callable[[str], T]) -> list[T | None]:
        """`reading` applied to every present text of `field`; each distinct text is read once."""
        key = (field, reading)
        found = self._derived.get(key)
        if found is None:
            texts = self.texts(field)
            if len(texts) < _FEW_ROWS:
                found = self._derived[key] = [None if text is None else reading(text) for text in texts]
                return found
            readings: dict[str | None, T | None] = {
                text: reading(text) for text in set(texts) if text is not None
            }
            readings[None] = None
            found = self._derived[key] = list(map(readings.__getitem__, texts))
        return found

    def has(self, field: str) -> list[bool]:
        """For each row, whether it holds `field`: a presence test, which reads no text."""
        present = [False] * len(self.elements)
        for row in self.rows_with(field):
            present[row] = True
        return present

    def rows_with(self, field: str) -> list[int]:
        """The rows that hold `field`."""
        rows = self._holding.get(field)
        if rows is None:
            outline = self.tables.outline
            if outline is not None:
                rows = outline.rows_with(self.path, field)
            else:
                rows = [row for row, text in enumerate(self.texts(field)) if text is not None]
            self._holding[field] = rows
        return rows

    def element(self, row: int, field: str) -> Element | None:
        """The element a finding names: `field` of this row."""
        outline = self.tables.outline
        if outline is not None:
            return outline.element(self.path, row, field)
        current: Element | None = self.elements[row]
        for step in self._steps(field):
            current = self.tables.child(current, step)
            if current is None:
                return None
        return current

    @property
    def parents(self) -> list[int]:
        """For each row, the row of its parent element in the table one level up."""
        if self._parents is None:
            outline = self.tables.outline
            if outline is not None:
                self._parents = outline.parents(self.path)
            else:
                rows = self.tables.table(self.path[:-1])._rows()
                self._parents = [rows[element.getparent()] for element in self.elements]  # type: ignore[index]
        return self._parents

    def ancestors(self, levels: int) -> list[int]:
        """For each row, the row of its ancestor `levels` steps up, in that ancestor's table."""
        rows = list(range(len(self.elements)))
        table: Table = self
        for _ in range(levels):
            rows = [table.parents[row] for row in rows]
            table = self.tables.table(table.path[:-1])
        return rows

    def _steps(self, field: str) -> tuple[str, ...]:
        return _plan(self.tables.shape, self.path, field).steps

    def _read(self, field: str) -> Column:
        outline = self.tables.outline
        if outline is not None:
            return outline.column(self.path, field)
        if not field:
            return [element_text(element) for element in self.elements]
        plan = _plan(self.tables.shape, self.path, field)
        if plan.bulk and len(self.elements) >= BULK_ROWS:
            return self._read_bulk(plan)
        child = self.tables.child
        column: Column = []
        for element in self.elements:
            current: Element | None = element
            for step in plan.steps:
                current = child(current, step)
                if current is None:
                    break
            column.append(None if current is None else element_text(current))
        return column

    def _read_bulk(self, plan: _Plan) -> Column:
        """The column from C: the field's texts in one call, or, where some rows lack the field (or
        have it empty), the field's elements placed by their row."""
        root = self.tables.root
        if plan.simple and self.tables.plain:
            texts: Column = plan.texts(root)
            if len(texts) == len(self.elements):
                return texts
        column: Column = [None] * len(self.elements)
        found = plan.elements(root)
        if found:
            rows = self._rows()
            for element in found:
                row_element = element
                for _ in plan.steps:
                    row_element = row_element.getparent()
                column[rows[row_element]] = element_text(element)
        return column

    def _rows(self) -> dict[Element, int]:
        if self._row_of is None:
            self._row_of = {element: row for row, element in enumerate(self.elements)}
        return self._row_of


class Tables:
    """Every table of one message, made when a rule first asks for it and kept for the run."""

    def __init__(self, root: Element, shape: MessageShape) -> None:
        self.root = root
        self.shape = shape
        self.outline = Outline.of(root, shape)
        self._tables: dict[Path, Table] = {(): Table(self, (), [root])}
        self._children: dict[Element, dict[object, Element]] = {}

    def holds(self, path: Path) -> bool:
        """Whether the message may hold an element at `path`: the outline knows, and a message read by
        searches leaves it to its tables (which may come out empty)."""
        return self.outline is None or self.outline.holds(path)

    @cached_property
    def plain(self) -> bool:
        """No comment or processing instruction anywhere: every element's text is one text node."""
        return next(self.root.iter(etree.Comment, etree.ProcessingInstruction), None) is None

    def table(self, path: Path) -> Table:
        found = self._tables.get(path)
        if found is None:
            if self.outline is not None:
                elements = self.outline.elements(path)
            elif _holds_repeats(self.shape, path):
                # A search from above would walk every repeat below these rows; their parents are
                # few by comparison.
                clark = self.shape.declarations[path].clark
                parents = self.table(path[:-1]).elements
                elements = [member for parent in parents for member in parent.iterchildren(clark)]
            else:
                elements = _plan(self.shape, path, "").elements(self.root)
            found = self._tables[path] = Table(self, path, elements)
        return found

    def child(self, parent: Element | None, clark: str) -> Element | None:
        """The first child with this Clark name; each parent's children are listed once per run."""
        if parent is None:
            return None
        index = self._children.get(parent)
        if index is None:
            index = {}
            for element in parent:
                index.setdefault(element.tag, element)
            self._children[parent] = index
        return index.get(clark)


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to read one field of one table, worked out once per message type."""

    steps: tuple[str, ...]
    """Clark names from the row element down to the field."""
    bulk: bool
    """At most one field per row, and nothing repeated below the rows: the field can be read for all
    rows in one search that costs about as much as the rows themselves."""
    simple: bool
    """A required field of a simple type: in a plain message each row has one text node for it, unless
    it is empty. (An optional field is looked up by its elements: those present are placed by row.)"""
    texts: etree.XPath
    elements: etree.XPath


@cache
def _plan(shape: MessageShape, path: Path, field: str) -> _Plan:
    full = (*path, *field.split("/")) if field else path
    steps = shape.clarks(full)[len(path) :]
    root = "{" + shape.namespace + "}Bericht"
    located = _descendant(shape, full) or _absolute(root, shape.clarks(full))
    return _Plan(
        steps=steps,
        bulk=bool(field) and shape.single(full, len(path)) and not _holds_repeats(shape, path),
        simple=bool(field) and shape.declarations[full].base is not None and shape.required(full, len(path)),
        texts=_xpath(located, "/text()"),
        elements=_xpath(located, ""),
    )


@cache
def _holds_repeats(shape: MessageShape, path: Path) -> bool:
    """Whether an element at `path` may hold a repeated class (a Client its claim lines)."""
    depth = len(path)
    return any(len(p) > depth and p[:depth] == path and d.repeatable for p, d in shape.declarations.items())


def _descendant(shape: MessageShape, full: Path) -> tuple[str, dict[str, str]] | None:
    """`/n0:Bericht/.../n0:Outer/descendant::n1:Field`, where Outer is the deepest element on the path
    that occurs once per message and no other element below it has the field's name.

    libxml2 answers a location path step by step, merging node sets at every step, which grows
    faster than the message; a descendant search below one element is a single walk.
    """
    clarks = shape.clarks(full)
    outer = 0
    while outer < len(full) - 1 and not shape.declarations[full[: outer + 1]].repeatable:
        outer += 1
    if outer >= len(full) - 1:
        return None
    namesakes = [p for p in shape.paths_of(clarks[-1]) if p[:outer] == full[:outer]]
    if namesakes != [full]:
        return None
    base, namespaces = _absolute("{" + shape.namespace + "}Bericht", clarks[:outer])
    prefixes = {namespace: prefix for prefix, namespace in namespaces.items()}
    namespace, _, local = clarks[-1][1:].partition("}")
    prefix = prefixes.setdefault(namespace, f"n{len(prefixes)}")
    namespaces[prefix] = namespace
    return f"{base}/descendant::{prefix}:{local}", namespaces


def _absolute(root: str, clarks: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """`/n0:Bericht/.../n1:Field` with its namespace prefixes."""
    prefixes: dict[str, str] = {}
    steps = []
    for clark in (root, *clarks):
        namespace, _, local = clark[1:].partition("}")
        prefix = prefixes.setdefault(namespace, f"n{len(prefixes)}")
        steps.append(f"{prefix}:{local}")
    return "/" + "/".join(steps), {prefix: namespace for namespace, prefix in prefixes.items()}


def _xpath(absolute: tuple[str, dict[str, str]], last: str) -> etree.XPath:
    path, namespaces = absolute
    return etree.XPath(path + last, namespaces=namespaces, smart_strings=False, regexp=False)
