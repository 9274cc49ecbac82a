"""Judges what the gemeente wants to issue against its policy, so a breach never reaches a provider.

Pure: no I/O, no clock. Every breach is reported, not just the first, so the consulent can fix the
decision in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from gateway.policy import quantity_limits, time_limits
from gateway.policy.case import Case
from gateway.policy.catalogue import Policy
from gateway.policy.models import Leveringsvorm
from gateway.policy.proposals import ClientContext, CurrentProvision, Proposal
from gateway.policy.violations import PolicyRefusedError, PolicyViolation, ViolationCode

LimitCheck = Callable[[Case], Iterator[PolicyViolation]]

LIMIT_CHECKS: tuple[LimitCheck, ...] = (
    time_limits.min_age,
    time_limits.max_duration,
    time_limits.min_duration,
    quantity_limits.max_volume_total,
    quantity_limits.max_rate,
    quantity_limits.requires_beside,
    quantity_limits.max_km_per_year,
    quantity_limits.max_amount,
    quantity_limits.price_table,
    time_limits.pgb_duration,
    time_limits.pgb_woningaanpassing,
)
"""One check per kind of limit in the catalogue; each does nothing for a voorziening without that limit."""


class PolicyChecker:
    """The gemeente's policy, applied to Toewijzingen and beschikkingen before they are issued."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def check(self, proposal: Proposal, context: ClientContext | None = None) -> list[PolicyViolation]:
        """Every way `proposal` breaks the policy, given the client's other provisions; empty when none."""
        voorziening = self.policy.find(proposal.productcategorie, proposal.productcode)
        if voorziening is None:
            product = f"{proposal.productcategorie}/{proposal.productcode}"
            return [
                PolicyViolation(
                    code=ViolationCode.UNKNOWN_PRODUCT,
                    voorziening=None,
                    artikel=None,
                    reden=f"product {product} staat niet in de catalogus van maatwerkvoorzieningen",
                    reason=f"product {product} is not in the catalogue of maatwerkvoorzieningen",
                    reference=proposal.reference,
                )
            ]
        case = Case.of(self.policy, proposal, voorziening, context or ClientContext())
        violations = list(self._catalogue_checks(case))
        if proposal.einddatum is not None and proposal.einddatum < proposal.ingangsdatum:
            violations.append(
                case.violation(
                    ViolationCode.PERIOD,
                    voorziening.artikel,
                    f"einddatum {proposal.einddatum} ligt voor ingangsdatum {proposal.ingangsdatum}",
                    f"einddatum {proposal.einddatum} is before ingangsdatum {proposal.ingangsdatum}",
                )
            )
            return violations
        for limit_check in LIMIT_CHECKS:
            violations.extend(limit_check(case))
        return violations

    def reads_other_provisions(self, proposals: Iterable[Proposal]) -> bool:
        """Whether judging any of `proposals` depends on the client's other provisions; if not, a caller
        need not look them up for a ClientContext."""
        for proposal in proposals:
            voorziening = self.policy.find(proposal.productcategorie, proposal.productcode)
            if voorziening is not None and voorziening.limits.read_other_provisions:
                return True
        return False

    def check_all(
        self, proposals: Sequence[Proposal], context: ClientContext | None = None
    ) -> list[PolicyViolation]:
        """Every breach of proposals issued together; each counts the others as the client's provisions."""
        known = context.provisions if context is not None else ()
        violations: list[PolicyViolation] = []
        for index, proposal in enumerate(proposals):
            siblings = tuple(_provision(other) for i, other in enumerate(proposals) if i != index)
            violations.extend(self.check(proposal, ClientContext(known + siblings)))
        return violations

    def require_compliant(self, proposals: Sequence[Proposal], context: ClientContext | None = None) -> None:
        """Raise PolicyRefusedError, with every reason, when any of the proposals breaks the policy."""
        violations = self.check_all(proposals, context)
        if violations:
            raise PolicyRefusedError(tuple(violations))

    def _catalogue_checks(self, case: Case) -> Iterator[PolicyViolation]:
        proposal, voorziening = case.proposal, case.voorziening
        if proposal.leveringsvorm not in voorziening.leveringsvormen:
            allowed = ", ".join(voorziening.leveringsvormen)
            yield case.violation(
                ViolationCode.LEVERINGSVORM,
                voorziening.artikel,
                f"leveringsvorm {proposal.leveringsvorm} is niet mogelijk; wel: {allowed}",
                f"leveringsvorm {proposal.leveringsvorm} is not possible; allowed: {allowed}",
            )
        omvang = proposal.omvang
        if omvang is not None and omvang.eenheid not in voorziening.eenheden:
            allowed = ", ".join(voorziening.eenheden)
            yield case.violation(
                ViolationCode.EENHEID,
                voorziening.artikel,
                f"Eenheid {omvang.eenheid} is niet toegestaan; wel: {allowed}",
                f"Eenheid {omvang.eenheid} is not allowed; allowed: {allowed}",
            )
        if omvang is not None and omvang.frequentie not in voorziening.frequenties:
            allowed = ", ".join(voorziening.frequenties)
            yield case.violation(
                ViolationCode.FREQUENTIE,
                voorziening.artikel,
                f"Frequentie {omvang.frequentie} is niet toegestaan; wel: {allowed}",
                f"Frequentie {omvang.frequentie} is not allowed; allowed: {allowed}",
            )
        spoed = self.policy.pgb.geen_pgb_bij_spoed
        if spoed is not None and proposal.spoedeisend and proposal.leveringsvorm == Leveringsvorm.PGB:
            yield case.violation(
                ViolationCode.PGB_SPOED,
                spoed.artikel,
                "geen pgb in een spoedeisende situatie; tijdelijk in natura",
                "no pgb in an urgent situation; in natura for the time being",
            )


def _provision(proposal: Proposal) -> CurrentProvision:
    return CurrentProvision(
        productcategorie=proposal.productcategorie,
        productcode=proposal.productcode,
        ingangsdatum=proposal.ingangsdatum,
        einddatum=proposal.einddatum,
    )
