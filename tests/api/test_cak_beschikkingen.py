"""The CAK eigen-bijdrage feed from the gemeente's decisions: beschikkingen in, periods out.

Decisions go in through POST /api/v1/beschikkingen; the service refreshes the client's records in the
transaction that keeps the beschikking, so the feed shows what the CAK is to hold right after it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.api.beschikkingen import BeschikkingIn
from gateway.cak import CakSettings
from gateway.events.keys import KeyedReferences
from gateway.events.writer import EventWriter
from gateway.messages.parsing import ParseLimits
from gateway.pipeline.decisions import DecisionService, Registered
from gateway.pipeline.eigenbijdrage import EigenBijdrageFollower
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.judging import DomainProcessor
from gateway.pipeline.processing import AcceptEverything
from gateway.policy import PolicyChecker, bundled_mapping, load_policy
from gateway.store.models import OutboxEvent
from gateway.store.models.parties import GEMEENTE as GEMEENTE_KIND
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import GEMEENTE
from tests.api.test_beschikkingen import BSN, HULPMIDDEL, PGB, changed, post
from tests.api.test_cak_feed import deliveries, fetch, periods

MINOR = "2009-01-01"
"""Seventeen all through 2026; eighteen from 2027-01-01, when an eigen bijdrage can begin."""

SCOOTMOBIEL = {"categorie": "12", "code": "12V02"}
ROERENDE_WOONVOORZIENING = {"categorie": "13", "code": "13W01"}
WONINGAANPASSING = {"categorie": "13", "code": "13W02"}

TARIEF_2026 = 2180
"""The abonnementstarief of one month in 2026, in euro cents: a kostprijs must exceed it."""


@pytest.fixture
async def feed(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    policy = load_policy(bundled_mapping())
    processor = DomainProcessor(policy, followers=[EigenBijdrageFollower(policy, CakSettings())])
    async with make_gateway(processor) as running:
        yield running


def verstrekking(
    product: dict[str, str],
    *,
    kostprijs: int = 245000,
    geboren: str = "1950-06-15",
    einddatum: str | None = None,
) -> dict[str, Any]:
    """A voorziening provided outside iWmo on 2026-03-10 at `kostprijs` euro cents."""
    client = {**HULPMIDDEL["client"], "geboortedatum": geboren}
    return changed(
        HULPMIDDEL,
        client=client,
        product=product,
        einddatum=einddatum,
        verstrekking={"kostprijs": kostprijs, "leverdatum": "2026-03-10"},
    )


async def registered(gateway: Gateway, body: dict[str, Any]) -> None:
    response = await post(gateway, body)
    assert response.status_code == 201, response.text


async def test_a_pgb_decision_gives_a_period_due_four_months_after_it_starts(feed: Gateway) -> None:
    await registered(feed, PGB)

    assert await periods(feed) == [("2026-03-01", "2027-02-28")]
    [item] = await deliveries(feed)
    assert (item["status_aanlevering"], item["uiterlijk"]) == ("1", "2026-07-01")
    assert [(bron["soort"], bron["sleutel"]) for bron in item["bronnen"]] == [("pgb", "5001")]


async def test_the_same_decision_again_queues_nothing_new(feed: Gateway) -> None:
    await registered(feed, PGB)
    assert (await post(feed, PGB)).status_code == 200

    assert len(await deliveries(feed)) == 1


@pytest.mark.parametrize("kostprijs", [TARIEF_2026 - 1, TARIEF_2026], ids=["below", "equal"])
async def test_a_kostprijs_not_above_one_months_tariff_is_not_reported(feed: Gateway, kostprijs: int) -> None:
    await registered(feed, verstrekking(SCOOTMOBIEL, kostprijs=kostprijs))

    assert await deliveries(feed) == []


async def test_a_kostprijs_above_one_months_tariff_is_reported_with_its_kostprijs_bedrag(
    feed: Gateway,
) -> None:
    await registered(feed, verstrekking(SCOOTMOBIEL, kostprijs=TARIEF_2026 + 1))

    [item] = await deliveries(feed)
    assert (item["eb_startdatum"], item["eb_stopdatum"]) == ("2026-03-10", None)
    assert item["kostprijs"] == {"bedrag": TARIEF_2026 + 1, "startdatum": "2026-03-10"}
    wmo405 = etree.fromstring((await fetch(feed, 0)).content)
    assert [e.text for e in wmo405.iter("{*}KostprijsBedrag")] == [str(TARIEF_2026 + 1)]


async def test_a_rolstoel_decision_gives_nothing(feed: Gateway) -> None:
    await registered(feed, HULPMIDDEL)

    assert await deliveries(feed) == []


@pytest.mark.parametrize(
    "product", [SCOOTMOBIEL, ROERENDE_WOONVOORZIENING], ids=["scootmobiel", "roerende-woonvoorziening"]
)
async def test_a_client_of_17_gives_nothing_for_a_voorziening_other_than_a_woningaanpassing(
    feed: Gateway, product: dict[str, str]
) -> None:
    await registered(feed, verstrekking(product, geboren=MINOR, einddatum="2026-12-31"))

    assert await deliveries(feed) == []


async def test_a_client_of_17_gives_a_period_for_a_woningaanpassing(feed: Gateway) -> None:
    await registered(feed, verstrekking(WONINGAANPASSING, geboren=MINOR, einddatum="2026-12-31"))

    assert await periods(feed) == [("2026-03-10", "2026-12-31")]
    [item] = await deliveries(feed)
    assert item["kostprijs"] == {"bedrag": 245000, "startdatum": "2026-03-10"}


async def test_a_decision_that_opens_a_period_announces_it_in_the_decisions_transaction(
    sessionmaker: async_sessionmaker[AsyncSession], tokens: dict[str, str]
) -> None:
    # `tokens` registers the parties, the gemeente among them.
    writer = EventWriter(
        references=KeyedReferences(b"x" * 32), source="urn:nld:oin:00000001234567890000:systeem:t"
    )
    policy = load_policy(bundled_mapping())
    service = DecisionService(
        sessionmaker,
        Pipeline(sessionmaker, AcceptEverything(), limits=ParseLimits()),
        PolicyChecker(policy),
        events=writer,
        eigen_bijdrage=EigenBijdrageFollower(policy, CakSettings(), writer),
    )
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.find(GEMEENTE_KIND, GEMEENTE)
    assert gemeente is not None

    outcome = await service.decide(gemeente, BeschikkingIn.model_validate(PGB).decision())

    assert isinstance(outcome, Registered)
    async with UnitOfWork(sessionmaker) as uow:
        events = (await uow.session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))).all()
    assert [event.event_type for event in events] == [
        "nl.iwmo.beschikking.geregistreerd",
        "nl.iwmo.eigenbijdrage.gestart",
        "nl.iwmo.eigenbijdrage.gestopt",
    ]
    started, stopped = (event.payload["data"] for event in events[1:])
    assert (started["ebStartdatum"], stopped["ebStopdatum"]) == ("2026-03-01", "2027-02-28")
    assert started["ebStartNummer"] == stopped["ebStartNummer"]
    assert all(BSN not in str(event.payload) for event in events)


async def test_a_voorziening_ending_in_a_year_without_a_configured_tariff_is_still_registered(
    feed: Gateway,
) -> None:
    response = await post(feed, verstrekking(SCOOTMOBIEL, einddatum="2030-12-31"))

    assert response.status_code == 201, response.text
