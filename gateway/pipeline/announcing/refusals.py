"""A refused message, announced: the sender, what the message was, and the rules it failed.

Written in the transaction that records the refusal, so the event exists exactly when the refusal was
stored. It carries rule codes, retourcodes and element paths, never a finding's text, which can quote the
message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.events.catalogue import EventType
from gateway.events.writer import EventWriter
from gateway.messages.findings import Finding, Report
from gateway.pipeline.addressing import Addressing
from gateway.store.models.parties import CAK, Party

GATEWAY = "GATEWAY"
"""The rule of a refusal that is the gateway's own, with no finding of the standard: a sender or type the
caller may not send, a receiver it does not know, a release it does not take, an answer given before."""

HEADER = "/Bericht/Header"
IWMO_RELEASES = frozenset({"3.2"})
"""The releases whose header `Addressing` reads."""


async def announce_refusal(
    writer: EventWriter,
    session: AsyncSession,
    *,
    message_id: int,
    sender: Party,
    report: Report | None,
    findings: Sequence[Finding],
    now: datetime,
) -> None:
    # The CAK has no AGB or CBS code to name it by, and sends no iWmo message the gemeente follows.
    if sender.kind == CAK:
        return
    message = None if report is None else report.message
    bevindingen = [
        {"regel": finding.rule, "retourcode": finding.retourcode, "locatie": finding.location}
        for finding in findings
    ] or [{"regel": GATEWAY, "retourcode": None, "locatie": HEADER if message is not None else "/"}]
    data = {
        "berichtId": message_id,
        "berichtcode": None if message is None else message.code,
        "identificatie": _identificatie(report),
        "afzender": sender.code,
        "bevindingen": bevindingen,
    }
    await writer.record(session, EventType.BERICHT_GEWEIGERD, data=data, now=now)


def _identificatie(report: Report | None) -> str | None:
    """The sender's identificatie, read only from a schema-valid iWmo message (elsewhere it may be absent,
    and a message of another standard, such as the iEb's, has a header of its own)."""
    if report is None or report.tree is None or not report.schema_valid:
        return None
    if report.message is None or report.message.release not in IWMO_RELEASES:
        return None
    return Addressing.read(report.tree).identificatie
