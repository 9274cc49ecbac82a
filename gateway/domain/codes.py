"""The iWmo 3.2 code values the domain's arithmetic decides on, named after their code lists."""

from __future__ import annotations

from enum import StrEnum


class Frequentie(StrEnum):
    """WMO757: the period an Omvang's Volume applies to."""

    PER_DAG = "1"
    PER_WEEK = "2"
    PER_MAAND = "4"
    TOTAAL = "6"
    """Total over the validity period of the assignment."""


class Eenheid(StrEnum):
    """WJ756: the units an hour may be claimed in (TR341)."""

    MINUUT = "01"
    UUR = "04"


class DebetCredit(StrEnum):
    """COD043."""

    DEBET = "D"
    CREDIT = "C"


class Retourcode(StrEnum):
    """WJ001: the codes of the volume and budget checks (rules.md B.2)."""

    VOLUME_PER_PERIODE = "9321"
    """TR321: a line holds more than its product period allows."""
    VOLUME_CUMULATIEF = "9322"
    """TR322: the lines together hold more than the whole assignment allows."""
    EENHEID = "9341"
    """TR341: the line's Eenheid does not fit the assignment's."""
    BUDGET = "9369"
    """TR369: the lines together exceed the assignment's Budget."""


HUISHOUDELIJKE_HULP = "01"
"""WMO020 category 01, whose weekly volume B.4 turns into a fixed 6 weeks per product period."""
