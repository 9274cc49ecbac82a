"""An aanbieder's claim lines and claims, as far as one message refers to them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Bedrag, Periode, Prestatie
from gateway.domain.history import KnownPrestatie
from gateway.store.bulk import dialect_of
from gateway.store.known.batches import key_batches, key_lookup
from gateway.store.known.clients import client_bsns
from gateway.store.known.rows import TableRow
from gateway.store.models import Declaratie
from gateway.store.models import Prestatie as PrestatieRow

# Asked for by every claim and every answer on one, so built once. One shape serves every caller: a list
# the caller leaves out is an empty one, which matches nothing.
_LINE = PrestatieRow.__table__.c
_PRESTATIES = key_lookup(
    lambda one_of: (
        select(*_LINE)
        .where(
            _LINE.aanbieder_id == bindparam("aanbieder_id"),
            or_(
                one_of(_LINE.referentie_nummer, "referenties"),
                one_of(_LINE.vorig_referentie_nummer, "vorige"),
                one_of(_LINE.toewijzing_id, "toewijzing_ids"),
            ),
        )
        .order_by(_LINE.id)
    )
)
_DECLARATIE = Declaratie.__table__.c
_NUMMER_USED = (
    select(_DECLARATIE.id)
    .where(
        _DECLARATIE.aanbieder_id == bindparam("aanbieder_id"),
        _DECLARATIE.declaratie_nummer == bindparam("nummer"),
    )
    .limit(1)
)
_PREVIOUS_PERIOD = (
    select(_DECLARATIE.periode_begindatum, _DECLARATIE.periode_einddatum)
    .where(
        _DECLARATIE.aanbieder_id == bindparam("aanbieder_id"),
        _DECLARATIE.gemeente_id == bindparam("gemeente_id"),
        _DECLARATIE.periode_begindatum < bindparam("before"),
    )
    .order_by(_DECLARATIE.periode_begindatum.desc())
    .limit(1)
)


async def known_prestaties(
    session: AsyncSession,
    aanbieder_id: int,
    *,
    referenties: Iterable[str] = (),
    vorige: Iterable[str] = (),
    toewijzing_ids: Iterable[int] = (),
) -> tuple[KnownPrestatie, ...]:
    """The aanbieder's lines with these ReferentieNummers, or naming these as VorigReferentieNummer, or
    on these toewijzingen; rejected ones included (the History tells them apart).

    Read as plain rows, in id order: a line found by more than one batch is kept once.
    """
    by_referentie, by_vorige, by_toewijzing = (
        key_batches(session, referenties),
        key_batches(session, vorige),
        key_batches(session, toewijzing_ids),
    )
    query = _PRESTATIES[dialect_of(session)]
    rows: dict[int, TableRow] = {}
    # The i-th batch of each list in one statement: one for all of them, unless a list is long.
    while (keys := (next(by_referentie, []), next(by_vorige, []), next(by_toewijzing, []))) != ([], [], []):
        referentie_batch, vorige_batch, toewijzing_batch = keys
        parameters = {
            "aanbieder_id": aanbieder_id,
            "referenties": referentie_batch,
            "vorige": vorige_batch,
            "toewijzing_ids": toewijzing_batch,
        }
        rows.update((row.id, row) for row in await session.execute(query, parameters))
    found = [rows[id_] for id_ in sorted(rows)]
    bsns = await client_bsns(session, {row.client_id for row in found})
    return tuple(
        KnownPrestatie(prestatie_of(row), bsn=bsns[row.client_id], status=row.status) for row in found
    )


def prestatie_of(row: TableRow) -> Prestatie:
    """A stored line (a row of its table) as the Prestatie it was claimed as."""
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
    found = await session.scalar(_NUMMER_USED, {"aanbieder_id": aanbieder_id, "nummer": nummer})
    return frozenset() if found is None else frozenset({nummer})


async def previous_period(
    session: AsyncSession, aanbieder_id: int, gemeente_id: int, before: date
) -> Periode | None:
    """The latest DeclaratiePeriode before `before` of the aanbieder's claims to the gemeente (TR318)."""
    parameters = {"aanbieder_id": aanbieder_id, "gemeente_id": gemeente_id, "before": before}
    row = (await session.execute(_PREVIOUS_PERIOD, parameters)).first()
    return None if row is None else Periode(row[0], row[1])
