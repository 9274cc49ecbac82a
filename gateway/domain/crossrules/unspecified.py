"""Aspecific and generic assignments: since 2021 they are given without Omvang (TR375, TR412)."""

from __future__ import annotations

from datetime import date

from gateway.domain.products import Toewijzing

LAST_DAY_WITH_OMVANG = date(2020, 12, 31)
"""Until this day an assignment without Product/Code could carry an Omvang."""


def after_2020(toewijzing: Toewijzing) -> bool:
    """Whether the assignment runs past 2020: no Einddatum, or one after 2020-12-31."""
    return toewijzing.einddatum is None or toewijzing.einddatum > LAST_DAY_WITH_OMVANG
