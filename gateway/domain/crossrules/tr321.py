"""TR321 (9321): a claim line holds no more than the assignment's Omvang allows for its ProductPeriode."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.crossrules.claimvolumes import volume_codes
from gateway.domain.history import History


class TR321(ClaimLineRule):
    """Judged as `claimvolumes` describes, per product period: `volumes.maximum_volume` (B.4), compared
    in the Omvang's counting unit (minutes for an Omvang in hours)."""

    code = "TR321"
    retourcode = "9321"
    detail = "the line's GeleverdVolume exceeds what the assignment's Omvang allows for its ProductPeriode"

    def violating(self, lines: tuple[ClaimLine, ...], history: History, context: Context) -> list[ClaimLine]:
        codes = volume_codes(lines, history, context)
        return [line for line in lines if self.retourcode in codes.get((line.client, line.line), ())]
