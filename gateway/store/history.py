"""Loading the `History` a message is judged against: the stored facts it refers to, and nothing more.

Called in the transaction that will also record the message's effects (`recording.record`), after the
message itself was stored. For a claim the assignments it names are locked first (see
`known.assignments`), so that the volumes declared on them cannot change until that transaction ends.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import (
    AntwoordBericht,
    Bericht,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    StartBericht,
    StopBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from gateway.domain.crossrules import message_code
from gateway.domain.history import REDEN_VERWIJDERD, History
from gateway.store.known.answered import answered_claim
from gateway.store.known.assignments import known_toewijzingen, toewijzing_rows
from gateway.store.known.claims import known_prestaties, previous_period, used_declaratie_nummers
from gateway.store.known.clients import find_client_id
from gateway.store.known.deliveries import known_leveringen
from gateway.store.known.requests import known_verzoeken
from gateway.store.models import Party
from gateway.store.models.parties import GEMEENTE
from gateway.store.repositories.messages import MessageRepository


@dataclass(frozen=True, slots=True)
class Loading:
    """What every loader needs: the session, the ids of the gemeente and the aanbieder, its code."""

    session: AsyncSession
    gemeente_id: int
    aanbieder_id: int
    aanbieder_code: str

    async def client_id(self, bsn: str) -> int | None:
        return await find_client_id(self.session, self.gemeente_id, bsn)


async def load_history(
    session: AsyncSession, bericht: Bericht, sender: Party, receiver: Party, *, used: bool | None = None
) -> History:
    """The History of `bericht`, sent by `sender` to `receiver`.

    One of the parties is the gemeente, the other the aanbieder, whichever way the message goes. A
    retour gets an empty History: no rule judges it.

    An Identificatie is used (TR056) by a message of the sender and type that counts as sent
    (`MessageRepository.find_used`), which this message, still being handled, does not. A
    caller that asked already (the intake does, under the identificatie's lock) says so in `used`.
    """
    gemeente, aanbieder = (sender, receiver) if sender.kind == GEMEENTE else (receiver, sender)
    loader = LOADERS.get(type(bericht))
    if loader is None:
        return History()
    history = await loader(Loading(session, gemeente.id, aanbieder.id, aanbieder.code), bericht)
    identificatie = bericht.header.bericht_identificatie.identificatie
    if used is None:
        earlier = await MessageRepository(session).find_used(sender.id, message_code(bericht), identificatie)
        used = earlier is not None
    return replace(history, earlier_identificaties=frozenset({identificatie})) if used else history


async def _toewijzing(loading: Loading, bericht: ToewijzingBericht) -> History:
    numbers = [toewijzing.toewijzing_nummer for toewijzing in bericht.toewijzingen]
    rows = await toewijzing_rows(loading.session, loading.gemeente_id, numbers=numbers)
    deleted = {t.toewijzing_nummer for t in bericht.toewijzingen if t.reden_wijziging == REDEN_VERWIJDERD}
    referenties = [t.referentie_aanbieder for t in bericht.toewijzingen if t.referentie_aanbieder is not None]
    return History(
        toewijzingen=await known_toewijzingen(loading.session, rows),
        verzoeken=await known_verzoeken(loading.session, loading.aanbieder_id, referenties=referenties),
        prestaties=await known_prestaties(
            loading.session,
            loading.aanbieder_id,
            toewijzing_ids=[row.id for row in rows if row.toewijzing_nummer in deleted],
        ),
    )


async def _delivery(loading: Loading, bericht: StartBericht | StopBericht) -> History:
    client_id = await loading.client_id(bericht.client.bsn)
    if client_id is None:
        return History()
    rows = await toewijzing_rows(
        loading.session, loading.gemeente_id, client_id=client_id, aanbieder_id=loading.aanbieder_id
    )
    known = await known_toewijzingen(
        loading.session,
        rows,
        bsns={client_id: bericht.client.bsn},
        codes={loading.aanbieder_id: loading.aanbieder_code},
    )
    return History(
        toewijzingen=known,
        leveringen=await known_leveringen(loading.session, client_id, loading.aanbieder_id),
    )


async def _verzoek_om_toewijzing(loading: Loading, bericht: VerzoekOmToewijzingBericht) -> History:
    client_id = await loading.client_id(bericht.client.bsn)
    referenties = [product.referentie_aanbieder for product in bericht.aangevraagde_producten]
    verzoeken = await known_verzoeken(
        loading.session, loading.aanbieder_id, referenties=referenties, pending_for_client=client_id
    )
    return History(verzoeken=verzoeken)


async def _verzoek_om_wijziging(loading: Loading, bericht: VerzoekOmWijzigingBericht) -> History:
    client_id = await loading.client_id(bericht.client.bsn)
    verzoek = bericht.verzoek
    numbers = [p.toewijzing_nummer for p in verzoek.ongewijzigde_producten] + [
        p.toewijzing_nummer for p in verzoek.te_wijzigen_producten
    ]
    rows = await toewijzing_rows(
        loading.session,
        loading.gemeente_id,
        numbers=numbers,
        client_id=client_id,
        aanbieder_id=loading.aanbieder_id,
    )
    verzoeken = await known_verzoeken(
        loading.session,
        loading.aanbieder_id,
        referenties=[verzoek.referentie_aanbieder],
        pending_for_client=client_id,
    )
    return History(toewijzingen=await known_toewijzingen(loading.session, rows), verzoeken=verzoeken)


async def _antwoord(loading: Loading, bericht: AntwoordBericht) -> History:
    referentie = bericht.antwoord.referentie_aanbieder
    return History(
        verzoeken=await known_verzoeken(loading.session, loading.aanbieder_id, referenties=[referentie])
    )


async def _declaratie(loading: Loading, bericht: DeclaratieBericht) -> History:
    declaratie = bericht.declaratie
    lines = [prestatie for client in declaratie.clienten for prestatie in client.prestaties]
    numbers = [line.toewijzing_nummer for line in lines]
    rows = await toewijzing_rows(loading.session, loading.gemeente_id, numbers=numbers, lock=True)
    vorige = [line.vorig_referentie_nummer for line in lines if line.vorig_referentie_nummer is not None]
    prestaties = await known_prestaties(
        loading.session,
        loading.aanbieder_id,
        referenties=[line.referentie_nummer for line in lines] + vorige,
        vorige=vorige,
        toewijzing_ids=[row.id for row in rows],
    )
    return History(
        toewijzingen=await known_toewijzingen(loading.session, rows),
        prestaties=prestaties,
        declaratie_nummers=await used_declaratie_nummers(
            loading.session, loading.aanbieder_id, declaratie.declaratie_nummer
        ),
        vorige_declaratie_periode=await previous_period(
            loading.session,
            loading.aanbieder_id,
            loading.gemeente_id,
            declaratie.declaratie_periode.begindatum,
        ),
    )


async def _declaratie_antwoord(loading: Loading, bericht: DeclaratieAntwoordBericht) -> History:
    answer = bericht.declaratie_antwoord
    referenties = (
        [] if answer is None else [p.referentie_nummer for c in answer.clienten for p in c.prestaties]
    )
    return History(
        prestaties=await known_prestaties(loading.session, loading.aanbieder_id, referenties=referenties),
        answered_claim=await answered_claim(
            loading.session, loading.aanbieder_id, bericht.header.declaratie_identificatie
        ),
    )


Loader = Callable[[Loading, Any], Awaitable[History]]

LOADERS: Mapping[type, Loader] = MappingProxyType(
    {
        ToewijzingBericht: _toewijzing,
        StartBericht: _delivery,
        StopBericht: _delivery,
        VerzoekOmToewijzingBericht: _verzoek_om_toewijzing,
        VerzoekOmWijzigingBericht: _verzoek_om_wijziging,
        AntwoordBericht: _antwoord,
        DeclaratieBericht: _declaratie,
        DeclaratieAntwoordBericht: _declaratie_antwoord,
    }
)
"""The loader of each heen message; retours have none."""
