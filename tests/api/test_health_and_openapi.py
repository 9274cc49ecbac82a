"""The service reports whether it can work, and describes itself in an OpenAPI document."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Gateway, running_app


async def test_health_is_ok_when_the_database_answers(gateway: Gateway) -> None:
    response = await gateway.client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_health_is_503_when_the_database_cannot_be_reached() -> None:
    async with running_app("postgresql+asyncpg://postgres@127.0.0.1:1/gateway") as client:
        response = await client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"detail": "the database cannot be reached"}


@pytest.fixture
async def openapi(gateway: Gateway) -> dict[str, Any]:
    response = await gateway.client.get("/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


async def test_openapi_describes_the_xml_request_body_of_sending(openapi: dict[str, Any]) -> None:
    body = openapi["paths"]["/api/v1/messages"]["post"]["requestBody"]
    assert body["required"] is True
    assert set(body["content"]) == {"application/xml", "text/xml"}


async def test_openapi_describes_every_answer_to_sending(openapi: dict[str, Any]) -> None:
    responses = openapi["paths"]["/api/v1/messages"]["post"]["responses"]
    assert {"200", "202", "401", "403", "413", "415", "422", "500"} <= set(responses)
    assert "application/xml" in responses["200"]["content"]
    assert responses["202"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Receipt"
    }
    assert responses["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Refusal"
    }


@pytest.mark.parametrize(
    ("path", "method", "statuses"),
    [
        ("/api/v1/messages/{message_id}", "get", {"200", "401", "404"}),
        ("/api/v1/mailbox", "get", {"200", "401", "422"}),
        ("/health", "get", {"200", "503"}),
    ],
)
async def test_openapi_describes_the_other_endpoints(
    openapi: dict[str, Any], path: str, method: str, statuses: set[str]
) -> None:
    assert statuses <= set(openapi["paths"][path][method]["responses"])


async def test_openapi_declares_bearer_authentication(openapi: dict[str, Any]) -> None:
    [scheme] = openapi["components"]["securitySchemes"].values()
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    assert openapi["paths"]["/api/v1/mailbox"]["get"]["security"]
