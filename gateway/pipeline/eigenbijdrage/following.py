"""Keeping a client's eigen-bijdrage records true whenever what they come from changes.

A `Follower` of the domain processor: after an accepted WMO301, 305 or 307 the client's periods are
derived again and what changed is queued for the CAK, in the message's own transaction. With an
`EventWriter`, a period that started or stopped is announced in that transaction too.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import CakSettings, EbPeriode
from gateway.domain import Bericht, StartBericht, StopBericht, ToewijzingBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import EventWriter
from gateway.messages.verdicts import Accepted, Verdict
from gateway.pipeline.processing import Received
from gateway.policy import Policy
from gateway.store.eigenbijdrage import Wijziging, refresh_client, remember_geboortedatum
from gateway.store.known.clients import client_bsns, find_client_id
from gateway.store.models.parties import GEMEENTE
from gateway.store.unit_of_work import UnitOfWork

FOLLOWED = (ToewijzingBericht, StartBericht, StopBericht)
"""The messages a period can come from: toewijzingen and the starts and stops of delivery."""


class EigenBijdrageFollower:
    """Refreshes the client's records after an accepted message a period can come from."""

    def __init__(self, policy: Policy, settings: CakSettings, events: EventWriter | None = None) -> None:
        self._policy = policy
        self._settings = settings
        self._events = events

    async def follow(
        self, uow: UnitOfWork, received: Received, bericht: Bericht, verdict: Verdict, now: datetime
    ) -> None:
        if not isinstance(bericht, FOLLOWED) or not isinstance(verdict, Accepted):
            return
        gemeente = received.sender if received.sender.kind == GEMEENTE else received.receiver
        client_id = await find_client_id(uow.session, gemeente.id, bericht.client.bsn)
        if client_id is None:
            return
        geboortedatum = bericht.client.geboortedatum
        await self.refresh(
            uow.session,
            gemeente.id,
            client_id,
            now,
            geboortedatum=None if geboortedatum is None else geboortedatum.datum,
            bericht_id=received.message_id,
            bsn=bericht.client.bsn,
        )

    async def na_beschikking(
        self,
        session: AsyncSession,
        gemeente_id: int,
        client_id: int,
        now: datetime,
        *,
        geboortedatum: date | None = None,
    ) -> list[Wijziging]:
        """For the decisions service: refresh the client after a beschikking was registered or changed,
        in that transaction."""
        return await self.refresh(session, gemeente_id, client_id, now, geboortedatum=geboortedatum)

    async def refresh(
        self,
        session: AsyncSession,
        gemeente_id: int,
        client_id: int,
        now: datetime,
        *,
        geboortedatum: date | None = None,
        bericht_id: int | None = None,
        bsn: str | None = None,
    ) -> list[Wijziging]:
        """Derive the client's periods again, queue what changed, announce started and stopped periods.

        `bsn` is the client's, when the caller knows it already (it is read once otherwise).
        """
        if bsn is None:
            bsn = (await client_bsns(session, (client_id,))).get(client_id)
        if bsn is None:
            raise LookupError(f"client {client_id} is not known")
        if geboortedatum is not None:
            await remember_geboortedatum(session, client_id, geboortedatum)
        changes = await refresh_client(
            session,
            gemeente_id,
            client_id,
            self._policy,
            self._settings,
            bsn=bsn,
            geboortedatum=geboortedatum,
        )
        if self._events is not None:
            for change in changes:
                await self._announce(session, change, bsn, now, bericht_id)
        return changes

    async def _announce(
        self, session: AsyncSession, change: Wijziging, bsn: str, now: datetime, bericht_id: int | None
    ) -> None:
        assert self._events is not None
        na, voor = change.na, change.voor
        if na is None:
            return
        common: dict[str, object] = {"ebStartNummer": change.eb_start_nummer, "ebStartdatum": na.startdatum}
        if bericht_id is not None:
            common["berichtId"] = bericht_id
        if voor is None or voor.startdatum != na.startdatum:
            data = {**common, **_kostprijs(na)}
            await self._events.record(
                session, EventType.EIGENBIJDRAGE_GESTART, data=data, now=now, client_bsn=bsn
            )
        if na.stopdatum is not None and (voor is None or voor.stopdatum != na.stopdatum):
            data = {**common, "ebStopdatum": na.stopdatum}
            await self._events.record(
                session, EventType.EIGENBIJDRAGE_GESTOPT, data=data, now=now, client_bsn=bsn
            )


def _kostprijs(periode: EbPeriode) -> dict[str, object]:
    if periode.kostprijs is None:
        return {}
    return {"kostprijs": {"bedrag": periode.kostprijs.bedrag, "startdatum": periode.kostprijs.startdatum}}
