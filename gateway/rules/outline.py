"""A small message read in one pass: every element by its schema path, in document order.

For a message of a few dozen elements, asking lxml for each table and field separately costs several
times what libxml2 spends parsing and validating it. One flat iteration over the tree (lxml's, in C)
places every element at its schema path by its Clark name, asking for its parent only where a name
occurs at several paths (a recursive walk in Python costs a third more). Tables are then the
elements at a path, and a column the texts at a field's path placed by their parents' rows, as plain
list work. Large messages are read by compiled XPath searches instead (see `tables`): there any walk
in Python would cost more than the parse.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from lxml import etree

from gateway.messages.shapes import MessageShape
from gateway.messages.shapes import Path_ as Path

Element = etree._Element
Column = list[str | None]

OUTLINE_ELEMENTS = 500
"""Up to this many nodes below the root a message is outlined; a larger one is read by XPath searches."""

_NONE: list[Any] = []
"""What a path no element of the message sits at holds (shared, never changed)."""

_Place = tuple[int, int]
"""An element's path id and its parent's path id (a name shared by several paths)."""


@dataclass(frozen=True, slots=True)
class _Field:
    """How a field sits below a table's rows: the path id of each step, and whether every step occurs
    at most once (then each field element belongs to its own row)."""

    table: int
    steps: tuple[int, ...]
    single: bool


@dataclass(frozen=True, slots=True, eq=False)
class _Layout:
    """The schema's paths of one message type, numbered, as the walk places elements on them."""

    shape: MessageShape
    ids: dict[Path, int]
    up: list[int]
    """The path id of each path's parent."""
    unique: dict[str, int]
    """The path id of each Clark name that occurs at one path only."""
    shared: dict[str, tuple[_Place, ...]]
    """The places of each Clark name that occurs at several paths; the parent tells them apart."""
    simple: frozenset[int]
    """The path ids of elements of a simple type, whose text is one text node in a plain message."""
    fields: dict[tuple[Path, str], _Field]

    def field(self, path: Path, name: str) -> _Field:
        found = self.fields.get((path, name))
        if found is None:
            full = (*path, *name.split("/")) if name else path
            steps = tuple(self.ids[full[:depth]] for depth in range(len(path) + 1, len(full) + 1))
            single = self.shape.single(full, len(path))
            found = self.fields[(path, name)] = _Field(self.ids[path], steps, single)
        return found


@cache
def _layout(shape: MessageShape) -> _Layout:
    ids: dict[Path, int] = {(): 0}
    for path in shape.declarations:
        ids[path] = len(ids)
    places: dict[str, list[_Place]] = {}
    for path, declaration in shape.declarations.items():
        places.setdefault(declaration.clark, []).append((ids[path], ids[path[:-1]]))
    return _Layout(
        shape,
        ids,
        up=[0, *(ids[path[:-1]] for path in shape.declarations)],
        unique={clark: found[0][0] for clark, found in places.items() if len(found) == 1},
        shared={clark: tuple(found) for clark, found in places.items() if len(found) > 1},
        simple=frozenset(ids[path] for path, d in shape.declarations.items() if d.base is not None),
        fields={},
    )


class Outline:
    """Every element of one message at each schema path, in document order; each element's parent row
    is worked out when a rule first needs it."""

    def __init__(self, root: Element, layout: _Layout, nodes: Iterator[Element]) -> None:
        self._ids = layout.ids
        self._layout = layout
        self._texts: dict[int, Column] = {}
        self._parents: dict[int, list[int]] = {0: [0]}
        self._firsts: dict[int, dict[int, int]] = {}
        self._owned: dict[tuple[int, int], list[int]] = {}
        elements: defaultdict[int, list[Element]] = defaultdict(list)
        elements[0].append(root)
        self._elements = elements
        self._plain = True
        unique, shared = layout.unique, layout.shared
        for node in nodes:
            at = unique.get(node.tag)  # type: ignore[arg-type]
            if at is None:
                if node.tag not in shared:
                    self._plain = False  # a comment or processing instruction
                    continue
                at = _placed_below(node.getparent(), shared[node.tag], elements)
            elements[at].append(node)

    @classmethod
    def of(cls, root: Element, shape: MessageShape) -> Outline | None:
        """The outline of a message that is small enough, else None."""
        nodes = root.iter()
        next(nodes)  # the root itself
        outline = cls(root, _layout(shape), islice(nodes, max(OUTLINE_ELEMENTS, 0)))
        return outline if next(nodes, None) is None else None

    def holds(self, path: Path) -> bool:
        return self._ids[path] in self._elements  # only the walk adds paths

    def elements(self, path: Path) -> list[Element]:
        return self._elements.get(self._ids[path], _NONE)

    def parents(self, path: Path) -> list[int]:
        """For each element at `path`, the row of its parent among the elements at `path[:-1]`."""
        return self._parents_at(self._ids[path])

    def column(self, path: Path, name: str) -> Column:
        """The texts of field `name` below each element at `path`: at every step the first such child."""
        field = self._layout.field(path, name)
        if not field.steps:
            return self._texts_at(field.table)
        texts = self._texts_at(field.steps[-1])
        rows = len(self._elements.get(field.table, _NONE))
        if not field.single:
            return [None if i is None else texts[i] for i in self._follow(field, None)]
        if len(texts) == rows:
            return texts  # one per row, so in row order
        column: Column = [None] * rows
        for row, text in zip(self._owners(field), texts, strict=True):
            column[row] = text
        return column

    def rows_with(self, path: Path, name: str) -> list[int]:
        """The rows at `path` that hold field `name`."""
        field = self._layout.field(path, name)
        if not field.steps:
            return list(range(len(self._elements.get(field.table, _NONE))))
        if not field.single:
            return [row for row, i in enumerate(self._follow(field, None)) if i is not None]
        return self._owners(field)

    def element(self, path: Path, row: int, name: str) -> Element | None:
        """Field `name` of one row: at every step the first such child."""
        field = self._layout.field(path, name)
        (index,) = self._follow(field, row)
        return (
            None if index is None else self._elements[field.steps[-1] if field.steps else field.table][index]
        )

    def _texts_at(self, at: int) -> Column:
        texts = self._texts.get(at)
        if texts is None:
            elements = self._elements.get(at, _NONE)
            if self._plain and at in self._layout.simple:
                texts = [element.text or "" for element in elements]
            else:
                texts = [element_text(element) for element in elements]
            self._texts[at] = texts
        return texts

    def _parents_at(self, at: int) -> list[int]:
        parents = self._parents.get(at)
        if parents is None:
            elements = self._elements.get(at, _NONE)
            above = self._elements.get(self._layout.up[at], _NONE)
            if len(above) == 1:
                parents = [0] * len(elements)
            else:
                row_of = {element: row for row, element in enumerate(above)}
                parents = [row_of[element.getparent()] for element in elements]
            self._parents[at] = parents
        return parents

    def _owners(self, field: _Field) -> list[int]:
        """For a single field, the row each of its elements belongs to."""
        if len(field.steps) == 1:
            return self._parents_at(field.steps[0])
        key = (field.table, field.steps[-1])
        rows = self._owned.get(key)
        if rows is None:
            rows = self._parents_at(field.steps[-1])
            for step in field.steps[-2::-1]:
                parents = self._parents_at(step)
                rows = [parents[row] for row in rows]
            self._owned[key] = rows
        return rows

    def _follow(self, field: _Field, row: int | None) -> list[int | None]:
        """The index of the field's element for one row (or every row), None where there is none."""
        index: list[int | None] = (
            list(range(len(self._elements.get(field.table, _NONE)))) if row is None else [row]
        )
        for at in field.steps:
            firsts = self._firsts.get(at)
            if firsts is None:
                parents = self._parents_at(at)
                # Built from the last child back, so that each parent keeps its first child.
                firsts = self._firsts[at] = dict(
                    zip(reversed(parents), range(len(parents) - 1, -1, -1), strict=True)
                )
            index = [None if i is None else firsts.get(i) for i in index]
        return index


def _placed_below(
    parent: Element | None, places: tuple[_Place, ...], elements: dict[int, list[Element]]
) -> int:
    """The path id, among those of a shared name, whose parent path holds the element's parent: in
    document order the latest element placed there."""
    for at, up in places:
        seen = elements.get(up)
        if seen and seen[-1] is parent:
            return at
    raise ValueError("an element the schema does not place")


def element_text(element: Element) -> str:
    """The element's string value as XPath sees it."""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())
