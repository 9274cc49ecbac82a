"""A WMO301's ToegewezenProducten as new versions of the gemeente's toewijzingen."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Toewijzing, ToewijzingBericht
from gateway.store.models import ToewijzingVersie, Verzoek
from gateway.store.records.requests import TOEGEWEZEN
from gateway.store.records.rows import client_id, toewijzing_row


async def record_toewijzingen(
    session: AsyncSession, bericht: ToewijzingBericht, message_id: int, gemeente_id: int, aanbieder_id: int
) -> None:
    """Every ToegewezenProduct becomes the next version of its toewijzing; a request it names is honoured."""
    client = await client_id(session, gemeente_id, bericht.client.bsn)
    for toewijzing in bericht.toewijzingen:
        row = await toewijzing_row(
            session, gemeente_id, toewijzing.toewijzing_nummer, aanbieder_id=aanbieder_id, client_id=client
        )
        last = await session.scalar(
            select(func.max(ToewijzingVersie.versie)).where(ToewijzingVersie.toewijzing_id == row.id)
        )
        session.add(_version(toewijzing, row.id, (last or 0) + 1, message_id))
    referenties = {t.referentie_aanbieder for t in bericht.toewijzingen if t.referentie_aanbieder is not None}
    if referenties:
        await session.execute(
            update(Verzoek)
            .where(Verzoek.aanbieder_id == aanbieder_id, Verzoek.referentie_aanbieder.in_(referenties))
            .values(status=TOEGEWEZEN)
            .execution_options(synchronize_session=False)
        )
    await session.flush()


def _version(toewijzing: Toewijzing, toewijzing_id: int, versie: int, message_id: int) -> ToewijzingVersie:
    product, omvang = toewijzing.product, toewijzing.omvang
    return ToewijzingVersie(
        toewijzing_id=toewijzing_id,
        versie=versie,
        message_id=message_id,
        referentie_aanbieder=toewijzing.referentie_aanbieder,
        product_categorie=None if product is None else product.categorie,
        product_code=None if product is None else product.code,
        toewijzingsdatum=toewijzing.toewijzingsdatum,
        toewijzingstijd=toewijzing.toewijzingstijd,
        ingangsdatum=toewijzing.ingangsdatum,
        einddatum=toewijzing.einddatum,
        reden_wijziging=toewijzing.reden_wijziging,
        omvang_volume=None if omvang is None else omvang.volume,
        omvang_eenheid=None if omvang is None else omvang.eenheid,
        omvang_frequentie=None if omvang is None else omvang.frequentie,
        budget=toewijzing.budget,
    )
