"""The RetourCodes of a retour or claim answer, level by level, as a tester states them in a scenario.

A retour carries RetourCodes on its Header and on every class of its body (retour.md §3); the level
of a code is told by the class it sits on. The table covers every class of the 3.2 retour schemas.
"""

from __future__ import annotations

from typing import Literal

from lxml import etree

from gateway.messages.locations import local_name
from gateway.messages.parsing import SafeParser

Level = Literal[
    "message", "declaratie", "antwoord", "verzoek", "client", "contact", "relatie", "product", "prestatie"
]

LEVEL_OF_CLASS: dict[str, Level] = {
    "Header": "message",
    "DeclaratieAntwoord": "declaratie",
    "Antwoord": "antwoord",
    "Verzoek": "verzoek",
    "Client": "client",
    "Contact": "contact",
    "Relatie": "relatie",
    "ToegewezenProduct": "product",
    "StartProduct": "product",
    "StopProduct": "product",
    "AangevraagdProduct": "product",
    "NieuwProduct": "product",
    "OngewijzigdProduct": "product",
    "TeWijzigenProduct": "product",
    "Prestatie": "prestatie",
}


def codes_by_level(content: bytes) -> dict[Level, list[str]] | None:
    """Every RetourCode in document order, grouped by level; None when the content is no XML message."""
    root = SafeParser().parse(content)
    if not isinstance(root, etree._Element):
        return None
    levels: dict[Level, list[str]] = {}
    for codes in root.iter(etree.Element):
        if local_name(codes) != "RetourCodes":
            continue
        parent = codes.getparent()
        level = LEVEL_OF_CLASS.get(local_name(parent)) if parent is not None else None
        if level is None:
            continue
        levels.setdefault(level, []).extend(
            "".join(code.itertext()) for code in codes.iterchildren(etree.Element)
        )
    return levels
