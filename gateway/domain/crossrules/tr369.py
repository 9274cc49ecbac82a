"""TR369 (9369): all lines on an assignment together stay within its Budget."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.crossrules.claimvolumes import volume_codes
from gateway.domain.history import History


class TR369(ClaimLineRule):
    """Judged as `claimvolumes` describes: the sum of GeleverdVolume against the Budget, as the rule
    text compares them (for lines in euro, 83, GeleverdVolume is the amount in cents)."""

    code = "TR369"
    retourcode = "9369"
    detail = "the GeleverdVolume of all lines on the assignment exceeds its Budget"

    def violating(self, lines: tuple[ClaimLine, ...], history: History, context: Context) -> list[ClaimLine]:
        codes = volume_codes(lines, history, context)
        return [line for line in lines if self.retourcode in codes.get((line.client, line.line), ())]
