"""`POST /api/v1/beschikkingen`: a decision from the gemeente's ERP, as JSON.

For decisions iWmo does not carry (a pgb; natura provided outside iWmo, such as a hulpmiddel with its
kostprijs) and natura assigned to an aanbieder, for which the gateway sends the WMO301 itself. Only a
gemeente may post one; the request's shape is checked here, everything else by the decisions service.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Self, assert_never

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from gateway.api.deps import Caller, ServiceDep
from gateway.api.messages import MESSAGE_ID, REPLAY
from gateway.api.schemas import Failure, FindingModel, Problem, Refusal, problem_responses
from gateway.domain.pgb import PeriodeSoort, PgbVorm
from gateway.messages import toewijzing as wmo301
from gateway.pipeline.decisions import (
    Conflicting,
    Decision,
    DecisionOutcome,
    DecisionService,
    IwmoToewijzing,
    PgbTerms,
    PolicyTerms,
    Registered,
    Rejected,
    SendingFailed,
    Verstrekking,
)
from gateway.policy import Leveringsvorm, Omvang
from gateway.store.models.parties import GEMEENTE, Party

router = APIRouter(prefix="/api/v1/beschikkingen", tags=["beschikkingen"])

Nummer = Annotated[int, Field(ge=0, le=999_999_999, description="LDT_Nummer: at most nine digits")]
Cents = Annotated[int, Field(ge=0, le=99_999_999, description="euro cents")]
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]


class Closed(BaseModel):
    """Unknown fields are refused: a misspelt field would otherwise be silently dropped."""

    model_config = ConfigDict(extra="forbid")


class NaamIn(Closed):
    """The client's name as the WMO301 carries it (CDT_VolledigeNaam)."""

    achternaam: Annotated[Text, Field(max_length=200)]
    voorvoegsel: Annotated[Text, Field(max_length=10)] | None = None
    voornamen: Annotated[Text, Field(max_length=200)] | None = None
    voorletters: Annotated[str, Field(pattern=r"^[a-zA-Z]{1,6}$")] | None = None


class AdresIn(Closed):
    """An address of the client; `soort` is the Contact Soort (01 BRP, 02 correspondentie, 03 verblijf)."""

    soort: Literal["01", "02", "03", "04"] = "01"
    huisnummer: Annotated[int, Field(ge=0, le=99_999)] | None = None
    huisletter: Annotated[str, Field(pattern=r"^[a-zA-Z]$")] | None = None
    huisnummer_toevoeging: Annotated[Text, Field(max_length=4)] | None = None
    postcode: Annotated[Text, Field(max_length=8)] | None = None
    straatnaam: Annotated[Text, Field(max_length=24)] | None = None
    plaatsnaam: Annotated[Text, Field(max_length=80)] | None = None
    land_code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field("NL", description="ISO 3166")


class ClientIn(Closed):
    """The client: BSN and geboortedatum always; name, geslacht and a contact for a WMO301."""

    bsn: Annotated[str, Field(pattern=r"^[0-9]{9}$", description="burgerservicenummer")]
    geboortedatum: date
    geslacht: Literal["0", "1", "2"] = Field("0", description="0 onbekend, 1 man, 2 vrouw")
    naam: NaamIn
    adres: AdresIn | None = None
    telefoon: Annotated[str, Field(pattern=r"^[0-9]{1,15}$", description="a Dutch number")] | None = None


class ProductIn(Closed):
    categorie: Annotated[str, Field(pattern=r"^[0-9]{2}$", description="iWmo productcategorie")]
    code: Annotated[str, Field(pattern=r"^\S{1,5}$", description="the gemeente's productcode")]


class PgbIn(Closed):
    """A pgb: trekkingsrecht (per period, via the SVB) or eenmalig (one sum for the whole decision)."""

    vorm: PgbVorm
    bedrag: Annotated[int, Field(gt=0, description="euro cents per period, or in all for eenmalig")]
    per: PeriodeSoort = Field(PeriodeSoort.JAAR, description="the period of a trekkingsrecht")
    start_werkzaamheden: date | None = Field(
        None,
        description="a pgb for a woningaanpassing: the day the works start, after the afgiftedatum and "
        "within 6 months of it (Beleidsregels 7.4.1)",
    )
    besteed_uiterlijk: date | None = Field(
        None,
        description="a pgb for a woningaanpassing: the day by which the whole pgb is spent, within 15 "
        "months of the afgiftedatum (Beleidsregels 7.4.1)",
    )


class OmvangIn(Closed):
    volume: Annotated[int, Field(ge=0, le=99_999_999)]
    eenheid: Annotated[str, Field(pattern=r"^[0-9]{2}$", description="WJ756")]
    frequentie: Annotated[str, Field(pattern=r"^[0-9]$", description="WMO757")]


class ToewijzingIn(Closed):
    """Natura through iWmo: the aanbieder it is assigned to and what the WMO301 assigns."""

    aanbieder: Annotated[str, Field(pattern=r"^[0-9]{8}$", description="AGB code")]
    toewijzingnummer: Nummer | None = Field(None, description="left out: the gateway picks an unused one")
    omvang: OmvangIn | None = None
    budget: Cents | None = None


class VerstrekkingIn(Closed):
    """Natura outside iWmo (a hulpmiddel, a woonvoorziening): its kostprijs and the day it was delivered."""

    kostprijs: Cents
    leverdatum: date | None = None


class BeschikkingIn(Closed):
    """A decision: `pgb` for a pgb; for natura either `toewijzing` (iWmo) or `verstrekking` (outside).

    `km_per_jaar`, `afwijking_college`, `spoedeisend` and the pgb's `start_werkzaamheden` and
    `besteed_uiterlijk` are what the policy check reads besides; the decision is granted on its afgiftedatum.
    """

    beschikkingnummer: Nummer
    afgiftedatum: date
    client: ClientIn
    ingangsdatum: date
    einddatum: date | None = None
    leveringsvorm: Literal["natura", "pgb"]
    product: ProductIn
    pgb: PgbIn | None = None
    toewijzing: ToewijzingIn | None = None
    verstrekking: VerstrekkingIn | None = None
    km_per_jaar: Annotated[int, Field(ge=0, le=999_999)] | None = Field(
        None,
        description="the kilometres a year a vervoersvoorziening grants, held to its maximum in the "
        "policy (Beleidsregels 7.2); a Regiotaxi decision must state them",
    )
    afwijking_college: bool = Field(
        False,
        description="the college sets aside, in this individual case, the limits the Beleidsregels let it "
        "(such as 6.3 lid 3 for kortdurend verblijf)",
    )
    spoedeisend: bool = Field(
        False,
        description="support in a spoedeisende situatie: then no pgb, natura for the time being "
        "(Beleidsregels 3.4 onder b)",
    )

    @model_validator(mode="after")
    def _one_way_of_providing(self) -> Self:
        if self.leveringsvorm == "pgb":
            if self.pgb is None or self.toewijzing is not None or self.verstrekking is not None:
                raise ValueError("a pgb decision gives `pgb` and neither `toewijzing` nor `verstrekking`")
            if self.einddatum is None:
                raise ValueError("a pgb decision gives its einddatum")
        elif self.pgb is not None or (self.toewijzing is None) == (self.verstrekking is None):
            raise ValueError("a natura decision gives either `toewijzing` or `verstrekking`, and no `pgb`")
        if self.toewijzing is not None and self.client.adres is None and self.client.telefoon is None:
            raise ValueError("a decision assigned through iWmo gives the client's adres or telefoon")
        return self

    def decision(self) -> Decision:
        client = self.client
        adres = client.adres
        return Decision(
            beschikkingnummer=self.beschikkingnummer,
            afgiftedatum=self.afgiftedatum,
            client=wmo301.Client(
                bsn=client.bsn,
                geboortedatum=client.geboortedatum,
                geslacht=client.geslacht,
                naam=wmo301.Naam(**client.naam.model_dump()),
                adres=None if adres is None else wmo301.Adres(**adres.model_dump()),
                telefoon=client.telefoon,
            ),
            ingangsdatum=self.ingangsdatum,
            einddatum=self.einddatum,
            leveringsvorm=Leveringsvorm(self.leveringsvorm),
            productcategorie=self.product.categorie,
            productcode=self.product.code,
            pgb=None if self.pgb is None else PgbTerms(self.pgb.vorm, self.pgb.bedrag, self.pgb.per),
            toewijzing=None if self.toewijzing is None else _toewijzing(self.toewijzing),
            verstrekking=None
            if self.verstrekking is None
            else Verstrekking(self.verstrekking.kostprijs, self.verstrekking.leverdatum),
            terms=PolicyTerms(
                km_per_jaar=self.km_per_jaar,
                afwijking_college=self.afwijking_college,
                spoedeisend=self.spoedeisend,
                start_werkzaamheden=None if self.pgb is None else self.pgb.start_werkzaamheden,
                besteed_uiterlijk=None if self.pgb is None else self.pgb.besteed_uiterlijk,
            ),
        )


class BudgetOut(BaseModel):
    begindatum: date
    einddatum: date | None
    bedrag: int = Field(description="euro cents granted for the period")


class BeschikkingOut(BaseModel):
    """The kept beschikking; `message_id` names the WMO301 the gateway sent for it, if it sent one."""

    id: int
    beschikkingnummer: int
    leveringsvorm: str
    message_id: int | None
    budgets: list[BudgetOut] = Field(description="the pgb budgets per period; empty for natura")


_MESSAGE_ID_HEADER = {MESSAGE_ID: {"description": "the WMO301 sent", "schema": {"type": "integer"}}}

RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "model": BeschikkingOut,
        "description": "the same decision was registered before: its first answer, with X-Idempotent-Replay",
        "headers": _MESSAGE_ID_HEADER,
    },
    201: {"model": BeschikkingOut, "description": "registered", "headers": _MESSAGE_ID_HEADER},
    **problem_responses(401),
    403: {"model": Problem, "description": "only a gemeente registers decisions"},
    409: {"model": Problem, "description": "a beschikking with this number has other content"},
    422: {
        "model": Refusal,
        "description": "against the policy (findings with rule POLICY and a JSON pointer), an unknown "
        "aanbieder, or a refused WMO301 (X-Message-Id names it); a request of the wrong shape is "
        'answered {"detail": ...}',
    },
    500: {"model": Failure, "description": "sending the WMO301 failed; nothing was kept, send it again"},
}


def _gemeente(caller: Caller) -> Party:
    if caller.kind != GEMEENTE:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only a gemeente registers decisions")
    return caller


Gemeente = Annotated[Party, Depends(_gemeente)]


def _decisions(service: ServiceDep) -> DecisionService:
    if service.decisions is None:
        raise RuntimeError("the service runs without a decisions service")
    return service.decisions


@router.post(
    "",
    summary="Register a decision of the gemeente",
    status_code=status.HTTP_201_CREATED,
    response_model=BeschikkingOut,
    responses=RESPONSES,
)
async def register(
    request: BeschikkingIn,
    gemeente: Gemeente,
    decisions: Annotated[DecisionService, Depends(_decisions)],
) -> JSONResponse:
    """Check the decision against the policy, send its WMO301 if it assigns to an aanbieder, and keep it."""
    return _respond(await decisions.decide(gemeente, request.decision()))


def _respond(outcome: DecisionOutcome) -> JSONResponse:
    match outcome:
        case Registered():
            body = BeschikkingOut(
                id=outcome.beschikking_id,
                beschikkingnummer=outcome.beschikkingnummer,
                leveringsvorm=outcome.leveringsvorm,
                message_id=outcome.message_id,
                budgets=[
                    BudgetOut(begindatum=b.begindatum, einddatum=b.einddatum, bedrag=b.bedrag)
                    for b in outcome.budgets
                ],
            )
            headers = {} if outcome.message_id is None else {MESSAGE_ID: str(outcome.message_id)}
            if outcome.repeat:
                return JSONResponse(
                    body.model_dump(mode="json"), status.HTTP_200_OK, {**headers, REPLAY: "true"}
                )
            return JSONResponse(body.model_dump(mode="json"), status.HTTP_201_CREATED, headers)
        case Conflicting(detail=detail):
            return JSONResponse({"detail": detail}, status.HTTP_409_CONFLICT)
        case Rejected(detail=detail, findings=findings, message_id=message_id):
            refusal = Refusal(detail=detail, findings=[FindingModel.of(finding) for finding in findings])
            headers = {} if message_id is None else {MESSAGE_ID: str(message_id)}
            return JSONResponse(refusal.model_dump(), status.HTTP_422_UNPROCESSABLE_CONTENT, headers)
        case SendingFailed(message_id=message_id):
            failure = Failure(
                detail=f"sending the WMO301 (message {message_id}) failed; nothing was kept, send it again",
                id=message_id,
            )
            return JSONResponse(
                failure.model_dump(), status.HTTP_500_INTERNAL_SERVER_ERROR, {MESSAGE_ID: str(message_id)}
            )
        case _:
            assert_never(outcome)


def _toewijzing(toewijzing: ToewijzingIn) -> IwmoToewijzing:
    omvang = toewijzing.omvang
    return IwmoToewijzing(
        aanbieder=toewijzing.aanbieder,
        toewijzingnummer=toewijzing.toewijzingnummer,
        omvang=None if omvang is None else Omvang(omvang.volume, omvang.eenheid, omvang.frequentie),
        budget=toewijzing.budget,
    )
