"""A decision as the gemeente's ERP states it, in plain values: what the decisions service works from.

Three kinds: a pgb (`pgb` given); natura assigned to an aanbieder through iWmo (`toewijzing` given; the
gateway sends the WMO301); natura provided outside iWmo, such as a hulpmiddel bought at a kostprijs
(`verstrekking` given). The HTTP layer checks that exactly one fits the leveringsvorm.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date

from gateway.domain.pgb import PeriodeSoort, PgbVorm
from gateway.messages.toewijzing import Client
from gateway.policy import Leveringsvorm, Omvang


@dataclass(frozen=True, slots=True)
class PgbTerms:
    vorm: PgbVorm
    bedrag: int
    """Euro cents per period (trekkingsrecht) or for the whole decision (eenmalig)."""
    per: PeriodeSoort = PeriodeSoort.JAAR


@dataclass(frozen=True, slots=True)
class IwmoToewijzing:
    """The aanbieder (AGB code) the product is assigned to, and what the WMO301 assigns."""

    aanbieder: str
    toewijzingnummer: int | None = None
    """None: the gateway picks a number the gemeente has not used."""
    omvang: Omvang | None = None
    budget: int | None = None


@dataclass(frozen=True, slots=True)
class Verstrekking:
    """A provision outside iWmo: what it cost (euro cents) and when it was delivered, if it was."""

    kostprijs: int
    leverdatum: date | None = None


@dataclass(frozen=True, slots=True)
class PolicyTerms:
    """What the decision states for the policy check only (Beleidsregels Wmo 2026); none of it is sent.

    `km_per_jaar`: the kilometres a year a vervoersvoorziening grants (7.2). `afwijking_college`: the
    college sets aside, in this individual case, the limits the Beleidsregels let it (6.3 lid 3, say).
    `spoedeisend`: a spoedeisende situatie, in which there is no pgb (3.4 onder b). `start_werkzaamheden`
    and `besteed_uiterlijk`: when the works a pgb for a woningaanpassing pays for start, and by when the
    pgb is spent (7.4.1).
    """

    km_per_jaar: int | None = None
    afwijking_college: bool = False
    spoedeisend: bool = False
    start_werkzaamheden: date | None = None
    besteed_uiterlijk: date | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    beschikkingnummer: int
    afgiftedatum: date
    client: Client
    ingangsdatum: date
    einddatum: date | None
    leveringsvorm: Leveringsvorm
    productcategorie: str
    productcode: str
    pgb: PgbTerms | None = None
    toewijzing: IwmoToewijzing | None = None
    verstrekking: Verstrekking | None = None
    terms: PolicyTerms = PolicyTerms()

    def fingerprint(self) -> str:
        """The SHA-256 of the decision's content: the same decision sent again has the same one.

        A decision that states no policy terms has the fingerprint it had before there were any, so one
        kept before they came is still a repeat when it is sent again (and finds its WMO301).
        """
        fields = dataclasses.asdict(self)
        if self.terms == PolicyTerms():
            del fields["terms"]
        content = json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(content.encode("utf-8")).hexdigest()
