"""One proposal under check with all its checks need, so each limit check is a small pure function."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gateway.policy.catalogue import Policy
from gateway.policy.models import Limit, Voorziening
from gateway.policy.periods import overlaps
from gateway.policy.proposals import ClientContext, Proposal
from gateway.policy.violations import PolicyViolation, ViolationCode


@dataclass(frozen=True, slots=True)
class Other:
    """Another provision of the client, known by its catalogue key."""

    key: str
    ingangsdatum: date
    einddatum: date | None


@dataclass(frozen=True, slots=True)
class Case:
    """A proposal, the voorziening it is for, the policy, and the client's other provisions."""

    policy: Policy
    proposal: Proposal
    voorziening: Voorziening
    others: tuple[Other, ...]

    @classmethod
    def of(cls, policy: Policy, proposal: Proposal, voorziening: Voorziening, context: ClientContext) -> Case:
        others = []
        for provision in context.provisions:
            found = policy.find(provision.productcategorie, provision.productcode)
            if found is not None:
                others.append(Other(found.key, provision.ingangsdatum, provision.einddatum))
        return cls(policy, proposal, voorziening, tuple(others))

    def beside(self, keys: Iterable[str]) -> tuple[str, ...]:
        """Which of `keys` the client has during at least part of the proposal's period (empty: none)."""
        wanted = set(keys)
        p = self.proposal
        found = (
            o.key
            for o in self.others
            if o.key in wanted and overlaps(p.ingangsdatum, p.einddatum, o.ingangsdatum, o.einddatum)
        )
        return tuple(dict.fromkeys(found))

    def following(self, keys: Iterable[str]) -> bool:
        """Whether the client has had one of `keys` that began on or before the proposal's ingangsdatum."""
        wanted = set(keys)
        return any(o.key in wanted and o.ingangsdatum <= self.proposal.ingangsdatum for o in self.others)

    def waived(self, afwijkbaar: bool) -> bool:
        """Whether the college sets this limit aside for this client, as the Beleidsregels let it."""
        return afwijkbaar and self.proposal.afwijking_college

    def names(self, keys: Iterable[str]) -> str:
        return ", ".join(self.policy.voorziening(key).naam for key in keys)

    def violation(self, code: ViolationCode, artikel: str, reden: str, reason: str) -> PolicyViolation:
        naam = self.voorziening.naam
        return PolicyViolation(
            code=code,
            voorziening=self.voorziening.key,
            artikel=artikel,
            reden=f"{naam}: {reden} (Beleidsregels Wmo 2026, artikel {artikel})",
            reason=f"{naam}: {reason} (Beleidsregels Wmo 2026, section {artikel})",
            reference=self.proposal.reference,
        )

    def breach(self, limit: Limit, code: ViolationCode, reden: str, reason: str) -> PolicyViolation:
        return self.violation(code, limit.artikel, reden, reason)
