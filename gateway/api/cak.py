"""The CAK feed over HTTP: eigen-bijdrage deliveries as JSON, the next WMO405, and what is overdue.

For the CAK and the gemeente; an aanbieder gets 403. The CAK names the gemeente (`gemeente=<CBS
code>`); a gemeente reads its own. The cursor is a delivery's feed number (`volgnummer`), committed in
order, so passing the last one seen as `after` never skips a delivery.

`GET /wmo405?after=n` hands out one WMO405 per call (one delivery per message, xsd/ieb-4.0/README.md):
that of the first delivery after `n` that was not superseded, marked sent when first fetched. Asking
with the same `after` again gives the same message again (same bytes, same BerichtIdentificatie); the
`X-Cursor` header is the `after` for the next one. 204 when there is nothing after `n`.

A delivery the CAK refused for its content (9393, S333, 9103, … : `gateway.cak.retourcodes`) is not
sent again unchanged: its item shows `toestand` `geweigerd` with the CAK's codes, and its record, once
past its due date, is listed in `/achterstallig` with those codes, until the period changes (a new
delivery follows in the feed) or someone decides.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status
from pydantic import BaseModel, Field

from gateway.api.deps import Caller, ServiceDep
from gateway.api.schemas import MAX_ID, problem_responses
from gateway.cak import BronPeriode, Inhoud
from gateway.pipeline.answering import DUTCH_TIME, dutch_today
from gateway.store.eigenbijdrage import FeedItem, feed_page, fetch_wmo405, overdue_records
from gateway.store.eigenbijdrage.rows import Stored
from gateway.store.models.parties import CAK, GEMEENTE, Party
from gateway.store.unit_of_work import UnitOfWork

router = APIRouter(prefix="/api/v1/cak", tags=["cak"])

MAX_LIMIT = 1000
CURSOR = "X-Cursor"

After = Annotated[int, Query(ge=0, le=MAX_ID, description="the last `volgnummer` seen; 0: from the start")]
Gemeente = Annotated[
    str | None,
    Query(pattern=r"^[0-9]{4}$", description="the gemeente's CBS code: required for the CAK"),
]


class KostprijsModel(BaseModel):
    bedrag: int = Field(description="euro cents")
    startdatum: date


class BronModel(BaseModel):
    """A provision the period came from: natura (a ToewijzingNummer), pgb or verstrekking (a
    BeschikkingNummer), with the stretch in which it counts."""

    soort: str
    sleutel: str
    begindatum: date
    einddatum: date | None
    kostprijs: int | None


class AntwoordModel(BaseModel):
    geaccepteerd: bool
    retourcodes: list[str]


class AanleveringModel(BaseModel):
    volgnummer: int = Field(description="the cursor: pass the last one seen as `after`")
    eb_start_nummer: int
    bsn: str
    status_aanlevering: str = Field(description="1 eerste, 2 gewijzigd, 3 verwijderen")
    eb_startdatum: date
    eb_stopdatum: date | None
    kostprijs: KostprijsModel | None
    uiterlijk: date = Field(description="when the delivery is due at the CAK")
    achterstallig: bool = Field(description="past its due date and not answered by the CAK")
    toestand: str = Field(
        description=(
            "te_verzenden, verzonden, beantwoord, geweigerd or vervallen (superseded). geweigerd: the CAK "
            "refused it for its content (the codes in `antwoord`), so the gateway does not send it again "
            "unchanged; the record waits until its period changes (a new delivery then follows in the "
            "feed) or someone decides. beantwoord: accepted, or refused for another reason (the message "
            "as a whole, or not judged), in which case the same content follows again in the feed"
        )
    )
    bericht: str | None = Field(description="the BerichtIdentificatie of the WMO405 it was sent in")
    antwoord: AntwoordModel | None
    bronnen: list[BronModel]


class EigenBijdragePage(BaseModel):
    items: list[AanleveringModel]
    next: str = Field(description="the cursor to ask for what comes after these items (as `after`)")


class AchterstalligModel(BaseModel):
    eb_start_nummer: int
    bsn: str
    uiterlijk: date
    verzonden: bool = Field(
        description="sent and awaiting the CAK's answer (else not sent yet, or refused: see `geweigerd`)"
    )
    geweigerd: list[str] | None = Field(
        description=(
            "the CAK's retourcodes when it refused this very delivery for its content: the gateway does "
            "not send it again unchanged, the record waits until its period changes or someone decides; "
            "null otherwise"
        )
    )


@router.get(
    "/eigen-bijdrage",
    summary="The eigen-bijdrage deliveries in feed order",
    responses=problem_responses(401, 403, 404, 422),
)
async def eigen_bijdrage(
    caller: Caller,
    service: ServiceDep,
    after: After = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 100,
    gemeente: Gemeente = None,
) -> EigenBijdragePage:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        party = await _gemeente(uow, caller, gemeente)
        items = await feed_page(uow.session, party.id, after=after, limit=limit, today=dutch_today())
    return EigenBijdragePage(
        items=[_item(item) for item in items], next=str(items[-1].volgnummer if items else after)
    )


@router.get(
    "/wmo405",
    summary="The next WMO405 after the cursor, marked sent",
    response_class=Response,
    responses={
        200: {"content": {"application/xml": {}}, "description": "the WMO405; X-Cursor: the next `after`"},
        204: {"description": "nothing after the cursor"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def wmo405(
    caller: Caller, service: ServiceDep, after: After = 0, gemeente: Gemeente = None
) -> Response:
    now = datetime.now(UTC)
    async with UnitOfWork(service.sessionmaker) as uow:
        party = await _gemeente(uow, caller, gemeente)
        fetched = await fetch_wmo405(
            uow.session,
            party,
            after=after,
            afzender=service.eigen_bijdrage.afzender(party.code),
            now=now,
            today=now.astimezone(DUTCH_TIME).date(),
        )
    if fetched is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT, headers={CURSOR: str(after)})
    return Response(
        fetched.content,
        media_type="application/xml",
        headers={CURSOR: str(fetched.volgnummer), "X-Message-Id": str(fetched.message_id)},
    )


@router.get(
    "/achterstallig",
    summary="Records whose delivery is overdue",
    responses=problem_responses(401, 403, 404, 422),
)
async def achterstallig(
    caller: Caller, service: ServiceDep, gemeente: Gemeente = None
) -> list[AchterstalligModel]:
    today = dutch_today()
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        party = await _gemeente(uow, caller, gemeente)
        late = await overdue_records(uow.session, party.id, today)
    return [model for stored in late if (model := _late(stored, today)) is not None]


async def _gemeente(uow: UnitOfWork, caller: Party, code: str | None) -> Party:
    """The gemeente whose feed the caller reads: the CAK names one, a gemeente reads its own."""
    if caller.kind == GEMEENTE:
        if code is not None and code != caller.code:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, "a gemeente reads only its own eigen-bijdrage feed"
            )
        return caller
    if caller.kind != CAK:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "the eigen-bijdrage feed is for the CAK and the gemeente"
        )
    if code is None:
        raise HTTPException(422, "name the gemeente: gemeente=<CBS code>")
    party = await uow.parties.find(GEMEENTE, code)
    if party is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"the gemeente {code} is not known to the gateway")
    return party


def _item(item: FeedItem) -> AanleveringModel:
    antwoord = None
    if item.geaccepteerd is not None:
        antwoord = AntwoordModel(geaccepteerd=item.geaccepteerd, retourcodes=list(item.retourcodes))
    return AanleveringModel(
        volgnummer=item.volgnummer,
        eb_start_nummer=item.eb_start_nummer,
        bsn=item.bsn,
        status_aanlevering=item.status,
        eb_startdatum=item.inhoud.startdatum,
        eb_stopdatum=item.inhoud.stopdatum,
        kostprijs=_kostprijs(item.inhoud),
        uiterlijk=item.uiterlijk,
        achterstallig=item.achterstallig,
        toestand=_toestand(item),
        bericht=item.bericht,
        antwoord=antwoord,
        bronnen=[_bron(lid) for lid in item.bronnen],
    )


def _toestand(item: FeedItem) -> str:
    if item.vervallen:
        return "vervallen"
    if item.bericht is None:
        return "te_verzenden"
    if item.geaccepteerd is None:
        return "verzonden"
    return "geweigerd" if item.geweigerd else "beantwoord"


def _kostprijs(inhoud: Inhoud) -> KostprijsModel | None:
    if inhoud.kostprijs is None:
        return None
    return KostprijsModel(bedrag=inhoud.kostprijs.bedrag, startdatum=inhoud.kostprijs.startdatum)


def _bron(lid: BronPeriode) -> BronModel:
    return BronModel(
        soort=lid.bron.soort.value,
        sleutel=lid.bron.sleutel,
        begindatum=lid.begindatum,
        einddatum=lid.einddatum,
        kostprijs=lid.kostprijs,
    )


def _late(stored: Stored, today: date) -> AchterstalligModel | None:
    record = stored.record
    onderweg = record.onderweg
    aanlevering = onderweg if onderweg is not None and onderweg.uiterlijk < today else record.nodig
    if aanlevering is None:
        return None
    geweigerd = record.geweigerd  # None while a delivery awaits its retour
    uitkomst = None if geweigerd is None else geweigerd.uitkomst
    return AchterstalligModel(
        eb_start_nummer=record.eb_start_nummer,
        bsn=record.bsn,
        uiterlijk=aanlevering.uiterlijk,
        verzonden=aanlevering is onderweg,
        geweigerd=None if uitkomst is None else list(uitkomst.retourcodes),
    )
