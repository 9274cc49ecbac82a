"""What the gemeente wants to issue, and what the client already has, as the policy checks read them.

Plain values only: whoever builds a Toewijzing or beschikking fills these in, so the checks need no
I/O and no knowledge of messages or storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.policy.models import Leveringsvorm


@dataclass(frozen=True, slots=True)
class Omvang:
    """CDT_Omvang: Volume in Eenheid (WJ756) per Frequentie (WMO757); in euro cents for Eenheid 83.

    The one value type for it: decoded messages carry it and the policy checks read it."""

    volume: int
    eenheid: str
    frequentie: str


@dataclass(frozen=True, slots=True)
class PricePost:
    """How many of one post of a price table a tegemoetkoming covers (herinrichting: per slaapkamer)."""

    post: str
    aantal: int = 1


@dataclass(frozen=True, slots=True)
class Proposal:
    """One Toewijzing or beschikking the gemeente wants to issue, for one voorziening.

    `budget_cents` is the amount of a pgb or tegemoetkoming. `toekenningsdatum` (default: the
    ingangsdatum), `start_werkzaamheden` and `besteed_uiterlijk` are the terms a pgb for a
    woningaanpassing states. `afwijking_college` records that the college sets aside, in this
    individual case, the limits the Beleidsregels let it set aside. `reference` is the caller's own
    name for the proposal (a ToewijzingNummer, say) and comes back on every violation.
    """

    geboortedatum: date
    productcategorie: str
    productcode: str
    leveringsvorm: Leveringsvorm
    ingangsdatum: date
    einddatum: date | None = None
    omvang: Omvang | None = None
    budget_cents: int | None = None
    km_per_jaar: int | None = None
    spoedeisend: bool = False
    afwijking_college: bool = False
    toekenningsdatum: date | None = None
    start_werkzaamheden: date | None = None
    besteed_uiterlijk: date | None = None
    prijsposten: tuple[PricePost, ...] = ()
    reference: str | None = None

    def amount_cents(self) -> int | None:
        """The money the proposal grants: its budget, or a total Omvang in euro (Eenheid 83)."""
        if self.budget_cents is not None:
            return self.budget_cents
        if self.omvang is not None and self.omvang.eenheid == "83" and self.omvang.frequentie == "6":
            return self.omvang.volume
        return None


@dataclass(frozen=True, slots=True)
class CurrentProvision:
    """A voorziening the client has (or will have) beside the proposal, as its iWmo Product and period."""

    productcategorie: str
    productcode: str
    ingangsdatum: date
    einddatum: date | None = None


@dataclass(frozen=True, slots=True)
class ClientContext:
    """The client's other current provisions, for limits that depend on what else the client has."""

    provisions: tuple[CurrentProvision, ...] = ()
