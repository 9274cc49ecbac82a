"""Bringing a client's stored records in line with the provisions the store holds now.

Called whenever something a period may come from changed (a WMO301, 305 or 307 accepted, a
beschikking registered), in that change's transaction: the periods are derived again, reconciled with
the records, and each record's delivery not yet sent is replaced when the truth moved on.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import CakSettings, EbPeriode, EbRecord, derive_periods, reconcile
from gateway.policy import Policy
from gateway.store.eigenbijdrage.bronnen import load_bronnen
from gateway.store.eigenbijdrage.rows import (
    Stored,
    inhoud_of,
    lock_client,
    lock_counters,
    next_volgnummer,
    pending_row,
    stored_records,
    take_numbers,
    write_periode,
)
from gateway.store.known.clients import client_bsns
from gateway.store.models import EbAanleveringRow, EbBronRow, EbRecordRow


@dataclass(frozen=True, slots=True)
class Wijziging:
    """A record whose period changed: as it was (None: no period, or no record yet) and as it is now."""

    eb_start_nummer: int
    voor: EbPeriode | None
    na: EbPeriode | None


async def refresh_client(
    session: AsyncSession,
    gemeente_id: int,
    client_id: int,
    policy: Policy,
    settings: CakSettings,
    *,
    bsn: str | None = None,
    geboortedatum: date | None = None,
) -> list[Wijziging]:
    """Derive the client's periods again and store what changed; the records whose period changed.

    A caller that knows the client's BSN, or the birth date it just remembered for the client, passes
    them to save reading them back.

    Refreshes of one client take turns (`lock_client`), so each derives from what the one before it
    committed. Most change nothing; only one that does takes the gemeente's counters (`lock_counters`),
    which every refresh of the gemeente would otherwise wait for.
    """
    if bsn is None:
        bsn = (await client_bsns(session, (client_id,))).get(client_id)
    if bsn is None:
        raise LookupError(f"client {client_id} is not known")
    await lock_client(session, client_id)
    bronnen = await load_bronnen(session, client_id, geboortedatum=geboortedatum)
    perioden = derive_periods(bronnen, policy, settings).perioden
    if _unchanged(await stored_records(session, bsn, client_id=client_id), perioden, bsn):
        return []
    await lock_counters(session, gemeente_id)
    # Read again under the counters: a delivery may have been sent meanwhile.
    stored = {s.record.eb_start_nummer: s for s in await stored_records(session, bsn, client_id=client_id)}
    records = [s.record for s in stored.values()]
    needed = _new_numbers_needed(records, perioden, bsn)
    numbers = iter(await take_numbers(session, gemeente_id, needed) if needed else ())
    changes: list[Wijziging] = []
    for record in reconcile(records, perioden, bsn, lambda: next(numbers)):
        old = stored.get(record.eb_start_nummer)
        if old is None:
            row = EbRecordRow(
                gemeente_id=gemeente_id, client_id=client_id, eb_start_nummer=record.eb_start_nummer
            )
            session.add(row)
            await session.flush()
        else:
            row = old.row
        voor = None if old is None else old.record.periode
        if old is None or voor != record.periode:
            await session.execute(delete(EbBronRow).where(EbBronRow.record_id == row.id))
            provisions = write_periode(row, record.periode)
            if provisions:
                await session.execute(insert(EbBronRow), provisions)
            changes.append(Wijziging(record.eb_start_nummer, voor, record.periode))
        await sync_pending(session, gemeente_id, row.id, record, None if old is None else old.pending)
    await session.flush()
    return changes


async def sync_pending(
    session: AsyncSession,
    gemeente_id: int,
    record_id: int,
    record: EbRecord,
    pending: EbAanleveringRow | None,
) -> None:
    """Queue the record's `te_verzenden` delivery, superseding the one queued before if it differs.

    The gemeente's counters must be locked (`lock_counters`) by the caller.
    """
    if pending is not None and _queued(pending, record):
        return
    due = record.te_verzenden
    if pending is not None:
        pending.vervallen = True
    if due is not None:
        session.add(pending_row(gemeente_id, record_id, await next_volgnummer(session, gemeente_id), due))
    await session.flush()


def _unchanged(stored: Sequence[Stored], perioden: Sequence[EbPeriode], bsn: str) -> bool:
    """Whether the derived periods leave every record, and the delivery queued for it, as they are."""
    by_number = {s.record.eb_start_nummer: s for s in stored}
    provisional = itertools.count(max(by_number, default=0) + 1)  # a record given one is new
    return all(
        (old := by_number.get(record.eb_start_nummer)) is not None
        and old.record.periode == record.periode
        and _queued(old.pending, record)
        for record in reconcile([s.record for s in stored], perioden, bsn, lambda: next(provisional))
    )


def _queued(pending: EbAanleveringRow | None, record: EbRecord) -> bool:
    """Whether the delivery queued for the record is the one it needs (none when none is due)."""
    due = record.te_verzenden
    if pending is None or due is None:
        return pending is None and due is None
    queued = (pending.status, inhoud_of(pending), pending.uiterlijk)
    return queued == (due.status.value, due.inhoud, due.uiterlijk)


def _new_numbers_needed(records: Sequence[EbRecord], perioden: Sequence[EbPeriode], bsn: str) -> int:
    """How many periods `reconcile` will give a new EbStartNummer (it is deterministic)."""
    provisional = itertools.count(max((r.eb_start_nummer for r in records), default=0) + 1)
    return len(reconcile(records, perioden, bsn, lambda: next(provisional))) - len(records)
