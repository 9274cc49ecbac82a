"""WMO301: each new or changed version of a toewijzing, and the requests it grants.

A WMO301 repeats every current toewijzing of the client at the aanbieder; the gateway stores each as a
version, but only a version that differs from the one before it tells something. Which event it is
follows from the version before it: none, sent; an einddatum equal to the ingangsdatum, withdrawn (it
never took effect; RedenWijziging 13); an einddatum where there was none, or an earlier one, ended;
anything else, changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from gateway.domain import ToewijzingBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.pipeline.announcing.parts import Events, Followed, bsns, omvang
from gateway.store.models import Beschikking, Toewijzing, ToewijzingVersie, Verzoek

CONTENT = (
    "referentie_aanbieder",
    "product_categorie",
    "product_code",
    "toewijzingsdatum",
    "toewijzingstijd",
    "ingangsdatum",
    "einddatum",
    "reden_wijziging",
    "omvang_volume",
    "omvang_eenheid",
    "omvang_frequentie",
    "budget",
)
"""What a version states; a version equal in all of it to the one before repeats that one."""


@dataclass(frozen=True, slots=True)
class Stored:
    nummer: int
    client_id: int
    beschikking_nummer: int | None
    version: ToewijzingVersie
    before: ToewijzingVersie | None


async def toewijzing_events(followed: Followed, bericht: ToewijzingBericht) -> Events:
    stored = await _versions(followed)
    changed = [s for s in stored if s.before is None or _content(s.before) != _content(s.version)]
    clients = await bsns(followed.session, {s.client_id for s in changed})
    events = [NewEvent(_kind(s), _data(s, followed), clients[s.client_id]) for s in changed]
    granted = {s.version.referentie_aanbieder for s in changed} - {None}
    return [*events, *await _granted_requests(followed, granted, clients)]


async def _versions(followed: Followed) -> list[Stored]:
    before = aliased(ToewijzingVersie)
    rows = await followed.session.execute(
        select(
            Toewijzing.toewijzing_nummer,
            Toewijzing.client_id,
            Beschikking.beschikking_nummer,
            ToewijzingVersie,
            before,
        )
        .join(Toewijzing, Toewijzing.id == ToewijzingVersie.toewijzing_id)
        .outerjoin(Beschikking, Beschikking.id == Toewijzing.beschikking_id)
        .outerjoin(
            before,
            and_(
                before.toewijzing_id == ToewijzingVersie.toewijzing_id,
                before.versie == ToewijzingVersie.versie - 1,
            ),
        )
        .where(ToewijzingVersie.message_id == followed.bericht_id)
        .order_by(ToewijzingVersie.id)
    )
    return [Stored(*row) for row in rows]


def _content(version: ToewijzingVersie) -> tuple[object, ...]:
    return tuple(getattr(version, name) for name in CONTENT)


def _kind(stored: Stored) -> EventType:
    version, before = stored.version, stored.before
    if before is None:
        return EventType.TOEWIJZING_VERZONDEN
    if version.einddatum is not None and version.einddatum == version.ingangsdatum:
        return EventType.TOEWIJZING_INGETROKKEN
    if version.einddatum is not None and (before.einddatum is None or version.einddatum < before.einddatum):
        return EventType.TOEWIJZING_BEEINDIGD
    return EventType.TOEWIJZING_GEWIJZIGD


def _data(stored: Stored, followed: Followed) -> dict[str, object]:
    version = stored.version
    common: dict[str, object] = {
        "toewijzingNummer": stored.nummer,
        "versie": version.versie,
        "aanbieder": followed.aanbieder,
        "redenWijziging": version.reden_wijziging,
        "berichtId": followed.bericht_id,
    }
    if _kind(stored) in (EventType.TOEWIJZING_INGETROKKEN, EventType.TOEWIJZING_BEEINDIGD):
        return {**common, "einddatum": version.einddatum}
    return {
        **common,
        "product": {"categorie": version.product_categorie, "code": version.product_code},
        "ingangsdatum": version.ingangsdatum,
        "einddatum": version.einddatum,
        "omvang": omvang(version.omvang_volume, version.omvang_eenheid, version.omvang_frequentie),
        "budget": version.budget,
        "referentieAanbieder": version.referentie_aanbieder,
        "beschikkingNummer": stored.beschikking_nummer,
    }


async def _granted_requests(
    followed: Followed, referenties: set[str | None], clients: dict[int, str]
) -> Events:
    """A version naming a request of this aanbieder by its ReferentieAanbieder answers it: granted."""
    if not referenties:
        return []
    rows = await followed.session.execute(
        select(Verzoek.referentie_aanbieder, Verzoek.client_id)
        .where(
            Verzoek.aanbieder_id == followed.received.receiver.id,
            Verzoek.referentie_aanbieder.in_(referenties),
        )
        .distinct()
        .order_by(Verzoek.referentie_aanbieder)
    )
    answered = rows.all()
    known = clients | await bsns(followed.session, {row.client_id for row in answered} - set(clients))
    return [
        NewEvent(
            EventType.VERZOEK_BEANTWOORD,
            {
                "referentieAanbieder": row.referentie_aanbieder,
                "aanbieder": followed.aanbieder,
                "antwoord": "toegewezen",
                "redenAfwijzing": None,
                "berichtId": followed.bericht_id,
            },
            known[row.client_id],
        )
        for row in answered
    ]
