"""POST /api/v1/beschikkingen under the Beleidsregels: what else the client has, the kilometres, the
college's afwijking and the pgb terms reach the policy check, on the decision and on its WMO301."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

import httpx
import pytest
from lxml import etree

from gateway.api.beschikkingen import BeschikkingIn
from gateway.messages import toewijzing as wmo301
from gateway.messages.locations import local_name
from gateway.pipeline.answering import DUTCH_TIME
from gateway.pipeline.judging import DomainProcessor
from gateway.policy import bundled_mapping, load_policy
from tests.api.conftest import Gateway, GatewayFactory
from tests.api.making import AANBIEDER_A, AANBIEDER_B, GEMEENTE
from tests.api.test_beschikkingen import CLIENT, HULPMIDDEL, NATURA_IWMO, PGB, changed, kept, post

OTHER_BSN = "999900018"

DAGBESTEDING = changed(
    PGB,
    beschikkingnummer=6001,
    ingangsdatum="2026-01-01",
    einddatum="2026-12-31",
    product={"categorie": "07", "code": "07B02"},
    pgb={"vorm": "trekkingsrecht", "bedrag": 300000, "per": "jaar"},
)
"""Dagbesteding behouden (6.2.2) as a pgb for 2026."""

VERVOER = changed(
    PGB,
    beschikkingnummer=6002,
    ingangsdatum="2026-03-01",
    einddatum="2026-12-31",
    product={"categorie": "08", "code": "08B01"},
    pgb={"vorm": "trekkingsrecht", "bedrag": 80000, "per": "jaar"},
)
"""Vervoer bij dagbesteding (6.2.3) as a pgb, which goes only beside dagbesteding."""

BEREIK_EN_BESCHIKBAARHEID = changed(
    VERVOER, beschikkingnummer=6007, product={"categorie": "02", "code": "02B03"}
)
"""B&B (6.1.4) as a pgb: beside individuele begeleiding ontwikkelen, or after beschermd wonen."""

REGIOTAXI = changed(
    NATURA_IWMO,
    beschikkingnummer=6003,
    product={"categorie": "08", "code": "08V01"},
    toewijzing={"aanbieder": AANBIEDER_A, "omvang": {"volume": 1, "eenheid": "82", "frequentie": "6"}},
)
"""The Regiotaxi pass (7.2.2) in natura; its kilometres a year are for `km_per_jaar`."""

SCOOTMOBIEL = changed(HULPMIDDEL, beschikkingnummer=6004, product={"categorie": "12", "code": "12V02"})
"""A scootmobiel (7.2.6) provided outside iWmo, from 2026-03-01 with no einddatum."""

KORTDUREND_VERBLIJF = changed(
    NATURA_IWMO,
    beschikkingnummer=6005,
    product={"categorie": "04", "code": "04B01"},
    toewijzing={"aanbieder": AANBIEDER_A, "omvang": {"volume": 2, "eenheid": "14", "frequentie": "2"}},
)
"""Kortdurend verblijf of 2 etmalen a week: twice what 6.3 lid 2 allows."""

WONINGAANPASSING = changed(
    PGB,
    beschikkingnummer=6006,
    afgiftedatum="2026-02-20",
    ingangsdatum="2026-03-01",
    einddatum="2027-02-28",
    product={"categorie": "13", "code": "13W02"},
    pgb={"vorm": "eenmalig", "bedrag": 1200000},
)
"""A pgb for an onroerende woonvoorziening (7.1.3), granted on 2026-02-20."""


class Assigned(NamedTuple):
    """One ToegewezenProduct of a WMO301 the gemeente sends."""

    nummer: int
    categorie: str
    code: str
    ingangsdatum: date
    einddatum: date | None
    omvang: tuple[int, str, str]
    reden_wijziging: str | None = None

    def in_error(self) -> Assigned:
        """This toewijzing taken back as sent in error (RedenWijziging 13, Einddatum = Ingangsdatum)."""
        return self._replace(einddatum=self.ingangsdatum, reden_wijziging="13")


DAGBESTEDING_2026 = Assigned(301, "07", "07B02", date(2026, 1, 1), date(2026, 12, 31), (4, "16", "2"))
VERVOER_2026 = Assigned(302, "08", "08B01", date(2026, 3, 1), date(2026, 12, 31), (8, "82", "2"))
REGIOTAXI_2026 = Assigned(303, "08", "08V01", date(2026, 3, 1), date(2026, 12, 31), (1, "82", "6"))
KORTDUREND_VERBLIJF_2026 = Assigned(304, "04", "04B01", date(2026, 3, 1), date(2026, 12, 31), (2, "14", "2"))
BESCHERMD_WONEN_2025 = Assigned(305, "15", "15B01", date(2025, 1, 1), date(2025, 12, 31), (7, "14", "2"))


@pytest.fixture
async def judging(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    """The gateway as served: the WMO301s the gemeente sends, the decisions' too, are screened."""
    async with make_gateway(DomainProcessor(load_policy(bundled_mapping()))) as running:
        yield running


def findings(response: httpx.Response) -> list[tuple[str, str, str]]:
    """(rule, location, violation code) of every finding of a refusal."""
    return [(f["rule"], f["location"], f["detail"].split(":")[0]) for f in response.json()["findings"]]


def pgb_terms(base: dict[str, Any], **terms: Any) -> dict[str, Any]:
    body = changed(base)
    body["pgb"].update(terms)
    return body


def a_wmo301(identificatie: str, *products: Assigned, to: str = AANBIEDER_A) -> bytes:
    """A WMO301 of the gemeente for the client of the decisions, fixed now."""
    now = datetime.now(DUTCH_TIME)
    client = BeschikkingIn.model_validate(PGB).decision().client
    producten = tuple(
        wmo301.ToegewezenProduct(
            toewijzing_nummer=product.nummer,
            categorie=product.categorie,
            code=product.code,
            toewijzingsdatum=now.date(),
            toewijzingstijd=(now + timedelta(seconds=index)).time().replace(microsecond=0),
            ingangsdatum=product.ingangsdatum,
            einddatum=product.einddatum,
            volume=product.omvang[0],
            eenheid=product.omvang[1],
            frequentie=product.omvang[2],
        )
        for index, product in enumerate(products)
    )
    bericht = wmo301.Toewijzingbericht(
        afzender=GEMEENTE,
        ontvanger=to,
        identificatie=identificatie,
        dagtekening=now.date(),
        client=client,
        producten=producten,
    )
    return _with_reden_wijziging(wmo301.render_toewijzing(bericht), products)


def _with_reden_wijziging(content: bytes, products: tuple[Assigned, ...]) -> bytes:
    """The rendered WMO301 with the RedenWijziging of each product that has one (after its Einddatum)."""
    reden_of = {str(p.nummer): p.reden_wijziging for p in products if p.reden_wijziging is not None}
    if not reden_of:
        return content
    root = etree.fromstring(content)
    for product in root.iter("{*}ToegewezenProduct"):
        children = {local_name(child): child for child in product}
        reden = reden_of.get(children["ToewijzingNummer"].text or "")
        if reden is not None:
            einddatum = children["Einddatum"]
            element = etree.Element(etree.QName(etree.QName(einddatum).namespace, "RedenWijziging"))
            element.text = reden
            einddatum.addnext(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# ---------------------------------------------------------------- 6.2.3, 6.1.3, 6.1.4: only beside


async def test_vervoer_beside_a_dagbesteding_beschikking_of_the_client_is_accepted(gateway: Gateway) -> None:
    assert (await post(gateway, DAGBESTEDING)).status_code == 201

    response = await post(gateway, VERVOER)

    assert response.status_code == 201, response.text


async def test_vervoer_without_dagbesteding_is_refused_at_the_product(gateway: Gateway) -> None:
    response = await post(gateway, VERVOER)

    assert response.status_code == 422
    assert findings(response) == [("POLICY", "/product", "POLICY.REQUIRES_BESIDE")]
    assert await kept(gateway, 6002) is None


async def test_vervoer_is_not_beside_a_dagbesteding_that_ended_before_it(gateway: Gateway) -> None:
    ended = changed(DAGBESTEDING, ingangsdatum="2025-01-01", einddatum="2026-02-28")
    assert (await post(gateway, ended)).status_code == 201

    response = await post(gateway, VERVOER)

    assert findings(response) == [("POLICY", "/product", "POLICY.REQUIRES_BESIDE")]


async def test_the_dagbesteding_of_another_client_does_not_count(gateway: Gateway) -> None:
    other = changed(DAGBESTEDING, client={**CLIENT, "bsn": OTHER_BSN})
    assert (await post(gateway, other)).status_code == 201

    response = await post(gateway, VERVOER)

    assert findings(response) == [("POLICY", "/product", "POLICY.REQUIRES_BESIDE")]


async def test_vervoer_beside_a_current_dagbesteding_toewijzing_of_the_client_is_accepted(
    judging: Gateway,
) -> None:
    sent = await judging.send("gemeente", a_wmo301("DAG-1", DAGBESTEDING_2026, to=AANBIEDER_B))
    assert sent.status_code == 202, sent.text

    response = await post(judging, VERVOER)

    assert response.status_code == 201, response.text


async def test_bereik_en_beschikbaarheid_following_a_beschermd_wonen_that_ended_is_accepted(
    gateway: Gateway,
) -> None:
    beschermd_wonen = changed(DAGBESTEDING, ingangsdatum="2025-01-01", einddatum="2025-12-31")
    beschermd_wonen["product"] = {"categorie": "15", "code": "15B01"}
    assert (await post(gateway, beschermd_wonen)).status_code == 201

    response = await post(gateway, BEREIK_EN_BESCHIKBAARHEID)

    assert response.status_code == 201, response.text


async def test_bereik_en_beschikbaarheid_does_not_follow_a_beschermd_wonen_sent_in_error(
    judging: Gateway,
) -> None:
    assert (await judging.send("gemeente", a_wmo301("BW-1", BESCHERMD_WONEN_2025))).status_code == 202
    assert (
        await judging.send("gemeente", a_wmo301("BW-2", BESCHERMD_WONEN_2025.in_error()))
    ).status_code == 202

    response = await post(judging, BEREIK_EN_BESCHIKBAARHEID)

    assert findings(response) == [("POLICY", "/product", "POLICY.REQUIRES_BESIDE")]


async def test_a_wmo301_for_vervoer_beside_a_dagbesteding_beschikking_of_the_client_is_passed_on(
    judging: Gateway,
) -> None:
    assert (await post(judging, DAGBESTEDING)).status_code == 201

    response = await judging.send("gemeente", a_wmo301("VER-1", VERVOER_2026))

    assert response.status_code == 202, response.text


async def test_a_wmo301_for_vervoer_beside_the_dagbesteding_of_another_aanbieder_is_passed_on(
    judging: Gateway,
) -> None:
    assert (await judging.send("gemeente", a_wmo301("DAG-1", DAGBESTEDING_2026, to=AANBIEDER_B))).is_success

    response = await judging.send("gemeente", a_wmo301("VER-1", VERVOER_2026))

    assert response.status_code == 202, response.text


async def test_a_wmo301_that_takes_back_the_dagbesteding_beside_vervoer_is_refused(judging: Gateway) -> None:
    assert (await judging.send("gemeente", a_wmo301("BOTH-1", DAGBESTEDING_2026, VERVOER_2026))).is_success

    response = await judging.send("gemeente", a_wmo301("BOTH-2", DAGBESTEDING_2026.in_error(), VERVOER_2026))

    assert response.status_code == 422
    assert "POLICY.REQUIRES_BESIDE" in response.json()["findings"][0]["detail"]


async def test_a_wmo301_for_vervoer_alone_is_refused(judging: Gateway) -> None:
    response = await judging.send("gemeente", a_wmo301("VER-1", VERVOER_2026))

    assert response.status_code == 422
    assert [f["rule"] for f in response.json()["findings"]] == ["POLICY"]
    assert "POLICY.REQUIRES_BESIDE" in response.json()["findings"][0]["detail"]


# ---------------------------------------------------------------- 7.2: kilometres a year


async def test_a_regiotaxi_decision_of_1200_km_a_year_is_accepted(gateway: Gateway) -> None:
    response = await post(gateway, changed(REGIOTAXI, km_per_jaar=1200))

    assert response.status_code == 201, response.text


async def test_a_regiotaxi_decision_of_1600_km_a_year_is_refused_at_the_kilometres(gateway: Gateway) -> None:
    response = await post(gateway, changed(REGIOTAXI, km_per_jaar=1600))

    assert findings(response) == [("POLICY", "/km_per_jaar", "POLICY.MAX_KM_PER_YEAR")]
    assert await gateway.mailbox_ids("aanbieder_a") == []


async def test_a_regiotaxi_decision_without_kilometres_is_refused_at_the_kilometres(gateway: Gateway) -> None:
    response = await post(gateway, REGIOTAXI)

    assert findings(response) == [("POLICY", "/km_per_jaar", "POLICY.KM_MISSING")]


async def test_a_scootmobiel_decision_of_5000_km_a_year_is_refused_against_2000(gateway: Gateway) -> None:
    response = await post(gateway, changed(SCOOTMOBIEL, km_per_jaar=5000))

    assert findings(response) == [("POLICY", "/km_per_jaar", "POLICY.MAX_KM_PER_YEAR")]
    assert "2000" in response.json()["findings"][0]["detail"]


async def test_regiotaxi_beside_a_scootmobiel_of_the_client_is_held_to_half(gateway: Gateway) -> None:
    assert (await post(gateway, changed(SCOOTMOBIEL, km_per_jaar=1500))).status_code == 201

    halved = await post(gateway, changed(REGIOTAXI, km_per_jaar=1000))
    kept_whole = await post(gateway, changed(REGIOTAXI, km_per_jaar=1000, afwijking_college=True))

    assert findings(halved) == [("POLICY", "/km_per_jaar", "POLICY.MAX_KM_PER_YEAR")]
    assert kept_whole.status_code == 201, kept_whole.text


async def test_the_wmo301_of_a_regiotaxi_decision_is_not_refused_for_want_of_kilometres(
    judging: Gateway,
) -> None:
    response = await post(judging, changed(REGIOTAXI, km_per_jaar=1200))

    assert response.status_code == 201, response.text
    assert await judging.mailbox_ids("aanbieder_a") == [response.json()["message_id"]]


async def test_a_wmo301_for_regiotaxi_is_passed_on_without_kilometres(judging: Gateway) -> None:
    response = await judging.send("gemeente", a_wmo301("TAXI-1", REGIOTAXI_2026))

    assert response.status_code == 202, response.text


# ---------------------------------------------------------------- 6.3 lid 3: the college's afwijking


async def test_kortdurend_verblijf_of_2_etmalen_a_week_is_refused_without_the_colleges_afwijking(
    gateway: Gateway,
) -> None:
    response = await post(gateway, KORTDUREND_VERBLIJF)

    assert findings(response) == [("POLICY", "/toewijzing/omvang/volume", "POLICY.MAX_RATE")]


async def test_kortdurend_verblijf_of_2_etmalen_a_week_is_accepted_with_the_colleges_afwijking(
    gateway: Gateway,
) -> None:
    response = await post(gateway, changed(KORTDUREND_VERBLIJF, afwijking_college=True))

    assert response.status_code == 201, response.text


async def test_the_wmo301_of_a_decision_with_the_colleges_afwijking_passes_its_screening(
    judging: Gateway,
) -> None:
    response = await post(judging, changed(KORTDUREND_VERBLIJF, afwijking_college=True))

    assert response.status_code == 201, response.text
    assert await judging.mailbox_ids("aanbieder_a") == [response.json()["message_id"]]


async def test_a_wmo301_of_2_etmalen_a_week_sent_by_itself_is_held_to_the_limit(judging: Gateway) -> None:
    response = await judging.send("gemeente", a_wmo301("KV-1", KORTDUREND_VERBLIJF_2026))

    assert response.status_code == 422
    assert "POLICY.MAX_RATE" in response.json()["findings"][0]["detail"]


async def test_the_colleges_afwijking_is_part_of_the_decision(gateway: Gateway) -> None:
    assert (await post(gateway, changed(KORTDUREND_VERBLIJF, afwijking_college=True))).status_code == 201

    again = await post(gateway, changed(KORTDUREND_VERBLIJF, afwijking_college=True))
    without = await post(gateway, KORTDUREND_VERBLIJF)

    assert (again.status_code, without.status_code) == (200, 409)


# ---------------------------------------------------------------- 7.4.1 and 3.4 onder b: the pgb


async def test_a_pgb_for_a_woningaanpassing_whose_works_start_9_months_after_the_decision_is_refused(
    gateway: Gateway,
) -> None:
    late = pgb_terms(WONINGAANPASSING, start_werkzaamheden="2026-11-20")

    response = await post(gateway, late)

    assert findings(response) == [("POLICY", "/pgb/start_werkzaamheden", "POLICY.PGB_START_TERM")]
    assert await kept(gateway, 6006) is None


async def test_a_pgb_for_a_woningaanpassing_whose_works_start_within_6_months_is_accepted(
    gateway: Gateway,
) -> None:
    timely = pgb_terms(WONINGAANPASSING, start_werkzaamheden="2026-05-01", besteed_uiterlijk="2027-04-30")

    response = await post(gateway, timely)

    assert response.status_code == 201, response.text


async def test_the_woningaanpassing_terms_run_from_the_afgiftedatum_not_the_ingangsdatum(
    gateway: Gateway,
) -> None:
    # 3 months after the ingangsdatum, but 6 months and 12 days after the decision was granted.
    late = pgb_terms(changed(WONINGAANPASSING, ingangsdatum="2026-06-01"), start_werkzaamheden="2026-09-01")

    response = await post(gateway, late)

    assert findings(response) == [("POLICY", "/pgb/start_werkzaamheden", "POLICY.PGB_START_TERM")]


async def test_works_that_start_before_the_decision_are_refused(gateway: Gateway) -> None:
    early = pgb_terms(WONINGAANPASSING, start_werkzaamheden="2026-02-01")

    response = await post(gateway, early)

    assert findings(response) == [("POLICY", "/pgb/start_werkzaamheden", "POLICY.PGB_START_TERM")]


async def test_a_pgb_for_a_woningaanpassing_spent_after_15_months_is_refused(gateway: Gateway) -> None:
    slow = pgb_terms(WONINGAANPASSING, start_werkzaamheden="2026-04-01", besteed_uiterlijk="2027-06-01")

    response = await post(gateway, slow)

    assert findings(response) == [("POLICY", "/pgb/besteed_uiterlijk", "POLICY.PGB_SPEND_TERM")]


async def test_a_pgb_in_a_spoedeisende_situation_is_refused(gateway: Gateway) -> None:
    response = await post(gateway, changed(PGB, spoedeisend=True))

    assert findings(response) == [("POLICY", "/leveringsvorm", "POLICY.PGB_SPOED")]
    assert await kept(gateway, 5001) is None


async def test_natura_in_a_spoedeisende_situation_is_accepted(gateway: Gateway) -> None:
    response = await post(gateway, changed(NATURA_IWMO, spoedeisend=True))

    assert response.status_code == 201, response.text


# ---------------------------------------------------------------- the request itself


@pytest.mark.parametrize(
    "body",
    [
        changed(REGIOTAXI, km_per_jaar=-1),
        changed(REGIOTAXI, km_per_jaar="veel"),
        changed(KORTDUREND_VERBLIJF, afwijking_college="misschien"),
        pgb_terms(WONINGAANPASSING, start_werkzaamheden="volgende week"),
    ],
    ids=["negative-km", "km-not-a-number", "afwijking-not-a-boolean", "start-not-a-date"],
)
async def test_a_policy_term_of_the_wrong_shape_is_refused_with_a_reason(
    gateway: Gateway, body: dict[str, Any]
) -> None:
    response = await post(gateway, body)

    assert response.status_code == 422
    assert response.json()["detail"]


async def test_the_openapi_document_describes_every_policy_term(gateway: Gateway) -> None:
    schemas = (await gateway.client.get("/openapi.json")).json()["components"]["schemas"]

    beschikking, pgb = schemas["BeschikkingIn"]["properties"], schemas["PgbIn"]["properties"]
    terms = [beschikking[name] for name in ("km_per_jaar", "afwijking_college", "spoedeisend")]
    terms += [pgb[name] for name in ("start_werkzaamheden", "besteed_uiterlijk")]
    assert all(term.get("description") for term in terms)
    assert "km_per_jaar" not in schemas["BeschikkingIn"].get("required", [])


@pytest.mark.parametrize(
    ("body", "fingerprint"),
    [
        (PGB, "c637cf7e6476e589f1cde84f0b4b2c67f16a4fa5a79c9dc0701da0ce3a2d2d38"),
        (NATURA_IWMO, "bda4346bdc0111958b8dc8c8f776ca2337559bcec38f78314acd1f5736c5b54f"),
        (HULPMIDDEL, "294c8ad211829638e6c25551bc3e2e9771dc1486383e2fba2a32df8fb091174e"),
    ],
    ids=["pgb", "natura-iwmo", "hulpmiddel"],
)
def test_a_decision_stating_no_policy_terms_keeps_the_fingerprint_it_had_before_them(
    body: dict[str, Any], fingerprint: str
) -> None:
    """A beschikking kept before the terms came, sent again, is still a repeat and finds its WMO301."""
    assert BeschikkingIn.model_validate(body).decision().fingerprint() == fingerprint
