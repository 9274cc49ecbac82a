"""Every element path a message schema allows, read from our XSDs.

The rules read a message by paths (`Client/Prestaties/Prestatie/ProductCode`) rather than by walking
it, and a rule that names a context element by tag must find it wherever the schema allows it. Both
need the schema's own picture of the message: every path below `Bericht`, with the element's Clark
name, how often it may occur and, for a simple type, its base type and allowed values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"

Path_ = tuple[str, ...]
"""Local names from below `Bericht` down to an element."""


@dataclass(frozen=True, slots=True)
class Declaration:
    """One element declaration, where it sits in the message and what it allows."""

    path: Path_
    clark: str
    min_occurs: int
    repeatable: bool
    base: str | None = None
    """The XSD built-in type a simple type derives from (`string`, `date`, ...); None for a complex
    type, `fixed` for an inline restriction that fixes the value."""
    enumeration: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True, eq=False)
class MessageShape:
    """The declarations of one message schema by path, in document order."""

    namespace: str
    declarations: dict[Path_, Declaration]
    by_clark: dict[str, tuple[Path_, ...]]

    def paths_of(self, clark: str) -> tuple[Path_, ...]:
        """Every path at which an element with this Clark name may occur."""
        return self.by_clark.get(clark, ())

    def clarks(self, path: Path_) -> tuple[str, ...]:
        """The Clark name of every step of `path`."""
        return tuple(self.declarations[path[:depth]].clark for depth in range(1, len(path) + 1))

    def required(self, path: Path_, below: int) -> bool:
        """Whether each element at `path[:below]` holds at least one element at `path`."""
        return all(
            self.declarations[path[:depth]].min_occurs > 0 for depth in range(below + 1, len(path) + 1)
        )

    def single(self, path: Path_, below: int) -> bool:
        """Whether each element at `path[:below]` holds at most one element at `path`."""
        steps = range(below + 1, len(path) + 1)
        return not any(self.declarations[path[:depth]].repeatable for depth in steps)


def _named_types(schema: etree._Element) -> dict[str, etree._Element]:
    return {t.get("name", ""): t for t in schema if t.tag in (XS + "complexType", XS + "simpleType")}


def _simple(
    definition: etree._Element, types: dict[str, dict[str, etree._Element]]
) -> tuple[str, tuple[str, ...]]:
    restriction = definition.find(XS + "restriction")
    if restriction is None:
        raise ValueError(f"simple type {definition.get('name')} is not a restriction")
    values = tuple(e.get("value", "") for e in restriction.findall(XS + "enumeration"))
    prefix, _, local = restriction.get("base", "").rpartition(":")
    if prefix == "xs":
        return local, values
    inner_base, inner_values = _simple(types[prefix][local], types)
    return inner_base, values or inner_values


@cache
def message_shape(schema_path: Path) -> MessageShape:
    """Read a message schema and the Basisschema beside it."""
    message = etree.parse(str(schema_path)).getroot()
    basis = etree.parse(str(schema_path.parent / "basisschema.xsd")).getroot()
    namespaces = {
        prefix: uri for prefix, uri in message.nsmap.items() if prefix is not None and prefix != "xs"
    }
    types = {prefix: _named_types(basis if uri == basis.get("targetNamespace") else message)
             for prefix, uri in namespaces.items()}  # fmt: skip
    declarations: dict[Path_, Declaration] = {}

    def walk(complex_type: etree._Element, owner: str, at: Path_) -> None:
        sequence = complex_type.find(XS + "sequence")
        if sequence is None:
            raise ValueError(f"complex type {complex_type.get('name')} has no sequence")
        for element in sequence.iterchildren(XS + "element"):
            here = (*at, element.get("name", ""))
            clark = "{" + namespaces[owner] + "}" + here[-1]
            min_occurs = int(element.get("minOccurs", "1"))
            repeatable = element.get("maxOccurs", "1") != "1"
            type_name = element.get("type")
            if type_name is None:
                declarations[here] = Declaration(here, clark, min_occurs, repeatable, base="fixed")
                continue
            prefix, _, local = type_name.rpartition(":")
            definition = types[prefix][local]
            if definition.tag == XS + "complexType":
                declarations[here] = Declaration(here, clark, min_occurs, repeatable)
                walk(definition, prefix, here)
            else:
                base, values = _simple(definition, types)
                declarations[here] = Declaration(here, clark, min_occurs, repeatable, base, values)

    root = message.find(XS + "element")
    if root is None:
        raise ValueError(f"{schema_path.name} declares no root element")
    prefix, _, local = root.get("type", "").rpartition(":")
    walk(types[prefix][local], prefix, ())
    by_clark: dict[str, list[Path_]] = {}
    for path, declaration in declarations.items():
        by_clark.setdefault(declaration.clark, []).append(path)
    return MessageShape(
        namespace=message.get("targetNamespace", ""),
        declarations=declarations,
        by_clark={clark: tuple(paths) for clark, paths in by_clark.items()},
    )
