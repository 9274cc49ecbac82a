"""Rows other records hang from, made once however many messages ask for them at the same time."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.known.batches import batches
from gateway.store.known.clients import find_client_ids
from gateway.store.models import Client, Toewijzing
from gateway.store.upserts import DIALECT_INSERTS


async def client_id(session: AsyncSession, gemeente_id: int, bsn: str) -> int:
    """The id of the gemeente's client with this BSN, made when it is new."""
    return (await client_ids(session, gemeente_id, (bsn,)))[bsn]


async def client_ids(session: AsyncSession, gemeente_id: int, bsns: Iterable[str]) -> dict[str, int]:
    """The ids of the gemeente's clients with these BSNs, by BSN, the new ones made.

    Known clients are found in one statement a batch; only the new ones take an insert and a second
    look. The BSNs go in sorted, so two claims making overlapping clients at once cannot deadlock.
    """
    wanted = set(bsns)
    found = await find_client_ids(session, gemeente_id, wanted)
    missing = wanted - found.keys()
    if missing:
        for batch in batches(missing):
            rows = [{"gemeente_id": gemeente_id, "bsn": bsn} for bsn in batch]
            await _insert_if_absent(session, Client, ("gemeente_id", "bsn"), rows)
        found.update(await find_client_ids(session, gemeente_id, missing))
    if len(found) != len(wanted):
        raise LookupError("a client was neither found nor made")
    return found


async def toewijzing_row(
    session: AsyncSession, gemeente_id: int, nummer: int, *, aanbieder_id: int, client_id: int
) -> Toewijzing:
    """The gemeente's toewijzing with this number, made for the client and aanbieder when it is new.

    An existing one keeps its client and aanbieder: a number names one assignment for good (TR332).
    """
    await _insert_if_absent(
        session,
        Toewijzing,
        ("gemeente_id", "toewijzing_nummer"),
        {
            "gemeente_id": gemeente_id,
            "toewijzing_nummer": nummer,
            "aanbieder_id": aanbieder_id,
            "client_id": client_id,
        },
    )
    return (
        await session.scalars(
            select(Toewijzing).where(
                Toewijzing.gemeente_id == gemeente_id, Toewijzing.toewijzing_nummer == nummer
            )
        )
    ).one()


async def _insert_if_absent(
    session: AsyncSession,
    model: type[Any],
    key: tuple[str, ...],
    values: dict[str, Any] | list[dict[str, Any]],
) -> None:
    """INSERT ... ON CONFLICT DO NOTHING of one or more rows in one statement: a concurrent maker of the
    same row wins without an error."""
    insert = DIALECT_INSERTS[(await session.connection()).dialect.name]
    await session.execute(insert(model).values(values).on_conflict_do_nothing(index_elements=list(key)))
