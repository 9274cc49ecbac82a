"""What each event says: the `data` of every event type, the models the writer checks and the schemas show.

Field names are the iStandaard's element names in lower camel case (`toewijzingNummer`, `ebStartdatum`);
codes stay the standard's codes as strings ("01"); amounts are euro cents, as in the messages. A client
is never named by BSN: client events carry `clientRef`, the keyed hash the writer computes (see keys.py),
which is also the event's Kafka key. Models are strict (a date is a `date`, a number an `int`) and refuse
unknown fields, so a caller's mistake is found where it is made rather than by the ERP.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

Nummer = Annotated[int, Field(ge=0, le=999_999_999)]
BerichtId = Annotated[int, Field(ge=1, description="The gateway's id of the stored message.")]
Bedrag = Annotated[int, Field(ge=0, description="Euro cents.")]
AgbCode = Annotated[str, Field(pattern=r"^[0-9]{8}$")]
PartyCode = Annotated[str, Field(pattern=r"^([0-9]{4}|[0-9]{8})$", description="CBS or AGB code.")]
Code2 = Annotated[str, Field(pattern=r"^[0-9]{2}$")]
Code1 = Annotated[str, Field(pattern=r"^[0-9]$")]
Retourcode = Annotated[str, Field(pattern=r"^[0-9A-Z]{4}$")]
Referentie = Annotated[str, Field(min_length=1, max_length=36, pattern=r"\S")]
ClientRef = Annotated[
    str, Field(pattern=r"^[0-9a-f]{64}$", description="Keyed hash of the client's BSN; the Kafka key.")
]
DebetCredit = Literal["D", "C"]


class Part(BaseModel):
    """Base of every event's data and of the parts they share: strict, closed, camel-cased."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        extra="forbid",
        strict=True,
        frozen=True,
        json_schema_serialization_defaults_required=True,
        field_title_generator=lambda name, _field: to_camel(name),
    )


class EventData(Part):
    """The data of one event type."""

    def subject(self) -> str:
        """The CloudEvents `subject`: what the event is about, opaque and never a BSN."""
        raise NotImplementedError

    def ordering_party(self) -> str | None:
        """The party whose events keep their order, for events not about one client; None otherwise."""
        return None


class ClientEventData(EventData):
    """Data of an event about one client; the writer fills `clientRef`, callers never do."""

    client_ref: ClientRef


class Product(Part):
    categorie: Code2 | None = None
    code: Annotated[str, Field(min_length=1, max_length=5, pattern=r"\S")] | None = None


class Omvang(Part):
    volume: Annotated[int, Field(ge=0, le=99_999_999)]
    eenheid: Code2
    frequentie: Code1


class Periode(Part):
    begindatum: date
    einddatum: date


class Bevinding(Part):
    """A finding without its detail text, which can quote message content.

    `regel` is XML or XSD, a rule code of the standard, POLICY (the gemeente's policy refuses it) or
    GATEWAY (the gateway's own refusal: a sender or type the caller may not send, an unknown receiver).
    """

    regel: Annotated[str, Field(pattern=r"^(XML|XSD|POLICY|GATEWAY|[A-Z]{2}[0-9]{3})$")]
    retourcode: Retourcode | None = None
    locatie: Annotated[str, Field(min_length=1, max_length=1000)]


class BerichtGeweigerd(EventData):
    """A message was refused: not XML, not schema-valid, or a rule of the standard failed."""

    bericht_id: BerichtId
    berichtcode: Annotated[str, Field(pattern=r"^WMO[0-9]{3}$")] | None = None
    identificatie: Annotated[str, Field(min_length=1, max_length=12)] | None = None
    afzender: PartyCode
    bevindingen: Annotated[list[Bevinding], Field(min_length=1)]

    def subject(self) -> str:
        return f"bericht/{self.bericht_id}"

    def ordering_party(self) -> str:
        return self.afzender


class ToewijzingVastgelegd(ClientEventData):
    """A version of a toewijzing the gemeente sent in a WMO301: the first, or one that changes it."""

    toewijzing_nummer: Nummer
    versie: Annotated[int, Field(ge=1)]
    aanbieder: AgbCode
    product: Product
    ingangsdatum: date
    einddatum: date | None = None
    omvang: Omvang | None = None
    budget: Bedrag | None = None
    reden_wijziging: Code2 | None = None
    referentie_aanbieder: Referentie | None = None
    beschikking_nummer: Nummer | None = None
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"toewijzing/{self.toewijzing_nummer}"


class ToewijzingBeeindigd(ClientEventData):
    """A toewijzing ends on `einddatum`; withdrawn when that is its ingangsdatum (it never took effect)."""

    toewijzing_nummer: Nummer
    versie: Annotated[int, Field(ge=1)]
    aanbieder: AgbCode
    einddatum: date
    reden_wijziging: Code2 | None = None
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"toewijzing/{self.toewijzing_nummer}"


class LeveringGestart(ClientEventData):
    """An aanbieder started delivering (WMO305 StartProduct)."""

    toewijzing_nummer: Nummer | None
    aanbieder: AgbCode
    product: Product
    begindatum: date
    bericht_id: BerichtId

    def subject(self) -> str:
        return _levering_subject(self.toewijzing_nummer, self.bericht_id)


class LeveringGestopt(ClientEventData):
    """An aanbieder stopped delivering (WMO307 StopProduct), for the reason given."""

    toewijzing_nummer: Nummer | None
    aanbieder: AgbCode
    product: Product
    begindatum: date
    einddatum: date
    reden_beeindiging: Code2
    bericht_id: BerichtId

    def subject(self) -> str:
        return _levering_subject(self.toewijzing_nummer, self.bericht_id)


class LeveringVerwijderd(ClientEventData):
    """The aanbieder deleted an earlier start or stop (StatusAanlevering 3): it counts as never sent."""

    soort: Literal["start", "stop"]
    toewijzing_nummer: Nummer | None
    aanbieder: AgbCode
    product: Product
    begindatum: date
    einddatum: date | None = None
    reden_beeindiging: Code2 | None = None
    bericht_id: BerichtId

    def subject(self) -> str:
        return _levering_subject(self.toewijzing_nummer, self.bericht_id)


class VerzochtProduct(Part):
    soort: Literal["aangevraagd", "ongewijzigd", "te_wijzigen", "nieuw"]
    toewijzing_nummer: Nummer | None = None
    beschikking_nummer: Nummer | None = None
    product: Product | None = None
    ingangsdatum: date | None = None
    einddatum: date | None = None
    omvang: Omvang | None = None
    budget: Bedrag | None = None


class VerzoekOntvangen(ClientEventData):
    """An aanbieder asked for a toewijzing (WMO315) or for a change of toewijzingen (WMO317)."""

    referentie_aanbieder: Referentie
    soort: Literal["toewijzing", "wijziging"]
    aanbieder: AgbCode
    reden_verzoek: Code1 | None = None
    producten: Annotated[list[VerzochtProduct], Field(min_length=1)]
    bericht_id: BerichtId

    def subject(self) -> str:
        return f"verzoek/{self.aanbieder}/{self.referentie_aanbieder}"


class VerzoekBeantwoord(ClientEventData):
    """The gemeente answered a request: granted (by a WMO301), refused or under investigation (WMO319)."""

    referentie_aanbieder: Referentie
    aanbieder: AgbCode
    antwoord: Literal["toegewezen", "afgewezen", "in_onderzoek"]
    reden_afwijzing: Code1 | None = None
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"verzoek/{self.aanbieder}/{self.referentie_aanbieder}"


class DeclaratieOntvangen(EventData):
    """An aanbieder's claim for one period arrived (WMO323); its prestaties follow when it is assessed."""

    declaratie_nummer: Annotated[str, Field(min_length=1, max_length=12)]
    aanbieder: AgbCode
    periode: Periode
    totaal_ingediend_bedrag: Annotated[int, Field(ge=0)]
    debet_credit: DebetCredit
    aantal_prestaties: Annotated[int, Field(ge=0)]
    bericht_id: BerichtId

    def subject(self) -> str:
        return f"declaratie/{self.aanbieder}/{self.declaratie_nummer}"

    def ordering_party(self) -> str:
        return self.aanbieder


class BeoordeeldePrestatie(Part):
    """One claim line with what was granted and refused of it; ingediend = toegekend + afgewezen."""

    referentie_nummer: Annotated[str, Field(min_length=1, max_length=20)]
    vorig_referentie_nummer: Annotated[str, Field(min_length=1, max_length=20)] | None = None
    toewijzing_nummer: Nummer
    product: Product
    periode: Periode
    debet_credit: DebetCredit
    ingediend_bedrag: Bedrag
    toegekend_bedrag: Bedrag
    afgewezen_bedrag: Bedrag
    retourcodes: list[Retourcode]

    @model_validator(mode="after")
    def _amounts_add_up(self) -> Self:
        if self.toegekend_bedrag + self.afgewezen_bedrag != self.ingediend_bedrag:
            raise ValueError("toegekendBedrag + afgewezenBedrag must equal ingediendBedrag")
        return self


class DeclaratieBeoordeeld(ClientEventData):
    """The gemeente assessed the prestaties of one client in a declaratie (WMO325): one event per client."""

    declaratie_nummer: Annotated[str, Field(min_length=1, max_length=12)]
    aanbieder: AgbCode
    prestaties: Annotated[list[BeoordeeldePrestatie], Field(min_length=1)]
    totaal_toegekend_bedrag: Annotated[int, Field(ge=0)]
    totaal_afgewezen_bedrag: Annotated[int, Field(ge=0)]
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"declaratie/{self.aanbieder}/{self.declaratie_nummer}"

    @model_validator(mode="after")
    def _totals_add_up(self) -> Self:
        if self.totaal_toegekend_bedrag != sum(p.toegekend_bedrag for p in self.prestaties):
            raise ValueError("totaalToegekendBedrag must be the sum of the prestaties' toegekendBedrag")
        if self.totaal_afgewezen_bedrag != sum(p.afgewezen_bedrag for p in self.prestaties):
            raise ValueError("totaalAfgewezenBedrag must be the sum of the prestaties' afgewezenBedrag")
        return self


class BudgetOverschreden(ClientEventData):
    """A use of a budget was refused because it asked more than remained (natura per toewijzing, pgb per
    beschikking); amounts are in the budget's eenheid."""

    soort: Literal["natura", "pgb"]
    toewijzing_nummer: Nummer | None = None
    beschikking_nummer: Nummer | None = None
    periode: Periode
    eenheid: Code2
    budget: Annotated[int, Field(ge=0)]
    resterend: Annotated[int, Field(ge=0)]
    gevraagd: Annotated[int, Field(ge=1)]
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        if self.soort == "natura":
            return f"toewijzing/{self.toewijzing_nummer}"
        return f"beschikking/{self.beschikking_nummer}"

    @model_validator(mode="after")
    def _owner_and_overrun(self) -> Self:
        if self.soort == "natura" and self.toewijzing_nummer is None:
            raise ValueError("a natura budget belongs to a toewijzing: toewijzingNummer is required")
        if self.soort == "pgb" and self.beschikking_nummer is None:
            raise ValueError("a pgb budget belongs to a beschikking: beschikkingNummer is required")
        if self.gevraagd <= self.resterend:
            raise ValueError("gevraagd must exceed resterend")
        return self


class BeschikkingGeregistreerd(ClientEventData):
    """The gemeente registered a beschikking (decisions do not travel in iWmo; they are entered)."""

    beschikking_nummer: Nummer
    leveringsvorm: Literal["natura", "pgb"]
    pgb_vorm: Literal["trekkingsrecht", "eenmalig"] | None = None
    product: Product | None = None
    afgiftedatum: date | None = None
    ingangsdatum: date
    einddatum: date | None = None

    def subject(self) -> str:
        return f"beschikking/{self.beschikking_nummer}"

    @model_validator(mode="after")
    def _pgb_has_a_form(self) -> Self:
        if (self.leveringsvorm == "pgb") != (self.pgb_vorm is not None):
            raise ValueError("pgbVorm is given exactly when leveringsvorm is pgb")
        return self


class Kostprijs(Part):
    bedrag: Annotated[int, Field(ge=0, le=99_999_999)]
    startdatum: date


class EigenBijdrageGestart(ClientEventData):
    """A period in which the client owes the CAK eigen bijdrage (abonnementstarief) starts (iEb WMO405)."""

    eb_start_nummer: Nummer
    eb_startdatum: date
    kostprijs: Kostprijs | None = None
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"eigenbijdrage/{self.eb_start_nummer}"


class EigenBijdrageGestopt(ClientEventData):
    """A period of eigen bijdrage ends on `ebStopdatum` (iEb WMO405 with EbStopdatum)."""

    eb_start_nummer: Nummer
    eb_startdatum: date
    eb_stopdatum: date
    bericht_id: BerichtId | None = None

    def subject(self) -> str:
        return f"eigenbijdrage/{self.eb_start_nummer}"


def _levering_subject(toewijzing_nummer: int | None, bericht_id: int) -> str:
    # A start or stop names the toewijzing it belongs to; one that names none is known by its message.
    if toewijzing_nummer is None:
        return f"bericht/{bericht_id}"
    return f"toewijzing/{toewijzing_nummer}"
