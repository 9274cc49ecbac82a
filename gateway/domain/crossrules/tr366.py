"""TR366 (9366): a WMO325 returns only lines the aanbieder claimed (checked before it goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import ReturnedLine, ReturnedLineRule


class TR366(ReturnedLineRule):
    """The ProductReferentie must be that of a line of a WMO323 the aanbieder sent."""

    code = "TR366"
    retourcode = "9366"
    detail = "ProductReferentie occurs in no WMO323 of the aanbieder"

    def violates(self, line: ReturnedLine) -> bool:
        return not line.sent
