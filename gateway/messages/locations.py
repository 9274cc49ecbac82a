"""Element paths in the form the standard's validation report uses.

`/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Volume`: local names from the root down,
a step gets `[n]` (1-based) only where the parent has several children of that local name; namespaces
and non-element nodes are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree


def local_name(element: etree._Element) -> str:
    tag = element.tag
    assert isinstance(tag, str)
    return tag.rpartition("}")[2]


def element_path(element: etree._Element) -> str:
    steps: list[str] = []
    current: etree._Element | None = element
    while current is not None:
        name = local_name(current)
        parent = current.getparent()
        if parent is None:
            steps.append(name)
            break
        position = 0
        count = 0
        for sibling in parent.iterchildren(etree.Element):
            if local_name(sibling) == name:
                count += 1
                if sibling is current:
                    position = count
        steps.append(f"{name}[{position}]" if count > 1 else name)
        current = parent
    return "/" + "/".join(reversed(steps))


def document_order(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The distinct elements, sorted as they appear in the document."""
    unique: dict[int, etree._Element] = {}
    for element in elements:
        unique.setdefault(id(element), element)
    return sorted(unique.values(), key=index_path)


def index_path(element: etree._Element) -> tuple[int, ...]:
    """The element's child index at each level from the root down: sorts elements in document order."""
    key: list[int] = []
    current = element
    parent = current.getparent()
    while parent is not None:
        key.append(parent.index(current))
        current, parent = parent, parent.getparent()
    return tuple(reversed(key))


_STEP = re.compile(r"^(?:(?P<any>\*)|(?:(?P<prefix>[^:\[]+):)?(?P<name>[^\[]+))(?:\[(?P<pos>\d+)\])?$")


def resolve_libxml2_path(root: etree._Element, path: str) -> etree._Element | None:
    """Find the element a libxml2 error points at, from the node path libxml2 gives with it.

    libxml2 writes `*` (counting every element sibling) for elements in a default namespace and
    `prefix:name` (counting siblings of that prefix and name) for prefixed ones.
    """
    steps = path.strip("/").split("/")
    if not steps or not steps[0]:
        return None
    current: etree._Element | None = None
    for step in steps:
        match = _STEP.match(step)
        if match is None:
            return None
        position = int(match["pos"] or 1)
        candidates: Iterable[etree._Element] = (
            [root] if current is None else current.iterchildren(etree.Element)
        )
        if not match["any"]:
            name, prefix = match["name"], match["prefix"]
            candidates = [c for c in candidates if local_name(c) == name and c.prefix == prefix]
        found = None
        for index, candidate in enumerate(candidates, start=1):
            if index == position:
                found = candidate
                break
        if found is None:
            return None
        current = found
    return current
