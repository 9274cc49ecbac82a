"""The JSON the API answers with, as models: they are what the OpenAPI document describes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from gateway.messages.findings import Finding

MAX_ID = 2**63 - 1
"""The largest id or cursor the store can hold (a 64-bit integer)."""


class FindingModel(BaseModel):
    """One thing wrong with a message, in the shape `iwmo-gateway validate --json` gives it."""

    rule: str = Field(description="XML, XSD, a rule code (CD041, TR056, ...) or a policy rule")
    retourcode: str | None
    location: str = Field(
        description="the first element the finding names, as /Bericht/... ('/': the document)"
    )
    locations: list[str]
    detail: str

    @classmethod
    def of(cls, finding: Finding) -> FindingModel:
        return cls.model_validate(finding.as_json())


class Problem(BaseModel):
    """Why a request was not served."""

    detail: str


class Refusal(BaseModel):
    """A message that was stored but not accepted: not valid, or not passed on. `X-Message-Id` names it."""

    detail: str
    findings: list[FindingModel]


class Failure(BaseModel):
    """Processing the stored message failed; nothing of it was kept but the message, which may be resent."""

    detail: str
    id: int


class Receipt(BaseModel):
    """A message passed on to its receiver's mailbox."""

    id: int
    message: str = Field(description="the message type, WMO301 ... WMO325")
    findings: list[FindingModel]


class MailboxItem(BaseModel):
    id: int
    message: str | None = Field(description="the message type, WMO301 ... WMO325")
    sender: str | None = Field(description="aanbieder:<AGB code>, gemeente:<CBS code> or cak")
    created_at: datetime = Field(description="when the gateway received (or made) the message")
    in_reply_to: int | None = Field(description="the message this one answers, if it is an answer")


class MailboxPage(BaseModel):
    items: list[MailboxItem]
    next: str = Field(description="the cursor to ask for what comes after these items (as `after`)")


class Health(BaseModel):
    status: str


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for error statuses answered with `{"detail": ...}`."""
    descriptions = {
        401: "no bearer token, or one that is unknown or revoked",
        403: "the message names another sender, or its type is not the caller's to send",
        404: "no such message for the caller",
        413: "the body is larger than the limit",
        415: "the body is not application/xml or text/xml",
        422: "a query or path parameter is not valid",
    }
    return {code: {"model": Problem, "description": descriptions[code]} for code in codes}
