"""The writer adds checked, enveloped, keyed events to the caller's transaction, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.errors import CatalogueError, EventConfigurationError
from gateway.events.keys import KeyedReferences
from gateway.events.settings import EventSettings
from gateway.events.writer import MAX_EVENT_BYTES, EventWriter
from gateway.store.models.messages import OutboxEvent
from gateway.store.unit_of_work import UnitOfWork
from tests.events.conftest import SECRET, SOURCE
from tests.events.samples import BSN, DATA, levering

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)


async def outbox_rows(sessionmaker: async_sessionmaker[AsyncSession]) -> list[OutboxEvent]:
    async with sessionmaker() as session:
        return list((await session.execute(select(OutboxEvent).order_by(OutboxEvent.id))).scalars())


async def test_an_event_is_stored_whole_in_the_callers_transaction(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        recorded = await writer.record(
            uow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )

    [row] = await outbox_rows(sessionmaker)
    assert row.aggregate_key == recorded.key == KeyedReferences(SECRET).client(BSN)
    assert row.event_type == "nl.iwmo.levering.gestart"
    assert row.created_at == NOW
    assert row.published_at is None
    assert row.payload == recorded.envelope
    assert row.payload["id"] == str(recorded.event_id)
    assert row.payload["source"] == SOURCE
    assert row.payload["time"] == "2024-05-01T12:30:00.000000Z"
    assert row.payload["data"]["begindatum"] == "2024-04-02"
    assert BSN not in str(row.payload)


async def test_events_of_one_transaction_keep_the_order_they_were_recorded_in(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in range(3):
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(number + 1), now=NOW, client_bsn=BSN
            )
    rows = await outbox_rows(sessionmaker)
    assert [row.payload["data"]["berichtId"] for row in rows] == [1, 2, 3]
    assert len({row.payload["id"] for row in rows}) == 3


async def test_events_of_a_transaction_that_rolls_back_are_gone_with_it(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async def change_then_fail() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
            )
            raise RuntimeError("the domain change failed")

    with pytest.raises(RuntimeError, match="the domain change failed"):
        await change_then_fail()
    assert await outbox_rows(sessionmaker) == []


async def test_a_session_used_for_two_transactions_records_in_both(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with sessionmaker() as session:
        for number in (1, 2):
            await writer.record(
                session, EventType.LEVERING_GESTART, data=levering(number), now=NOW, client_bsn=BSN
            )
            await session.commit()
    assert [row.payload["data"]["berichtId"] for row in await outbox_rows(sessionmaker)] == [1, 2]


async def test_refused_data_adds_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        with pytest.raises(CatalogueError):
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data={"berichtId": 1}, now=NOW, client_bsn=BSN
            )
    assert await outbox_rows(sessionmaker) == []


async def test_a_bsn_that_slipped_into_the_data_is_refused(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    data = {**DATA[EventType.VERZOEK_BEANTWOORD], "referentieAanbieder": f"ref-{BSN}"}
    async with UnitOfWork(sessionmaker) as uow:
        with pytest.raises(CatalogueError, match="the client's BSN appears in the event") as raised:
            await writer.record(uow.session, EventType.VERZOEK_BEANTWOORD, data=data, now=NOW, client_bsn=BSN)
    assert BSN not in str(raised.value)
    assert await outbox_rows(sessionmaker) == []


async def test_an_oin_holding_the_digits_of_the_clients_bsn_is_no_bsn_in_the_event(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    writer = EventWriter(references=KeyedReferences(SECRET), source=f"urn:nld:oin:{BSN}00000000000:systeem:x")
    async with UnitOfWork(sessionmaker) as uow:
        await writer.record(
            uow.session,
            EventType.LEVERING_GESTART,
            data=DATA[EventType.LEVERING_GESTART],
            now=NOW,
            client_bsn=BSN,
        )
    assert len(await outbox_rows(sessionmaker)) == 1


async def test_an_event_too_large_to_publish_is_refused(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    original = DATA[EventType.DECLARATIE_BEOORDEELD]
    prestatie = original["prestaties"][0]
    count = MAX_EVENT_BYTES // 200
    data = {
        **original,
        "prestaties": [{**prestatie, "referentieNummer": f"P-{n}"} for n in range(count)],
        "totaalToegekendBedrag": prestatie["toegekendBedrag"] * count,
        "totaalAfgewezenBedrag": 0,
    }
    async with UnitOfWork(sessionmaker) as uow:
        with pytest.raises(CatalogueError, match="larger than"):
            await writer.record(
                uow.session, EventType.DECLARATIE_BEOORDEELD, data=data, now=NOW, client_bsn=BSN
            )


async def test_an_event_time_is_timezone_aware(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        with pytest.raises(ValueError, match="timezone-aware"):
            await writer.record(
                uow.session,
                EventType.LEVERING_GESTART,
                data=levering(1),
                now=NOW.replace(tzinfo=None),
                client_bsn=BSN,
            )
        recorded = await writer.record(
            uow.session,
            EventType.LEVERING_GESTART,
            data=levering(1),
            now=NOW.astimezone(UTC) + timedelta(hours=2),
            client_bsn=BSN,
        )
    assert recorded.envelope["time"] == "2024-05-01T14:30:00.000000Z"


def test_the_writer_is_built_from_settings_that_name_the_secret() -> None:
    settings = EventSettings(key_secret=SECRET.decode(), oin="00000001234567890000")
    assert isinstance(EventWriter.from_settings(settings), EventWriter)
    with pytest.raises(EventConfigurationError, match="IWMO_EVENTS_KEY_SECRET"):
        EventWriter.from_settings(EventSettings(key_secret=None, oin="00000001234567890000"))
