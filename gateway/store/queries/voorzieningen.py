"""What a client of the gemeente has, as the policy's "only beside" and "following" limits read it.

A provision is a beschikking the gemeente kept for the client (pgb or natura, ended or not) or the current
version of one of its toewijzingen for the client (with any aanbieder): each with its product and its
period, so the checker can tell whether it runs beside a proposal (`gateway.policy.case`). A toewijzing
deleted (RedenWijziging 13) or made void (RedenWijziging 01 with Einddatum = Ingangsdatum) is none. A
natura beschikking and the toewijzing that carries it out may both be there; the checker counts a
voorziening once. Both kinds come in one statement.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Integer, String, cast, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.history import REDEN_VERWIJDERD, VOID_REDENEN
from gateway.policy import CurrentProvision
from gateway.store.models import Beschikking, Client, Toewijzing, ToewijzingVersie
from gateway.store.queries.toewijzingen import current_version_id


async def client_provisions(
    session: AsyncSession, gemeente_id: int, bsn: str, *, leaving_out: Collection[int] = ()
) -> tuple[CurrentProvision, ...]:
    """The provisions the gemeente's client with this BSN has or had; none for a client it does not know.

    `leaving_out`: ToewijzingNummers whose stored version does not count, because the message being
    judged states them anew.
    """
    current = current_version_id()
    toewijzingen = (
        select(
            Toewijzing.toewijzing_nummer.label("nummer"),
            ToewijzingVersie.reden_wijziging.label("reden"),
            ToewijzingVersie.product_categorie.label("categorie"),
            ToewijzingVersie.product_code.label("code"),
            ToewijzingVersie.ingangsdatum.label("ingangsdatum"),
            ToewijzingVersie.einddatum.label("einddatum"),
        )
        .join(ToewijzingVersie, ToewijzingVersie.toewijzing_id == Toewijzing.id)
        .join(Client, Client.id == Toewijzing.client_id)
        .where(
            Toewijzing.gemeente_id == gemeente_id,
            Client.gemeente_id == gemeente_id,
            Client.bsn == bsn,
            ToewijzingVersie.id == current,
            ToewijzingVersie.product_categorie.is_not(None),
            ToewijzingVersie.product_code.is_not(None),
        )
    )
    beschikkingen = (
        select(
            cast(null(), Integer).label("nummer"),
            cast(null(), String).label("reden"),
            Beschikking.product_categorie.label("categorie"),
            Beschikking.product_code.label("code"),
            Beschikking.ingangsdatum.label("ingangsdatum"),
            Beschikking.einddatum.label("einddatum"),
        )
        .join(Client, Client.id == Beschikking.client_id)
        .where(
            Beschikking.gemeente_id == gemeente_id,
            Client.gemeente_id == gemeente_id,
            Client.bsn == bsn,
            Beschikking.product_categorie.is_not(None),
            Beschikking.product_code.is_not(None),
        )
    )
    left_out = set(leaving_out)
    rows = (await session.execute(union_all(toewijzingen, beschikkingen))).mappings().all()
    return tuple(
        CurrentProvision(row["categorie"], row["code"], row["ingangsdatum"], row["einddatum"])
        for row in rows
        if row["nummer"] not in left_out
        and row["reden"] != REDEN_VERWIJDERD
        and not (row["reden"] in VOID_REDENEN and row["einddatum"] == row["ingangsdatum"])
    )
