"""The routes' dependencies as `Annotated` aliases: the running service, the caller, the message body."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gateway.api.service import Service
from gateway.pipeline.access import authenticate
from gateway.store.models.parties import Party
from gateway.store.unit_of_work import UnitOfWork

XML_MEDIA_TYPES = ("application/xml", "text/xml")

_bearer = HTTPBearer(
    auto_error=False,
    description="A token from `iwmo-gateway token create --party ...`, as `Authorization: Bearer <token>`.",
)


def _service(request: Request) -> Service:
    service = getattr(request.app.state, "service", None)
    if not isinstance(service, Service):
        raise RuntimeError("the app is used outside its lifespan: no service is running")
    return service


ServiceDep = Annotated[Service, Depends(_service)]


async def _caller(
    service: ServiceDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Party:
    if credentials is None:
        raise _unauthorized("a bearer token is required: Authorization: Bearer <token>")
    async with UnitOfWork(service.sessionmaker, read_only=True) as uow:
        party = await authenticate(uow, credentials.credentials)
    if party is None:
        raise _unauthorized("the bearer token is unknown or revoked")
    return party


Caller = Annotated[Party, Depends(_caller)]
"""The party the request's bearer token belongs to; 401 without a valid one."""


async def _xml_body(request: Request, service: ServiceDep) -> bytes:
    """The body, if it is XML and within the size limit: 415 and 413 otherwise, before reading it all."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type not in XML_MEDIA_TYPES:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"send the message as application/xml or text/xml, not {media_type or 'without a content type'}",
        )
    limit = service.max_message_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


XmlBody = Annotated[bytes, Depends(_xml_body)]
"""The request body of a message, read with its content type and size checked."""


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"})


def _too_large(limit: int) -> HTTPException:
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE, f"the message is larger than the limit of {limit} bytes"
    )
