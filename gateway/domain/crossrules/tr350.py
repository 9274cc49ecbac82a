"""TR350 (9350): an OngewijzigdProduct names a current assignment of the client."""

from __future__ import annotations

from collections.abc import Iterable

from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import NamedAssignmentRule
from gateway.domain.verzoeken import OngewijzigdProduct, Verzoek


class TR350(NamedAssignmentRule):
    code = "TR350"
    retourcode = "9350"

    def named(self, verzoek: Verzoek) -> Iterable[OngewijzigdProduct]:
        return verzoek.ongewijzigde_producten

    def location(self, index: int) -> str:
        return paths.ongewijzigd_product(index)
