"""Messages the gateway answers for the gemeente get their retour (or WMO325) at once, as the response."""

from __future__ import annotations

import pytest

from gateway.rules.validation import validate
from tests.api.conftest import Gateway
from tests.api.making import (
    AANBIEDER_A,
    GEMEENTE,
    HEEN_FROM_AANBIEDER,
    addressed,
    from_aanbieder,
    header_text,
    retour_codes,
    rule_invalid,
    start,
)

RETOUR_OF = {"WMO305": "WMO306", "WMO307": "WMO308", "WMO315": "WMO316", "WMO317": "WMO318"}


@pytest.mark.parametrize("heen", HEEN_FROM_AANBIEDER)
async def test_a_valid_heen_message_gets_a_valid_accepting_retour_of_its_type(
    gateway: Gateway, heen: str
) -> None:
    response = await gateway.send(
        "aanbieder_a", from_aanbieder(AANBIEDER_A, f"{heen}/valid/minimal.xml", "H-1")
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/xml"
    report = validate(response.content)
    assert report.valid, report.findings
    assert report.message_code == RETOUR_OF[heen]
    assert retour_codes(response.content) == []
    assert header_text(response.content, "BerichtIdentificatie", "Identificatie") == "H-1"


@pytest.mark.parametrize("heen", [*HEEN_FROM_AANBIEDER, "WMO323"])
async def test_a_rule_invalid_heen_message_gets_a_technical_rejection_0001(
    gateway: Gateway, heen: str
) -> None:
    content = addressed(rule_invalid(heen), afzender=AANBIEDER_A, ontvanger=GEMEENTE, identificatie="BAD-1")
    response = await gateway.send("aanbieder_a", content)
    assert response.status_code == 200, response.text
    report = validate(response.content)
    assert report.valid, report.findings
    assert retour_codes(response.content) == ["0001"]
    assert header_text(response.content, "XsltVersie") == "2.10.5"


async def test_a_claim_gets_a_declaratieantwoord_granting_it(gateway: Gateway) -> None:
    response = await gateway.send(
        "aanbieder_a", from_aanbieder(AANBIEDER_A, "WMO323/valid/minimal.xml", "D-1")
    )
    assert response.status_code == 200, response.text
    report = validate(response.content)
    assert report.valid, report.findings
    assert report.message_code == "WMO325"
    assert header_text(response.content, "Afzender") == GEMEENTE
    assert header_text(response.content, "DeclaratieIdentificatie", "Identificatie") == "D-1"


async def test_the_retour_is_stored_and_readable_by_both_parties_as_answer_to_the_heen_message(
    gateway: Gateway,
) -> None:
    response = await gateway.send("aanbieder_a", start("S-1"))
    heen_id = int(response.headers["X-Message-Id"])
    [retour] = (await gateway.mailbox("aanbieder_a")).json()["items"]
    assert retour["message"] == "WMO306"
    assert retour["in_reply_to"] == heen_id
    assert retour["sender"] == f"gemeente:{GEMEENTE}"
    for party in ("aanbieder_a", "gemeente"):
        stored = await gateway.read(party, retour["id"])
        assert stored.content == response.content


async def test_an_accepted_heen_message_is_delivered_to_the_gemeente(gateway: Gateway) -> None:
    response = await gateway.send("aanbieder_a", start("S-1"))
    assert await gateway.mailbox_ids("gemeente") == [int(response.headers["X-Message-Id"])]


async def test_a_technically_rejected_heen_message_is_not_delivered_to_the_gemeente(gateway: Gateway) -> None:
    content = addressed(
        rule_invalid("WMO305"), afzender=AANBIEDER_A, ontvanger=GEMEENTE, identificatie="BAD-1"
    )
    await gateway.send("aanbieder_a", content)
    assert await gateway.mailbox_ids("gemeente") == []
    assert len(await gateway.mailbox_ids("aanbieder_a")) == 1


async def test_every_retour_has_its_own_identificatie_of_at_most_12_characters(gateway: Gateway) -> None:
    identificaties = set()
    for number in range(5):
        response = await gateway.send("aanbieder_a", start(f"S-{number}"))
        identificatie = header_text(response.content, "IdentificatieRetour")
        assert 1 <= len(identificatie) <= 12
        identificaties.add(identificatie)
    assert len(identificaties) == 5


async def test_an_identificatie_reused_with_other_content_gets_a_9056_retour(gateway: Gateway) -> None:
    first = await gateway.send("aanbieder_a", start("S-1"))
    other = from_aanbieder(AANBIEDER_A, "WMO305/valid/rich.xml", "S-1")
    second = await gateway.send("aanbieder_a", other)
    assert first.status_code == second.status_code == 200
    assert retour_codes(second.content) == ["9056"]
    assert validate(second.content).valid
    assert second.headers["X-Message-Id"] != first.headers["X-Message-Id"]
    assert "X-Idempotent-Replay" not in second.headers


async def test_the_same_identificatie_of_another_sender_is_no_reuse(gateway: Gateway) -> None:
    await gateway.send("aanbieder_a", start("S-1"))
    response = await gateway.send("aanbieder_b", start("S-1", by="87654321"))
    assert retour_codes(response.content) == []
