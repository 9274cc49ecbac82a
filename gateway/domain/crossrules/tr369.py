"""TR369 (9369): all lines on an assignment together stay within its Budget."""

from __future__ import annotations

from gateway.domain.crossrules.claimsequence import SequencedLineRule


class TR369(SequencedLineRule):
    """Judged as `claimsequence` describes: the sum of GeleverdVolume against the Budget, as the rule
    text compares them (for lines in euro, 83, GeleverdVolume is the amount in cents)."""

    code = "TR369"
    retourcode = "9369"
    detail = "the GeleverdVolume of all lines on the assignment exceeds its Budget"
