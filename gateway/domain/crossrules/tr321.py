"""TR321 (9321): a claim line holds no more than the assignment's Omvang allows for its ProductPeriode."""

from __future__ import annotations

from gateway.domain.crossrules.claimsequence import SequencedLineRule


class TR321(SequencedLineRule):
    """Judged as `claimsequence` describes, per product period: `volumes.maximum_volume` (B.4), compared
    in the Omvang's counting unit (minutes for an Omvang in hours)."""

    code = "TR321"
    retourcode = "9321"
    detail = "the line's GeleverdVolume exceeds what the assignment's Omvang allows for its ProductPeriode"
