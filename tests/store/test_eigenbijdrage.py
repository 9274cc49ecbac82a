"""Eigen-bijdrage records in the store: refreshed from the provisions, numbered per gemeente, read in order.

The provisions here are voorzieningen provided outside iWmo (a scootmobiel at a kostprijs), kept as
beschikkingen; changing one and refreshing the client is what the decisions service does.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.cak import Afzender, CakSettings, Inhoud, Kostprijs, RetourPeriode, StatusAanlevering, Wmo406
from gateway.domain.pgb import PeriodeSoort, PgbVorm
from gateway.policy import Policy, bundled_mapping, load_policy
from gateway.store.decisions import DecisionRepository, NaturaDecision
from gateway.store.eigenbijdrage import (
    FeedItem,
    Wijziging,
    attach_retour,
    feed_page,
    fetch_wmo405,
    refresh_client,
)
from gateway.store.eigenbijdrage.rows import lock_counters
from gateway.store.models import Beschikking
from gateway.store.models.parties import GEMEENTE, Party
from gateway.store.pgb import PgbDecision
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW

LEVERDATUM = date(2026, 3, 10)
KOSTPRIJS = 245_000
TODAY = date(2026, 3, 20)
POLICY: Policy = load_policy(bundled_mapping())


async def add_gemeente(sessionmaker: async_sessionmaker[AsyncSession], code: str = "1916") -> Party:
    async with UnitOfWork(sessionmaker) as uow:
        return await uow.parties.add(GEMEENTE, code, f"Gemeente {code}", created_at=NOW)


async def provide(
    sessionmaker: async_sessionmaker[AsyncSession],
    gemeente: Party,
    bsn: str,
    nummer: int,
    leverdatum: date = LEVERDATUM,
) -> int:
    """A scootmobiel provided to the client on `leverdatum` at KOSTPRIJS; the client's id."""
    async with UnitOfWork(sessionmaker) as uow:
        decisions = DecisionRepository(uow.session)
        client_id = await decisions.client_id(gemeente.id, bsn)
        decision = NaturaDecision(
            gemeente_id=gemeente.id,
            client_id=client_id,
            beschikking_nummer=nummer,
            product_categorie="12",
            product_code="12V02",
            afgiftedatum=date(2026, 2, 20),
            ingangsdatum=date(2026, 3, 1),
            einddatum=None,
            kostprijs=KOSTPRIJS,
            leverdatum=leverdatum,
        )
        await decisions.add_natura(decision, request_sha256="0" * 64)
    return client_id


async def grant_pgb(
    sessionmaker: async_sessionmaker[AsyncSession],
    gemeente: Party,
    product_code: str,
    vorm: PgbVorm,
    bedrag: int,
    einddatum: date,
    per: PeriodeSoort = PeriodeSoort.JAAR,
) -> int:
    """A pgb for client 999900006 from 2026-03-01 to `einddatum`, as beschikking 7101; the client's id."""
    async with UnitOfWork(sessionmaker) as uow:
        decisions = DecisionRepository(uow.session)
        client_id = await decisions.client_id(gemeente.id, "999900006")
        decision = PgbDecision(
            gemeente_id=gemeente.id,
            client_id=client_id,
            beschikking_nummer=7101,
            vorm=vorm,
            product_categorie=product_code[:2],
            product_code=product_code,
            ingangsdatum=date(2026, 3, 1),
            einddatum=einddatum,
            bedrag=bedrag,
            per=per,
        )
        await decisions.add_pgb(decision, afgiftedatum=date(2026, 2, 20), request_sha256="0" * 64)
    return client_id


async def change(sessionmaker: async_sessionmaker[AsyncSession], nummer: int, **values: object) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await uow.session.execute(
            update(Beschikking).where(Beschikking.beschikking_nummer == nummer).values(**values)
        )


async def refresh(
    sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party, client_id: int
) -> list[Wijziging]:
    async with UnitOfWork(sessionmaker) as uow:
        return await refresh_client(uow.session, gemeente.id, client_id, POLICY, CakSettings())


async def feed(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party) -> list[FeedItem]:
    async with UnitOfWork(sessionmaker) as uow:
        return await feed_page(uow.session, gemeente.id, after=0, limit=1000, today=TODAY)


async def send(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party, after: int) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        fetched = await fetch_wmo405(
            uow.session, gemeente, after=after, afzender=Afzender(gemeente.code, "999"), now=NOW, today=TODAY
        )
    assert fetched is not None


async def accept(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party) -> None:
    """The CAK accepts the last WMO405 sent (a WMO406 with 0200 only)."""
    bericht = [item.bericht for item in await feed(sessionmaker, gemeente) if item.bericht][-1]
    assert bericht is not None
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(b"<wmo406/>", received_at=NOW)
        retour = Wmo406(gemeente.code, bericht, TODAY, f"R{message.id}", TODAY, ("0200",), None)
        assert await attach_retour(uow.session, gemeente.id, retour, message.id) is None


async def refuse(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party, code: str) -> None:
    """The CAK refuses the last WMO405 sent: `code` on its period, 0200 on the header and the client."""
    item = [item for item in await feed(sessionmaker, gemeente) if item.bericht][-1]
    assert item.bericht is not None
    periode = RetourPeriode(
        item.bsn, item.eb_start_nummer, StatusAanlevering(item.status), item.inhoud, ("0200",), (code,)
    )
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(b"<wmo406/>", received_at=NOW)
        retour = Wmo406(gemeente.code, item.bericht, TODAY, f"R{message.id}", TODAY, ("0200",), periode)
        assert await attach_retour(uow.session, gemeente.id, retour, message.id) is None


async def send_and_accept(sessionmaker: async_sessionmaker[AsyncSession], gemeente: Party) -> None:
    """The gemeente's deliveries sent in a WMO405, which the CAK accepts."""
    await send(sessionmaker, gemeente, after=0)
    await accept(sessionmaker, gemeente)


@dataclass(frozen=True)
class Registered:
    gemeente: Party
    client_id: int


@pytest.fixture
async def registered(sessionmaker: async_sessionmaker[AsyncSession]) -> Registered:
    """Client 999900006 with the scootmobiel of beschikking 7001, refreshed once: its period queued."""
    gemeente = await add_gemeente(sessionmaker)
    client_id = await provide(sessionmaker, gemeente, "999900006", 7001)
    await refresh(sessionmaker, gemeente, client_id)
    return Registered(gemeente, client_id)


def summary(items: list[FeedItem]) -> list[tuple[int, int, str, date, date | None, bool]]:
    """(volgnummer, EbStartNummer, StatusAanlevering, start, stop, superseded) of each delivery."""
    return [
        (i.volgnummer, i.eb_start_nummer, i.status, i.inhoud.startdatum, i.inhoud.stopdatum, i.vervallen)
        for i in items
    ]


async def test_a_refresh_creates_a_record_with_a_first_delivery_and_the_provision_it_came_from(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente = await add_gemeente(sessionmaker)
    client_id = await provide(sessionmaker, gemeente, "999900006", 7001)

    [changed] = await refresh(sessionmaker, gemeente, client_id)

    assert (changed.eb_start_nummer, changed.voor) == (1, None)
    [item] = await feed(sessionmaker, gemeente)
    assert summary([item]) == [(1, 1, "1", LEVERDATUM, None, False)]
    assert item.inhoud.kostprijs is not None
    assert (item.inhoud.kostprijs.bedrag, item.uiterlijk) == (KOSTPRIJS, date(2026, 4, 10))
    assert [(b.bron.sleutel, b.begindatum, b.kostprijs) for b in item.bronnen] == [
        ("7001", LEVERDATUM, KOSTPRIJS)
    ]


async def test_a_refresh_with_nothing_changed_changes_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id

    assert await refresh(sessionmaker, gemeente, client_id) == []
    assert len(await feed(sessionmaker, gemeente)) == 1


async def test_a_change_before_the_delivery_was_sent_supersedes_it(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id
    await change(sessionmaker, 7001, einddatum=date(2026, 9, 30))

    [changed] = await refresh(sessionmaker, gemeente, client_id)

    assert changed.na is not None
    assert changed.na.stopdatum == date(2026, 9, 30)
    assert summary(await feed(sessionmaker, gemeente)) == [
        (1, 1, "1", LEVERDATUM, None, True),
        (2, 1, "1", LEVERDATUM, date(2026, 9, 30), False),
    ]


async def test_a_change_after_the_cak_accepted_the_delivery_queues_a_status_2_delivery(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id
    await send_and_accept(sessionmaker, gemeente)
    await change(sessionmaker, 7001, einddatum=date(2026, 9, 30))

    await refresh(sessionmaker, gemeente, client_id)

    assert summary(await feed(sessionmaker, gemeente)) == [
        (1, 1, "1", LEVERDATUM, None, False),
        (2, 1, "2", LEVERDATUM, date(2026, 9, 30), False),
    ]


async def test_a_provision_that_no_longer_counts_after_acceptance_is_withdrawn_with_status_3(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id
    await send_and_accept(sessionmaker, gemeente)
    await change(sessionmaker, 7001, kostprijs=1_000)  # below one month's tariff: nothing to report

    [changed] = await refresh(sessionmaker, gemeente, client_id)

    assert (changed.eb_start_nummer, changed.na) == (1, None)
    assert [(i.status, i.inhoud.startdatum) for i in await feed(sessionmaker, gemeente)][-1] == (
        "3",
        LEVERDATUM,
    )


async def test_a_change_while_a_delivery_awaits_its_retour_is_queued_once_the_cak_answered(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id
    await send(sessionmaker, gemeente, after=0)
    await change(sessionmaker, 7001, einddatum=date(2026, 9, 30))

    assert len(await refresh(sessionmaker, gemeente, client_id)) == 1
    assert len(await feed(sessionmaker, gemeente)) == 1
    await accept(sessionmaker, gemeente)

    assert summary(await feed(sessionmaker, gemeente))[-1] == (
        2,
        1,
        "2",
        LEVERDATUM,
        date(2026, 9, 30),
        False,
    )


async def test_a_change_refused_for_its_content_is_not_sent_again_until_the_truth_changes(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente, client_id = registered.gemeente, registered.client_id
    await send_and_accept(sessionmaker, gemeente)
    await change(sessionmaker, 7001, leverdatum=date(2022, 1, 3))  # over 36 months back: 9393
    await refresh(sessionmaker, gemeente, client_id)
    await send(sessionmaker, gemeente, after=1)

    await refuse(sessionmaker, gemeente, "9393")
    assert await refresh(sessionmaker, gemeente, client_id) == []

    async with UnitOfWork(sessionmaker) as uow:
        afzender = Afzender(gemeente.code, "999")
        nothing = await fetch_wmo405(uow.session, gemeente, after=2, afzender=afzender, now=NOW, today=TODAY)
    assert nothing is None
    items = await feed(sessionmaker, gemeente)
    assert [(i.status, i.geaccepteerd, i.geweigerd, i.retourcodes) for i in items] == [
        ("1", True, False, ("0200",)),
        ("2", False, True, ("0200", "9393")),
    ]

    await change(sessionmaker, 7001, leverdatum=date(2024, 1, 2))
    await refresh(sessionmaker, gemeente, client_id)

    last = (await feed(sessionmaker, gemeente))[-1]
    moved = Inhoud(date(2024, 1, 2), None, Kostprijs(KOSTPRIJS, date(2024, 1, 2)))
    assert (last.volgnummer, last.status, last.inhoud, last.bericht) == (3, "2", moved, None)
    await send(sessionmaker, gemeente, after=2)


async def test_eb_start_nummers_count_up_per_gemeente(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    leidschendam = await add_gemeente(sessionmaker, "1916")
    amsterdam = await add_gemeente(sessionmaker, "0363")
    numbers = []
    for gemeente, bsn, nummer in (
        (leidschendam, "999900006", 7001),
        (leidschendam, "999900018", 7002),
        (amsterdam, "999900006", 7001),
    ):
        client_id = await provide(sessionmaker, gemeente, bsn, nummer)
        numbers.append([c.eb_start_nummer for c in await refresh(sessionmaker, gemeente, client_id)])

    assert numbers == [[1], [2], [1]]


async def test_concurrent_refreshes_of_one_gemeente_never_share_an_eb_start_nummer(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente = await add_gemeente(sessionmaker)
    clients = [await provide(sessionmaker, gemeente, f"99990{i:04d}", 7000 + i) for i in range(8)]

    await asyncio.gather(*(refresh(sessionmaker, gemeente, client_id) for client_id in clients))

    numbers = sorted(item.eb_start_nummer for item in await feed(sessionmaker, gemeente))
    assert numbers == list(range(1, 9))


async def test_a_refresh_waits_for_an_open_one_of_the_same_gemeente_so_the_feed_follows_commits(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente = await add_gemeente(sessionmaker)
    first, second = [
        await provide(sessionmaker, gemeente, bsn, n) for bsn, n in (("999900006", 1), ("999900018", 2))
    ]
    async with UnitOfWork(sessionmaker) as uow:
        await refresh_client(uow.session, gemeente.id, first, POLICY, CakSettings())
        waiting = asyncio.create_task(refresh(sessionmaker, gemeente, second))
        await asyncio.sleep(0.3)
        assert not waiting.done(), "the second refresh must wait for the first to end"
    await asyncio.wait_for(waiting, timeout=10)

    assert [(i.volgnummer, i.eb_start_nummer) for i in await feed(sessionmaker, gemeente)] == [(1, 1), (2, 2)]


async def test_a_refresh_that_changes_nothing_does_not_wait_for_the_gemeentes_counters(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: every transaction waits for any other")
    async with UnitOfWork(sessionmaker) as holder:
        await lock_counters(holder.session, registered.gemeente.id)
        async with asyncio.timeout(10):
            assert await refresh(sessionmaker, registered.gemeente, registered.client_id) == []


async def test_a_provision_starting_inside_the_period_adds_a_source_and_leaves_the_delivery_queued(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered
) -> None:
    gemeente = registered.gemeente
    queued = summary(await feed(sessionmaker, gemeente))
    await provide(sessionmaker, gemeente, "999900006", 7002, leverdatum=date(2026, 3, 15))

    [changed] = await refresh(sessionmaker, gemeente, registered.client_id)

    assert changed.voor is not None
    assert changed.na is not None
    assert (len(changed.voor.bronnen), len(changed.na.bronnen)) == (1, 2)
    assert changed.na.inhoud == changed.voor.inhoud
    assert summary(await feed(sessionmaker, gemeente)) == queued


async def test_a_refresh_that_only_adds_a_source_does_not_wait_for_the_gemeentes_counters(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: every transaction waits for any other")
    await provide(sessionmaker, registered.gemeente, "999900006", 7002, leverdatum=date(2026, 3, 15))
    async with UnitOfWork(sessionmaker) as holder:
        await lock_counters(holder.session, registered.gemeente.id)
        async with asyncio.timeout(10):
            [changed] = await refresh(sessionmaker, registered.gemeente, registered.client_id)
    assert changed.na is not None
    assert len(changed.na.bronnen) == 2


async def test_refreshes_of_one_client_take_turns(
    sessionmaker: async_sessionmaker[AsyncSession], registered: Registered, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: every transaction waits for any other")
    gemeente, client_id = registered.gemeente, registered.client_id
    async with UnitOfWork(sessionmaker) as uow:
        await refresh_client(uow.session, gemeente.id, client_id, POLICY, CakSettings())
        waiting = asyncio.create_task(refresh(sessionmaker, gemeente, client_id))
        await asyncio.sleep(0.3)
        assert not waiting.done(), "the second refresh must wait for the first to end"
    await asyncio.wait_for(waiting, timeout=10)


async def test_a_reader_paging_during_concurrent_refreshes_never_skips_a_delivery(
    sessionmaker: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: the interleaving this checks needs PostgreSQL")
    gemeente = await add_gemeente(sessionmaker)
    clients = [await provide(sessionmaker, gemeente, f"99990{i:04d}", 7000 + i) for i in range(20)]
    writers = asyncio.gather(*(refresh(sessionmaker, gemeente, client_id) for client_id in clients))
    seen: list[int] = []
    while True:
        done = writers.done()
        async with UnitOfWork(sessionmaker) as uow:
            page = await feed_page(
                uow.session, gemeente.id, after=seen[-1] if seen else 0, limit=3, today=TODAY
            )
        seen.extend(item.volgnummer for item in page)
        if done and not page:
            break
        await asyncio.sleep(0)
    await writers

    assert seen == [item.volgnummer for item in await feed(sessionmaker, gemeente)] == list(range(1, 21))


@pytest.mark.parametrize(
    ("product_code", "vorm", "bedrag", "einddatum", "kostprijs"),
    [
        # A traplift bought with one sum of EUR 4,000, its pgb running for 20 years.
        ("13W03", PgbVorm.EENMALIG, 400_000, date(2046, 2, 28), 400_000),
        # A scootmobiel on a yearly budget of EUR 500: 2026 (from March), 2027 and 2028 (to February).
        ("12V02", PgbVorm.TREKKINGSRECHT, 50_000, date(2028, 2, 29), 150_000),
    ],
    ids=["one-off", "per-period"],
)
async def test_a_pgb_for_a_voorziening_until_its_kostprijs_is_reported_with_what_it_grants(
    sessionmaker: async_sessionmaker[AsyncSession],
    product_code: str,
    vorm: PgbVorm,
    bedrag: int,
    einddatum: date,
    kostprijs: int,
) -> None:
    gemeente = await add_gemeente(sessionmaker)
    client_id = await grant_pgb(sessionmaker, gemeente, product_code, vorm, bedrag, einddatum)

    await refresh(sessionmaker, gemeente, client_id)

    [item] = await feed(sessionmaker, gemeente)
    assert (item.inhoud.startdatum, item.inhoud.stopdatum) == (date(2026, 3, 1), einddatum)
    assert item.inhoud.kostprijs == Kostprijs(kostprijs, date(2026, 3, 1))
    assert [(b.bron.sleutel, b.kostprijs) for b in item.bronnen] == [("7101", kostprijs)]


async def test_a_pgb_for_a_dienst_is_reported_without_kostprijs(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente = await add_gemeente(sessionmaker)
    client_id = await grant_pgb(
        sessionmaker, gemeente, "01H01", PgbVorm.TREKKINGSRECHT, 120_000, date(2027, 2, 28)
    )

    await refresh(sessionmaker, gemeente, client_id)

    [item] = await feed(sessionmaker, gemeente)
    assert (item.inhoud.startdatum, item.inhoud.kostprijs) == (date(2026, 3, 1), None)
