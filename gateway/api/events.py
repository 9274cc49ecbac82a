"""`GET /api/v1/events`: the outbox's events for the gemeente, page by page, with or without Kafka.

The events are the gemeente's: they describe its record, of every aanbieder. An aanbieder or the CAK gets
403. A page never passes an event still to commit, so a reader that passes each page's `next` as `after`
misses nothing (see `gateway.events.feed`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field

from gateway.api.deps import Caller, ServiceDep
from gateway.api.schemas import MAX_ID, Problem
from gateway.events.feed import MAX_PAGE, events_after
from gateway.store.models.parties import GEMEENTE

router = APIRouter(prefix="/api/v1/events", tags=["events"])


class EventsPage(BaseModel):
    items: list[dict[str, Any]] = Field(
        description="CloudEvents 1.0 (JSON) exactly as published to Kafka, oldest first; see docs/events.md"
    )
    next: str = Field(description="the cursor to ask for what comes after these events (as `after`)")


@router.get(
    "",
    summary="Read the gemeente's events",
    responses={
        401: {"model": Problem, "description": "no bearer token, or one that is unknown or revoked"},
        403: {"model": Problem, "description": "the caller is not a gemeente"},
        422: {"model": Problem, "description": "a cursor or limit out of range"},
    },
)
async def events(
    caller: Caller,
    service: ServiceDep,
    after: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_ID,
            description="the `next` of the page before (an event's sequence); 0: from the start",
        ),
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="at most this many events")] = 100,
) -> EventsPage:
    if caller.kind != GEMEENTE:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only a gemeente reads the events")
    async with service.sessionmaker() as session:
        page = await events_after(session, after, limit=limit)
    return EventsPage(items=list(page.events), next=str(page.cursor))
