"""Valid data for every event type of the catalogue, as the recording layers would pass it."""

from __future__ import annotations

from datetime import date
from typing import Any

from gateway.events.catalogue import EventType

BSN = "999993653"
OTHER_BSN = "999990019"
AANBIEDER = "12345678"

PRODUCT = {"categorie": "01", "code": "01A01"}
PERIODE = {"begindatum": date(2024, 4, 1), "einddatum": date(2024, 4, 30)}

DATA: dict[EventType, dict[str, Any]] = {
    EventType.BERICHT_GEWEIGERD: {
        "berichtId": 17,
        "berichtcode": "WMO305",
        "identificatie": "B-0001",
        "afzender": AANBIEDER,
        "bevindingen": [
            {"regel": "TR302", "retourcode": None, "locatie": "/Bericht/Client"},
            {"regel": "XSD", "retourcode": "0001", "locatie": "/"},
        ],
    },
    EventType.TOEWIJZING_VERZONDEN: {
        "toewijzingNummer": 4711,
        "versie": 1,
        "aanbieder": AANBIEDER,
        "product": PRODUCT,
        "ingangsdatum": date(2024, 4, 1),
        "einddatum": date(2024, 12, 31),
        "omvang": {"volume": 4, "eenheid": "04", "frequentie": "2"},
        "budget": None,
        "redenWijziging": None,
        "referentieAanbieder": "REF-1",
        "beschikkingNummer": 88,
        "berichtId": 3,
    },
    EventType.TOEWIJZING_GEWIJZIGD: {
        "toewijzingNummer": 4711,
        "versie": 2,
        "aanbieder": AANBIEDER,
        "product": PRODUCT,
        "ingangsdatum": date(2024, 4, 1),
        "redenWijziging": "02",
    },
    EventType.TOEWIJZING_INGETROKKEN: {
        "toewijzingNummer": 4711,
        "versie": 3,
        "aanbieder": AANBIEDER,
        "einddatum": date(2024, 4, 1),
        "redenWijziging": "01",
    },
    EventType.TOEWIJZING_BEEINDIGD: {
        "toewijzingNummer": 4711,
        "versie": 3,
        "aanbieder": AANBIEDER,
        "einddatum": date(2024, 9, 30),
    },
    EventType.LEVERING_GESTART: {
        "toewijzingNummer": 4711,
        "aanbieder": AANBIEDER,
        "product": PRODUCT,
        "begindatum": date(2024, 4, 2),
        "berichtId": 5,
    },
    EventType.LEVERING_GESTOPT: {
        "toewijzingNummer": None,
        "aanbieder": AANBIEDER,
        "product": {"categorie": "01", "code": None},
        "begindatum": date(2024, 4, 2),
        "einddatum": date(2024, 6, 30),
        "redenBeeindiging": "02",
        "berichtId": 6,
    },
    EventType.LEVERING_VERWIJDERD: {
        "soort": "start",
        "toewijzingNummer": 4711,
        "aanbieder": AANBIEDER,
        "product": PRODUCT,
        "begindatum": date(2024, 4, 2),
        "berichtId": 7,
    },
    EventType.VERZOEK_ONTVANGEN: {
        "referentieAanbieder": "VERZOEK-1",
        "soort": "toewijzing",
        "aanbieder": AANBIEDER,
        "redenVerzoek": None,
        "producten": [
            {
                "soort": "aangevraagd",
                "product": PRODUCT,
                "ingangsdatum": date(2024, 5, 1),
                "omvang": {"volume": 2, "eenheid": "04", "frequentie": "2"},
            }
        ],
        "berichtId": 8,
    },
    EventType.VERZOEK_BEANTWOORD: {
        "referentieAanbieder": "VERZOEK-1",
        "aanbieder": AANBIEDER,
        "antwoord": "afgewezen",
        "redenAfwijzing": "3",
        "berichtId": 9,
    },
    EventType.DECLARATIE_ONTVANGEN: {
        "declaratieNummer": "D-2024-04",
        "aanbieder": AANBIEDER,
        "periode": PERIODE,
        "totaalIngediendBedrag": 125_000,
        "debetCredit": "D",
        "aantalPrestaties": 2,
        "berichtId": 10,
    },
    EventType.DECLARATIE_BEOORDEELD: {
        "declaratieNummer": "D-2024-04",
        "aanbieder": AANBIEDER,
        "prestaties": [
            {
                "referentieNummer": "P-1",
                "toewijzingNummer": 4711,
                "product": PRODUCT,
                "periode": PERIODE,
                "debetCredit": "D",
                "ingediendBedrag": 100_000,
                "toegekendBedrag": 100_000,
                "afgewezenBedrag": 0,
                "retourcodes": ["0200"],
            },
            {
                "referentieNummer": "P-2",
                "toewijzingNummer": 4711,
                "product": PRODUCT,
                "periode": PERIODE,
                "debetCredit": "D",
                "ingediendBedrag": 25_000,
                "toegekendBedrag": 10_000,
                "afgewezenBedrag": 15_000,
                "retourcodes": ["8001"],
            },
        ],
        "totaalToegekendBedrag": 110_000,
        "totaalAfgewezenBedrag": 15_000,
        "berichtId": 11,
    },
    EventType.BUDGET_OVERSCHREDEN: {
        "soort": "natura",
        "toewijzingNummer": 4711,
        "periode": PERIODE,
        "eenheid": "04",
        "budget": 40,
        "resterend": 3,
        "gevraagd": 5,
        "berichtId": 10,
    },
    EventType.BESCHIKKING_GEREGISTREERD: {
        "beschikkingNummer": 88,
        "leveringsvorm": "pgb",
        "pgbVorm": "trekkingsrecht",
        "product": PRODUCT,
        "afgiftedatum": date(2024, 3, 15),
        "ingangsdatum": date(2024, 4, 1),
        "einddatum": None,
    },
    EventType.EIGENBIJDRAGE_GESTART: {
        "ebStartNummer": 501,
        "ebStartdatum": date(2024, 4, 1),
        "kostprijs": {"bedrag": 250_000, "startdatum": date(2024, 4, 1)},
    },
    EventType.EIGENBIJDRAGE_GESTOPT: {
        "ebStartNummer": 501,
        "ebStartdatum": date(2024, 4, 1),
        "ebStopdatum": date(2024, 9, 30),
    },
}

PARTY_EVENTS = {EventType.BERICHT_GEWEIGERD, EventType.DECLARATIE_ONTVANGEN}


def client_of(event_type: EventType) -> str | None:
    """The client_bsn a sample is recorded with: none for the events ordered per party."""
    return None if event_type in PARTY_EVENTS else BSN


def levering(marker: int) -> dict[str, Any]:
    """A levering.gestart that tells itself apart from others by its berichtId, `marker` (1 or more)."""
    return {
        "toewijzingNummer": 4711,
        "aanbieder": AANBIEDER,
        "product": PRODUCT,
        "begindatum": date(2024, 4, 2),
        "berichtId": marker,
    }
