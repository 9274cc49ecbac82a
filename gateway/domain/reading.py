"""Reading a schema-valid message tree by local name: the schema has already fixed every namespace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

from lxml import etree

from gateway.domain.lexical import LexicalError, parse_date, parse_integer, parse_time
from gateway.messages.locations import element_path, local_name

T = TypeVar("T")


class DecodeError(ValueError):
    """A tree the domain cannot be read from: not the message it was said to be, or a value out of reach.

    Messages name element paths, never values, so no BSN can end up in one.
    """


class Node:
    """One element of a message, its children indexed by local name on first use.

    String types keep their text exactly, whitespace included, as the schema does; numbers, dates and
    times are read as `lexical` reads them.
    """

    __slots__ = ("_children", "element")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self._children: dict[str, list[etree._Element]] | None = None

    def _all(self, name: str) -> list[etree._Element]:
        if self._children is None:
            self._children = {}
            for child in self.element.iterchildren(etree.Element):
                self._children.setdefault(local_name(child), []).append(child)
        return self._children.get(name, [])

    def child(self, name: str) -> Node | None:
        found = self._all(name)
        return Node(found[0]) if found else None

    def one(self, name: str) -> Node:
        found = self.child(name)
        if found is None:
            raise DecodeError(f"{element_path(self.element)} has no {name}")
        return found

    def each(self, *path: str) -> list[Node]:
        """Every element at `path` below this one, in document order; [] when a step is absent."""
        nodes = [self]
        for name in path:
            nodes = [Node(element) for node in nodes for element in node._all(name)]
        return nodes

    def read(self, name: str, reading: Callable[[Node], T]) -> T:
        return reading(self.one(name))

    def maybe(self, name: str, reading: Callable[[Node], T]) -> T | None:
        found = self.child(name)
        return None if found is None else reading(found)

    def text_of(self, name: str) -> str:
        return self.one(name).own_text()

    def optional_text_of(self, name: str) -> str | None:
        found = self.child(name)
        return None if found is None else found.own_text()

    def own_text(self) -> str:
        """The element's text; comments and processing instructions inside it are not part of it."""
        element = self.element
        if len(element) == 0:
            return element.text or ""
        return "".join(element.itertext())

    def integer_of(self, name: str) -> int:
        return self.one(name).value(parse_integer)

    def optional_integer_of(self, name: str) -> int | None:
        return self.maybe(name, lambda node: node.value(parse_integer))

    def date_of(self, name: str) -> date:
        return self.one(name).value(parse_date)

    def optional_date_of(self, name: str) -> date | None:
        return self.maybe(name, lambda node: node.value(parse_date))

    def time_of(self, name: str) -> time:
        return self.one(name).value(parse_time)

    def value(self, parse: Callable[[str], T]) -> T:
        try:
            return parse(self.own_text())
        except LexicalError as exc:
            raise DecodeError(f"{element_path(self.element)}: {exc}") from None

    def retour_codes(self) -> tuple[str, ...]:
        """The class's RetourCodes (retour messages only); () where it has none."""
        return tuple(node.own_text() for node in self.each("RetourCodes", "RetourCode"))
