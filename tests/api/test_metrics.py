"""`GET /metrics`: messages by type and outcome, findings by rule, processing time, outbox backlog and
HTTP requests, per app, in the Prometheus text format, without a token and without personal data."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_B, start, toewijzing
from tests.conftest import NOW


async def _samples(gateway: Gateway) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = await gateway.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _value(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def test_messages_are_counted_by_type_and_outcome(gateway: Gateway) -> None:
    await gateway.send("aanbieder_a", start("S-1"))
    await gateway.send("aanbieder_a", start("S-1"))
    await gateway.send("gemeente", toewijzing("T-1"))
    await gateway.send("aanbieder_a", start("S-2", by=AANBIEDER_B))
    samples = await _samples(gateway)
    counted = {
        outcome: _value(samples, "iwmo_messages_total", message_type=message_type, outcome=outcome)
        for message_type, outcome in [
            ("WMO305", "answered"),
            ("WMO305", "repeat"),
            ("WMO301", "passed_on"),
            ("WMO305", "forbidden"),
        ]
    }
    assert counted == {"answered": 1.0, "repeat": 1.0, "passed_on": 1.0, "forbidden": 1.0}


async def test_a_refused_message_is_counted_with_its_findings_by_rule(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_a", b"<not-a-message/>")
    assert response.status_code == 422
    rules = [finding["rule"] for finding in response.json()["findings"]]
    samples = await _samples(gateway)
    assert _value(samples, "iwmo_messages_total", message_type="unknown", outcome="refused") == 1.0
    assert rules
    for rule in set(rules):
        assert _value(samples, "iwmo_findings_total", rule=rule) == rules.count(rule)


async def test_processing_time_is_observed_per_message_type(gateway: Gateway) -> None:
    await gateway.send("aanbieder_a", start("S-1"))
    await gateway.send("aanbieder_a", start("S-2"))
    samples = await _samples(gateway)
    assert _value(samples, "iwmo_message_processing_seconds_count", message_type="WMO305") == 2.0
    assert _value(samples, "iwmo_message_processing_seconds_sum", message_type="WMO305") > 0


async def test_the_outbox_backlog_is_counted_when_scraped(gateway: Gateway) -> None:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        for _ in range(3):
            await uow.outbox.add("key", "nl.iwmo.test.gedaan", {}, created_at=NOW)
        published = await uow.outbox.add("key", "nl.iwmo.test.gedaan", {}, created_at=NOW)
        await uow.outbox.mark_published([published.id], published_at=NOW)
    assert _value(await _samples(gateway), "iwmo_outbox_backlog") == 3.0


async def test_http_requests_are_counted_by_route_template_never_by_path(gateway: Gateway) -> None:
    await gateway.read("aanbieder_a", 424242)
    await gateway.client.get("/no/such/999900006")
    response = await gateway.client.get("/metrics")
    samples = await _samples(gateway)
    assert (
        _value(
            samples,
            "iwmo_http_requests_total",
            method="GET",
            route="/api/v1/messages/{message_id}",
            status="404",
        )
        == 1.0
    )
    assert _value(samples, "iwmo_http_requests_total", method="GET", route="unmatched", status="404") == 1.0
    assert "424242" not in response.text
    assert "999900006" not in response.text


async def test_each_app_counts_its_own_messages(make_gateway: GatewayFactory) -> None:
    async with make_gateway() as first, make_gateway() as second:
        await first.send("aanbieder_a", start("S-1"))
        counted_first = await _samples(first)
        counted_second = await _samples(second)
    assert _value(counted_first, "iwmo_messages_total", message_type="WMO305", outcome="answered") == 1.0
    assert _value(counted_second, "iwmo_messages_total", message_type="WMO305", outcome="answered") == 0.0


async def test_metrics_carry_no_bsn_of_the_messages_counted(gateway: Gateway) -> None:
    await gateway.send("gemeente", toewijzing("T-1"))
    response = await gateway.client.get("/metrics")
    assert b"<wmo301:Bsn>999900006</wmo301:Bsn>" in toewijzing("T-1")
    assert "999900006" not in response.text
