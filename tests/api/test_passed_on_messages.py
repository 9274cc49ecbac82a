"""Messages for the other party are passed on to its mailbox with a receipt; answers are linked."""

from __future__ import annotations

from gateway.rules.validation import validate
from tests.api.conftest import Gateway
from tests.api.making import (
    AANBIEDER_A,
    AANBIEDER_B,
    GEMEENTE,
    addressed,
    fixture,
    from_aanbieder,
    from_gemeente,
    rule_invalid,
    toewijzing,
    toewijzing_retour,
)


async def test_a_toewijzing_is_received_with_a_receipt_and_lands_in_the_aanbieders_mailbox(
    gateway: Gateway,
) -> None:
    response = await gateway.send("gemeente", toewijzing("T-1"))
    assert response.status_code == 202, response.text
    message_id = int(response.headers["X-Message-Id"])
    assert response.json() == {"id": message_id, "message": "WMO301", "findings": []}
    [item] = (await gateway.mailbox("aanbieder_a")).json()["items"]
    assert item["id"] == message_id
    assert item["message"] == "WMO301"
    assert item["sender"] == f"gemeente:{GEMEENTE}"
    assert item["in_reply_to"] is None
    assert (await gateway.read("aanbieder_a", message_id)).content == toewijzing("T-1")


async def test_a_toewijzing_goes_only_to_the_aanbieder_it_is_addressed_to(gateway: Gateway) -> None:
    await gateway.send("gemeente", toewijzing("T-1", to=AANBIEDER_B))
    assert await gateway.mailbox_ids("aanbieder_a") == []
    assert len(await gateway.mailbox_ids("aanbieder_b")) == 1


async def test_a_toewijzing_retour_is_linked_to_its_toewijzing_and_delivered_to_the_gemeente(
    gateway: Gateway,
) -> None:
    sent = await gateway.send("gemeente", toewijzing("T-1"))
    answer = await gateway.send("aanbieder_a", toewijzing_retour("T-1", "R-1"))
    assert answer.status_code == 202, answer.text
    assert answer.json()["message"] == "WMO302"
    [item] = (await gateway.mailbox("gemeente")).json()["items"]
    assert item["id"] == int(answer.headers["X-Message-Id"])
    assert item["in_reply_to"] == int(sent.headers["X-Message-Id"])


async def test_a_retour_on_a_message_the_gateway_does_not_know_is_passed_on_unlinked(
    gateway: Gateway,
) -> None:
    answer = await gateway.send("aanbieder_a", toewijzing_retour("T-UNKNOWN", "R-1"))
    assert answer.status_code == 202, answer.text
    [item] = (await gateway.mailbox("gemeente")).json()["items"]
    assert item["in_reply_to"] is None


async def test_a_retour_on_another_aanbieders_toewijzing_is_not_linked_to_it(gateway: Gateway) -> None:
    await gateway.send("gemeente", toewijzing("T-1", to=AANBIEDER_B))
    answer = await gateway.send("aanbieder_a", toewijzing_retour("T-1", "R-1"))
    assert answer.status_code == 202
    [item] = (await gateway.mailbox("gemeente")).json()["items"]
    assert item["in_reply_to"] is None


async def test_a_second_answer_to_the_same_toewijzing_is_refused(gateway: Gateway) -> None:
    await gateway.send("gemeente", toewijzing("T-1"))
    await gateway.send("aanbieder_a", toewijzing_retour("T-1", "R-1"))
    second = await gateway.send("aanbieder_a", toewijzing_retour("T-1", "R-2"))
    assert second.status_code == 422
    assert "answered already" in second.json()["detail"]
    assert len(await gateway.mailbox_ids("gemeente")) == 1


async def test_an_antwoord_goes_to_the_aanbieder(gateway: Gateway) -> None:
    response = await gateway.send("gemeente", from_gemeente("WMO319/valid/in-onderzoek.xml", "A-1"))
    assert response.status_code == 202, response.text
    assert await gateway.mailbox_ids("aanbieder_a") == [int(response.headers["X-Message-Id"])]


async def test_a_declaratieantwoord_of_the_gemeente_goes_to_the_aanbieder(gateway: Gateway) -> None:
    answer = addressed(fixture("WMO325/valid/fully-granted.xml"), afzender=GEMEENTE, ontvanger=AANBIEDER_A)
    response = await gateway.send("gemeente", answer)
    assert response.status_code == 202, response.text
    assert response.json()["message"] == "WMO325"
    assert await gateway.mailbox_ids("aanbieder_a") == [int(response.headers["X-Message-Id"])]


async def test_a_declaratieantwoord_on_a_claim_the_gateway_answered_is_refused(gateway: Gateway) -> None:
    claim = from_aanbieder(AANBIEDER_A, "WMO323/valid/minimal.xml", "DECL-0001")
    assert (await gateway.send("aanbieder_a", claim)).status_code == 200
    answer = addressed(fixture("WMO325/valid/fully-granted.xml"), afzender=GEMEENTE, ontvanger=AANBIEDER_A)
    response = await gateway.send("gemeente", answer)
    assert response.status_code == 422
    assert "answered already" in response.json()["detail"]


async def test_a_rule_invalid_toewijzing_is_refused_with_its_findings_and_not_passed_on(
    gateway: Gateway,
) -> None:
    content = addressed(
        rule_invalid("WMO301"), afzender=GEMEENTE, ontvanger=AANBIEDER_A, identificatie="T-BAD"
    )
    expected = [finding.as_json() for finding in validate(content).findings]
    response = await gateway.send("gemeente", content)
    assert response.status_code == 422
    assert response.json()["findings"] == expected
    assert expected
    assert await gateway.mailbox_ids("aanbieder_a") == []


async def test_a_reused_identificatie_on_a_toewijzing_is_refused_as_tr056(gateway: Gateway) -> None:
    await gateway.send("gemeente", toewijzing("T-1"))
    other = from_gemeente("WMO301/valid/rich.xml", "T-1")
    response = await gateway.send("gemeente", other)
    assert response.status_code == 422
    [finding] = response.json()["findings"]
    assert (finding["rule"], finding["retourcode"]) == ("TR056", "9056")
    assert finding["location"] == "/Bericht/Header/BerichtIdentificatie/Identificatie"
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1
