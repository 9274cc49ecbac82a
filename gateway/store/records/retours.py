"""The aanbieder's retour on the gemeente's message (WMO302 on a 301, WMO320 on a 319).

A retour with RetourCodes rejects the heen message, which then counts as never sent (retour.md §2):
the toewijzing versions of a rejected WMO301 and the answers of a rejected WMO319 are taken back, and
the requests they touched get the status what remains gives them. An accepting retour changes nothing.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import AntwoordRetour, ToewijzingRetour
from gateway.store.known.messages import sent_with
from gateway.store.models import ToewijzingVersie, Verzoek, VerzoekAntwoord
from gateway.store.records.requests import refresh_status


async def take_back_rejected(
    session: AsyncSession, bericht: ToewijzingRetour | AntwoordRetour, gemeente_id: int, aanbieder_id: int
) -> None:
    header = bericht.header
    if not header.retour_codes:
        return
    heen_type = "WMO301" if isinstance(bericht, ToewijzingRetour) else "WMO319"
    heen = sent_with(gemeente_id, heen_type, header.bericht_identificatie)
    if isinstance(bericht, ToewijzingRetour):
        referenties = select(ToewijzingVersie.referentie_aanbieder).where(
            ToewijzingVersie.message_id.in_(heen)
        )
        touched = select(Verzoek).where(
            Verzoek.aanbieder_id == aanbieder_id, Verzoek.referentie_aanbieder.in_(referenties)
        )
        verzoeken = list((await session.scalars(touched)).all())
        await session.execute(delete(ToewijzingVersie).where(ToewijzingVersie.message_id.in_(heen)))
    else:
        answered = select(VerzoekAntwoord.verzoek_id).where(VerzoekAntwoord.message_id.in_(heen))
        verzoeken = list((await session.scalars(select(Verzoek).where(Verzoek.id.in_(answered)))).all())
        await session.execute(delete(VerzoekAntwoord).where(VerzoekAntwoord.message_id.in_(heen)))
    await session.flush()
    await refresh_status(session, verzoeken)
