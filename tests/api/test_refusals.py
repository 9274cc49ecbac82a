"""What the API refuses, with which status, and what it keeps of it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from gateway.pipeline.access import revoke_token
from gateway.rules.validation import validate
from gateway.store.models.messages import REJECTED
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, from_aanbieder, start, toewijzing
from tests.conftest import NOW

SCHEMA_INVALID = start("S-1").replace(b"<wmo305:Geslacht>2<", b"<wmo305:Geslacht>7<")


async def stored(gateway: Gateway, response: httpx.Response) -> tuple[str, list[dict[str, object]] | None]:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        message = await uow.messages.get(int(response.headers["X-Message-Id"]))
    assert message is not None
    return message.outcome, message.findings


async def test_a_schema_invalid_message_is_refused_with_its_findings_and_stored_as_rejected(
    gateway: Gateway,
) -> None:
    response = await gateway.send("aanbieder_a", SCHEMA_INVALID)
    assert response.status_code == 422
    findings = response.json()["findings"]
    assert findings == [finding.as_json() for finding in validate(SCHEMA_INVALID).findings]
    assert findings[0]["rule"] == "XSD"
    assert findings[0]["location"] == "/Bericht/Client/Geslacht"
    assert await stored(gateway, response) == (REJECTED, findings)
    assert await gateway.mailbox_ids("aanbieder_a") == []


async def test_bytes_that_are_not_xml_are_refused_with_an_xml_finding(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_a", b"<Bericht>")
    assert response.status_code == 422
    assert [finding["rule"] for finding in response.json()["findings"]] == ["XML"]
    assert (await stored(gateway, response))[0] == REJECTED


async def test_a_message_naming_another_sender_is_forbidden(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_b", start("S-1", by=AANBIEDER_A))
    assert response.status_code == 403
    assert AANBIEDER_A in response.json()["detail"]
    assert (await stored(gateway, response))[0] == REJECTED
    assert await gateway.mailbox_ids("gemeente") == []


async def test_a_message_type_the_caller_does_not_send_is_forbidden(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_a", toewijzing("T-1"))
    assert response.status_code == 403
    assert "WMO301 is sent by a gemeente" in response.json()["detail"]


async def test_a_message_to_an_unknown_gemeente_is_refused(gateway: Gateway) -> None:
    response = await gateway.send(
        "aanbieder_a", from_aanbieder(AANBIEDER_A, "WMO305/valid/minimal.xml", "S-1", to="0363")
    )
    assert response.status_code == 422
    assert "0363" in response.json()["detail"]
    assert response.json()["findings"] == []


async def test_a_message_to_an_unknown_aanbieder_is_refused(gateway: Gateway) -> None:
    response = await gateway.send("gemeente", toewijzing("T-1", to="11111111"))
    assert response.status_code == 422


async def test_a_request_without_a_token_is_unauthorized(gateway: Gateway) -> None:
    response = await gateway.client.post(
        "/api/v1/messages", content=start("S-1"), headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "bearer token" in response.json()["detail"]


async def test_an_unknown_token_is_unauthorized(gateway: Gateway) -> None:
    response = await gateway.client.get("/api/v1/mailbox", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert response.json() == {"detail": "the bearer token is unknown or revoked"}


async def test_a_revoked_token_is_unauthorized(gateway: Gateway) -> None:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        assert await revoke_token(uow, gateway.tokens["aanbieder_a"], now=NOW)
    response = await gateway.send("aanbieder_a", start("S-1"))
    assert response.status_code == 401


async def test_a_body_declared_larger_than_the_limit_is_refused_unread(make_gateway: GatewayFactory) -> None:
    async with make_gateway(max_message_bytes=100) as gateway:
        response = await gateway.send("aanbieder_a", start("S-1"))
        assert response.status_code == 413
        assert "100 bytes" in response.json()["detail"]
        assert "X-Message-Id" not in response.headers


async def test_a_streamed_body_growing_past_the_limit_is_refused(make_gateway: GatewayFactory) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 50

    async with make_gateway(max_message_bytes=100) as gateway:
        headers = {**gateway.auth("aanbieder_a"), "Content-Type": "application/xml"}
        response = await gateway.client.post("/api/v1/messages", content=chunks(), headers=headers)
        assert "content-length" not in response.request.headers
        assert response.status_code == 413


async def test_a_body_that_is_not_xml_by_content_type_is_unsupported(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_a", start("S-1"), content_type="text/plain")
    assert response.status_code == 415
    assert "text/plain" in response.json()["detail"]


@pytest.mark.parametrize("content_type", ["text/xml", "application/xml; charset=utf-8"])
async def test_xml_is_accepted_under_either_media_type(gateway: Gateway, content_type: str) -> None:
    response = await gateway.send("aanbieder_a", start("S-1"), content_type=content_type)
    assert response.status_code == 200


async def test_a_bad_query_parameter_is_explained_in_detail(gateway: Gateway) -> None:
    response = await gateway.mailbox("aanbieder_a", limit=0)
    assert response.status_code == 422
    assert "limit" in response.json()["detail"]


async def test_a_message_of_another_standard_is_refused_with_its_reason_not_failed(gateway: Gateway) -> None:
    wmo406 = (
        Path(__file__).parents[1] / "fixtures" / "ieb-4.0" / "WMO406" / "valid" / "header-refusal.xml"
    ).read_bytes()
    response = await gateway.send("cak", wmo406)
    assert response.status_code == 422
    assert "WMO406" in response.json()["detail"]
    async with UnitOfWork(gateway.sessionmaker) as uow:
        message = await uow.messages.get(int(response.headers["X-Message-Id"]))
    assert message is not None
    assert message.outcome == REJECTED
