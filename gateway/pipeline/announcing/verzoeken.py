"""WMO315 and WMO317: a request received; WMO319: the gemeente's answer when it does not assign."""

from __future__ import annotations

from sqlalchemy import select

from gateway.domain import (
    AangevraagdProduct,
    AntwoordBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.messages.verdicts import Accepted
from gateway.pipeline.announcing.parts import Events, Followed, bsns, omvang_of, product_of
from gateway.store.models import Verzoek, VerzoekAntwoord

ANTWOORD = {"1": "afgewezen", "2": "in_onderzoek"}
"""VerzoekAntwoord (WJ760) as the event states it."""


async def verzoek_om_toewijzing_events(followed: Followed, bericht: VerzoekOmToewijzingBericht) -> Events:
    """One event per request: each ReferentieAanbieder of the message, with its products."""
    if not isinstance(followed.verdict, Accepted):
        return []
    by_reference: dict[str, list[AangevraagdProduct]] = {}
    for aangevraagd in bericht.aangevraagde_producten:
        by_reference.setdefault(aangevraagd.referentie_aanbieder, []).append(aangevraagd)
    return [
        NewEvent(
            EventType.VERZOEK_ONTVANGEN,
            {
                "referentieAanbieder": referentie,
                "soort": "toewijzing",
                "aanbieder": followed.aanbieder,
                "redenVerzoek": None,
                "producten": [_aangevraagd(p) for p in products],
                "berichtId": followed.bericht_id,
            },
            bericht.client.bsn,
        )
        for referentie, products in by_reference.items()
    ]


async def verzoek_om_wijziging_events(followed: Followed, bericht: VerzoekOmWijzigingBericht) -> Events:
    if not isinstance(followed.verdict, Accepted):
        return []
    verzoek = bericht.verzoek
    producten = [
        *(
            {"soort": "ongewijzigd", "toewijzingNummer": p.toewijzing_nummer}
            for p in verzoek.ongewijzigde_producten
        ),
        *(
            {
                "soort": "te_wijzigen",
                "toewijzingNummer": p.toewijzing_nummer,
                "ingangsdatum": p.gewenste_ingangsdatum,
                "einddatum": p.einddatum,
                "omvang": omvang_of(p.omvang),
                "budget": p.budget,
            }
            for p in verzoek.te_wijzigen_producten
        ),
        *(
            {
                "soort": "nieuw",
                "product": product_of(p.product),
                "ingangsdatum": p.gewenste_ingangsdatum,
                "einddatum": p.einddatum,
                "omvang": omvang_of(p.omvang),
                "budget": p.budget,
            }
            for p in verzoek.nieuwe_producten
        ),
    ]
    data = {
        "referentieAanbieder": verzoek.referentie_aanbieder,
        "soort": "wijziging",
        "aanbieder": followed.aanbieder,
        "redenVerzoek": verzoek.reden_verzoek,
        "producten": producten,
        "berichtId": followed.bericht_id,
    }
    return [NewEvent(EventType.VERZOEK_ONTVANGEN, data, bericht.client.bsn)]


async def antwoord_events(followed: Followed, bericht: AntwoordBericht) -> Events:
    """The answer on a request the gateway knows; one on an unknown request was recorded as nothing."""
    answered = (
        await followed.session.execute(
            select(Verzoek.client_id, VerzoekAntwoord.verzoek_antwoord)
            .join(Verzoek, Verzoek.id == VerzoekAntwoord.verzoek_id)
            .where(VerzoekAntwoord.message_id == followed.bericht_id)
        )
    ).first()
    if answered is None:
        return []
    clients = await bsns(followed.session, {answered.client_id})
    antwoord = bericht.antwoord
    data = {
        "referentieAanbieder": antwoord.referentie_aanbieder,
        "aanbieder": followed.aanbieder,
        "antwoord": ANTWOORD[answered.verzoek_antwoord],
        "redenAfwijzing": antwoord.reden_afwijzing_verzoek,
        "berichtId": followed.bericht_id,
    }
    return [NewEvent(EventType.VERZOEK_BEANTWOORD, data, clients[answered.client_id])]


def _aangevraagd(aangevraagd: AangevraagdProduct) -> dict[str, object]:
    return {
        "soort": "aangevraagd",
        "beschikkingNummer": aangevraagd.beschikking_nummer,
        "product": product_of(aangevraagd.product),
        "ingangsdatum": aangevraagd.toewijzing_ingangsdatum,
        "einddatum": aangevraagd.toewijzing_einddatum,
        "omvang": omvang_of(aangevraagd.omvang),
        "budget": aangevraagd.budget,
    }
