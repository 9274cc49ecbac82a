"""The CAK eigen-bijdrage feed through the service: messages in, periods out as WMO405, retours in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select

from gateway.cak import CakSettings
from gateway.events.keys import KeyedReferences
from gateway.events.writer import EventWriter
from gateway.messages.locations import local_name
from gateway.pipeline.eigenbijdrage import EigenBijdrageFollower
from gateway.pipeline.judging import DomainProcessor
from gateway.policy import bundled_mapping, load_policy
from gateway.store.models import OutboxEvent
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, GEMEENTE, fixture
from tests.cak.retouren import CHECKER

BSN = "999900006"
HO1 = ("01", "01H01")
BEGELEIDING = ("02", "02B02")
ROLSTOEL = ("11", "11R01")
MONTHLY = ("16", "04", "4")
"""Sixteen hours a month: an Omvang that needs no end date (CD076 wants one for a weekly one)."""

_counter = iter(range(1, 10_000))


@pytest.fixture
async def feed(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    policy = load_policy(bundled_mapping())
    processor = DomainProcessor(policy, followers=[EigenBijdrageFollower(policy, CakSettings())])
    async with make_gateway(processor) as running:
        yield running


def _set(root: etree._Element, values: dict[str, str | None]) -> None:
    """Set the text of the first element of each local name; None removes it."""
    for name, value in values.items():
        element = next(e for e in root.iter(etree.Element) if local_name(e) == name)
        if value is None:
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
        else:
            element.text = value


def _message(relative: str, afzender: str, ontvanger: str, values: dict[str, str | None]) -> bytes:
    root = etree.fromstring(fixture(relative))
    _set(root, {"Afzender": afzender, "Ontvanger": ontvanger, "Identificatie": f"CAK-{next(_counter)}"})
    _set(root, values)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def toewijzing(
    nummer: int,
    ingang: str,
    eind: str | None,
    *,
    product: tuple[str, str] = HO1,
    geboren: str = "1950-06-15",
    toegewezen: str | None = None,
    omvang: tuple[str, str, str] = ("4", "04", "2"),
) -> bytes:
    return _message(
        "WMO301/valid/minimal.xml",
        GEMEENTE,
        AANBIEDER_A,
        {
            "Dagtekening": "2026-11-01",
            "Bsn": BSN,
            "Datum": geboren,
            "ToewijzingNummer": str(nummer),
            "Categorie": product[0],
            "Code": product[1],
            "Toewijzingsdatum": toegewezen or ingang,
            "Ingangsdatum": ingang,
            "Einddatum": eind,
            "Volume": omvang[0],
            "Eenheid": omvang[1],
            "Frequentie": omvang[2],
        },
    )


def start(
    nummer: int,
    ingang: str,
    begin: str,
    *,
    product: tuple[str, str] = HO1,
    status: str = "1",
    geboren: str = "1950-06-15",
) -> bytes:
    return _message(
        "WMO305/valid/minimal.xml",
        AANBIEDER_A,
        GEMEENTE,
        {
            "Dagtekening": "2026-11-02",
            "Bsn": BSN,
            "Datum": geboren,
            "ToewijzingNummer": str(nummer),
            "Categorie": product[0],
            "Code": product[1],
            "ToewijzingIngangsdatum": ingang,
            "Begindatum": begin,
            "StatusAanlevering": status,
        },
    )


def stop(nummer: int, ingang: str, begin: str, eind: str, *, product: tuple[str, str] = HO1) -> bytes:
    return _message(
        "WMO307/valid/minimal.xml",
        AANBIEDER_A,
        GEMEENTE,
        {
            "Dagtekening": "2026-11-03",
            "Bsn": BSN,
            "ToewijzingNummer": str(nummer),
            "Categorie": product[0],
            "Code": product[1],
            "ToewijzingIngangsdatum": ingang,
            "Begindatum": begin,
            "Einddatum": eind,
        },
    )


async def accepted(gateway: Gateway, party: str, content: bytes) -> None:
    response = await gateway.send(party, content)
    assert response.status_code in (200, 202), response.text
    codes = (
        [code.text for code in etree.fromstring(response.content).iter("{*}RetourCode")]
        if (response.status_code == 200)
        else []
    )
    assert set(codes) <= {"0200"}, codes


async def deliveries(gateway: Gateway, **params: Any) -> list[dict[str, Any]]:
    response = await gateway.client.get(
        "/api/v1/cak/eigen-bijdrage", params={"limit": 1000, **params}, headers=gateway.auth("gemeente")
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def periods(gateway: Gateway) -> list[tuple[str, str | None]]:
    """What the CAK is to hold: the current (not superseded) delivery of every record, start and stop."""
    current: dict[int, dict[str, Any]] = {}
    for item in await deliveries(gateway):
        if item["toestand"] != "vervallen":
            current[item["eb_start_nummer"]] = item
    return sorted(
        (item["eb_startdatum"], item["eb_stopdatum"])
        for item in current.values()
        if item["status_aanlevering"] != "3"
    )


async def test_one_ho1_toewijzing_started_and_stopped_gives_one_period_with_that_start_and_stop(
    feed: Gateway,
) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(feed, "aanbieder_a", stop(500001, "2026-03-01", "2026-03-02", "2026-06-30"))
    assert await periods(feed) == [("2026-03-02", "2026-06-30")]


async def test_a_toewijzing_without_a_start_of_delivery_gives_nothing_yet(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    assert await deliveries(feed) == []


async def test_two_overlapping_provisions_give_one_period_spanning_both(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "gemeente", toewijzing(500002, "2026-04-01", "2026-12-31", product=("01", "01H02")))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(feed, "aanbieder_a", start(500002, "2026-04-01", "2026-04-01", product=("01", "01H02")))
    await accepted(feed, "aanbieder_a", stop(500001, "2026-03-01", "2026-03-02", "2026-05-31"))
    await accepted(
        feed, "aanbieder_a", stop(500002, "2026-04-01", "2026-04-01", "2026-08-31", product=("01", "01H02"))
    )
    assert await periods(feed) == [("2026-03-02", "2026-08-31")]


async def test_a_gap_between_provisions_gives_two_periods(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "gemeente", toewijzing(500002, "2026-07-01", "2026-12-31", product=("01", "01H02")))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(feed, "aanbieder_a", stop(500001, "2026-03-01", "2026-03-02", "2026-05-31"))
    await accepted(feed, "aanbieder_a", start(500002, "2026-07-01", "2026-07-01", product=("01", "01H02")))
    assert await periods(feed) == [("2026-03-02", "2026-05-31"), ("2026-07-01", "2026-12-31")]
    numbers = {item["eb_start_nummer"] for item in await deliveries(feed)}
    assert len(numbers) == 2


async def test_a_client_of_17_gives_nothing(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-06-30", geboren="2009-01-01"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02", geboren="2009-01-01"))
    assert await deliveries(feed) == []


async def test_a_start_deleted_with_status_aanlevering_3_withdraws_the_period_before_it_was_sent(
    feed: Gateway,
) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02", status="3"))
    assert await periods(feed) == []
    assert [item["toestand"] for item in await deliveries(feed)] == ["vervallen"]


async def test_a_start_deleted_after_the_cak_accepted_it_is_withdrawn_with_status_3(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    sent = await fetch(feed, 0)
    await accepted(feed, "cak", retour(sent.content, "R-1", codes=("0200",)))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02", status="3"))
    last = (await deliveries(feed))[-1]
    assert (last["status_aanlevering"], last["eb_startdatum"], last["toestand"]) == (
        "3",
        "2026-03-02",
        "te_verzenden",
    )


async def test_a_changed_toewijzing_end_date_changes_the_stop(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31", toegewezen="2026-03-01"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    assert await periods(feed) == [("2026-03-02", "2026-12-31")]
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-09-30", toegewezen="2026-08-01"))
    assert await periods(feed) == [("2026-03-02", "2026-09-30")]


async def test_begeleiding_counts_only_from_2026_01_01(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2025-12-01", "2026-06-30", product=BEGELEIDING))
    await accepted(feed, "aanbieder_a", start(500001, "2025-12-01", "2025-12-01", product=BEGELEIDING))
    assert await periods(feed) == [("2026-01-01", "2026-06-30")]


async def test_a_rolstoel_alone_gives_nothing(feed: Gateway) -> None:
    await accepted(
        feed,
        "gemeente",
        toewijzing(500001, "2026-03-01", "2026-12-31", product=ROLSTOEL, omvang=("1", "82", "6")),
    )
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02", product=ROLSTOEL))
    assert await deliveries(feed) == []


class Fetched:
    def __init__(self, status: int, content: bytes, cursor: str) -> None:
        self.status, self.content, self.cursor = status, content, cursor


async def fetch(gateway: Gateway, after: int, party: str = "cak") -> Fetched:
    params = {"after": after, "gemeente": GEMEENTE} if party == "cak" else {"after": after}
    response = await gateway.client.get("/api/v1/cak/wmo405", params=params, headers=gateway.auth(party))
    assert response.status_code in (200, 204), response.text
    return Fetched(response.status_code, response.content, response.headers["X-Cursor"])


def retour(
    wmo405: bytes,
    identificatie: str,
    *,
    codes: tuple[str, ...],
    header_codes: tuple[str, ...] = (),
    client_codes: tuple[str, ...] = ("0200",),
) -> bytes:
    """A WMO406 answering `wmo405`: its header and period copied, `codes` on the period, `header_codes`
    on the header and `client_codes` on the client."""
    heen = etree.fromstring(wmo405)
    ns = "http://www.istandaarden.nl/ieb/4_0/wmo406/schema"
    basis = "http://www.istandaarden.nl/ieb/4_0/basisschema/schema"
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={None: ns, "b": basis})
    header = etree.SubElement(root, f"{{{ns}}}Header")
    for element in next(heen.iter("{*}Header")):
        header.append(_renamed(element, ns, basis))
    for name, value in (("IdentificatieRetour", identificatie), ("DagtekeningRetour", "2026-11-20")):
        etree.SubElement(header, f"{{{ns}}}{name}").text = value
    versie = etree.SubElement(header, f"{{{ns}}}XsdVersieRetour")
    for name in ("BasisschemaXsdVersie", "BerichtXsdVersie"):
        etree.SubElement(versie, f"{{{basis}}}{name}").text = "1.0.0"
    client = etree.SubElement(root, f"{{{ns}}}Client")
    for element in next(heen.iter("{*}Client")):
        client.append(_renamed(element, ns, basis))
    periode = client[-1]
    for target, given in ((header, header_codes), (periode, codes), (client, client_codes)):
        if given:
            retourcodes = etree.SubElement(target, f"{{{ns}}}RetourCodes")
            for code in given:
                etree.SubElement(retourcodes, f"{{{ns}}}RetourCode").text = code
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _renamed(element: etree._Element, ns: str, basis: str) -> etree._Element:
    namespace = etree.QName(element).namespace
    copy = etree.Element(f"{{{basis if namespace == basis else ns}}}{local_name(element)}")
    copy.text = element.text
    for child in element:
        copy.append(_renamed(child, ns, basis))
    return copy


async def test_the_wmo405_is_valid_against_our_schema_and_fetched_again_unchanged(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    first = await fetch(feed, 0)
    report = CHECKER.check(first.content)
    assert report.message is not None
    assert report.message.code == "WMO405"
    assert report.schema_valid, report.findings
    again = await fetch(feed, 0)
    assert (again.content, again.cursor) == (first.content, first.cursor)
    assert (await fetch(feed, int(first.cursor))).status == 204
    [item] = await deliveries(feed)
    assert item["toestand"] == "verzonden"


async def test_wmo406_codes_are_attached_and_a_delivery_refused_as_a_message_is_sent_again(
    feed: Gateway,
) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    first = await fetch(feed, 0)
    not_judged = retour(first.content, "R-1", codes=("0233",), header_codes=("8848",), client_codes=("0233",))
    await accepted(feed, "cak", not_judged)
    refused, again = await deliveries(feed)
    assert refused["antwoord"] == {"geaccepteerd": False, "retourcodes": ["8848", "0233"]}
    assert refused["toestand"] == "beantwoord"
    assert (again["status_aanlevering"], again["toestand"]) == ("1", "te_verzenden")
    second = await fetch(feed, int(first.cursor))
    assert second.status == 200
    assert second.content != first.content
    await accepted(feed, "cak", retour(second.content, "R-2", codes=("0200",)))
    assert (await deliveries(feed))[-1]["antwoord"] == {"geaccepteerd": True, "retourcodes": ["0200"]}


async def test_a_change_refused_for_its_content_is_shown_and_not_sent_again_until_the_truth_changes(
    feed: Gateway,
) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2022-01-01", None, omvang=MONTHLY))
    await accepted(feed, "aanbieder_a", start(500001, "2022-01-01", "2023-06-01"))
    first = await fetch(feed, 0)
    await accepted(feed, "cak", retour(first.content, "R-1", codes=("0200",)))
    await accepted(feed, "aanbieder_a", start(500001, "2022-01-01", "2023-06-01", status="3"))
    await accepted(feed, "aanbieder_a", start(500001, "2022-01-01", "2022-01-03"))
    second = await fetch(feed, int(first.cursor))
    await accepted(feed, "cak", retour(second.content, "R-2", codes=("9393",)))

    assert (await fetch(feed, int(second.cursor))).status == 204
    [_, refused] = [item for item in await deliveries(feed) if item["toestand"] != "vervallen"]
    assert (refused["status_aanlevering"], refused["eb_startdatum"], refused["toestand"]) == (
        "2",
        "2022-01-03",
        "geweigerd",
    )
    assert refused["antwoord"] == {"geaccepteerd": False, "retourcodes": ["0200", "9393"]}
    late = (await feed.client.get("/api/v1/cak/achterstallig", headers=feed.auth("gemeente"))).json()
    assert late == [
        {
            "eb_start_nummer": refused["eb_start_nummer"],
            "bsn": BSN,
            "uiterlijk": "2022-02-03",
            "verzonden": False,
            "geweigerd": ["0200", "9393"],
        }
    ]

    await accepted(feed, "aanbieder_a", start(500001, "2022-01-01", "2022-01-03", status="3"))
    await accepted(feed, "aanbieder_a", start(500001, "2022-01-01", "2024-01-02"))
    again = (await deliveries(feed))[-1]
    assert (again["status_aanlevering"], again["eb_startdatum"], again["toestand"]) == (
        "2",
        "2024-01-02",
        "te_verzenden",
    )
    assert (await fetch(feed, int(second.cursor))).status == 200


async def test_a_wmo406_from_anyone_but_the_cak_is_forbidden(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    first = await fetch(feed, 0)
    assert (await feed.send("gemeente", retour(first.content, "R-1", codes=("0200",)))).status_code == 403


async def test_a_wmo406_answering_nothing_sent_is_refused(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    first = await fetch(feed, 0)
    stray = first.content.replace(b">EB", b">XX", 1)
    assert (await feed.send("cak", retour(stray, "R-1", codes=("0200",)))).status_code == 422


async def test_an_overdue_delivery_is_listed(feed: Gateway) -> None:
    await accepted(feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    [item] = await deliveries(feed)
    assert (item["uiterlijk"], item["achterstallig"]) == ("2026-04-02", date.today() > date(2026, 4, 2))
    response = await feed.client.get("/api/v1/cak/achterstallig", headers=feed.auth("gemeente"))
    assert [late["uiterlijk"] for late in response.json()] == ["2026-04-02"]


@pytest.mark.parametrize(("party", "status"), [("aanbieder_a", 403), ("cak", 422), ("gemeente", 200)])
async def test_the_feed_is_for_the_cak_naming_a_gemeente_and_the_gemeente_itself(
    feed: Gateway, party: str, status: int
) -> None:
    response = await feed.client.get("/api/v1/cak/eigen-bijdrage", headers=feed.auth(party))
    assert response.status_code == status


@pytest.fixture
async def announcing_feed(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    writer = EventWriter(
        references=KeyedReferences(b"x" * 32), source="urn:nld:oin:00000001234567890000:systeem:t"
    )
    policy = load_policy(bundled_mapping())
    processor = DomainProcessor(policy, followers=[EigenBijdrageFollower(policy, CakSettings(), writer)])
    async with make_gateway(processor) as running:
        yield running


async def eigen_bijdrage_events(gateway: Gateway) -> list[tuple[str, dict[str, Any]]]:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        events = (await uow.session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))).all()
    return [
        (event.event_type, event.payload["data"])
        for event in events
        if event.event_type.startswith("nl.iwmo.eigenbijdrage.")
    ]


async def test_a_period_started_by_a_start_of_delivery_is_announced_with_that_message(
    announcing_feed: Gateway,
) -> None:
    await accepted(announcing_feed, "gemeente", toewijzing(500001, "2026-03-01", None, omvang=MONTHLY))
    assert await eigen_bijdrage_events(announcing_feed) == []
    response = await announcing_feed.send("aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))

    [(kind, data)] = await eigen_bijdrage_events(announcing_feed)
    assert kind == "nl.iwmo.eigenbijdrage.gestart"
    assert (data["ebStartdatum"], data["berichtId"]) == ("2026-03-02", int(response.headers["X-Message-Id"]))
    assert BSN not in str(data)


async def test_a_stop_of_delivery_announces_the_stop_of_the_period(announcing_feed: Gateway) -> None:
    await accepted(announcing_feed, "gemeente", toewijzing(500001, "2026-03-01", None, omvang=MONTHLY))
    await accepted(announcing_feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(announcing_feed, "aanbieder_a", stop(500001, "2026-03-01", "2026-03-02", "2026-06-30"))

    [(_, started), (kind, stopped)] = await eigen_bijdrage_events(announcing_feed)
    assert kind == "nl.iwmo.eigenbijdrage.gestopt"
    assert (stopped["ebStartNummer"], stopped["ebStopdatum"]) == (started["ebStartNummer"], "2026-06-30")


async def test_a_planned_end_is_announced_as_the_stop_and_again_when_delivery_stops_earlier(
    announcing_feed: Gateway,
) -> None:
    await accepted(announcing_feed, "gemeente", toewijzing(500001, "2026-03-01", "2026-12-31"))
    await accepted(announcing_feed, "aanbieder_a", start(500001, "2026-03-01", "2026-03-02"))
    await accepted(announcing_feed, "aanbieder_a", stop(500001, "2026-03-01", "2026-03-02", "2026-06-30"))

    announced = [
        (kind, data.get("ebStopdatum")) for kind, data in await eigen_bijdrage_events(announcing_feed)
    ]
    assert announced == [
        ("nl.iwmo.eigenbijdrage.gestart", None),
        ("nl.iwmo.eigenbijdrage.gestopt", "2026-12-31"),
        ("nl.iwmo.eigenbijdrage.gestopt", "2026-06-30"),
    ]
