"""Requests (WMO315, WMO317) and the gemeente's answers on them (WMO319), with each request's status.

A request's status follows from what answered it: honoured (`toegewezen`) once a WMO301 carried its
reference, else the last WMO319's answer (`afgewezen`, `in_onderzoek`), else `ingediend`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import (
    AntwoordBericht,
    Omvang,
    Product,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from gateway.store.models import Toewijzing, ToewijzingVersie, Verzoek, VerzoekAntwoord, VerzoekProduct
from gateway.store.records.rows import client_id

INGEDIEND = "ingediend"
TOEGEWEZEN = "toegewezen"
BY_ANTWOORD = {"1": "afgewezen", "2": "in_onderzoek"}
"""The status a WMO319 gives, by VerzoekAntwoord."""


async def record_verzoek_om_toewijzing(
    session: AsyncSession,
    bericht: VerzoekOmToewijzingBericht,
    message_id: int,
    gemeente_id: int,
    aanbieder_id: int,
) -> None:
    """Each AangevraagdProduct is a request of its own, known by its ReferentieAanbieder."""
    client = await client_id(session, gemeente_id, bericht.client.bsn)
    for product in bericht.aangevraagde_producten:
        verzoek = _verzoek(
            message_id, gemeente_id, aanbieder_id, client, "toewijzing", product.referentie_aanbieder
        )
        session.add(verzoek)
        await session.flush()
        session.add(
            _product(
                verzoek.id,
                "aangevraagd",
                product.product,
                product.omvang,
                product.toewijzing_ingangsdatum,
                product.toewijzing_einddatum,
                product.budget,
                beschikking_nummer=product.beschikking_nummer,
                beschikking_ingangsdatum=product.beschikking_ingangsdatum,
            )
        )
    await session.flush()


async def record_verzoek_om_wijziging(
    session: AsyncSession,
    bericht: VerzoekOmWijzigingBericht,
    message_id: int,
    gemeente_id: int,
    aanbieder_id: int,
) -> None:
    """The Verzoek is one request; each of its products one row of the desired situation."""
    client = await client_id(session, gemeente_id, bericht.client.bsn)
    wish = bericht.verzoek
    verzoek = _verzoek(message_id, gemeente_id, aanbieder_id, client, "wijziging", wish.referentie_aanbieder)
    verzoek.reden_verzoek = wish.reden_verzoek
    session.add(verzoek)
    await session.flush()
    for kept in wish.ongewijzigde_producten:
        session.add(
            VerzoekProduct(
                verzoek_id=verzoek.id, soort="ongewijzigd", toewijzing_nummer=kept.toewijzing_nummer
            )
        )
    for changed in wish.te_wijzigen_producten:
        row = _product(
            verzoek.id,
            "te_wijzigen",
            None,
            changed.omvang,
            changed.gewenste_ingangsdatum,
            changed.einddatum,
            changed.budget,
        )
        row.toewijzing_nummer = changed.toewijzing_nummer
        session.add(row)
    for new in wish.nieuwe_producten:
        session.add(
            _product(
                verzoek.id,
                "nieuw",
                new.product,
                new.omvang,
                new.gewenste_ingangsdatum,
                new.einddatum,
                new.budget,
            )
        )
    await session.flush()


async def record_antwoord(
    session: AsyncSession, bericht: AntwoordBericht, message_id: int, aanbieder_id: int
) -> None:
    """The answer on the aanbieder's request with its ReferentieAanbieder; none known, nothing to keep."""
    antwoord = bericht.antwoord
    verzoek = await session.scalar(
        select(Verzoek)
        .where(
            Verzoek.aanbieder_id == aanbieder_id,
            Verzoek.referentie_aanbieder == antwoord.referentie_aanbieder,
        )
        .order_by(Verzoek.id.desc())
        .limit(1)
    )
    if verzoek is None:
        return
    session.add(
        VerzoekAntwoord(
            verzoek_id=verzoek.id,
            message_id=message_id,
            verzoek_antwoord=antwoord.verzoek_antwoord,
            reden_afwijzing_verzoek=antwoord.reden_afwijzing_verzoek,
        )
    )
    await session.flush()
    await refresh_status(session, [verzoek])


async def refresh_status(session: AsyncSession, verzoeken: Iterable[Verzoek]) -> None:
    """Set each request's status from what answered it so far (see the module)."""
    for verzoek in verzoeken:
        honoured = await session.scalar(
            select(ToewijzingVersie.id)
            .join(Toewijzing, Toewijzing.id == ToewijzingVersie.toewijzing_id)
            .where(
                Toewijzing.aanbieder_id == verzoek.aanbieder_id,
                ToewijzingVersie.referentie_aanbieder == verzoek.referentie_aanbieder,
            )
            .limit(1)
        )
        last = await session.scalar(
            select(VerzoekAntwoord.verzoek_antwoord)
            .where(VerzoekAntwoord.verzoek_id == verzoek.id)
            .order_by(VerzoekAntwoord.id.desc())
            .limit(1)
        )
        verzoek.status = TOEGEWEZEN if honoured is not None else BY_ANTWOORD.get(last or "", INGEDIEND)
    await session.flush()


def _verzoek(
    message_id: int, gemeente_id: int, aanbieder_id: int, client: int, soort: str, referentie: str
) -> Verzoek:
    return Verzoek(
        message_id=message_id,
        gemeente_id=gemeente_id,
        aanbieder_id=aanbieder_id,
        client_id=client,
        soort=soort,
        referentie_aanbieder=referentie,
        status=INGEDIEND,
    )


def _product(
    verzoek_id: int,
    soort: str,
    product: Product | None,
    omvang: Omvang | None,
    ingangsdatum: date,
    einddatum: date | None,
    budget: int | None,
    *,
    beschikking_nummer: int | None = None,
    beschikking_ingangsdatum: date | None = None,
) -> VerzoekProduct:
    return VerzoekProduct(
        verzoek_id=verzoek_id,
        soort=soort,
        product_categorie=None if product is None else product.categorie,
        product_code=None if product is None else product.code,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        omvang_volume=None if omvang is None else omvang.volume,
        omvang_eenheid=None if omvang is None else omvang.eenheid,
        omvang_frequentie=None if omvang is None else omvang.frequentie,
        budget=budget,
        beschikking_nummer=beschikking_nummer,
        beschikking_ingangsdatum=beschikking_ingangsdatum,
    )
