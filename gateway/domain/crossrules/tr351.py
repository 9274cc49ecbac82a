"""TR351 (9351): a TeWijzigenProduct names a current assignment of the client."""

from __future__ import annotations

from collections.abc import Iterable

from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import NamedAssignmentRule
from gateway.domain.verzoeken import TeWijzigenProduct, Verzoek


class TR351(NamedAssignmentRule):
    code = "TR351"
    retourcode = "9351"

    def named(self, verzoek: Verzoek) -> Iterable[TeWijzigenProduct]:
        return verzoek.te_wijzigen_producten

    def location(self, index: int) -> str:
        return paths.te_wijzigen_product(index)
