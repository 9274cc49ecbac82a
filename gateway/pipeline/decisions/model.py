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

    def fingerprint(self) -> str:
        """The SHA-256 of the decision's content: the same decision sent again has the same one."""
        content = json.dumps(dataclasses.asdict(self), sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(content.encode("utf-8")).hexdigest()
