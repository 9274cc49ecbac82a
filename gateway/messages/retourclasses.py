"""Where a verdict's codes land: the classes of a heen message that its retour gives RetourCodes.

Which classes carry RetourCodes is read from the retour schema (every complex element with a
`RetourCodes` child), not listed per message. A retour mirrors its heen message below the body root,
whose name is the same (`Client`, `Antwoord`) or not (`Declaratie` → `DeclaratieAntwoord`); that is
the only translation between the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from gateway.messages.locations import element_path, local_name
from gateway.messages.shapes import MessageShape, Path_
from gateway.messages.verdicts import NOT_ASSESSED, ClassRejection, Codes

RETOURCODES = "RetourCodes"
HEADER = "Header"

_STEP = re.compile(r"^(?P<name>[^\[\]/]+)(?:\[(?P<position>[1-9][0-9]*)\])?$")


@dataclass(frozen=True, slots=True, eq=False)
class Pairing:
    """A heen message and its retour (or claim answer), path for path."""

    heen_body: str
    retour_body: str
    classes: frozenset[Path_]
    """Retour paths of the body's classes that carry RetourCodes."""

    @classmethod
    def of(cls, heen: MessageShape, retour: MessageShape) -> Pairing:
        return cls(
            heen_body=body_root(heen),
            retour_body=body_root(retour),
            classes=frozenset(
                path[:-1]
                for path in retour.declarations
                if path[-1] == RETOURCODES and path[:-1] != (HEADER,)
            ),
        )

    def retour_path(self, heen_path: Path_) -> Path_:
        """The path in the retour of the element at `heen_path` in the heen message."""
        if heen_path[:1] == (self.heen_body,):
            return (self.retour_body, *heen_path[1:])
        return heen_path

    def enclosing_class(self, element: etree._Element) -> etree._Element:
        """The element itself or its nearest ancestor that carries RetourCodes in the retour."""
        current: etree._Element | None = element
        while current is not None and current.getparent() is not None:
            path = shape_path(current)
            if path[0] == HEADER:
                raise ValueError(f"{element_path(element)} is in the Header: that is a HeaderRejection")
            if self.retour_path(path) in self.classes:
                return current
            current = current.getparent()
        raise ValueError(f"{element_path(element)} is in no class that carries RetourCodes")

    def place(self, root: etree._Element, verdict: ClassRejection) -> dict[etree._Element, Codes]:
        """The classes the verdict names (by any element inside them), each with its codes.

        Codes that land on the same class are joined in the order given, each once.
        """
        placed: dict[etree._Element, list[str]] = {}
        for path, codes in verdict.codes.items():
            held = placed.setdefault(self.enclosing_class(find(root, path)), [])
            held.extend(_new(codes, held))
        for path in sorted(verdict.not_assessed):
            target = self.enclosing_class(find(root, path))
            if target in placed:
                raise ValueError(f"{element_path(target)} cannot be both rejected and not assessed")
            placed[target] = [NOT_ASSESSED]
        return {element: tuple(codes) for element, codes in placed.items()}


def body_root(shape: MessageShape) -> str:
    """The one element beside the Header under `Bericht` (`Client`, `Antwoord`, `Declaratie`, ...)."""
    roots = [path[0] for path in shape.declarations if len(path) == 1 and path[0] != HEADER]
    if len(roots) != 1:
        raise ValueError(f"the message {shape.namespace} has body roots {roots}, expected one")
    return roots[0]


def shape_path(element: etree._Element) -> Path_:
    """The element's path below the root, in local names: the key of its declaration in a shape."""
    names: list[str] = []
    current = element
    parent = current.getparent()
    while parent is not None:
        names.append(local_name(current))
        current, parent = parent, parent.getparent()
    return tuple(reversed(names))


def find(root: etree._Element, path: str) -> etree._Element:
    """The element at an element path such as `element_path` writes (`/Bericht/Client/X[2]/Y`).

    A step without a position must be unambiguous; `[1]` on an only child is accepted.
    """
    steps = path.strip("/").split("/")
    if steps[0] != local_name(root):
        raise ValueError(f"{path!r} does not start at the root /{local_name(root)}")
    current = root
    for step in steps[1:]:
        match = _STEP.match(step)
        if match is None:
            raise ValueError(f"{path!r}: {step!r} is not a step of an element path")
        name = match["name"]
        candidates = [c for c in current.iterchildren(etree.Element) if local_name(c) == name]
        if match["position"] is None and len(candidates) > 1:
            raise ValueError(f"{path!r}: {name} is ambiguous, {len(candidates)} elements have that name")
        position = int(match["position"] or 1)
        if position > len(candidates):
            raise ValueError(f"{path!r}: no element {step} in the message")
        current = candidates[position - 1]
    return current


def _new(codes: Iterable[str], held: list[str]) -> list[str]:
    fresh: list[str] = []
    for code in codes:
        if code not in held and code not in fresh:
            fresh.append(code)
    return fresh
