"""Toewijzingen with every version, as `KnownToewijzing`s, by number or by client and aanbieder.

For a claim the toewijzing rows are locked (SELECT ... FOR UPDATE on PostgreSQL) before anything is
read about what was declared on them: two claims on the same assignment then take turns, and the
second sees what the first booked. SQLite needs no lock: every transaction there starts with BEGIN
IMMEDIATE, so writers take turns already.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from gateway.domain import Omvang, Product, Toewijzing
from gateway.domain.history import KnownToewijzing
from gateway.store.known.batches import batches
from gateway.store.known.clients import client_bsns
from gateway.store.models import Party, ToewijzingVersie
from gateway.store.models import Toewijzing as ToewijzingRow


async def toewijzing_rows(
    session: AsyncSession,
    gemeente_id: int,
    *,
    numbers: Iterable[int] = (),
    client_id: int | None = None,
    aanbieder_id: int | None = None,
    lock: bool = False,
) -> list[ToewijzingRow]:
    """The gemeente's toewijzingen with these numbers, and those of the client with the aanbieder.

    With `lock`, the rows are locked for the rest of the transaction, in id order so that two
    transactions locking overlapping sets cannot deadlock.
    """
    conditions: list[ColumnElement[bool]] = [
        ToewijzingRow.toewijzing_nummer.in_(batch) for batch in batches(numbers)
    ]
    if client_id is not None and aanbieder_id is not None:
        conditions.append(
            and_(ToewijzingRow.client_id == client_id, ToewijzingRow.aanbieder_id == aanbieder_id)
        )
    if not conditions:
        return []
    query = select(ToewijzingRow).where(ToewijzingRow.gemeente_id == gemeente_id, or_(*conditions))
    if lock:
        query = query.order_by(ToewijzingRow.id).with_for_update()
    return list((await session.scalars(query)).all())


async def known_toewijzingen(
    session: AsyncSession,
    rows: Sequence[ToewijzingRow],
    *,
    bsns: Mapping[int, str] | None = None,
    codes: Mapping[int, str] | None = None,
) -> tuple[KnownToewijzing, ...]:
    """The rows with their versions, client BSN and aanbieder code; rows without a version are left out.

    The BSNs (by client id) and codes (by party id) the caller knows already are not read again.
    """
    if not rows:
        return ()
    versions: dict[int, list[Toewijzing]] = {}
    by_id = {row.id: row for row in rows}
    for batch in batches(by_id):
        result = await session.scalars(
            select(ToewijzingVersie)
            .where(ToewijzingVersie.toewijzing_id.in_(batch))
            .order_by(ToewijzingVersie.toewijzing_id, ToewijzingVersie.versie)
        )
        for version in result:
            nummer = by_id[version.toewijzing_id].toewijzing_nummer
            versions.setdefault(version.toewijzing_id, []).append(toewijzing_of(version, nummer))
    bsn_of = {**(bsns or {})}
    bsn_of.update(await client_bsns(session, {row.client_id for row in rows} - bsn_of.keys()))
    code_of = {**(codes or {})}
    code_of.update(
        await column_by_id(session, Party.id, Party.code, {row.aanbieder_id for row in rows} - code_of.keys())
    )
    return tuple(
        KnownToewijzing(
            bsn=bsn_of[row.client_id], aanbieder=code_of[row.aanbieder_id], versions=tuple(versions[row.id])
        )
        for row in rows
        if row.id in versions
    )


def toewijzing_of(version: ToewijzingVersie, nummer: int) -> Toewijzing:
    """A stored version as the ToegewezenProduct it was received as (without its Commentaar)."""
    product = None
    if version.product_categorie is not None:
        product = Product(version.product_categorie, version.product_code)
    omvang = None
    if version.omvang_volume is not None and version.omvang_eenheid and version.omvang_frequentie:
        omvang = Omvang(version.omvang_volume, version.omvang_eenheid, version.omvang_frequentie)
    return Toewijzing(
        toewijzing_nummer=nummer,
        referentie_aanbieder=version.referentie_aanbieder,
        product=product,
        toewijzingsdatum=version.toewijzingsdatum,
        toewijzingstijd=version.toewijzingstijd,
        ingangsdatum=version.ingangsdatum,
        einddatum=version.einddatum,
        reden_wijziging=version.reden_wijziging,
        omvang=omvang,
        budget=version.budget,
        commentaar=None,
    )


async def column_by_id(
    session: AsyncSession, key: InstrumentedAttribute[int], column: InstrumentedAttribute[str], ids: set[int]
) -> dict[int, str]:
    """One column of the rows with these ids (a client's BSN, a party's code), by id."""
    found: dict[int, str] = {}
    for batch in batches(ids):
        result = await session.execute(select(key, column).where(key.in_(batch)))
        found.update(dict(result.all()))
    return found
