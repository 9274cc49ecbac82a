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

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import CakSettings, EbPeriode, EbRecord, delivered_alike, derive_periods, reconcile
from gateway.policy import Policy
from gateway.store.eigenbijdrage.bronnen import load_bronnen
from gateway.store.eigenbijdrage.rows import (
    Stored,
    add_pending,
    add_record,
    inhoud_of,
    lock_client,
    lock_counters,
    next_volgnummer,
    replace_periode,
    stored_records,
    take_numbers,
)
from gateway.store.known.clients import client_bsns
from gateway.store.models import EbAanleveringRow


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
    committed. Most change nothing, and most of the others only change which provisions a period comes
    from (a client's next provision starts inside its period); only one that changes what the CAK is
    told, or when, takes the gemeente's counters (`lock_counters`), which every refresh of the gemeente
    would otherwise wait for.
    """
    if bsn is None:
        bsn = (await client_bsns(session, (client_id,))).get(client_id)
    if bsn is None:
        raise LookupError(f"client {client_id} is not known")
    await lock_client(session, client_id)
    bronnen = await load_bronnen(session, client_id, geboortedatum=geboortedatum)
    perioden = derive_periods(bronnen, policy, settings).perioden
    compared = _against(await stored_records(session, bsn, client_id=client_id), perioden, bsn)
    known = [(old, record) for old, record in compared if old is not None]
    if len(known) == len(compared):  # no new record, which would need a number
        if all(_kept(old, record) for old, record in known):
            return []
        if all(_sources_only(old, record) for old, record in known):
            # No delivery changes, whatever the CAK holds or is sent meanwhile: no counters needed.
            return [await _write(session, old, record) for old, record in known if not _kept(old, record)]
    await lock_counters(session, gemeente_id)
    # Read again under the counters: a delivery may have been sent meanwhile.
    fresh = await stored_records(session, bsn, client_id=client_id)
    stored = {s.record.eb_start_nummer: s for s in fresh}
    records = [s.record for s in fresh]
    needed = sum(old is None for old, _ in _against(fresh, perioden, bsn))
    numbers = iter(await take_numbers(session, gemeente_id, needed) if needed else ())
    changes: list[Wijziging] = []
    for record in reconcile(records, perioden, bsn, lambda: next(numbers)):
        old = stored.get(record.eb_start_nummer)
        if old is None:
            record_id = await add_record(
                session, gemeente_id, client_id, record.eb_start_nummer, record.periode
            )
            changes.append(Wijziging(record.eb_start_nummer, None, record.periode))
        else:
            record_id = old.row.id
            if old.record.periode != record.periode:
                changes.append(await _write(session, old, record))
        await sync_pending(session, gemeente_id, record_id, record, None if old is None else old.pending)
    await session.flush()
    return changes


async def _write(session: AsyncSession, old: Stored, record: EbRecord) -> Wijziging:
    """Store the record's new period in place of the old one."""
    await replace_periode(session, old, record.periode)
    return Wijziging(record.eb_start_nummer, old.record.periode, record.periode)


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
        await add_pending(session, gemeente_id, record_id, await next_volgnummer(session, gemeente_id), due)
    await session.flush()


def _against(
    stored: Sequence[Stored], perioden: Sequence[EbPeriode], bsn: str
) -> list[tuple[Stored | None, EbRecord]]:
    """Each record the derived periods make, beside the stored record of its number (None: a new one)."""
    by_number = {s.record.eb_start_nummer: s for s in stored}
    provisional = itertools.count(max(by_number, default=0) + 1)  # a record given one is new
    return [
        (by_number.get(record.eb_start_nummer), record)
        for record in reconcile([s.record for s in stored], perioden, bsn, lambda: next(provisional))
    ]


def _kept(old: Stored, record: EbRecord) -> bool:
    """Whether the record, and the delivery queued for it, stay as they are."""
    return old.record.periode == record.periode and _queued(old.pending, record)


def _sources_only(old: Stored, record: EbRecord) -> bool:
    """Whether at most the provisions the record's period comes from change, not a delivery."""
    before, after = old.record.periode, record.periode
    alike = before == after or (before is not None and after is not None and delivered_alike(before, after))
    return alike and _queued(old.pending, record)


def _queued(pending: EbAanleveringRow | None, record: EbRecord) -> bool:
    """Whether the delivery queued for the record is the one it needs (none when none is due)."""
    due = record.te_verzenden
    if pending is None or due is None:
        return pending is None and due is None
    queued = (pending.status, inhoud_of(pending), pending.uiterlijk)
    return queued == (due.status.value, due.inhoud, due.uiterlijk)
