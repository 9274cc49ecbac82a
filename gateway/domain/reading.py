"""Reading a schema-valid message tree by local name: the schema has already fixed every namespace."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time
from functools import lru_cache
from typing import TypeVar

from lxml import etree

from gateway.domain.lexical import LexicalError, parse_date, parse_integer, parse_time
from gateway.messages.locations import element_path

T = TypeVar("T")

_parse_date = lru_cache(maxsize=1024)(parse_date)
"""`parse_date` remembered: the lines of a claim or an assignment repeat the same few dates."""
_parse_integer = lru_cache(maxsize=4096)(parse_integer)
"""`parse_integer` remembered: volumes, tariffs, amounts and codes repeat from line to line."""

_LOCAL_NAMES: dict[str, str] = {}
"""Local name by tag (`{namespace}name`): splitting the tag again for every child costs more than looking
it up, and schema-valid messages hold no more tags than their schemas name."""


class DecodeError(ValueError):
    """A tree the domain cannot be read from: not the message it was said to be, or a value out of reach.

    Messages name element paths, never values, so no BSN can end up in one.
    """


class Node:
    """One element of a message, its children indexed by local name once, when the node is made.

    A decoder asks for most children of every element it reads, one field at a time; one pass over the
    children answers all of those questions with a dict lookup instead of a search each. Fields are read
    straight from the child element: a `Node` is only made for an element whose own children are read.

    String types keep their text exactly, whitespace included, as the schema does; numbers, dates and
    times are read as `lexical` reads them.
    """

    __slots__ = ("_first", "element")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self._first = _first_children(element)

    def _required(self, name: str) -> etree._Element:
        found = self._first.get(name)
        if found is None:
            raise DecodeError(f"{element_path(self.element)} has no {name}")
        return found

    def child(self, name: str) -> Node | None:
        found = self._first.get(name)
        return None if found is None else Node(found)

    def one(self, name: str) -> Node:
        return Node(self._required(name))

    def each(self, *path: str) -> list[Node]:
        """Every element at `path` below this one, in document order; [] when a step is absent."""
        return [Node(element) for element in self._elements_at(path)]

    def _elements_at(self, path: tuple[str, ...]) -> list[etree._Element]:
        elements = [self.element]
        for name in path:
            elements = [found for element in elements for found in _children_named(element, name)]
        return elements

    def read(self, name: str, reading: Callable[[Node], T]) -> T:
        return reading(self.one(name))

    def maybe(self, name: str, reading: Callable[[Node], T]) -> T | None:
        found = self.child(name)
        return None if found is None else reading(found)

    def text_of(self, name: str) -> str:
        return _text(self._required(name))

    def optional_text_of(self, name: str) -> str | None:
        found = self._first.get(name)
        return None if found is None else _text(found)

    def integer_of(self, name: str) -> int:
        return _value(self._required(name), _parse_integer)

    def optional_integer_of(self, name: str) -> int | None:
        return self._optional_value(name, _parse_integer)

    def date_of(self, name: str) -> date:
        return _value(self._required(name), _parse_date)

    def optional_date_of(self, name: str) -> date | None:
        return self._optional_value(name, _parse_date)

    def time_of(self, name: str) -> time:
        return _value(self._required(name), parse_time)

    def _optional_value(self, name: str, parse: Callable[[str], T]) -> T | None:
        found = self._first.get(name)
        return None if found is None else _value(found, parse)

    def retour_codes(self) -> tuple[str, ...]:
        """The class's RetourCodes (retour messages only); () where it has none, as in every heen message."""
        if "RetourCodes" not in self._first:
            return ()
        return tuple(_text(element) for element in self._elements_at(("RetourCodes", "RetourCode")))


def _first_children(element: etree._Element) -> dict[str, etree._Element]:
    """The first child element of each local name.

    Walked last to first, so that the first of several is the one kept. Comments and processing
    instructions, whose tag is not a string, are skipped.
    """
    first: dict[str, etree._Element] = {}
    for child in element[::-1]:
        tag = child.tag
        if isinstance(tag, str):
            first[_LOCAL_NAMES.get(tag) or _remember_local_name(tag)] = child
    return first


def _remember_local_name(tag: str) -> str:
    name = _LOCAL_NAMES[tag] = tag.rpartition("}")[2]
    return name


def _children_named(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """The child elements of local name `name` in any namespace; lxml filters them without Python."""
    return element.iterchildren(f"{{*}}{name}")


def _text(element: etree._Element) -> str:
    """The element's text; comments and processing instructions inside it are not part of it."""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def _value(element: etree._Element, parse: Callable[[str], T]) -> T:
    try:
        return parse(_text(element))
    except LexicalError as exc:
        raise DecodeError(f"{element_path(element)}: {exc}") from None
