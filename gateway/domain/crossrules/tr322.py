"""TR322 (9322): all lines on an assignment together hold no more than its Omvang over its whole period."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.crossrules.claimvolumes import volume_codes
from gateway.domain.history import History


class TR322(ClaimLineRule):
    """Judged as `claimvolumes` describes, cumulatively: `volumes.cumulative_maximum` (B.4) over the
    whole assignment."""

    code = "TR322"
    retourcode = "9322"
    detail = "the GeleverdVolume of all lines on the assignment exceeds its volume over the whole period"

    def violating(self, lines: tuple[ClaimLine, ...], history: History, context: Context) -> list[ClaimLine]:
        codes = volume_codes(lines, history, context)
        return [line for line in lines if self.retourcode in codes.get((line.client, line.line), ())]
