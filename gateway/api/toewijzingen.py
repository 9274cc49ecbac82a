"""`GET /api/v1/toewijzingen`: the toewijzingen as they stand, to the gemeente that made them and the
aanbieder they are for.

An aanbieder reads its own, with each client's BSN: it has it already from the WMO301 that assigned
them. The gemeente reads all of its own, or one aanbieder's. The CAK reads none (403): it has no part in
assignments. Each item is the current (newest) version; pages follow the toewijzing's id.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field

from gateway.api.deps import Caller, ServiceDep
from gateway.api.schemas import MAX_ID, Problem
from gateway.pipeline.answering import dutch_today
from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.queries.toewijzingen import CurrentToewijzing, Scope, Status, current_toewijzingen
from gateway.store.unit_of_work import UnitOfWork

router = APIRouter(prefix="/api/v1/toewijzingen", tags=["toewijzingen"])

MAX_LIMIT = 1000


class OmvangModel(BaseModel):
    volume: int = Field(description="Volume")
    eenheid: str = Field(description="Eenheid (WJ756), e.g. 04 uur, 14 etmaal, 83 euro")
    frequentie: str = Field(description="Frequentie (WMO757), e.g. 2 per week, 6 totaal binnen geldigheid")


class ToewijzingItem(BaseModel):
    """The current version of one toewijzing, as the WMO301 that made it stated it."""

    nummer: int = Field(description="ToewijzingNummer, unique per gemeente")
    gemeente: str = Field(description="CBS code of the gemeente that assigned it")
    aanbieder: str = Field(description="AGB code of the aanbieder it is assigned to")
    bsn: str = Field(description="the client's BSN, as the WMO301 carried it")
    versie: int = Field(description="how many versions the gateway holds; this is the newest")
    referentie_aanbieder: str | None = Field(description="ReferentieAanbieder of the request it answers")
    product_categorie: str | None = Field(description="Product Categorie (WMO020)")
    product_code: str | None = Field(description="Product Code, the gemeente's productcode")
    toewijzingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    reden_wijziging: str | None = Field(description="RedenWijziging (WMO002) of this version")
    omvang: OmvangModel | None
    budget: int | None = Field(description="Budget in euro cents")
    status: Status = Field(
        description=(
            "verwijderd: withdrawn as sent in error (RedenWijziging 13); else where today (Dutch time) "
            "lies in its period: toekomstig, actueel or beeindigd"
        )
    )

    @classmethod
    def of(cls, current: CurrentToewijzing, today: date) -> ToewijzingItem:
        omvang = current.omvang
        return cls(
            nummer=current.nummer,
            gemeente=current.gemeente,
            aanbieder=current.aanbieder,
            bsn=current.bsn,
            versie=current.versie,
            referentie_aanbieder=current.referentie_aanbieder,
            product_categorie=current.product_categorie,
            product_code=current.product_code,
            toewijzingsdatum=current.toewijzingsdatum,
            ingangsdatum=current.ingangsdatum,
            einddatum=current.einddatum,
            reden_wijziging=current.reden_wijziging,
            omvang=None
            if omvang is None
            else OmvangModel(volume=omvang.volume, eenheid=omvang.eenheid, frequentie=omvang.frequentie),
            budget=current.budget,
            status=current.status(today),
        )


class ToewijzingenPage(BaseModel):
    items: list[ToewijzingItem]
    next: str = Field(description="the cursor to ask for what comes after these items (as `after`)")


@router.get(
    "",
    summary="Read toewijzingen: an aanbieder its own, the gemeente all of its own",
    responses={
        401: {"model": Problem, "description": "no bearer token, or one that is unknown or revoked"},
        403: {"model": Problem, "description": "the CAK, or an aanbieder asking for another's toewijzingen"},
        422: {"model": Problem, "description": "a query parameter is not valid"},
    },
)
async def toewijzingen(
    caller: Caller,
    service: ServiceDep,
    after: Annotated[
        int, Query(ge=0, le=MAX_ID, description="the `next` of the page before; 0: from the start")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 100,
    aanbieder: Annotated[
        str | None, Query(pattern="^[0-9]{8}$", description="only this aanbieder's (AGB code)")
    ] = None,
) -> ToewijzingenPage:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        if caller.kind == GEMEENTE:
            scope = Scope(gemeente_id=caller.id)
            if aanbieder is not None:
                party = await uow.parties.find(AANBIEDER, aanbieder)
                if party is None:
                    return ToewijzingenPage(items=[], next=str(after))
                scope = Scope(gemeente_id=caller.id, aanbieder_id=party.id)
        elif caller.kind == AANBIEDER:
            if aanbieder not in (None, caller.code):
                raise HTTPException(status.HTTP_403_FORBIDDEN, "an aanbieder reads only its own toewijzingen")
            scope = Scope(aanbieder_id=caller.id)
        else:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, "only a gemeente or an aanbieder reads toewijzingen"
            )
        page = await current_toewijzingen(uow.session, scope, after=after, limit=limit)
    day = dutch_today()
    return ToewijzingenPage(
        items=[ToewijzingItem.of(current, day) for current in page],
        next=str(page[-1].id if page else after),
    )
