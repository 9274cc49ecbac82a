"""What our XSDs allow at each element path, read from the schemas, for generating schema-valid variants."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"


@dataclass(frozen=True)
class Shape:
    """One element declaration: its occurrences and, for a simple type, its base and allowed values."""

    min_occurs: int
    repeatable: bool
    base: str | None = None
    enumeration: tuple[str, ...] = field(default=())


def _types(schema: etree._Element) -> dict[str, etree._Element]:
    return {t.get("name", ""): t for t in schema if t.tag in (XS + "complexType", XS + "simpleType")}


def _simple(definition: etree._Element, types: dict[str, dict[str, etree._Element]]) -> tuple[str, list[str]]:
    restriction = definition.find(XS + "restriction")
    assert restriction is not None
    base = restriction.get("base", "")
    values = [e.get("value", "") for e in restriction.findall(XS + "enumeration")]
    prefix, _, local = base.rpartition(":")
    if prefix != "xs":
        inner_base, inner_values = _simple(types[prefix][local], types)
        return inner_base, values or inner_values
    return local, values


@cache
def shapes(schema_path: Path) -> dict[tuple[str, ...], Shape]:
    """Every element path (local names below `Bericht`) of a message schema with its shape."""
    message = etree.parse(str(schema_path)).getroot()
    basis = etree.parse(str(schema_path.parent / "basisschema.xsd")).getroot()
    prefix = schema_path.stem.lower()
    types = {"iwmo": _types(basis), prefix: _types(message)}
    result: dict[tuple[str, ...], Shape] = {}

    def walk(complex_type: etree._Element, owner: str, at: tuple[str, ...]) -> None:
        sequence = complex_type.find(XS + "sequence")
        assert sequence is not None
        for declaration in sequence:
            name = declaration.get("name", "")
            here = (*at, name)
            occurs = (int(declaration.get("minOccurs", "1")), declaration.get("maxOccurs", "1") != "1")
            type_name = declaration.get("type")
            if type_name is None:
                inline = declaration.find(XS + "simpleType")
                assert inline is not None
                result[here] = Shape(*occurs, base="fixed")
                continue
            type_prefix, _, local = type_name.rpartition(":")
            definition = types[type_prefix][local]
            if definition.tag == XS + "complexType":
                result[here] = Shape(*occurs)
                walk(definition, type_prefix, here)
            else:
                base, values = _simple(definition, types)
                result[here] = Shape(*occurs, base=base, enumeration=tuple(values))

    walk(types[prefix]["Root"], prefix, ())
    return result
