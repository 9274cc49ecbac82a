"""POST /api/v1/beschikkingen: the gemeente's decisions, checked against its policy, carried out and kept."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.api.beschikkingen import BeschikkingIn
from gateway.events.keys import KeyedReferences
from gateway.events.writer import EventWriter
from gateway.messages.parsing import ParseLimits
from gateway.pipeline.decisions import DecisionService, Registered
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.judging import DomainProcessor
from gateway.pipeline.processing import AcceptEverything
from gateway.policy import PolicyChecker, bundled_mapping, load_policy
from gateway.rules.validation import validate
from gateway.store.models import Beschikking, Message, OutboxEvent, Toewijzing
from gateway.store.models.parties import GEMEENTE as GEMEENTE_KIND
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, GEMEENTE, header_text

PATH = "/api/v1/beschikkingen"
BSN = "999900006"

CLIENT = {
    "bsn": BSN,
    "geboortedatum": "1950-06-15",
    "geslacht": "2",
    "naam": {"achternaam": "Jansen", "voorletters": "M"},
    "adres": {
        "soort": "01",
        "huisnummer": 12,
        "postcode": "2261AB",
        "straatnaam": "Kerkstraat",
        "plaatsnaam": "Voorburg",
        "land_code": "NL",
    },
}

PGB = {
    "beschikkingnummer": 5001,
    "afgiftedatum": "2026-02-20",
    "client": CLIENT,
    "ingangsdatum": "2026-03-01",
    "einddatum": "2027-02-28",
    "leveringsvorm": "pgb",
    "product": {"categorie": "01", "code": "01H01"},
    "pgb": {"vorm": "trekkingsrecht", "bedrag": 120000, "per": "jaar"},
}

NATURA_IWMO = {
    "beschikkingnummer": 5002,
    "afgiftedatum": "2026-02-20",
    "client": CLIENT,
    "ingangsdatum": "2026-03-01",
    "einddatum": "2026-12-31",
    "leveringsvorm": "natura",
    "product": {"categorie": "01", "code": "01H01"},
    "toewijzing": {"aanbieder": AANBIEDER_A, "omvang": {"volume": 4, "eenheid": "04", "frequentie": "2"}},
}

HULPMIDDEL = {
    "beschikkingnummer": 5003,
    "afgiftedatum": "2026-02-20",
    "client": CLIENT,
    "ingangsdatum": "2026-03-01",
    "leveringsvorm": "natura",
    "product": {"categorie": "11", "code": "11R01"},
    "verstrekking": {"kostprijs": 245000, "leverdatum": "2026-03-10"},
}


def changed(base: dict[str, Any], **fields: Any) -> dict[str, Any]:
    result = deepcopy(base)
    result.update(fields)
    return result


async def post(gateway: Gateway, body: dict[str, Any], party: str = "gemeente") -> httpx.Response:
    return await gateway.client.post(PATH, json=body, headers=gateway.auth(party))


async def kept(gateway: Gateway, nummer: int) -> Beschikking | None:
    async with UnitOfWork(gateway.sessionmaker) as uow:
        return await uow.session.scalar(select(Beschikking).where(Beschikking.beschikking_nummer == nummer))


async def test_a_pgb_trekkingsrecht_is_kept_with_a_budget_per_year(gateway: Gateway) -> None:
    response = await post(gateway, PGB)

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["beschikkingnummer"], body["leveringsvorm"], body["message_id"]) == (5001, "pgb", None)
    assert body["budgets"] == [
        {"begindatum": "2026-03-01", "einddatum": "2026-12-31", "bedrag": 120000},
        {"begindatum": "2027-01-01", "einddatum": "2027-02-28", "bedrag": 120000},
    ]
    assert "X-Message-Id" not in response.headers
    beschikking = await kept(gateway, 5001)
    assert beschikking is not None
    assert beschikking.pgb_vorm == "trekkingsrecht"


async def test_a_hulpmiddel_outside_iwmo_is_kept_with_its_kostprijs_and_leverdatum(gateway: Gateway) -> None:
    response = await post(gateway, HULPMIDDEL)

    assert response.status_code == 201, response.text
    beschikking = await kept(gateway, 5003)
    assert beschikking is not None
    assert (beschikking.kostprijs, str(beschikking.leverdatum)) == (245000, "2026-03-10")
    assert (beschikking.aanbieder_id, beschikking.message_id) == (None, None)


async def test_natura_for_an_aanbieder_sends_a_valid_wmo301_to_its_mailbox(gateway: Gateway) -> None:
    response = await post(gateway, NATURA_IWMO)

    assert response.status_code == 201, response.text
    message_id = int(response.headers["X-Message-Id"])
    assert response.json()["message_id"] == message_id
    assert await gateway.mailbox_ids("aanbieder_a") == [message_id]
    wmo301 = (await gateway.read("aanbieder_a", message_id)).content
    report = validate(wmo301)
    assert (report.message and report.message.code, report.findings) == ("WMO301", [])
    assert (header_text(wmo301, "Afzender"), header_text(wmo301, "Ontvanger")) == (GEMEENTE, AANBIEDER_A)
    beschikking = await kept(gateway, 5002)
    assert beschikking is not None
    assert beschikking.message_id == message_id


async def test_the_toewijzing_the_wmo301_issued_is_linked_to_the_beschikking(
    make_gateway: GatewayFactory,
) -> None:
    async with make_gateway(DomainProcessor(load_policy(bundled_mapping()))) as gateway:
        response = await post(gateway, NATURA_IWMO)
        assert response.status_code == 201, response.text
        async with UnitOfWork(gateway.sessionmaker) as uow:
            linked = (await uow.session.scalars(select(Toewijzing.beschikking_id))).all()

    assert linked == [response.json()["id"]]


async def test_the_same_decision_again_gets_its_first_answer_and_changes_nothing(gateway: Gateway) -> None:
    first = await post(gateway, NATURA_IWMO)
    again = await post(gateway, NATURA_IWMO)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again.headers["X-Idempotent-Replay"] == "true"
    assert again.headers["X-Message-Id"] == first.headers["X-Message-Id"]
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1


async def test_the_same_number_with_other_content_is_a_conflict(gateway: Gateway) -> None:
    await post(gateway, PGB)

    response = await post(gateway, changed(PGB, afgiftedatum="2026-02-21"))

    assert response.status_code == 409
    assert "detail" in response.json()


async def test_every_policy_breach_is_a_finding_pointing_into_the_request(gateway: Gateway) -> None:
    wrong = changed(NATURA_IWMO)
    wrong["toewijzing"]["omvang"] = {"volume": 4, "eenheid": "83", "frequentie": "7"}

    response = await post(gateway, wrong)

    assert response.status_code == 422
    findings = response.json()["findings"]
    assert {(f["rule"], f["location"]) for f in findings} >= {
        ("POLICY", "/toewijzing/omvang/eenheid"),
        ("POLICY", "/toewijzing/omvang/frequentie"),
    }
    assert await kept(gateway, 5002) is None
    assert await gateway.mailbox_ids("aanbieder_a") == []


async def test_a_product_outside_the_catalogue_is_refused_at_the_product(gateway: Gateway) -> None:
    response = await post(gateway, changed(PGB, product={"categorie": "01", "code": "01X99"}))

    assert response.status_code == 422
    assert [(f["rule"], f["location"]) for f in response.json()["findings"]] == [("POLICY", "/product")]


async def test_a_wmo301_the_pipeline_refuses_is_answered_with_its_findings_and_nothing_kept(
    gateway: Gateway,
) -> None:
    # A Budget without an Einddatum breaks CD075; the policy has nothing against it.
    refused = changed(NATURA_IWMO, einddatum=None, product={"categorie": "13", "code": "13W03"})
    refused["toewijzing"] = {"aanbieder": AANBIEDER_A, "budget": 150000}

    response = await post(gateway, refused)

    assert response.status_code == 422, response.text
    assert "CD075" in {finding["rule"] for finding in response.json()["findings"]}
    assert "X-Message-Id" in response.headers
    assert await kept(gateway, 5002) is None
    assert await gateway.mailbox_ids("aanbieder_a") == []


async def test_an_unknown_aanbieder_is_refused(gateway: Gateway) -> None:
    unknown = changed(NATURA_IWMO)
    unknown["toewijzing"]["aanbieder"] = "11112222"

    response = await post(gateway, unknown)

    assert response.status_code == 422
    assert [f["location"] for f in response.json()["findings"]] == ["/toewijzing/aanbieder"]


@pytest.mark.parametrize(
    "body",
    [
        {key: value for key, value in PGB.items() if key != "pgb"},
        changed(HULPMIDDEL, toewijzing=NATURA_IWMO["toewijzing"]),
        changed(PGB, einddatum=None),
        changed(PGB, beschikkingnummer="vijf"),
        changed(PGB, onbekend=1),
    ],
    ids=["pgb-without-terms", "natura-two-ways", "pgb-without-einddatum", "bad-number", "unknown-field"],
)
async def test_a_request_of_the_wrong_shape_is_refused_with_a_reason(
    gateway: Gateway, body: dict[str, Any]
) -> None:
    response = await post(gateway, body)

    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(("party", "status"), [("aanbieder_a", 403), ("cak", 403)])
async def test_only_the_gemeente_registers_decisions(gateway: Gateway, party: str, status: int) -> None:
    assert (await post(gateway, PGB, party)).status_code == status
    assert await kept(gateway, 5001) is None


async def test_a_decision_needs_a_token(gateway: Gateway) -> None:
    assert (await gateway.client.post(PATH, json=PGB)).status_code == 401


async def test_the_openapi_document_describes_the_endpoint(gateway: Gateway) -> None:
    operation = (await gateway.client.get("/openapi.json")).json()["paths"][PATH]["post"]

    assert {"200", "201", "401", "403", "409", "422", "500"} <= set(operation["responses"])
    assert "requestBody" in operation


async def test_a_registered_beschikking_is_announced_in_the_same_transaction(
    sessionmaker: async_sessionmaker[AsyncSession], tokens: dict[str, str]
) -> None:
    writer = EventWriter(
        references=KeyedReferences(b"x" * 32), source="urn:nld:oin:00000001234567890000:systeem:t"
    )
    pipeline = Pipeline(sessionmaker, AcceptEverything(), limits=ParseLimits())
    checker = PolicyChecker(load_policy(bundled_mapping()))
    service = DecisionService(sessionmaker, pipeline, checker, events=writer)
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.find(GEMEENTE_KIND, GEMEENTE)
    assert gemeente is not None
    outcome = await service.decide(gemeente, BeschikkingIn.model_validate(PGB).decision())

    assert isinstance(outcome, Registered)
    async with UnitOfWork(sessionmaker) as uow:
        events = (await uow.session.scalars(select(OutboxEvent))).all()
        messages = await uow.session.scalar(select(func.count()).select_from(Message))
    assert [event.event_type for event in events] == ["nl.iwmo.beschikking.geregistreerd"]
    assert events[0].payload["data"]["beschikkingNummer"] == 5001
    assert BSN not in str(events[0].payload)
    assert messages == 0
