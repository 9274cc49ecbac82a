"""The event catalogue: every event type the gateway publishes, its data model, its version and its meaning.

Types read `nl.iwmo.<ding>.<voltooid deelwoord>`, as the NL GOV profile asks (reverse domain notation,
named after the domain). A change to a type's data publishes a new schema version (`dataschema` changes,
the type stays); a change that would break a consumer gets a new type with a `.v2` suffix instead.
`docs/events.md` explains the types to the ERP's builders; `events/schemas/` holds the JSON Schemas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from pydantic import ValidationError

from gateway.events import data
from gateway.events.errors import CatalogueError


class EventType(StrEnum):
    BERICHT_GEWEIGERD = "nl.iwmo.bericht.geweigerd"
    TOEWIJZING_VERZONDEN = "nl.iwmo.toewijzing.verzonden"
    TOEWIJZING_GEWIJZIGD = "nl.iwmo.toewijzing.gewijzigd"
    TOEWIJZING_INGETROKKEN = "nl.iwmo.toewijzing.ingetrokken"
    TOEWIJZING_BEEINDIGD = "nl.iwmo.toewijzing.beeindigd"
    LEVERING_GESTART = "nl.iwmo.levering.gestart"
    LEVERING_GESTOPT = "nl.iwmo.levering.gestopt"
    LEVERING_VERWIJDERD = "nl.iwmo.levering.verwijderd"
    VERZOEK_ONTVANGEN = "nl.iwmo.verzoek.ontvangen"
    VERZOEK_BEANTWOORD = "nl.iwmo.verzoek.beantwoord"
    DECLARATIE_ONTVANGEN = "nl.iwmo.declaratie.ontvangen"
    DECLARATIE_BEOORDEELD = "nl.iwmo.declaratie.beoordeeld"
    BUDGET_OVERSCHREDEN = "nl.iwmo.budget.overschreden"
    BESCHIKKING_GEREGISTREERD = "nl.iwmo.beschikking.geregistreerd"
    EIGENBIJDRAGE_GESTART = "nl.iwmo.eigenbijdrage.gestart"
    EIGENBIJDRAGE_GESTOPT = "nl.iwmo.eigenbijdrage.gestopt"


@dataclass(frozen=True)
class Entry:
    """One event type: what happened, in one sentence, and the model of its data at this version."""

    event_type: EventType
    version: int
    model: type[data.EventData]
    meaning: str

    @property
    def about_a_client(self) -> bool:
        """Client events are keyed (and ordered) per client; the others per party."""
        return issubclass(self.model, data.ClientEventData)

    def parse(self, values: Mapping[str, object], *, client_ref: str | None) -> data.EventData:
        """The data as this entry's model, with `clientRef` filled in for a client event.

        The pydantic error is not chained: its text quotes the input, which may hold a BSN put in the
        wrong field. The message names fields and reasons only.
        """
        if "clientRef" in values:
            raise CatalogueError(f"{self.event_type}: clientRef is computed by the writer, not given")
        if self.about_a_client != (client_ref is not None):
            needed = "needs" if self.about_a_client else "is not about one client and takes no"
            raise CatalogueError(f"{self.event_type} {needed} client_bsn")
        complete = dict(values) if client_ref is None else {"clientRef": client_ref, **values}
        try:
            return self.model.model_validate(complete)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in error['loc']) or 'data'}: {error['msg']}"
                for error in exc.errors(include_url=False, include_input=False, include_context=False)
            )
        raise CatalogueError(f"{self.event_type}: {problems}")


def _entries(*entries: Entry) -> Mapping[EventType, Entry]:
    return MappingProxyType({entry.event_type: entry for entry in entries})


CATALOGUE: Mapping[EventType, Entry] = _entries(
    Entry(
        EventType.BERICHT_GEWEIGERD,
        1,
        data.BerichtGeweigerd,
        "A message from a party was refused: not XML, not valid against the schema, or a rule failed.",
    ),
    Entry(
        EventType.TOEWIJZING_VERZONDEN,
        1,
        data.ToewijzingVastgelegd,
        "The gemeente sent a new toewijzing to an aanbieder (WMO301, first version).",
    ),
    Entry(
        EventType.TOEWIJZING_GEWIJZIGD,
        1,
        data.ToewijzingVastgelegd,
        "The gemeente sent a changed version of a toewijzing (WMO301 with RedenWijziging).",
    ),
    Entry(
        EventType.TOEWIJZING_INGETROKKEN,
        1,
        data.ToewijzingBeeindigd,
        "A toewijzing was withdrawn before it took effect: its einddatum is its ingangsdatum.",
    ),
    Entry(
        EventType.TOEWIJZING_BEEINDIGD,
        1,
        data.ToewijzingBeeindigd,
        "A toewijzing was given an einddatum, or an earlier one: it ends on that date.",
    ),
    Entry(
        EventType.LEVERING_GESTART,
        1,
        data.LeveringGestart,
        "An aanbieder reported the start of delivery (WMO305).",
    ),
    Entry(
        EventType.LEVERING_GESTOPT,
        1,
        data.LeveringGestopt,
        "An aanbieder reported the end of delivery (WMO307).",
    ),
    Entry(
        EventType.LEVERING_VERWIJDERD,
        1,
        data.LeveringVerwijderd,
        "An aanbieder deleted an earlier start or stop (StatusAanlevering 3).",
    ),
    Entry(
        EventType.VERZOEK_ONTVANGEN,
        1,
        data.VerzoekOntvangen,
        "An aanbieder asked for a toewijzing (WMO315) or for a change (WMO317).",
    ),
    Entry(
        EventType.VERZOEK_BEANTWOORD,
        1,
        data.VerzoekBeantwoord,
        "The gemeente answered a request: granted, refused or under investigation.",
    ),
    Entry(
        EventType.DECLARATIE_ONTVANGEN,
        1,
        data.DeclaratieOntvangen,
        "An aanbieder's declaratie (WMO323) was received and accepted for assessment.",
    ),
    Entry(
        EventType.DECLARATIE_BEOORDEELD,
        1,
        data.DeclaratieBeoordeeld,
        "The prestaties of one client in a declaratie were assessed (WMO325): granted and refused amounts.",
    ),
    Entry(
        EventType.BUDGET_OVERSCHREDEN,
        1,
        data.BudgetOverschreden,
        "A use of a budget was refused because it asked for more than remained.",
    ),
    Entry(
        EventType.BESCHIKKING_GEREGISTREERD,
        1,
        data.BeschikkingGeregistreerd,
        "The gemeente registered a beschikking for a client.",
    ),
    Entry(
        EventType.EIGENBIJDRAGE_GESTART,
        1,
        data.EigenBijdrageGestart,
        "A period in which the client owes the CAK eigen bijdrage started.",
    ),
    Entry(
        EventType.EIGENBIJDRAGE_GESTOPT,
        1,
        data.EigenBijdrageGestopt,
        "A period of eigen bijdrage was stopped.",
    ),
)
