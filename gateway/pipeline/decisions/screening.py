"""The municipality's policy applied to a decision, each breach a finding that points into the request.

A policy violation names its kind, not the field it is about; which field of the request a kind of
violation concerns is a table here, so the ERP can show every reason beside the field to fix.
"""

from __future__ import annotations

from gateway.messages.findings import Finding
from gateway.pipeline.decisions.model import Decision
from gateway.policy import ClientContext, PolicyChecker, PolicyViolation, Proposal, ViolationCode

POLICY = "POLICY"
"""Rule name of a finding that refuses a decision for breaking the municipality's policy."""

WHOLE_REQUEST = ""
"""The JSON pointer to the whole request (RFC 6901)."""

OMVANG = "/toewijzing/omvang"

POINTERS: dict[ViolationCode, str] = {
    ViolationCode.UNKNOWN_PRODUCT: "/product",
    ViolationCode.PERIOD: "/einddatum",
    ViolationCode.LEVERINGSVORM: "/leveringsvorm",
    ViolationCode.EENHEID: f"{OMVANG}/eenheid",
    ViolationCode.FREQUENTIE: f"{OMVANG}/frequentie",
    ViolationCode.PGB_SPOED: "/leveringsvorm",
    ViolationCode.MAX_DURATION: "/einddatum",
    ViolationCode.MIN_DURATION: "/einddatum",
    ViolationCode.MAX_VOLUME_TOTAL: f"{OMVANG}/volume",
    ViolationCode.MAX_RATE: f"{OMVANG}/volume",
    ViolationCode.REQUIRES_BESIDE: "/product",
    ViolationCode.KM_MISSING: "/km_per_jaar",
    ViolationCode.MAX_KM_PER_YEAR: "/km_per_jaar",
    ViolationCode.PGB_DURATION: "/einddatum",
    ViolationCode.PGB_START_TERM: "/pgb/start_werkzaamheden",
    ViolationCode.PGB_SPEND_TERM: "/pgb/besteed_uiterlijk",
    ViolationCode.MIN_AGE: "/client/geboortedatum",
}
"""The request field each kind of violation concerns; kinds not listed concern the amount."""


def proposal_of(decision: Decision) -> Proposal:
    """The decision as the policy checks read it; it is granted (toegekend) on its afgiftedatum."""
    terms = decision.terms
    return Proposal(
        geboortedatum=decision.client.geboortedatum,
        productcategorie=decision.productcategorie,
        productcode=decision.productcode,
        leveringsvorm=decision.leveringsvorm,
        ingangsdatum=decision.ingangsdatum,
        einddatum=decision.einddatum,
        omvang=None if decision.toewijzing is None else decision.toewijzing.omvang,
        budget_cents=_amount(decision),
        km_per_jaar=terms.km_per_jaar,
        spoedeisend=terms.spoedeisend,
        afwijking_college=terms.afwijking_college,
        toekenningsdatum=decision.afgiftedatum,
        start_werkzaamheden=terms.start_werkzaamheden,
        besteed_uiterlijk=terms.besteed_uiterlijk,
    )


def policy_findings(
    checker: PolicyChecker, decision: Decision, context: ClientContext | None = None
) -> list[Finding]:
    """Every way the decision breaks the policy, given the client's other provisions; empty when none."""
    return [_finding(violation, decision) for violation in checker.check(proposal_of(decision), context)]


def _amount(decision: Decision) -> int | None:
    if decision.pgb is not None:
        return decision.pgb.bedrag
    if decision.toewijzing is not None:
        return decision.toewijzing.budget
    return None


def _amount_pointer(decision: Decision) -> str:
    if decision.pgb is not None:
        return "/pgb/bedrag"
    if decision.toewijzing is not None and decision.toewijzing.budget is not None:
        return "/toewijzing/budget"
    return WHOLE_REQUEST


def _finding(violation: PolicyViolation, decision: Decision) -> Finding:
    pointer = POINTERS.get(violation.code) or _amount_pointer(decision)
    return Finding(
        rule=POLICY, retourcode=None, locations=(pointer,), detail=f"{violation.code}: {violation.reason}"
    )
