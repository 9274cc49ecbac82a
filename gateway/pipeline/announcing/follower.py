"""The follower that records the events of each message the gemeente recorded, by a table per message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from gateway.domain import (
    AntwoordBericht,
    Bericht,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    StartBericht,
    StopBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from gateway.events.writer import EventWriter
from gateway.messages.verdicts import Verdict
from gateway.pipeline.announcing.declaraties import declaratie_antwoord_events, declaratie_events
from gateway.pipeline.announcing.leveringen import levering_events
from gateway.pipeline.announcing.parts import Events, Followed
from gateway.pipeline.announcing.toewijzingen import toewijzing_events
from gateway.pipeline.announcing.verzoeken import (
    antwoord_events,
    verzoek_om_toewijzing_events,
    verzoek_om_wijziging_events,
)
from gateway.pipeline.processing import Received
from gateway.store.unit_of_work import UnitOfWork

Builder = Callable[[Followed, Any], Awaitable[Events]]

BUILDERS: Mapping[type, Builder] = MappingProxyType(
    {
        ToewijzingBericht: toewijzing_events,
        StartBericht: levering_events,
        StopBericht: levering_events,
        VerzoekOmToewijzingBericht: verzoek_om_toewijzing_events,
        VerzoekOmWijzigingBericht: verzoek_om_wijziging_events,
        AntwoordBericht: antwoord_events,
        DeclaratieBericht: declaratie_events,
        DeclaratieAntwoordBericht: declaratie_antwoord_events,
    }
)
"""Which events each message gives; retours (WMO302, 320) take back what was refused and announce nothing."""


class Announcer:
    """Records the domain events of a recorded message in its transaction, through `writer`."""

    def __init__(self, writer: EventWriter) -> None:
        self._writer = writer

    async def follow(
        self, uow: UnitOfWork, received: Received, bericht: Bericht, verdict: Verdict, now: datetime
    ) -> None:
        builder = BUILDERS.get(type(bericht))
        if builder is None:
            return
        events = await builder(Followed(uow.session, received, verdict), bericht)
        await self._writer.record_all(uow.session, events, now=now)
