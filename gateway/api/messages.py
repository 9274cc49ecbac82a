"""`POST /api/v1/messages` and `GET /api/v1/messages/{id}`: sending a message, and reading one back.

The answer depends on the message: a retour (200, XML) when the gateway answers for the gemeente, a
receipt (202) when it passes the message on, 422 with findings when it does neither. Every response
about a stored message names it in `X-Message-Id`; a repeat of a message gets its first answer, marked
`X-Idempotent-Replay: true`.
"""

from __future__ import annotations

from typing import Annotated, Any, assert_never

from fastapi import APIRouter, HTTPException, Path, Response, status
from fastapi.responses import JSONResponse

from gateway.api.deps import XML_MEDIA_TYPES, Caller, ServiceDep, XmlBody
from gateway.api.schemas import MAX_ID, Failure, FindingModel, Receipt, Refusal, problem_responses
from gateway.pipeline.outcomes import Answered, Failed, Forbidden, Outcome, PassedOn, Refused
from gateway.store.unit_of_work import UnitOfWork

router = APIRouter(prefix="/api/v1/messages", tags=["messages"])

XML = "application/xml"
MESSAGE_ID = "X-Message-Id"
REPLAY = "X-Idempotent-Replay"

_XML_SCHEMA = {"type": "string", "description": "an iWmo 3.2 message"}
_MESSAGE_ID_HEADER = {MESSAGE_ID: {"description": "the stored message", "schema": {"type": "integer"}}}

SUBMIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the gateway answered for the gemeente: the WMO306, 308, 316, 318 or WMO325",
        "content": {XML: {"schema": _XML_SCHEMA}},
        "headers": _MESSAGE_ID_HEADER,
    },
    202: {
        "model": Receipt,
        "description": "passed on to the receiver's mailbox",
        "headers": _MESSAGE_ID_HEADER,
    },
    **problem_responses(401, 413, 415),
    403: {**problem_responses(403)[403], "headers": _MESSAGE_ID_HEADER},
    422: {
        "model": Refusal,
        "description": "not a valid message, or one the gateway does not pass on",
        "headers": _MESSAGE_ID_HEADER,
    },
    500: {
        "model": Failure,
        "description": "processing failed; the message is kept and may be sent again",
        "headers": _MESSAGE_ID_HEADER,
    },
}


@router.post(
    "",
    summary="Send an iWmo message",
    response_class=Response,
    responses=SUBMIT_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {media_type: {"schema": _XML_SCHEMA} for media_type in XML_MEDIA_TYPES},
        }
    },
)
async def submit(caller: Caller, content: XmlBody, service: ServiceDep) -> Response:
    """Send a message as its sender (the header's sender must be the caller)."""
    return respond(await service.pipeline.submit(caller, content))


@router.get(
    "/{message_id}",
    summary="Read a stored message",
    response_class=Response,
    responses={
        200: {"description": "the message as it was sent or made", "content": {XML: {"schema": _XML_SCHEMA}}},
        **problem_responses(401, 404, 422),
    },
)
async def read(
    message_id: Annotated[int, Path(ge=1, le=MAX_ID)], caller: Caller, service: ServiceDep
) -> Response:
    """A message the caller sent or received; any other is not found, whether it exists or not."""
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        message = await uow.messages.get(message_id)
    if message is None or caller.id not in (message.sender_id, message.receiver_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no message {message_id} for you")
    return Response(message.content, media_type=XML, headers={MESSAGE_ID: str(message.id)})


def respond(outcome: Outcome) -> Response:
    headers = {MESSAGE_ID: str(outcome.message_id)}
    match outcome:
        case Answered(retour=retour, repeat=repeat):
            return Response(retour, media_type=XML, headers=_replayed(headers, repeat))
        case PassedOn(message_id=message_id, message_type=message_type, repeat=repeat):
            receipt = Receipt(id=message_id, message=message_type, findings=[])
            return JSONResponse(receipt.model_dump(), status.HTTP_202_ACCEPTED, _replayed(headers, repeat))
        case Refused(detail=detail, findings=findings):
            refusal = Refusal(detail=detail, findings=[FindingModel.of(finding) for finding in findings])
            return JSONResponse(refusal.model_dump(), status.HTTP_422_UNPROCESSABLE_CONTENT, headers)
        case Forbidden(detail=detail):
            return JSONResponse({"detail": detail}, status.HTTP_403_FORBIDDEN, headers)
        case Failed(message_id=message_id):
            failure = Failure(
                detail=f"processing message {message_id} failed; it is kept and may be sent again",
                id=message_id,
            )
            return JSONResponse(failure.model_dump(), status.HTTP_500_INTERNAL_SERVER_ERROR, headers)
        case _:
            assert_never(outcome)


def _replayed(headers: dict[str, str], repeat: bool) -> dict[str, str]:
    return {**headers, REPLAY: "true"} if repeat else headers
