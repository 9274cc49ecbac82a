"""The iWmo 3.2 codes a mapping may name, so a catalogue with a code the standard lacks is refused.

Values and code-list identifiers are those of the iWmo 3.2 Basisschema (WMO020, WJ756, WMO757);
the Dutch names are what policy texts and error messages call them.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType

PRODUCTCATEGORIE: Mapping[str, str] = MappingProxyType(
    {
        "01": "hulp bij het huishouden",
        "02": "begeleiding",
        "03": "persoonlijke verzorging",
        "04": "kortdurend verblijf",
        "05": "woondiensten",
        "06": "overige ondersteuning gericht op het individu of huishouden",
        "07": "dagbesteding",
        "08": "vervoersdiensten",
        "09": "overige groepsgerichte ondersteuning",
        "10": "overige arrangementen",
        "11": "rolstoelen",
        "12": "vervoersvoorzieningen",
        "13": "woonvoorzieningen en woningaanpassingen",
        "14": "overige hulpmiddelen",
        "15": "beschermd wonen",
        "16": "opvang",
        "17": "crisisopvang",
        "18": "overig beschermd wonen en opvang",
    }
)
"""WMO020 ProductCategorie."""

EENHEID: Mapping[str, str] = MappingProxyType(
    {
        "01": "minuut",
        "04": "uur",
        "14": "etmaal",
        "16": "dagdeel (4 uur)",
        "82": "stuks (outputgericht)",
        "83": "euro",
        "84": "stuks (inspanningsgericht)",
    }
)
"""WJ756 Eenheid."""

FREQUENTIE: Mapping[str, str] = MappingProxyType(
    {
        "1": "per dag",
        "2": "per week",
        "4": "per maand",
        "6": "totaal binnen geldigheidsduur toewijzing",
    }
)
"""WMO757 Frequentie."""

EENHEDEN_WITHOUT_PER_DAY = frozenset({"14", "16", "83", "84"})
"""Eenheden that rule CS338 allows only with Frequentie 2, 4 or 6."""

FREQUENTIE_DAYS: Mapping[str, Fraction] = MappingProxyType(
    {"1": Fraction(1), "2": Fraction(7), "4": Fraction(365, 12)}
)
"""Days covered by one Frequentie period; a month counts as a twelfth of a 365-day year."""

FREQUENTIE_TOTAL = "6"

EENHEID_IN: Mapping[tuple[str, str], Fraction] = MappingProxyType({("01", "04"): Fraction(1, 60)})
"""How many of the second eenheid one of the first is worth, for units that convert (minutes in hours)."""


def factor(eenheid: str, into: str) -> Fraction | None:
    """What one `eenheid` is worth in `into`, or None when the two do not convert."""
    if eenheid == into:
        return Fraction(1)
    return EENHEID_IN.get((eenheid, into))
