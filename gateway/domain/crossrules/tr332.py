"""TR332 (9332): a ToewijzingNummer identifies one assignment within the gemeente (checked before a
WMO301 goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.assignments import ToegewezenRule
from gateway.domain.crossrules.base import Context
from gateway.domain.history import History
from gateway.domain.products import Toewijzing

CORRECTIE = "14"
"""RedenWijziging 14: an administrative correction of an input error, which may correct the Ingangsdatum."""


class TR332(ToegewezenRule):
    """Reading of rules.md: a number the gemeente used before must name the same assignment: the same
    client and aanbieder, the same Product and the same Ingangsdatum as its current version. Our
    reading: a version correcting an input error (RedenWijziging 14) may correct the Ingangsdatum."""

    code = "TR332"
    retourcode = "9332"
    detail = "ToewijzingNummer already identifies another assignment of the gemeente"

    def violates(self, toewijzing: Toewijzing, bsn: str, history: History, context: Context) -> bool:
        known = history.toewijzing(toewijzing.toewijzing_nummer)
        if known is None:
            return False
        current = known.current
        same_start = (
            toewijzing.ingangsdatum == current.ingangsdatum or toewijzing.reden_wijziging == CORRECTIE
        )
        return not (
            known.bsn == bsn
            and known.aanbieder == context.aanbieder
            and toewijzing.product == current.product
            and same_start
        )
