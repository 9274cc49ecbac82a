"""An aanbieder's claim lines and claims, as far as one message refers to them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Bedrag, Periode, Prestatie
from gateway.domain.history import KnownPrestatie
from gateway.store.known.batches import batches
from gateway.store.known.clients import client_bsns
from gateway.store.models import Declaratie
from gateway.store.models import Prestatie as PrestatieRow


async def known_prestaties(
    session: AsyncSession,
    aanbieder_id: int,
    *,
    referenties: Iterable[str] = (),
    vorige: Iterable[str] = (),
    toewijzing_ids: Iterable[int] = (),
) -> tuple[KnownPrestatie, ...]:
    """The aanbieder's lines with these ReferentieNummers, or naming these as VorigReferentieNummer, or
    on these toewijzingen; rejected ones included (the History tells them apart)."""
    conditions: list[ColumnElement[bool]] = [
        *(PrestatieRow.referentie_nummer.in_(batch) for batch in batches(referenties)),
        *(PrestatieRow.vorig_referentie_nummer.in_(batch) for batch in batches(vorige)),
        *(PrestatieRow.toewijzing_id.in_(batch) for batch in batches(toewijzing_ids)),
    ]
    if not conditions:
        return ()
    rows = (
        await session.scalars(
            select(PrestatieRow)
            .where(PrestatieRow.aanbieder_id == aanbieder_id, or_(*conditions))
            .order_by(PrestatieRow.id)
        )
    ).all()
    bsns = await client_bsns(session, {row.client_id for row in rows})
    return tuple(
        KnownPrestatie(prestatie_of(row), bsn=bsns[row.client_id], status=row.status) for row in rows
    )


def prestatie_of(row: PrestatieRow) -> Prestatie:
    """A stored line as the Prestatie it was claimed as."""
    return Prestatie(
        referentie_nummer=row.referentie_nummer,
        vorig_referentie_nummer=row.vorig_referentie_nummer,
        toewijzing_nummer=row.toewijzing_nummer,
        product_categorie=row.product_categorie,
        product_code=row.product_code,
        product_periode=Periode(row.periode_begindatum, row.periode_einddatum),
        geleverd_volume=row.geleverd_volume,
        eenheid=row.eenheid,
        product_tarief=row.product_tarief,
        ingediend_bedrag=Bedrag(row.ingediend_bedrag, row.debet_credit),
    )


async def used_declaratie_nummers(session: AsyncSession, aanbieder_id: int, nummer: str) -> frozenset[str]:
    """{nummer} when the aanbieder's stored claims hold that DeclaratieNummer already (TR333), else {}."""
    found = await session.scalar(
        select(Declaratie.id)
        .where(Declaratie.aanbieder_id == aanbieder_id, Declaratie.declaratie_nummer == nummer)
        .limit(1)
    )
    return frozenset() if found is None else frozenset({nummer})


async def previous_period(
    session: AsyncSession, aanbieder_id: int, gemeente_id: int, before: date
) -> Periode | None:
    """The latest DeclaratiePeriode before `before` of the aanbieder's claims to the gemeente (TR318)."""
    row = (
        await session.execute(
            select(Declaratie.periode_begindatum, Declaratie.periode_einddatum)
            .where(
                Declaratie.aanbieder_id == aanbieder_id,
                Declaratie.gemeente_id == gemeente_id,
                Declaratie.periode_begindatum < before,
            )
            .order_by(Declaratie.periode_begindatum.desc())
            .limit(1)
        )
    ).first()
    return None if row is None else Periode(row[0], row[1])
