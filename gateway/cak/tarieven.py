"""The national abonnementstarief per calendar month, by year: configuration, not law written into code.

The amount is set by the Rijk and is not in any message. The gateway needs it only to judge a
kostprijs: one that does not exceed a month's tariff is refused by the CAK (TR409, retourcode S333),
and the kostprijs still to be guarded shrinks by the tariff of every month the CAK charges.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

ABONNEMENTSTARIEF: Mapping[int, int] = MappingProxyType(
    {
        2020: 1900,
        2021: 1900,
        2022: 1900,
        2023: 1900,
        2024: 2060,
        2025: 2100,
        2026: 2180,
    }
)
"""Euro cents per calendar month, per year (CAK; 2024 from Rijksoverheid). Before 2020 the CAK charged
per period of four weeks, so those years are not in the table. From 2027 an income-related eigen
bijdrage is planned instead; its figures are a bill, not law, and are left out on purpose."""


class MissingTariffError(LookupError):
    """No abonnementstarief is configured for a year a kostprijs has to be judged in."""


@dataclass(frozen=True, slots=True)
class Abonnementstarief:
    """The monthly tariff in force on a day; the table can be replaced for another source of truth."""

    per_jaar: Mapping[int, int] = field(default_factory=lambda: ABONNEMENTSTARIEF)

    def per_maand(self, day: date) -> int:
        """Euro cents charged for the calendar month holding `day`."""
        try:
            return self.per_jaar[day.year]
        except KeyError:
            raise MissingTariffError(f"no abonnementstarief configured for {day.year}") from None
