"""The catalogue: every type documented, its checked-in schema what the writer makes, its data checked."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from jsonschema import Draft202012Validator

from gateway.events import envelope
from gateway.events.catalogue import CATALOGUE, EventType
from gateway.events.errors import CatalogueError
from gateway.events.keys import KeyedReferences
from gateway.events.schemas import relative_path, render
from tests.events.conftest import SECRET, SOURCE
from tests.events.samples import BSN, DATA, PARTY_EVENTS, client_of

ROOT = Path(__file__).parents[2]
SCHEMAS = ROOT / "events" / "schemas"
NOW = datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=UTC)
REFERENCES = KeyedReferences(SECRET)


def checked_in_schema(event_type: EventType) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / relative_path(CATALOGUE[event_type])).read_text())
    return schema


def enveloped(event_type: EventType, data: dict[str, Any]) -> dict[str, Any]:
    entry = CATALOGUE[event_type]
    bsn = client_of(event_type)
    client_ref = None if bsn is None else REFERENCES.client(bsn)
    parsed = entry.parse(data, client_ref=client_ref)
    party = parsed.ordering_party()
    key = REFERENCES.party(party) if party is not None else client_ref
    assert key is not None
    built = envelope.build(entry, event_id=uuid4(), source=SOURCE, time=NOW, key=key, data=parsed)
    return envelope.published(built, 42)


def test_the_catalogue_has_every_type_and_only_those() -> None:
    assert set(CATALOGUE) == set(EventType)
    assert set(DATA) == set(EventType)


@pytest.mark.parametrize("event_type", list(EventType))
def test_the_checked_in_schema_is_the_one_the_catalogue_makes(event_type: EventType) -> None:
    path = SCHEMAS / relative_path(CATALOGUE[event_type])
    assert path.read_text() == render(CATALOGUE[event_type]), f"run: iwmo-gateway events schemas {SCHEMAS}"
    Draft202012Validator.check_schema(checked_in_schema(event_type))


def test_no_schema_file_is_left_without_a_type() -> None:
    expected = {relative_path(entry) for entry in CATALOGUE.values()}
    found = {path.relative_to(SCHEMAS) for path in SCHEMAS.rglob("*.json")}
    assert {Path(path) for path in expected} == found


@pytest.mark.parametrize("event_type", list(EventType))
def test_a_recorded_event_is_valid_against_its_schema(event_type: EventType) -> None:
    event = enveloped(event_type, DATA[event_type])
    validator = Draft202012Validator(
        checked_in_schema(event_type), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(event)) == []
    assert event["type"] == event_type
    assert event["time"] == "2024-05-01T12:30:15.250000Z"
    assert event["sequence"] == "00000000000000000042"
    assert BSN not in json.dumps(event)


@pytest.mark.parametrize("event_type", list(EventType))
def test_every_type_is_documented(event_type: EventType) -> None:
    documentation = (ROOT / "docs" / "events.md").read_text()
    assert f"`{event_type}`" in documentation


def test_client_events_are_keyed_by_client_and_the_others_by_party() -> None:
    for event_type, entry in CATALOGUE.items():
        assert entry.about_a_client == (event_type not in PARTY_EVENTS)
        event = enveloped(event_type, DATA[event_type])
        if entry.about_a_client:
            assert event["partitionkey"] == event["data"]["clientRef"] == REFERENCES.client(BSN)
        else:
            assert event["partitionkey"] == REFERENCES.party("12345678")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"toewijzingNummer": "4711"}, "toewijzingNummer: Input should be a valid integer"),
        ({"begindatum": "2024-04-02"}, "begindatum: Input should be a valid date"),
        ({"bsn": BSN}, "bsn: Extra inputs are not permitted"),
        ({"aanbieder": "1234"}, "aanbieder: String should match pattern"),
        ({"product": {"categorie": "1"}}, "product.categorie: String should match pattern"),
        ({"berichtId": None}, "berichtId: Input should be a valid integer"),
    ],
)
def test_data_that_does_not_fit_is_refused_by_field(change: dict[str, Any], problem: str) -> None:
    data = {**DATA[EventType.LEVERING_GESTART], **change}
    with pytest.raises(CatalogueError, match=problem) as raised:
        CATALOGUE[EventType.LEVERING_GESTART].parse(data, client_ref=REFERENCES.client(BSN))
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None


def test_a_refusal_never_quotes_the_data() -> None:
    data = {**DATA[EventType.VERZOEK_ONTVANGEN], "referentieAanbieder": BSN * 5}
    with pytest.raises(CatalogueError) as raised:
        CATALOGUE[EventType.VERZOEK_ONTVANGEN].parse(data, client_ref=REFERENCES.client(BSN))
    assert "referentieAanbieder" in str(raised.value)
    assert BSN not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None


def test_a_missing_field_is_named() -> None:
    data = dict(DATA[EventType.LEVERING_GESTART])
    del data["begindatum"]
    with pytest.raises(CatalogueError, match="begindatum: Field required"):
        CATALOGUE[EventType.LEVERING_GESTART].parse(data, client_ref=REFERENCES.client(BSN))


def test_the_client_reference_is_the_writers_to_give() -> None:
    entry = CATALOGUE[EventType.LEVERING_GESTART]
    with pytest.raises(CatalogueError, match="needs client_bsn"):
        entry.parse(DATA[EventType.LEVERING_GESTART], client_ref=None)
    with pytest.raises(CatalogueError, match="clientRef is computed by the writer"):
        entry.parse({**DATA[EventType.LEVERING_GESTART], "clientRef": "0" * 64}, client_ref="0" * 64)
    with pytest.raises(CatalogueError, match="takes no client_bsn"):
        CATALOGUE[EventType.BERICHT_GEWEIGERD].parse(DATA[EventType.BERICHT_GEWEIGERD], client_ref="0" * 64)


@pytest.mark.parametrize(
    ("event_type", "change", "problem"),
    [
        (EventType.DECLARATIE_BEOORDEELD, {"totaalToegekendBedrag": 1}, "totaalToegekendBedrag must be"),
        (EventType.DECLARATIE_BEOORDEELD, {"totaalAfgewezenBedrag": 1}, "totaalAfgewezenBedrag must be"),
        (EventType.BUDGET_OVERSCHREDEN, {"gevraagd": 3}, "gevraagd must exceed resterend"),
        (EventType.BUDGET_OVERSCHREDEN, {"toewijzingNummer": None}, "toewijzingNummer is required"),
        (EventType.BUDGET_OVERSCHREDEN, {"soort": "pgb"}, "beschikkingNummer is required"),
        (EventType.BESCHIKKING_GEREGISTREERD, {"pgbVorm": None}, "pgbVorm is given exactly when"),
    ],
)
def test_amounts_and_owners_must_agree(event_type: EventType, change: dict[str, Any], problem: str) -> None:
    with pytest.raises(CatalogueError, match=problem):
        CATALOGUE[event_type].parse({**DATA[event_type], **change}, client_ref=REFERENCES.client(BSN))


def test_a_prestatie_must_split_its_amount_into_granted_and_refused() -> None:
    original = DATA[EventType.DECLARATIE_BEOORDEELD]
    first, second = original["prestaties"]
    data = {**original, "prestaties": [{**first, "afgewezenBedrag": 1}, second]}
    with pytest.raises(
        CatalogueError, match="toegekendBedrag \\+ afgewezenBedrag must equal ingediendBedrag"
    ):
        CATALOGUE[EventType.DECLARATIE_BEOORDEELD].parse(data, client_ref=REFERENCES.client(BSN))


def test_subjects_name_the_thing_never_the_client() -> None:
    subjects = {event_type: enveloped(event_type, DATA[event_type])["subject"] for event_type in EventType}
    assert subjects[EventType.TOEWIJZING_VERZONDEN] == "toewijzing/4711"
    assert subjects[EventType.LEVERING_GESTOPT] == "bericht/6"
    assert subjects[EventType.VERZOEK_ONTVANGEN] == "verzoek/12345678/VERZOEK-1"
    assert subjects[EventType.DECLARATIE_BEOORDEELD] == "declaratie/12345678/D-2024-04"
    assert subjects[EventType.BESCHIKKING_GEREGISTREERD] == "beschikking/88"
    assert subjects[EventType.EIGENBIJDRAGE_GESTOPT] == "eigenbijdrage/501"
    assert subjects[EventType.BERICHT_GEWEIGERD] == "bericht/17"
    assert all(BSN not in subject for subject in subjects.values())
