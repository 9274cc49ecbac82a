"""The gemeente's own judgement through the service: its record (cross-message rules) and its policy."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from lxml import etree

from gateway.pipeline.judging import DomainProcessor
from gateway.policy import bundled_mapping, load_policy
from gateway.rules.validation import validate
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, fixture, from_aanbieder, from_gemeente
from tests.events.scenario import declaratie, toewijzing


@pytest.fixture
async def judging(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    async with make_gateway(DomainProcessor(load_policy(bundled_mapping()))) as running:
        yield running


def all_codes(content: bytes) -> list[str]:
    """Every RetourCode of a retour, at every level, in document order."""
    return [code.text or "" for code in etree.fromstring(content).iter("{*}RetourCode")]


def totals(content: bytes) -> tuple[str | None, str | None]:
    """A WMO325's TotaalIngediendBedrag and TotaalToegekendBedrag, as written."""
    answer = etree.fromstring(content).find("{*}DeclaratieAntwoord")
    assert answer is not None
    return (
        answer.findtext("{*}TotaalIngediendBedrag/{*}TotaalBedrag"),
        answer.findtext("{*}TotaalToegekendBedrag/{*}TotaalBedrag"),
    )


def _with_status(content: bytes, status: str) -> bytes:
    root = etree.fromstring(content)
    for element in root.iter("{*}StatusAanlevering"):
        element.text = status
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


async def test_deleting_a_start_that_was_never_delivered_is_answered_with_9063(judging: Gateway) -> None:
    start = from_aanbieder(AANBIEDER_A, "WMO305/valid/minimal.xml", "S-DEL")
    response = await judging.send("aanbieder_a", _with_status(start, "3"))
    assert response.status_code == 200, response.text
    # Header, StartProduct, Client: RetourCodes close each class.
    assert all_codes(response.content) == ["0200", "9063", "0200"]


async def test_the_same_start_delivered_twice_is_refused_the_second_time(judging: Gateway) -> None:
    first = await judging.send("aanbieder_a", from_aanbieder(AANBIEDER_A, "WMO305/valid/minimal.xml", "S-1"))
    assert all_codes(first.content) == []
    second = await judging.send("aanbieder_a", from_aanbieder(AANBIEDER_A, "WMO305/valid/minimal.xml", "S-2"))
    assert "9074" in all_codes(second.content)


async def test_a_toewijzing_for_a_product_outside_the_catalogue_is_refused_before_the_aanbieder_sees_it(
    judging: Gateway,
) -> None:
    response = await judging.send("gemeente", from_gemeente("WMO301/valid/minimal.xml", "T-1"))
    assert response.status_code == 422, response.text
    assert [finding["rule"] for finding in response.json()["findings"]] == ["POLICY"]
    assert await judging.mailbox_ids("aanbieder_a") == []


async def test_a_claim_line_whose_amount_is_not_volume_times_tariff_alone_is_rejected_with_9346(
    judging: Gateway,
) -> None:
    response = await judging.send("gemeente", toewijzing("T-1"))
    assert response.status_code == 202, response.text
    # 12 hours at 39.50 are 474.00 euro; the line (and with it the total) claims a cent more.
    response = await judging.send("aanbieder_a", declaratie("D-1", {b"47400": b"47401"}))
    assert response.status_code == 200, response.text
    # Header, Prestatie, Client, DeclaratieAntwoord (RetourCodes close each class): only the line is rejected.
    assert all_codes(response.content) == ["0200", "9346", "0200", "0200"]
    assert totals(response.content) == ("47401", "0")
    report = validate(response.content)
    assert report.valid, report.findings


def test_the_fixture_product_is_indeed_unknown_to_the_catalogue() -> None:
    policy = load_policy(bundled_mapping())
    assert b"<iwmo:Code>01A01</iwmo:Code>" in fixture("WMO301/valid/minimal.xml")
    assert policy.find("01", "01A01") is None
