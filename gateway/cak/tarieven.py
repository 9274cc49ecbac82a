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
bijdrage is planned instead; its figures are a bill, not law, and are left out on purpose: a year after
the last one in the table is judged at that year's tariff until the gemeente configures its own."""


class MissingTariffError(LookupError):
    """No abonnementstarief is configured for a year a kostprijs has to be judged in: one before the table."""


@dataclass(frozen=True, slots=True)
class Abonnementstarief:
    """The monthly tariff in force on a day; the table can be replaced for another source of truth.

    Provisions run for years ahead (a woningaanpassing is guarded for decades), while the Rijk sets the
    tariff one year at a time. A later year than the table knows therefore takes the latest known
    tariff, the best figure there is when the record has to go out, rather than failing the decision
    or message that needs it; a record derived with it is corrected when the table is extended and the
    client's provisions change again.
    """

    per_jaar: Mapping[int, int] = field(default_factory=lambda: ABONNEMENTSTARIEF)

    def per_maand(self, day: date) -> int:
        """Euro cents charged for the calendar month holding `day`."""
        tarief = self.per_jaar.get(day.year)
        if tarief is not None:
            return tarief
        known = [year for year in self.per_jaar if year < day.year]
        if not known:
            raise MissingTariffError(f"no abonnementstarief configured for {day.year} or any year before it")
        return self.per_jaar[max(known)]
