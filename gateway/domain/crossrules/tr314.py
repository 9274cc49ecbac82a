"""TR314 (8021): a ReferentieNummer is used once by an aanbieder, in this claim or any earlier one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR314(ClaimLineRule):
    """Within the claim, the first line with a ReferentieNummer keeps it and later ones are rejected.

    Reading (to spare the aanbieder a wrong rejection): a line the gemeente rejected counts as never
    submitted, like a rejected message (retour.md §2), so its ReferentieNummer may be used again; only
    earlier lines that were not rejected have used theirs.
    """

    code = "TR314"
    retourcode = "8021"
    detail = "ReferentieNummer was already used by this aanbieder"

    def violating(
        self, lines: tuple[ClaimLine, ...], history: History, context: Context
    ) -> Iterator[ClaimLine]:
        seen: set[str] = set()
        for line in lines:
            referentie = line.prestatie.referentie_nummer
            if referentie in seen or history.lines_with_referentie(referentie):
                yield line
            seen.add(referentie)
