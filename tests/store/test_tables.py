"""Every table keeps what is put in it, on both backends, at the edges of the standard's field sizes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models import (
    ApiToken,
    Base,
    Beoordeling,
    Beschikking,
    Budget,
    BudgetBooking,
    BudgetOverrun,
    Client,
    Declaratie,
    EbAanleveringRow,
    EbBronRow,
    EbClient,
    EbRecordRow,
    EbTeller,
    EventKey,
    Levering,
    Mailbox,
    MailboxEntry,
    Message,
    OutboxEvent,
    Party,
    Prestatie,
    Toewijzing,
    ToewijzingVersie,
    Verzoek,
    VerzoekAntwoord,
    VerzoekProduct,
)
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW

AMSTERDAM_SUMMER = timezone(timedelta(hours=2))


def columns(row: Base) -> dict[str, Any]:
    return {attribute.key: getattr(row, attribute.key) for attribute in inspect(row).mapper.column_attrs}


async def store_one_of_everything(session: AsyncSession) -> list[Base]:
    """One row in every table, parents flushed before children so the children can name them."""
    rows: list[Base] = []

    async def add(*new: Base) -> None:
        session.add_all(new)
        await session.flush()
        rows.extend(new)

    gemeente = Party(kind="gemeente", code="0363", name="Gemeente Amsterdam", created_at=NOW)
    aanbieder = Party(kind="aanbieder", code="98765432", name="Thuiszorg Één", created_at=NOW)
    cak = Party(kind="cak", code="CAK", name="CAK", created_at=NOW)
    await add(gemeente, aanbieder, cak)
    client = Client(gemeente_id=gemeente.id, bsn="999999990")
    heen = Message(
        origin="received",
        content=b"\xff\xfe<\x00B\x00",
        sha256="ab" * 32,
        received_at=datetime(2024, 6, 30, 23, 59, 59, 999999, tzinfo=AMSTERDAM_SUMMER),
        message_type="WMO323",
        sender_id=aanbieder.id,
        receiver_id=gemeente.id,
        identificatie="A" * 12,
        dagtekening=date(2024, 6, 30),
        outcome="rejected",
        findings=[{"rule": "TR056", "retourcode": "9056", "locations": ["/Bericht/Header"], "detail": "ë"}],
        failure=None,
        processed_at=NOW,
    )
    await add(
        client,
        ApiToken(party_id=aanbieder.id, token_hash="f" * 64, created_at=NOW, revoked_at=NOW),
        heen,
        OutboxEvent(
            aggregate_key="message:1", event_type="message.received", payload={"a": [1, None]}, created_at=NOW
        ),
    )
    retour = Message(origin="generated", content=b"", sha256="0" * 64, received_at=NOW, outcome="accepted")
    retour.answers_id = heen.id
    await add(retour, Mailbox(party_id=aanbieder.id, last_sequence=7))
    await add(MailboxEntry(party_id=aanbieder.id, sequence=7, message_id=retour.id, delivered_at=NOW))
    beschikking = Beschikking(
        gemeente_id=gemeente.id,
        client_id=client.id,
        beschikking_nummer=999_999_999,
        leveringsvorm="pgb",
        pgb_vorm="trekkingsrecht",
        product_categorie="02",
        product_code="02A01",
        afgiftedatum=date(2024, 1, 15),
        ingangsdatum=date(2024, 2, 1),
        einddatum=date(2024, 12, 31),
    )
    await add(beschikking)
    toewijzing = Toewijzing(
        gemeente_id=gemeente.id,
        aanbieder_id=aanbieder.id,
        client_id=client.id,
        toewijzing_nummer=999_999_999,
        beschikking_id=beschikking.id,
    )
    await add(toewijzing)
    versie = ToewijzingVersie(
        toewijzing_id=toewijzing.id,
        versie=1,
        message_id=heen.id,
        referentie_aanbieder="R" * 36,
        product_categorie="01",
        product_code="01A02",
        toewijzingsdatum=date(2024, 1, 31),
        toewijzingstijd=time(23, 59, 59, 123456),
        ingangsdatum=date(2024, 2, 1),
        einddatum=None,
        reden_wijziging="13",
        omvang_volume=99_999_999,
        omvang_eenheid="04",
        omvang_frequentie="2",
        budget=None,
    )
    start = Levering(
        message_id=heen.id,
        client_id=client.id,
        aanbieder_id=aanbieder.id,
        soort="start",
        toewijzing_id=toewijzing.id,
        toewijzing_nummer=999_999_999,
        product_categorie="01",
        product_code="01A02",
        toewijzing_ingangsdatum=date(2024, 2, 1),
        begindatum=date(2024, 2, 5),
        status_aanlevering="1",
    )
    await add(versie, start)
    stop = Levering(
        message_id=heen.id,
        client_id=client.id,
        aanbieder_id=aanbieder.id,
        soort="stop",
        toewijzing_nummer=1,
        begindatum=date(2024, 2, 5),
        reden_beeindiging="20",
        einddatum=date(2024, 3, 1),
        status_aanlevering="3",
        deletes_levering_id=start.id,
    )
    verzoek = Verzoek(
        message_id=heen.id,
        gemeente_id=gemeente.id,
        aanbieder_id=aanbieder.id,
        client_id=client.id,
        soort="wijziging",
        referentie_aanbieder="REF-1",
        reden_verzoek="2",
        status="in_onderzoek",
    )
    await add(stop, verzoek)
    declaratie = Declaratie(
        message_id=heen.id,
        aanbieder_id=aanbieder.id,
        gemeente_id=gemeente.id,
        declaratie_nummer="D" * 12,
        periode_begindatum=date(2024, 2, 1),
        periode_einddatum=date(2024, 2, 29),
        declaratie_dagtekening=date(2024, 3, 3),
        totaal_ingediend_bedrag=999_999_999_999,
        totaal_ingediend_debet_credit="C",
    )
    await add(
        VerzoekProduct(
            verzoek_id=verzoek.id,
            soort="te_wijzigen",
            toewijzing_nummer=42,
            ingangsdatum=date(2024, 4, 1),
            einddatum=date(2024, 6, 30),
            budget=12_345,
        ),
        VerzoekProduct(
            verzoek_id=verzoek.id,
            soort="aangevraagd",
            beschikking_nummer=7,
            beschikking_ingangsdatum=date(2024, 1, 1),
            product_categorie="05",
            ingangsdatum=date(2024, 4, 1),
            omvang_volume=3,
            omvang_eenheid="14",
            omvang_frequentie="4",
        ),
        VerzoekAntwoord(
            verzoek_id=verzoek.id, message_id=heen.id, verzoek_antwoord="1", reden_afwijzing_verzoek="9"
        ),
        declaratie,
    )
    prestatie = Prestatie(
        declaratie_id=declaratie.id,
        aanbieder_id=aanbieder.id,
        client_id=client.id,
        toewijzing_id=toewijzing.id,
        toewijzing_nummer=999_999_999,
        referentie_nummer="P" * 20,
        vorig_referentie_nummer="Q" * 20,
        product_categorie="01",
        product_code="01A02",
        periode_begindatum=date(2024, 2, 1),
        periode_einddatum=date(2024, 2, 29),
        geleverd_volume=99_999_999,
        eenheid="01",
        product_tarief=99_999_999,
        ingediend_bedrag=99_999_999,
        debet_credit="C",
        status="afgewezen",
        retourcodes=["9307", "8001"],
    )
    budget = Budget(
        toewijzing_id=toewijzing.id,
        period_start=date(2024, 2, 1),
        period_end=None,
        eenheid="83",
        amount=10**12,
    )
    await add(prestatie, budget)
    await add(
        Beoordeling(
            declaratie_id=declaratie.id,
            message_id=retour.id,
            totaal_toegekend_bedrag=0,
            totaal_toegekend_debet_credit="D",
            retourcodes=["0200"],
        ),
        Budget(beschikking_id=beschikking.id, period_start=date(2024, 1, 1), eenheid="83", amount=500_000),
        BudgetBooking(
            budget_id=budget.id,
            kind="credited",
            amount=-4_500,
            prestatie_id=prestatie.id,
            message_id=heen.id,
            booked_at=NOW,
        ),
        BudgetOverrun(
            budget_id=budget.id,
            requested=9_000,
            available=8_999,
            prestatie_id=prestatie.id,
            message_id=heen.id,
            recorded_at=NOW,
        ),
    )
    await add(
        EbTeller(gemeente_id=gemeente.id, last_eb_start_nummer=999_999_999, last_volgnummer=2**40),
        EbClient(client_id=client.id, geboortedatum=date(2009, 2, 28)),
        EventKey(id=1, secret=bytes(range(64)), created_at=NOW),
    )
    record = EbRecordRow(
        gemeente_id=gemeente.id,
        client_id=client.id,
        eb_start_nummer=999_999_999,
        startdatum=date(2026, 1, 1),
        stopdatum=None,
        kostprijs_bedrag=99_999_999,
        kostprijs_startdatum=date(2026, 1, 1),
        kostprijs_bron_soort="verstrekking",
        kostprijs_bron_sleutel="S" * 40,
    )
    await add(record)
    await add(
        EbBronRow(
            record_id=record.id,
            soort="natura",
            sleutel="999999999",
            begindatum=date(2026, 1, 1),
            einddatum=date(2026, 12, 31),
            kostprijs=None,
        ),
        EbAanleveringRow(
            gemeente_id=gemeente.id,
            record_id=record.id,
            volgnummer=2**40,
            status="3",
            startdatum=date(2026, 1, 1),
            stopdatum=date(2026, 12, 31),
            kostprijs_bedrag=99_999_999,
            kostprijs_startdatum=date(2026, 1, 1),
            uiterlijk=date(2026, 2, 1),
            vervallen=False,
            message_id=heen.id,
            bericht="B" * 12,
            dagtekening=date(2026, 1, 5),
            geaccepteerd=False,
            retourcodes=["S333", "9104"],
            identificatie_retour="R" * 12,
            dagtekening_retour=date(2026, 1, 6),
            retour_message_id=retour.id,
        ),
    )
    return rows


async def test_every_table_gives_back_what_was_stored(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        rows = await store_one_of_everything(uow.session)
        stored = [(type(row), inspect(row).identity, columns(row)) for row in rows]
    assert {model.__tablename__ for model, _, _ in stored} == set(Base.metadata.tables)

    async with UnitOfWork(sessionmaker) as uow:
        for model, identity, expected in stored:
            row = await uow.session.get(model, identity)
            assert row is not None, model.__name__
            assert columns(row) == expected, model.__name__


async def test_points_in_time_come_back_in_utc(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    sent = datetime(2024, 6, 30, 23, 59, 59, tzinfo=AMSTERDAM_SUMMER)
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(b"x", received_at=sent)
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(message.id)
    assert stored is not None
    assert stored.received_at == sent
    assert stored.received_at.utcoffset() == timedelta(0)


async def test_a_point_in_time_without_timezone_is_refused(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(StatementError, match="timezone-aware"):
        async with UnitOfWork(sessionmaker) as uow:
            await uow.messages.add(b"x", received_at=datetime(2024, 6, 30, 12, 0))


async def test_a_failing_statement_does_not_quote_a_bsn(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.add("gemeente", "0363", "Amsterdam", created_at=NOW)
        uow.session.add(Client(gemeente_id=gemeente.id, bsn="999999990"))
    with pytest.raises(IntegrityError) as raised:
        await store_in_turn(sessionmaker, [Client(gemeente_id=gemeente.id, bsn="999999990")])
    assert "999999990" not in str(raised.value)


def party_with_wrong_code() -> list[Base]:
    return [Party(id=1, kind="gemeente", code="12345678", name="x", created_at=NOW)]


def incomplete_omvang() -> list[Base]:
    return [
        Party(id=1, kind="gemeente", code="0363", name="x", created_at=NOW),
        Client(id=1, gemeente_id=1, bsn="999999990"),
        Message(id=1, origin="received", content=b"", sha256="0" * 64, received_at=NOW, outcome="pending"),
        Toewijzing(id=1, gemeente_id=1, aanbieder_id=1, client_id=1, toewijzing_nummer=1),
        ToewijzingVersie(
            toewijzing_id=1,
            versie=1,
            message_id=1,
            toewijzingsdatum=date(2024, 1, 1),
            toewijzingstijd=time(12),
            ingangsdatum=date(2024, 1, 1),
            omvang_volume=5,
        ),
    ]


def budget_of_two_owners() -> list[Base]:
    return [
        Party(id=1, kind="gemeente", code="0363", name="x", created_at=NOW),
        Client(id=1, gemeente_id=1, bsn="999999990"),
        Toewijzing(id=1, gemeente_id=1, aanbieder_id=1, client_id=1, toewijzing_nummer=1),
        Beschikking(
            id=1,
            gemeente_id=1,
            client_id=1,
            beschikking_nummer=1,
            leveringsvorm="natura",
            ingangsdatum=date(2024, 1, 1),
        ),
        Budget(toewijzing_id=1, beschikking_id=1, period_start=date(2024, 1, 1), eenheid="83", amount=1),
    ]


def pgb_without_form() -> list[Base]:
    return [
        Party(id=1, kind="gemeente", code="0363", name="x", created_at=NOW),
        Client(id=1, gemeente_id=1, bsn="999999990"),
        Beschikking(
            gemeente_id=1,
            client_id=1,
            beschikking_nummer=1,
            leveringsvorm="pgb",
            ingangsdatum=date(2024, 1, 1),
        ),
    ]


def stop_without_einddatum() -> list[Base]:
    return [
        Party(id=1, kind="aanbieder", code="12345678", name="x", created_at=NOW),
        Client(id=1, gemeente_id=1, bsn="999999990"),
        Message(id=1, origin="received", content=b"", sha256="0" * 64, received_at=NOW, outcome="pending"),
        Levering(
            message_id=1,
            client_id=1,
            aanbieder_id=1,
            soort="stop",
            begindatum=date(2024, 1, 1),
            reden_beeindiging="02",
            status_aanlevering="1",
        ),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        party_with_wrong_code,
        incomplete_omvang,
        budget_of_two_owners,
        pgb_without_form,
        stop_without_einddatum,
    ],
)
async def test_rows_the_standard_cannot_produce_are_refused(
    sessionmaker: async_sessionmaker[AsyncSession], rows: Callable[[], list[Base]]
) -> None:
    with pytest.raises(IntegrityError):
        await store_in_turn(sessionmaker, rows())


async def store_in_turn(sessionmaker: async_sessionmaker[AsyncSession], rows: list[Base]) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for row in rows:
            uow.session.add(row)
            await uow.session.flush()
