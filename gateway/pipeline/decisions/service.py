"""`DecisionService.decide`: a decision from the gemeente's ERP checked, carried out and kept.

The order of things, so that a decision is kept whole or not at all:

1. A beschikking with this number is looked up first: the same content again gets the first answer, other
   content a conflict; nothing changes either way. Then the policy, given what the client has besides
   (the gemeente's beschikkingen and current toewijzingen for the client): every breach refuses the
   decision.
2. Natura for an aanbieder: the gateway renders the WMO301 and submits it through the pipeline as the
   gemeente, so schema, rules, policy screening, recording and mailbox delivery are the ordinary ones, in
   the pipeline's own transactions. A refusal or failure there ends the decision before anything of it is
   kept (only the refused message is, as every message is). The screening of that WMO301 is told whether
   the decision states the college's afwijking, which a WMO301 cannot carry.
3. One transaction then keeps the beschikking, links the toewijzingen the WMO301 issued, records the
   event and refreshes the client's eigen-bijdrage records for the CAK (a pgb or a provision with a
   kostprijs can start a period, a linked beschikking dates one), announcing what started or stopped.
   Should that transaction not happen after the WMO301 was delivered (a crash in between), the same
   decision sent again finishes the job: the WMO301's BerichtIdentificatie is derived from the decision,
   so the delivered one is found and no second toewijzing goes out. A concurrent request for the same
   number loses on the unique key and is answered as a repeat or a conflict.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.writer import EventWriter
from gateway.messages.findings import Finding
from gateway.messages.toewijzing import ToegewezenProduct, Toewijzingbericht, render_toewijzing
from gateway.pipeline.answering import DUTCH_TIME
from gateway.pipeline.decisions.model import Decision, IwmoToewijzing
from gateway.pipeline.decisions.outcomes import (
    Conflicting,
    DecisionOutcome,
    PgbBudget,
    Registered,
    Rejected,
    SendingFailed,
)
from gateway.pipeline.decisions.screening import policy_findings, proposal_of
from gateway.pipeline.eigenbijdrage import EigenBijdrageFollower
from gateway.pipeline.intake import Pipeline
from gateway.pipeline.outcomes import Failed, PassedOn, Refused
from gateway.policy import ClientContext, PolicyChecker
from gateway.store.decisions import DecisionRepository, NaturaDecision
from gateway.store.models import Beschikking, Message
from gateway.store.models.parties import AANBIEDER, Party
from gateway.store.pgb import PgbDecision
from gateway.store.queries.voorzieningen import client_provisions
from gateway.store.unit_of_work import UnitOfWork

WMO301 = "WMO301"
BREAKS_POLICY = "the decision breaks the municipality's policy"
UNKNOWN_AANBIEDER = "the aanbieder is not known to the gateway"
AANBIEDER_RULE = "AANBIEDER"
"""Rule name of the finding that the decision names an aanbieder the gateway does not know."""
TOEWIJZING_REFUSED = "the WMO301 rendered from the decision was refused"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def identificatie_of(gemeente: Party, decision: Decision) -> str:
    """The WMO301's BerichtIdentificatie (12 characters): new for every decision, the same for a repeat."""
    seed = f"{gemeente.code}:{decision.beschikkingnummer}:{decision.fingerprint()}".encode()
    return "B" + base64.b32encode(hashlib.sha256(seed).digest()).decode("ascii")[:11]


class DecisionService:
    """Takes the gemeente's decisions; one per service, shared by all requests."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        pipeline: Pipeline,
        checker: PolicyChecker,
        *,
        events: EventWriter | None = None,
        eigen_bijdrage: EigenBijdrageFollower | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._pipeline = pipeline
        self._checker = checker
        self._events = events
        self._eigen_bijdrage = eigen_bijdrage
        self._clock = clock

    async def decide(self, gemeente: Party, decision: Decision) -> DecisionOutcome:
        """Check, carry out and keep `decision` of the authenticated `gemeente`; see the module."""
        fingerprint = decision.fingerprint()
        aanbieder: Party | None = None
        delivered: Message | None = None
        nummer = 0
        async with UnitOfWork(self._sessionmaker) as uow:
            decisions = DecisionRepository(uow.session)
            existing = await decisions.find(gemeente.id, decision.beschikkingnummer)
            if existing is not None:
                return await self._answered_before(decisions, existing, fingerprint)
            context = None
            if self._checker.reads_other_provisions([proposal_of(decision)]):
                provisions = await client_provisions(uow.session, gemeente.id, decision.client.bsn)
                context = ClientContext(provisions)
            findings = policy_findings(self._checker, decision, context)
            if findings:
                return Rejected(BREAKS_POLICY, tuple(findings))
            if decision.toewijzing is not None:
                aanbieder = await uow.parties.find(AANBIEDER, decision.toewijzing.aanbieder)
                if aanbieder is None:
                    return Rejected(UNKNOWN_AANBIEDER, (_unknown_aanbieder(),))
                delivered = await uow.messages.find_used(
                    gemeente.id, WMO301, identificatie_of(gemeente, decision)
                )
                chosen = decision.toewijzing.toewijzingnummer
                nummer = await decisions.unused_toewijzingnummer(gemeente.id) if chosen is None else chosen
        message_id = None
        if decision.toewijzing is not None:
            if delivered is not None:
                message_id = delivered.id
            else:
                sent = await self._send(gemeente, decision, decision.toewijzing, nummer)
                if not isinstance(sent, int):
                    return sent
                message_id = sent
        try:
            return await self._keep(gemeente, decision, fingerprint, aanbieder, message_id)
        except IntegrityError:
            async with UnitOfWork(self._sessionmaker) as uow:
                decisions = DecisionRepository(uow.session)
                existing = await decisions.find(gemeente.id, decision.beschikkingnummer)
                if existing is None:
                    raise
                return await self._answered_before(decisions, existing, fingerprint)

    async def _send(
        self, gemeente: Party, decision: Decision, toewijzing: IwmoToewijzing, nummer: int
    ) -> int | Rejected | SendingFailed:
        """The id of the delivered WMO301, or why it was not delivered."""
        now = self._clock().astimezone(DUTCH_TIME)
        omvang = toewijzing.omvang
        product = ToegewezenProduct(
            toewijzing_nummer=nummer,
            categorie=decision.productcategorie,
            code=decision.productcode,
            toewijzingsdatum=now.date(),
            toewijzingstijd=now.time(),
            ingangsdatum=decision.ingangsdatum,
            einddatum=decision.einddatum,
            volume=None if omvang is None else omvang.volume,
            eenheid=None if omvang is None else omvang.eenheid,
            frequentie=None if omvang is None else omvang.frequentie,
            budget=toewijzing.budget,
        )
        bericht = Toewijzingbericht(
            afzender=gemeente.code,
            ontvanger=toewijzing.aanbieder,
            identificatie=identificatie_of(gemeente, decision),
            dagtekening=now.date(),
            client=decision.client,
            producten=(product,),
        )
        outcome = await self._pipeline.submit(
            gemeente, render_toewijzing(bericht), afwijking_college=decision.terms.afwijking_college
        )
        match outcome:
            case PassedOn(message_id=message_id):
                return message_id
            case Refused(message_id=message_id, detail=detail, findings=findings):
                return Rejected(f"{TOEWIJZING_REFUSED}: {detail}", findings, message_id)
            case Failed(message_id=message_id):
                return SendingFailed(message_id)
            case _:
                raise AssertionError(f"a WMO301 of the gemeente is passed on or refused, not {outcome!r}")

    async def _keep(
        self,
        gemeente: Party,
        decision: Decision,
        fingerprint: str,
        aanbieder: Party | None,
        message_id: int | None,
    ) -> Registered:
        """The beschikking, its budgets, its toewijzingen's link, its event and the client's eigen-bijdrage
        records, in one transaction."""
        now = self._clock()
        async with UnitOfWork(self._sessionmaker) as uow:
            decisions = DecisionRepository(uow.session)
            client_id = await decisions.client_id(gemeente.id, decision.client.bsn)
            if decision.pgb is not None:
                assert decision.einddatum is not None, "a pgb decision has an einddatum"
                pgb = PgbDecision(
                    gemeente_id=gemeente.id,
                    client_id=client_id,
                    beschikking_nummer=decision.beschikkingnummer,
                    vorm=decision.pgb.vorm,
                    product_categorie=decision.productcategorie,
                    product_code=decision.productcode,
                    ingangsdatum=decision.ingangsdatum,
                    einddatum=decision.einddatum,
                    bedrag=decision.pgb.bedrag,
                    per=decision.pgb.per,
                )
                beschikking = await decisions.add_pgb(
                    pgb, afgiftedatum=decision.afgiftedatum, request_sha256=fingerprint
                )
            else:
                verstrekking = decision.verstrekking
                natura = NaturaDecision(
                    gemeente_id=gemeente.id,
                    client_id=client_id,
                    beschikking_nummer=decision.beschikkingnummer,
                    product_categorie=decision.productcategorie,
                    product_code=decision.productcode,
                    afgiftedatum=decision.afgiftedatum,
                    ingangsdatum=decision.ingangsdatum,
                    einddatum=decision.einddatum,
                    aanbieder_id=None if aanbieder is None else aanbieder.id,
                    message_id=message_id,
                    kostprijs=None if verstrekking is None else verstrekking.kostprijs,
                    leverdatum=None if verstrekking is None else verstrekking.leverdatum,
                )
                beschikking = await decisions.add_natura(natura, request_sha256=fingerprint)
            if message_id is not None:
                await decisions.link_toewijzingen(beschikking.id, message_id)
            if self._events is not None:
                await self._events.record(
                    uow.session,
                    EventType.BESCHIKKING_GEREGISTREERD,
                    data=_event_data(beschikking),
                    now=now,
                    client_bsn=decision.client.bsn,
                )
            if self._eigen_bijdrage is not None:
                await self._eigen_bijdrage.na_beschikking(
                    uow.session,
                    gemeente.id,
                    client_id,
                    now,
                    geboortedatum=decision.client.geboortedatum,
                )
            return await _registered(decisions, beschikking, repeat=False)

    async def _answered_before(
        self, decisions: DecisionRepository, existing: Beschikking, fingerprint: str
    ) -> Registered | Conflicting:
        if existing.request_sha256 != fingerprint:
            return Conflicting(
                f"beschikking {existing.beschikking_nummer} was registered before with other content"
            )
        return await _registered(decisions, existing, repeat=True)


async def _registered(decisions: DecisionRepository, beschikking: Beschikking, *, repeat: bool) -> Registered:
    budgets = tuple(
        PgbBudget(budget.period_start, budget.period_end, budget.amount)
        for budget in await decisions.budgets(beschikking.id)
    )
    return Registered(
        beschikking_id=beschikking.id,
        beschikkingnummer=beschikking.beschikking_nummer,
        leveringsvorm=beschikking.leveringsvorm,
        message_id=beschikking.message_id,
        budgets=budgets,
        repeat=repeat,
    )


def _event_data(beschikking: Beschikking) -> dict[str, object]:
    return {
        "beschikkingNummer": beschikking.beschikking_nummer,
        "leveringsvorm": beschikking.leveringsvorm,
        "pgbVorm": beschikking.pgb_vorm,
        "product": {"categorie": beschikking.product_categorie, "code": beschikking.product_code},
        "afgiftedatum": beschikking.afgiftedatum,
        "ingangsdatum": beschikking.ingangsdatum,
        "einddatum": beschikking.einddatum,
    }


def _unknown_aanbieder() -> Finding:
    return Finding(
        rule=AANBIEDER_RULE, retourcode=None, locations=("/toewijzing/aanbieder",), detail=UNKNOWN_AANBIEDER
    )
