"""Taking in the CAK's WMO406 (iEb 4.0): attached to the WMO405 it answers, passed on to the gemeente.

The header of a retour copies the heen message's: its Afzender is the gemeente, its own identificatie
is IdentificatieRetour, and there is no Ontvanger (iEb has none). Only the CAK sends it. A retour
that answers nothing the gateway sent, or something answered already, is refused and changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from gateway.cak import decode_wmo406
from gateway.messages.findings import Finding, Report
from gateway.messages.registry import MessageType
from gateway.pipeline.handling import REUSED_IDENTIFICATIE, TR056, RefusalError
from gateway.pipeline.outcomes import Forbidden, PassedOn, Refused
from gateway.store.eigenbijdrage import attach_retour
from gateway.store.models.messages import ACCEPTED
from gateway.store.models.parties import GEMEENTE, Party
from gateway.store.repositories.messages import StoredHeader
from gateway.store.unit_of_work import UnitOfWork

WMO406 = "WMO406"
WMO405 = "WMO405"
IDENTIFICATIE_RETOUR = "/Bericht/Header/IdentificatieRetour"


async def take_wmo406(
    uow: UnitOfWork, caller: Party, message_id: int, report: Report, message: MessageType, now: datetime
) -> PassedOn:
    """Attach the schema-valid WMO406 `report` the `caller` sent; `RefusalError` when it cannot be."""
    assert report.tree is not None, "only a parsed message is taken in"
    if caller.kind != message.sender.value:
        reason = f"{message.code} is sent by the {message.sender}, not by a {caller.kind}"
        raise RefusalError(Forbidden(message_id, reason), reason)
    if report.findings:
        raise _refused(message_id, "the message breaks rules of the standard", tuple(report.findings))
    retour = decode_wmo406(report.tree)
    gemeente = await uow.parties.find(GEMEENTE, retour.afzender)
    if gemeente is None:
        raise _refused(message_id, f"the gemeente {retour.afzender} is not known to the gateway")
    await uow.messages.lock_identificatie(caller.id, message.code, retour.identificatie_retour)
    if await uow.messages.find_used(caller.id, message.code, retour.identificatie_retour) is not None:
        detail = "the IdentificatieRetour was used before for another WMO406 of this sender"
        finding = Finding(TR056, REUSED_IDENTIFICATIE, (IDENTIFICATIE_RETOUR,), detail)
        raise _refused(message_id, detail, (finding,))
    heen = await uow.messages.find_used(gemeente.id, WMO405, retour.bericht)
    if heen is None:
        raise _refused(message_id, f"the WMO406 answers no WMO405 the gateway sent as {retour.bericht}")
    if not await uow.messages.link_answer(heen.id, message_id):
        raise _refused(message_id, f"the WMO405 {retour.bericht} has been answered already")
    unattached = await attach_retour(uow.session, gemeente.id, retour, message_id)
    if unattached is not None:
        raise _refused(message_id, unattached)
    header = StoredHeader(message.code, gemeente.id, retour.identificatie_retour, retour.dagtekening_retour)
    await uow.messages.record_outcome(message_id, ACCEPTED, processed_at=now, header=header)
    await uow.mailbox.deliver(gemeente.id, message_id, delivered_at=now)
    return PassedOn(message_id=message_id, message_type=message.code)


def _refused(message_id: int, detail: str, findings: tuple[Finding, ...] = ()) -> RefusalError:
    return RefusalError(Refused(message_id, detail, findings), detail, findings)
