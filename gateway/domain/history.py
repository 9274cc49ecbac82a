"""What the gateway already knows that one message is judged against: a snapshot of stored facts.

The cross-message rules (rules.md part B.2) compare a message with earlier ones. The store fills a
`History` with exactly the facts the message refers to (its ToewijzingNummers, its client, its
ReferentieNummers, ...), so that the rules themselves stay pure and are tested without a database.
Every part is a plain frozen value; the look-ups the rules need are indexed once, when the snapshot
is made. BSNs are kept out of every repr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from gateway.domain.declaraties import Prestatie
from gateway.domain.header import BerichtIdentificatie, XsdVersie
from gateway.domain.periods import Periode
from gateway.domain.products import StartProduct, StopProduct, Toewijzing

REDEN_VERWIJDERD = "13"
"""RedenWijziging 13: the assignment was sent in error and is deleted (treated as never sent)."""

ONDERZOEK = "2"
"""VerzoekAntwoord 2: the request is under investigation, so it is still pending."""

AFGEWEZEN = "afgewezen"
"""Status of a claim line the gemeente rejected; it counts as never submitted."""

VOID_REDENEN = frozenset({REDEN_VERWIJDERD, "01"})
"""RedenWijziging values that, with Einddatum = Ingangsdatum, make an assignment void (TR302, TR349)."""

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class KnownToewijzing:
    """Every stored version of one ToewijzingNummer of the gemeente, with its client and aanbieder."""

    bsn: str = field(repr=False)
    aanbieder: str
    versions: tuple[Toewijzing, ...]
    """In the order the gateway stored them; never empty."""
    current: Toewijzing = field(init=False, repr=False, compare=False)
    """The version with the latest Toewijzingsdatum and -tijd; of equals, the one stored last. Picked
    once, when the snapshot is made: every rule on a claim line compares the line with it."""

    def __post_init__(self) -> None:
        if not self.versions:
            raise ValueError("a known toewijzing has at least one version")
        current = max(reversed(self.versions), key=lambda version: version.vastgesteld)
        object.__setattr__(self, "current", current)

    @property
    def toewijzing_nummer(self) -> int:
        return self.versions[0].toewijzing_nummer

    @property
    def first(self) -> Toewijzing:
        """The version the gemeente fixed first: the assignment as originally given."""
        return min(self.versions, key=lambda version: version.vastgesteld)

    def is_current_on(self, today: date) -> bool:
        """Whether the assignment counts as current (TR349–TR351): valid today or later, and not void.

        Valid on or after today: no Einddatum, or one not before today (which includes every assignment
        starting in the future). Void: Einddatum equal to Ingangsdatum with RedenWijziging 13 or 01.
        """
        version = self.current
        if version.einddatum is not None and version.einddatum < today:
            return False
        return not (version.einddatum == version.ingangsdatum and version.reden_wijziging in VOID_REDENEN)


@dataclass(frozen=True, slots=True)
class KnownLevering:
    """A start or stop class received earlier (StatusAanlevering 1), and whether a later one deleted it."""

    levering: StartProduct | StopProduct
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class KnownVerzoek:
    """A request of the aanbieder (a VOT product or a VOW), with the answers it got so far."""

    referentie_aanbieder: str
    soort: str
    """`toewijzing` (an AangevraagdProduct of a WMO315) or `wijziging` (the Verzoek of a WMO317)."""
    bsn: str = field(repr=False)
    antwoorden: tuple[str, ...] = ()
    """VerzoekAntwoord of every WMO319 on it, in the order they were sent."""
    honoured: bool = False
    """Whether a WMO301 carried its reference: the request was granted."""

    @property
    def pending(self) -> bool:
        """Pending (TR374) until a WMO319 rejected it (VerzoekAntwoord 1) or a WMO301 honoured it."""
        return not self.honoured and all(antwoord == ONDERZOEK for antwoord in self.antwoorden)


@dataclass(frozen=True, slots=True)
class KnownPrestatie:
    """A claim line the aanbieder submitted earlier, with the client it was for and its beoordeling."""

    prestatie: Prestatie
    bsn: str = field(repr=False)
    status: str
    """`ingediend`, `toegekend` or `afgewezen` (see the store's Prestatie)."""

    @property
    def live(self) -> bool:
        """Submitted and not rejected: a rejected line counts as never sent (retour.md §2)."""
        return self.status != AFGEWEZEN


@dataclass(frozen=True, slots=True)
class AnsweredClaim:
    """The WMO323 a WMO325 answers, as the aanbieder sent it; None fields when it could not be read."""

    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie | None
    declaratie_nummer: str | None


@dataclass(frozen=True, slots=True)
class History:
    """The stored facts one message is judged against; what the message does not refer to is left out.

    `earlier_identificaties` are the message's own Identificatie when the same sender used it before
    for the same message type (TR056). `toewijzingen` are the gemeente's assignments the message names
    or its client holds with the aanbieder; `leveringen` the client's start and stop classes from the
    aanbieder in the order received; `verzoeken` the aanbieder's requests the message names or the
    client's pending ones; `prestaties` the aanbieder's claim lines the message names by
    ReferentieNummer or VorigReferentieNummer or that are on its assignments. `declaratie_nummers`
    holds the message's DeclaratieNummer when the aanbieder used it before (TR333), and
    `vorige_declaratie_periode` the latest DeclaratiePeriode of the aanbieder's earlier claims that
    lies before this one (TR318). `answered_claim` is the WMO323 a WMO325 answers, if it was received.
    """

    earlier_identificaties: frozenset[str] = frozenset()
    toewijzingen: tuple[KnownToewijzing, ...] = ()
    leveringen: tuple[KnownLevering, ...] = ()
    verzoeken: tuple[KnownVerzoek, ...] = ()
    prestaties: tuple[KnownPrestatie, ...] = ()
    declaratie_nummers: frozenset[str] = frozenset()
    vorige_declaratie_periode: Periode | None = None
    answered_claim: AnsweredClaim | None = None
    _toewijzingen: Mapping[int, KnownToewijzing] = field(init=False, repr=False, compare=False)
    _verzoeken: Mapping[str, KnownVerzoek] = field(init=False, repr=False, compare=False)
    _by_referentie: Mapping[str, tuple[KnownPrestatie, ...]] = field(init=False, repr=False, compare=False)
    _by_vorige: Mapping[str, tuple[KnownPrestatie, ...]] = field(init=False, repr=False, compare=False)
    _by_toewijzing: Mapping[int, tuple[KnownPrestatie, ...]] = field(init=False, repr=False, compare=False)
    _all_by_referentie: Mapping[str, tuple[KnownPrestatie, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        live = [known for known in self.prestaties if known.live]
        indexes: dict[str, Mapping[object, object]] = {
            "_toewijzingen": {known.toewijzing_nummer: known for known in self.toewijzingen},
            "_verzoeken": {known.referentie_aanbieder: known for known in self.verzoeken},
            "_by_referentie": _grouped(live, lambda known: known.prestatie.referentie_nummer),
            "_by_vorige": _grouped(live, lambda known: known.prestatie.vorig_referentie_nummer),
            "_by_toewijzing": _grouped(live, lambda known: known.prestatie.toewijzing_nummer),
            "_all_by_referentie": _grouped(self.prestaties, lambda known: known.prestatie.referentie_nummer),
        }
        for name, index in indexes.items():
            object.__setattr__(self, name, MappingProxyType(index))

    def toewijzing(self, nummer: int | None) -> KnownToewijzing | None:
        """The gemeente's assignment with this ToewijzingNummer, whoever it was assigned to."""
        return None if nummer is None else self._toewijzingen.get(nummer)

    def verzoek(self, referentie_aanbieder: str | None) -> KnownVerzoek | None:
        return None if referentie_aanbieder is None else self._verzoeken.get(referentie_aanbieder)

    def lines_with_referentie(self, referentie_nummer: str) -> tuple[KnownPrestatie, ...]:
        """The live earlier lines with this ReferentieNummer (normally at most one)."""
        return self._by_referentie.get(referentie_nummer, ())

    def credits_of(self, referentie_nummer: str) -> tuple[KnownPrestatie, ...]:
        """The live earlier credit lines naming this ReferentieNummer as their VorigReferentieNummer."""
        return tuple(
            known for known in self._by_vorige.get(referentie_nummer, ()) if known.prestatie.is_credit
        )

    def lines_on(self, toewijzing_nummer: int) -> tuple[KnownPrestatie, ...]:
        """The live earlier lines, debit and credit, on this ToewijzingNummer."""
        return self._by_toewijzing.get(toewijzing_nummer, ())

    def all_lines_with_referentie(self, referentie_nummer: str) -> tuple[KnownPrestatie, ...]:
        """Every earlier line with this ReferentieNummer, rejected ones too (what a WMO325 may return)."""
        return self._all_by_referentie.get(referentie_nummer, ())


def _grouped(
    lines: Iterable[KnownPrestatie], key: Callable[[KnownPrestatie], K | None]
) -> dict[K, tuple[KnownPrestatie, ...]]:
    groups: dict[K, list[KnownPrestatie]] = {}
    for known in lines:
        value = key(known)
        if value is not None:
            groups.setdefault(value, []).append(known)
    return {value: tuple(group) for value, group in groups.items()}
