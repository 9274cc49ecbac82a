"""Attaching the CAK's WMO406 to the delivery it answers, and queueing what the answer leaves to send.

A refused delivery counts for nothing (`gateway.cak.records`): the record's next delivery is queued
at once, so the corrected (or, after a refusal of the message as a whole, the same) content goes out in
the next WMO405. A delivery refused for its content (`gateway.cak.over_inhoud`: 9393, S333, …) is not
queued again unchanged: nothing is queued until the truth changes (a refresh then queues the new content).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import Wmo406
from gateway.store.eigenbijdrage.refresh import sync_pending
from gateway.store.eigenbijdrage.rows import lock_counters, stored_records
from gateway.store.models import Client, EbAanleveringRow, EbRecordRow


async def attach_retour(
    session: AsyncSession, gemeente_id: int, retour: Wmo406, message_id: int
) -> str | None:
    """Attach `retour` (stored as message `message_id`); why it cannot be attached, or None when it was.

    The reason never quotes the retour's content beyond the identificatie it names.
    """
    await lock_counters(session, gemeente_id)
    row = await session.scalar(
        select(EbAanleveringRow).where(
            EbAanleveringRow.gemeente_id == gemeente_id, EbAanleveringRow.bericht == retour.bericht
        )
    )
    if row is None or row.dagtekening != retour.dagtekening:
        return f"the WMO406 answers no WMO405 the gateway sent as {retour.bericht}"
    if row.geaccepteerd is not None:
        return f"the WMO405 {retour.bericht} has been answered already"
    record_row = await session.get(EbRecordRow, row.record_id)
    assert record_row is not None, "a delivery belongs to a record"
    if retour.periode is not None and retour.periode.eb_start_nummer != record_row.eb_start_nummer:
        return f"the WMO406 names another EbStartNummer than the WMO405 {retour.bericht} carried"
    uitkomst = retour.uitkomst
    row.geaccepteerd = uitkomst.geaccepteerd
    row.retourcodes = list(uitkomst.retourcodes)
    row.identificatie_retour = uitkomst.identificatie_retour
    row.dagtekening_retour = uitkomst.dagtekening_retour
    row.retour_message_id = message_id
    await session.flush()
    bsn = await session.scalar(select(Client.bsn).where(Client.id == record_row.client_id))
    assert bsn is not None, "a record belongs to a client"
    [stored] = await stored_records(session, bsn, record_id=record_row.id)
    await sync_pending(session, gemeente_id, record_row.id, stored.record, stored.pending)
    return None
