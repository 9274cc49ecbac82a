"""`/api/v1/clienten`: the gemeente reads what it knows of one of its clients.

A BSN never goes into a URL: paths and query strings end up in access logs and proxies. So the gemeente
first asks for a client by BSN in a request body (`POST /api/v1/clienten/zoeken`) and gets the client's
id, which means nothing outside the gateway; the reads name that id in their path. Only a gemeente reads
here (an aanbieder or the CAK gets 403), and only its own clients: another gemeente's client is not
found (404), whether it exists or not.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, status
from pydantic import BaseModel, Field

from gateway.api.deps import Caller, ServiceDep
from gateway.api.schemas import MAX_ID, Problem
from gateway.api.toewijzingen import ToewijzingItem
from gateway.pipeline.answering import dutch_today
from gateway.store.models.parties import GEMEENTE, Party
from gateway.store.queries.budgetten import Amounts, PeriodAmounts, natura_budgetten, pgb_budgetten
from gateway.store.queries.clienten import client_by_bsn, is_client_of
from gateway.store.queries.leveringen import client_leveringen
from gateway.store.queries.toewijzingen import Scope, current_toewijzingen
from gateway.store.unit_of_work import UnitOfWork

router = APIRouter(prefix="/api/v1/clienten", tags=["clienten"])

PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no bearer token, or one that is unknown or revoked"},
    403: {"model": Problem, "description": "the caller is not a gemeente"},
    404: {"model": Problem, "description": "no such client of the caller's"},
    422: {"model": Problem, "description": "the request is not valid"},
}


async def _gemeente(caller: Caller) -> Party:
    if caller.kind != GEMEENTE:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only a gemeente reads its clients")
    return caller


Gemeente = Annotated[Party, Depends(_gemeente)]


class Zoekvraag(BaseModel):
    bsn: str = Field(pattern="^[0-9]{9}$", description="the client's BSN, nine digits")


class ClientVerwijzing(BaseModel):
    client_id: int = Field(description="the client's id at the gateway, for the reads under /clienten/")


class ClientToewijzingen(BaseModel):
    items: list[ToewijzingItem]


class LeveringItem(BaseModel):
    """One StartProduct (WMO305) or StopProduct (WMO307) class, as received."""

    id: int
    soort: str = Field(description="start or stop")
    aanbieder: str = Field(description="AGB code of the aanbieder that reported it")
    toewijzing_nummer: int | None
    product_categorie: str | None
    product_code: str | None
    begindatum: date
    einddatum: date | None = Field(description="of a stop")
    reden_beeindiging: str | None = Field(description="RedenBeeindiging (WMO588) of a stop")
    status_aanlevering: str = Field(description="StatusAanlevering (COD467): 1 new, 3 deletes an earlier")
    deletes: int | None = Field(description="the id of the levering this one deletes")
    deleted: bool = Field(description="whether a later levering deleted this one")
    message_id: int = Field(description="the message that carried it")


class ClientLeveringen(BaseModel):
    items: list[LeveringItem]


class AmountsModel(BaseModel):
    granted: int | None = Field(description="what the period allows; null: no limit applies")
    used: int
    left: int | None = Field(description="granted less used (negative once overrun); null without a limit")

    @classmethod
    def of(cls, amounts: Amounts) -> AmountsModel:
        return cls(granted=amounts.granted, used=amounts.used, left=amounts.left)


class PeriodModel(AmountsModel):
    begindatum: date
    einddatum: date

    @classmethod
    def period(cls, period: PeriodAmounts) -> PeriodModel:
        amounts = period.amounts
        return cls(
            begindatum=period.begindatum,
            einddatum=period.einddatum,
            granted=amounts.granted,
            used=amounts.used,
            left=amounts.left,
        )


class NaturaBudgetModel(BaseModel):
    """A natura toewijzing's use, as the claim checks count it (TR321, TR322, TR369)."""

    toewijzing_nummer: int
    eenheid: str | None = Field(
        description="the unit periods and total count in (minutes for an Omvang in hours); null: Budget only"
    )
    periods: list[PeriodModel] = Field(description="per product period (a month)")
    total: AmountsModel | None = Field(description="over the whole toewijzing, in `eenheid`")
    budget: AmountsModel | None = Field(description="against its Budget, in euro cents")


class PgbBudgetModel(BaseModel):
    """A pgb beschikking's budget per period, in euro cents; `used` is what was paid."""

    beschikking_nummer: int
    pgb_vorm: str | None = Field(description="trekkingsrecht or eenmalig")
    product_categorie: str | None
    product_code: str | None
    periods: list[PeriodModel]


class ClientBudgetten(BaseModel):
    natura: list[NaturaBudgetModel]
    pgb: list[PgbBudgetModel]


ClientId = Annotated[int, Path(ge=1, le=MAX_ID, description="from POST /api/v1/clienten/zoeken")]


@router.post(
    "/zoeken",
    summary="Find one of the gemeente's clients by BSN",
    responses={
        **PROBLEMS,
        404: {"model": Problem, "description": "the gemeente has no client with this BSN"},
    },
)
async def zoeken(vraag: Zoekvraag, gemeente: Gemeente, service: ServiceDep) -> ClientVerwijzing:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        client_id = await client_by_bsn(uow.session, gemeente.id, vraag.bsn)
    if client_id is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the gemeente has no client with this BSN")
    return ClientVerwijzing(client_id=client_id)


@router.get("/{client_id}/toewijzingen", summary="A client's toewijzingen", responses=PROBLEMS)
async def toewijzingen(client_id: ClientId, gemeente: Gemeente, service: ServiceDep) -> ClientToewijzingen:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        await _own_client(uow, gemeente, client_id)
        found = await current_toewijzingen(uow.session, Scope(gemeente_id=gemeente.id, client_id=client_id))
    day = dutch_today()
    return ClientToewijzingen(items=[ToewijzingItem.of(current, day) for current in found])


@router.get("/{client_id}/leveringen", summary="A client's leveringen", responses=PROBLEMS)
async def leveringen(client_id: ClientId, gemeente: Gemeente, service: ServiceDep) -> ClientLeveringen:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        await _own_client(uow, gemeente, client_id)
        found = await client_leveringen(uow.session, client_id)
    return ClientLeveringen(
        items=[LeveringItem.model_validate(record, from_attributes=True) for record in found]
    )


@router.get("/{client_id}/budgetten", summary="A client's natura and pgb budgets", responses=PROBLEMS)
async def budgetten(client_id: ClientId, gemeente: Gemeente, service: ServiceDep) -> ClientBudgetten:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        await _own_client(uow, gemeente, client_id)
        natura = await natura_budgetten(uow.session, gemeente.id, client_id)
        pgb = await pgb_budgetten(uow.session, client_id)
    return ClientBudgetten(
        natura=[
            NaturaBudgetModel(
                toewijzing_nummer=budget.toewijzing_nummer,
                eenheid=budget.eenheid,
                periods=[PeriodModel.period(period) for period in budget.periods],
                total=None if budget.total is None else AmountsModel.of(budget.total),
                budget=None if budget.budget is None else AmountsModel.of(budget.budget),
            )
            for budget in natura
        ],
        pgb=[
            PgbBudgetModel(
                beschikking_nummer=budget.beschikking_nummer,
                pgb_vorm=budget.pgb_vorm,
                product_categorie=budget.product_categorie,
                product_code=budget.product_code,
                periods=[PeriodModel.period(period) for period in budget.periods],
            )
            for budget in pgb
        ],
    )


async def _own_client(uow: UnitOfWork, gemeente: Party, client_id: int) -> None:
    if not await is_client_of(uow.session, gemeente.id, client_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no client {client_id} of this gemeente")
