"""The fourteen iWmo 3.2 messages as values, so that no later layer reads XML again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from gateway.domain.client import Client
from gateway.domain.declaraties import Declaratie, DeclaratieAntwoord
from gateway.domain.header import DeclaratieAntwoordHeader, Header, RetourHeader
from gateway.domain.products import StartProduct, StopProduct, Toewijzing
from gateway.domain.verzoeken import AangevraagdProduct, Antwoord, Verzoek


@dataclass(frozen=True, slots=True)
class ToewijzingBericht:
    """WMO301: every current and recently changed assignment of one client for one aanbieder."""

    header: Header
    client: Client
    toewijzingen: tuple[Toewijzing, ...]


@dataclass(frozen=True, slots=True)
class ToewijzingRetour:
    """WMO302, the retour on a WMO301."""

    header: RetourHeader
    client: Client | None
    toewijzingen: tuple[Toewijzing, ...]


@dataclass(frozen=True, slots=True)
class StartBericht:
    """WMO305: delivery started (or an earlier start report deleted)."""

    header: Header
    client: Client
    start_producten: tuple[StartProduct, ...]


@dataclass(frozen=True, slots=True)
class StartRetour:
    """WMO306, the retour on a WMO305."""

    header: RetourHeader
    client: Client | None
    start_producten: tuple[StartProduct, ...]


@dataclass(frozen=True, slots=True)
class StopBericht:
    """WMO307: delivery stopped, for now or for good (or an earlier stop report deleted)."""

    header: Header
    client: Client
    stop_producten: tuple[StopProduct, ...]


@dataclass(frozen=True, slots=True)
class StopRetour:
    """WMO308, the retour on a WMO307."""

    header: RetourHeader
    client: Client | None
    stop_producten: tuple[StopProduct, ...]


@dataclass(frozen=True, slots=True)
class VerzoekOmToewijzingBericht:
    """WMO315: an aanbieder asks for assignments, one AangevraagdProduct per product."""

    header: Header
    client: Client
    aangevraagde_producten: tuple[AangevraagdProduct, ...]


@dataclass(frozen=True, slots=True)
class VerzoekOmToewijzingRetour:
    """WMO316, the retour on a WMO315."""

    header: RetourHeader
    client: Client | None
    aangevraagde_producten: tuple[AangevraagdProduct, ...]


@dataclass(frozen=True, slots=True)
class VerzoekOmWijzigingBericht:
    """WMO317: an aanbieder asks for a change, describing the client's complete desired situation."""

    header: Header
    client: Client
    verzoek: Verzoek


@dataclass(frozen=True, slots=True)
class VerzoekOmWijzigingRetour:
    """WMO318, the retour on a WMO317; `verzoek` is None exactly when `client` is."""

    header: RetourHeader
    client: Client | None
    verzoek: Verzoek | None


@dataclass(frozen=True, slots=True)
class AntwoordBericht:
    """WMO319: a request rejected, or under investigation."""

    header: Header
    antwoord: Antwoord


@dataclass(frozen=True, slots=True)
class AntwoordRetour:
    """WMO320, the retour on a WMO319."""

    header: RetourHeader
    antwoord: Antwoord | None


@dataclass(frozen=True, slots=True)
class DeclaratieBericht:
    """WMO323: a monthly claim."""

    header: Header
    declaratie: Declaratie


@dataclass(frozen=True, slots=True)
class DeclaratieAntwoordBericht:
    """WMO325: the answer on a WMO323; no DeclaratieAntwoord when the claim was rejected on its header."""

    header: DeclaratieAntwoordHeader
    declaratie_antwoord: DeclaratieAntwoord | None


Bericht: TypeAlias = (
    ToewijzingBericht
    | ToewijzingRetour
    | StartBericht
    | StartRetour
    | StopBericht
    | StopRetour
    | VerzoekOmToewijzingBericht
    | VerzoekOmToewijzingRetour
    | VerzoekOmWijzigingBericht
    | VerzoekOmWijzigingRetour
    | AntwoordBericht
    | AntwoordRetour
    | DeclaratieBericht
    | DeclaratieAntwoordBericht
)
"""Any decoded message.

A retour message (WMO302/306/308/316/318/320) repeats its heen message's content with RetourCodes on
every class; when the heen message was accepted, or rejected on its header, it holds only the header,
and its client (or antwoord) is None with no products.
"""
