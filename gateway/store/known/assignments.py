"""Toewijzingen with every version, as `KnownToewijzing`s, by number or by client and aanbieder.

For a claim the toewijzing rows are locked (SELECT ... FOR UPDATE on PostgreSQL) before anything is
read about what was declared on them: two claims on the same assignment then take turns, and the
second sees what the first booked. SQLite needs no lock: every transaction there starts with BEGIN
IMMEDIATE, so writers take turns already.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Omvang, Product, Toewijzing
from gateway.domain.history import KnownToewijzing
from gateway.store.bulk import dialect_of
from gateway.store.known.batches import key_batches, key_lookup
from gateway.store.known.clients import client_bsns
from gateway.store.known.rows import TableRow
from gateway.store.models import Party, ToewijzingVersie
from gateway.store.models import Toewijzing as ToewijzingRow

# Every message about an assignment reads these, a claim for each of its lines, so they are built once. One
# shape serves every caller: an absent list of numbers is an empty one, an absent client a NULL that
# matches nothing.
_TOEWIJZING = ToewijzingRow.__table__.c
_TOEWIJZINGEN = key_lookup(
    lambda one_of: select(
        _TOEWIJZING.id, _TOEWIJZING.toewijzing_nummer, _TOEWIJZING.client_id, _TOEWIJZING.aanbieder_id
    ).where(
        _TOEWIJZING.gemeente_id == bindparam("gemeente_id"),
        or_(
            one_of(_TOEWIJZING.toewijzing_nummer, "numbers"),
            and_(
                _TOEWIJZING.client_id == bindparam("client_id"),
                _TOEWIJZING.aanbieder_id == bindparam("aanbieder_id"),
            ),
        ),
    )
)
_LOCKED = {
    dialect: query.order_by(_TOEWIJZING.toewijzing_nummer).with_for_update()
    for dialect, query in _TOEWIJZINGEN.items()
}
"""Locked in number order: the numbers are asked for in sorted batches (one on PostgreSQL), so every
claim locks in that one order, however its batches fall, and two claims locking overlapping sets cannot
deadlock."""
_VERSIE = ToewijzingVersie.__table__.c
_VERSIONS = key_lookup(
    lambda one_of: (
        select(*_VERSIE)
        .where(one_of(_VERSIE.toewijzing_id, "ids"))
        .order_by(_VERSIE.toewijzing_id, _VERSIE.versie)
    )
)
_PARTY = Party.__table__.c
_CODES = key_lookup(lambda one_of: select(_PARTY.id, _PARTY.code).where(one_of(_PARTY.id, "ids")))


async def toewijzing_rows(
    session: AsyncSession,
    gemeente_id: int,
    *,
    numbers: Iterable[int] = (),
    client_id: int | None = None,
    aanbieder_id: int | None = None,
    lock: bool = False,
) -> list[TableRow]:
    """The gemeente's toewijzingen with these numbers, and those of the client with the aanbieder.

    Plain rows of their id, toewijzing_nummer, client_id and aanbieder_id: callers only read them. With
    `lock`, the rows are locked for the rest of the transaction.
    """
    of_client = client_id is not None and aanbieder_id is not None
    keys = list(key_batches(session, numbers))
    if not keys and not of_client:
        return []
    query = (_LOCKED if lock else _TOEWIJZINGEN)[dialect_of(session)]
    parameters = {"gemeente_id": gemeente_id, "client_id": client_id if of_client else None}
    found: dict[int, TableRow] = {}
    for batch in keys or [[]]:
        result = await session.execute(query, {**parameters, "aanbieder_id": aanbieder_id, "numbers": batch})
        found.update((row.id, row) for row in result)
        parameters["client_id"] = None  # the client's own are found with the first batch
    return list(found.values())


async def known_toewijzingen(
    session: AsyncSession,
    rows: Sequence[TableRow],
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
    query = _VERSIONS[dialect_of(session)]
    for batch in key_batches(session, by_id):
        for version in await session.execute(query, {"ids": batch}):
            nummer = by_id[version.toewijzing_id].toewijzing_nummer
            versions.setdefault(version.toewijzing_id, []).append(toewijzing_of(version, nummer))
    bsn_of = {**(bsns or {})}
    bsn_of.update(await client_bsns(session, {row.client_id for row in rows} - bsn_of.keys()))
    code_of = {**(codes or {})}
    code_of.update(await _party_codes(session, {row.aanbieder_id for row in rows} - code_of.keys()))
    return tuple(
        KnownToewijzing(
            bsn=bsn_of[row.client_id], aanbieder=code_of[row.aanbieder_id], versions=tuple(versions[row.id])
        )
        for row in rows
        if row.id in versions
    )


def toewijzing_of(version: TableRow, nummer: int) -> Toewijzing:
    """A stored version (a row of its table) as the ToegewezenProduct it was received as (without its
    Commentaar)."""
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


async def _party_codes(session: AsyncSession, ids: set[int]) -> dict[int, str]:
    """The code of each of these parties, by id."""
    found: dict[int, str] = {}
    query = _CODES[dialect_of(session)]
    for batch in key_batches(session, ids):
        found.update((id_, code) for id_, code in await session.execute(query, {"ids": batch}))
    return found
