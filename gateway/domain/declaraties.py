"""Claims (WMO323) and the gemeente's answer on them (WMO325); amounts in euro cents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gateway.domain.codes import DebetCredit
from gateway.domain.periods import Periode


@dataclass(frozen=True, slots=True)
class Bedrag:
    """CDT_BedragMetDC or CDT_TotaalBedragMetDC: an unsigned amount and whether it is debit or credit."""

    bedrag: int
    debet_credit: str

    @property
    def signed(self) -> int:
        """The amount with its sign: negative for credit."""
        return -self.bedrag if self.debet_credit == DebetCredit.CREDIT else self.bedrag


@dataclass(frozen=True, slots=True)
class Prestatie:
    """One claim line: what was delivered on one assignment in one product period.

    A credit line cancels the earlier debit line whose ReferentieNummer it names as its
    VorigReferentieNummer. `retour_codes` only in a WMO325, where only rejected lines are returned.
    """

    referentie_nummer: str
    vorig_referentie_nummer: str | None
    toewijzing_nummer: int
    product_categorie: str
    product_code: str
    product_periode: Periode
    geleverd_volume: int
    eenheid: str
    product_tarief: int | None
    ingediend_bedrag: Bedrag
    retour_codes: tuple[str, ...] = ()

    @property
    def is_credit(self) -> bool:
        return self.ingediend_bedrag.debet_credit == DebetCredit.CREDIT

    @property
    def signed_bedrag(self) -> int:
        """IngediendBedrag with its sign, as TR358 adds lines up: debit positive, credit negative."""
        return self.ingediend_bedrag.signed


@dataclass(frozen=True, slots=True)
class DeclaratieClient:
    """A client's claim lines in a WMO323 or WMO325; the BSN is kept out of `repr`."""

    bsn: str = field(repr=False)
    prestaties: tuple[Prestatie, ...] = ()
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Declaratie:
    """A monthly claim (WMO323) for the DeclaratiePeriode, over one or more clients."""

    declaratie_nummer: str
    declaratie_periode: Periode
    declaratie_dagtekening: date
    totaal_ingediend_bedrag: Bedrag
    clienten: tuple[DeclaratieClient, ...]


@dataclass(frozen=True, slots=True)
class DeclaratieAntwoord:
    """The answer on a claim (WMO325): the granted total and only the rejected lines, with their codes."""

    declaratie_nummer: str
    totaal_ingediend_bedrag: Bedrag
    totaal_toegekend_bedrag: Bedrag
    clienten: tuple[DeclaratieClient, ...]
    retour_codes: tuple[str, ...]
