"""`GET /api/v1/mailbox`: the messages addressed to the caller, oldest first, page by page.

The cursor is the mailbox's own sequence (see `MailboxRepository`), which commits in order: a reader
that passes each page's `next` as `after` never skips or repeats a message.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from gateway.api.deps import Caller, ServiceDep
from gateway.api.schemas import MAX_ID, MailboxItem, MailboxPage, problem_responses
from gateway.pipeline.access import PartyName
from gateway.store.unit_of_work import UnitOfWork

router = APIRouter(prefix="/api/v1/mailbox", tags=["mailbox"])

MAX_LIMIT = 1000


@router.get("", summary="Read the caller's mailbox", responses=problem_responses(401, 422))
async def mailbox(
    caller: Caller,
    service: ServiceDep,
    after: Annotated[
        int, Query(ge=0, le=MAX_ID, description="the `next` of the page before; 0: from the start")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 100,
) -> MailboxPage:
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        page = await uow.mailbox.page(caller.id, after=after, limit=limit)
        items = []
        for entry in page:
            message = entry.message
            sender = await uow.parties.get(message.sender_id) if message.sender_id is not None else None
            items.append(
                MailboxItem(
                    id=message.id,
                    message=message.message_type,
                    sender=str(PartyName.of(sender)) if sender is not None else None,
                    created_at=message.received_at,
                    in_reply_to=message.answers_id,
                )
            )
    return MailboxPage(items=items, next=str(page[-1].sequence if page else after))
