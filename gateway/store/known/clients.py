"""The clients a transaction has met: id by BSN and BSN by id, so that one message asks for them once.

Handling one message reads its client in several places (the history, the recording, the events, the
CAK feed). A client row never changes its BSN and is never removed, so what one statement of a
transaction learned holds for the rest of it; kept with the session's transaction, and forgotten with
it (a client made in a transaction that rolls back is gone).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.bulk import dialect_of
from gateway.store.known.batches import key_batches, key_lookup
from gateway.store.models import Client

_MET = "gateway.clients.met"

# Asked for by nearly every message (a claim's lines, its events), so the statements are built once.
_CLIENT = Client.__table__.c
_IDS = key_lookup(
    lambda one_of: select(_CLIENT.bsn, _CLIENT.id).where(
        _CLIENT.gemeente_id == bindparam("gemeente_id"), one_of(_CLIENT.bsn, "bsns")
    )
)
_BSNS = key_lookup(
    lambda one_of: select(_CLIENT.id, _CLIENT.bsn, _CLIENT.gemeente_id).where(one_of(_CLIENT.id, "ids"))
)


class MetClients:
    """Client ids by (gemeente id, BSN), and BSNs by client id."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, str], int] = {}
        self.bsns: dict[int, str] = {}

    def meet(self, gemeente_id: int, bsn: str, client_id: int) -> None:
        self.ids[(gemeente_id, bsn)] = client_id
        self.bsns[client_id] = bsn


def met_clients(session: AsyncSession) -> MetClients:
    """The clients met in the session's current transaction."""
    transaction = session.sync_session.get_transaction()
    kept = session.info.get(_MET)
    if kept is not None and transaction is not None and kept[0] is transaction:
        met: MetClients = kept[1]
        return met
    met = MetClients()
    session.info[_MET] = (transaction, met)
    return met


async def find_client_ids(session: AsyncSession, gemeente_id: int, bsns: Iterable[str]) -> dict[str, int]:
    """The ids of the gemeente's clients with these BSNs that exist, by BSN."""
    met = met_clients(session)
    found: dict[str, int] = {}
    unmet: set[str] = set()
    for bsn in bsns:
        known = met.ids.get((gemeente_id, bsn))
        if known is None:
            unmet.add(bsn)
        else:
            found[bsn] = known
    query = _IDS[dialect_of(session)]
    for batch in key_batches(session, unmet):
        result = await session.execute(query, {"gemeente_id": gemeente_id, "bsns": batch})
        for bsn, id_ in result.all():
            found[bsn] = int(id_)
            met.meet(gemeente_id, bsn, int(id_))
    return found


async def find_client_id(session: AsyncSession, gemeente_id: int, bsn: str) -> int | None:
    """The id of the gemeente's client with this BSN, None when there is none."""
    return (await find_client_ids(session, gemeente_id, (bsn,))).get(bsn)


async def client_bsns(session: AsyncSession, client_ids: Iterable[int]) -> dict[int, str]:
    """The BSN of each of these clients, by id."""
    met = met_clients(session)
    wanted = set(client_ids)
    found = {id_: met.bsns[id_] for id_ in wanted if id_ in met.bsns}
    unmet = wanted - found.keys()
    query = _BSNS[dialect_of(session)]
    for batch in key_batches(session, unmet):
        result = await session.execute(query, {"ids": batch})
        for id_, bsn, gemeente_id in result.all():
            found[int(id_)] = bsn
            met.meet(int(gemeente_id), bsn, int(id_))
    return found
