"""TR322 (9322): all lines on an assignment together hold no more than its Omvang over its whole period."""

from __future__ import annotations

from gateway.domain.crossrules.claimsequence import SequencedLineRule


class TR322(SequencedLineRule):
    """Judged as `claimsequence` describes, cumulatively: `volumes.cumulative_maximum` (B.4) over the
    whole assignment."""

    code = "TR322"
    retourcode = "9322"
    detail = "the GeleverdVolume of all lines on the assignment exceeds its volume over the whole period"
