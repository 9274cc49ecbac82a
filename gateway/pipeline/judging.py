"""The gemeente's judgement on valid messages: the cross-message rules against its record, its policy,
and the record kept up to date with what it accepts.

This is the pipeline's `Processor`: the standard's level 3 and 4 (rules.md B.2, TR135) come from
`gateway.domain.crossrules` over the stored history of what a message refers to; what is accepted is
recorded in the same transaction, so the record and the answer commit together or not at all.

A WMO301 is screened against the policy with what the client has besides it (the gemeente's stored
beschikkingen and current toewijzingen for the client, and the message's other products), so "only
beside" limits hold. What a WMO301 cannot carry is read thus: kilometres a year are not judged on it (the
beschikking states them); the college's afwijking counts only for a WMO301 the gateway renders from a
decision that states it (`Received.afwijking_college`), so a bare WMO301 is held to the limits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime

from gateway.domain import Bericht, ToewijzingBericht, decode
from gateway.domain.crossrules.base import Context, CrossFinding
from gateway.domain.crossrules.contract import PolicyContract
from gateway.domain.crossrules.engine import check
from gateway.domain.crossrules.verdicts import verdict_of
from gateway.domain.history import History
from gateway.messages.findings import Finding
from gateway.messages.verdicts import Accepted, Verdict
from gateway.pipeline.answering import DUTCH_TIME
from gateway.pipeline.processing import Follower, Received
from gateway.policy import ClientContext, Leveringsvorm, Policy, PolicyChecker, Proposal, ViolationCode
from gateway.store.history import load_history
from gateway.store.models.parties import GEMEENTE, Party
from gateway.store.queries.voorzieningen import client_provisions
from gateway.store.recording import record
from gateway.store.unit_of_work import UnitOfWork

POLICY = "POLICY"
"""Rule name of a finding that refuses a toewijzing for breaking the municipality's policy."""

WITHDRAWN = frozenset({"01", "13"})
"""RedenWijziging of a toewijzing that is taken back rather than issued: no policy applies to it."""

NOT_ON_A_WMO301 = frozenset({ViolationCode.KM_MISSING})
"""Breaches a WMO301 cannot avoid, so no refusal of one: it has no field for the kilometres a year (the
beschikking states them, and `POST /api/v1/beschikkingen` checks them there)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DomainProcessor:
    """Judges answered messages and screens passed-on ones; records whatever is accepted."""

    def __init__(
        self,
        policy: Policy,
        clock: Callable[[], datetime] = _utc_now,
        followers: Iterable[Follower] = (),
    ) -> None:
        self._checker = PolicyChecker(policy)
        self._contract = PolicyContract(policy)
        self._clock = clock
        self._followers = tuple(followers)

    async def judge(self, uow: UnitOfWork, received: Received) -> Verdict:
        # A message handed to the processor has passed TR056: its identificatie was not used before.
        bericht = _decoded(received)
        history = await load_history(uow.session, bericht, received.sender, received.receiver, used=False)
        verdict = verdict_of(self._findings(received, bericht, history))
        await self._record(uow, received, bericht, verdict, history)
        return verdict

    async def screen(self, uow: UnitOfWork, received: Received) -> Sequence[Finding]:
        bericht = _decoded(received)
        history = await load_history(uow.session, bericht, received.sender, received.receiver, used=False)
        refusals = [_as_finding(f) for f in self._findings(received, bericht, history)]
        if isinstance(bericht, ToewijzingBericht):
            refusals.extend(await self._policy_findings(uow, received, bericht))
        if not refusals:
            await self._record(uow, received, bericht, Accepted(), history)
        return refusals

    def _findings(self, received: Received, bericht: Bericht, history: History) -> tuple[CrossFinding, ...]:
        gemeente, aanbieder = _roles(received)
        context = Context(
            gemeente=gemeente, aanbieder=aanbieder, today=self._today(), contract=self._contract
        )
        return check(bericht, history, context)

    async def _record(
        self, uow: UnitOfWork, received: Received, bericht: Bericht, verdict: Verdict, history: History
    ) -> None:
        now = self._clock()
        await record(
            uow.session,
            bericht,
            message_id=received.message_id,
            verdict=verdict,
            sender=received.sender,
            receiver=received.receiver,
            now=now,
            judged_on=history,
        )
        for follower in self._followers:
            await follower.follow(uow, received, bericht, verdict, now)

    async def _policy_findings(
        self, uow: UnitOfWork, received: Received, bericht: ToewijzingBericht
    ) -> list[Finding]:
        """Every policy breach of the products this WMO301 issues, each on its ToegewezenProduct."""
        geboortedatum = bericht.client.geboortedatum
        if geboortedatum is None:
            return []
        proposals = []
        for index, toewijzing in enumerate(bericht.toewijzingen, start=1):
            product = toewijzing.product
            if product is None or product.code is None or toewijzing.reden_wijziging in WITHDRAWN:
                continue
            proposals.append(
                Proposal(
                    geboortedatum=geboortedatum.datum,
                    productcategorie=product.categorie,
                    productcode=product.code,
                    leveringsvorm=Leveringsvorm.NATURA,
                    ingangsdatum=toewijzing.ingangsdatum,
                    einddatum=toewijzing.einddatum,
                    omvang=toewijzing.omvang,
                    budget_cents=toewijzing.budget,
                    afwijking_college=received.afwijking_college,
                    reference=f"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[{index}]",
                )
            )
        context = None
        if self._checker.reads_other_provisions(proposals):
            # The message states its own toewijzingen anew: their stored versions are not beside them.
            stated = [toewijzing.toewijzing_nummer for toewijzing in bericht.toewijzingen]
            provisions = await client_provisions(
                uow.session, _gemeente(received).id, bericht.client.bsn, leaving_out=stated
            )
            context = ClientContext(provisions)
        return [
            Finding(
                rule=POLICY,
                retourcode=None,
                locations=(violation.reference or "/Bericht",),
                detail=f"{violation.code}: {violation.reason}",
            )
            for violation in self._checker.check_all(proposals, context)
            if violation.code not in NOT_ON_A_WMO301
        ]

    def _today(self) -> date:
        return self._clock().astimezone(DUTCH_TIME).date()


def _decoded(received: Received) -> Bericht:
    report = received.report
    assert report.tree is not None, "only parsed messages are judged"
    assert report.message is not None, "only messages of a known type are judged"
    return decode(report.tree, report.message.code)


def _gemeente(received: Received) -> Party:
    return received.sender if received.sender.kind == GEMEENTE else received.receiver


def _roles(received: Received) -> tuple[str, str]:
    """The gemeente's and the aanbieder's codes, whichever of them sent the message."""
    if received.sender.kind == GEMEENTE:
        return received.sender.code, received.receiver.code
    return received.receiver.code, received.sender.code


def _as_finding(finding: CrossFinding) -> Finding:
    return Finding(
        rule=finding.rule, retourcode=finding.retourcode, locations=(finding.location,), detail=finding.detail
    )
