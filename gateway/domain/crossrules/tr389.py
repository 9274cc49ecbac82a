"""TR389 (9389): one debit line per ProductPeriode, product and assignment, unless credited."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.history import History
from gateway.domain.periods import Periode

Key = tuple[Periode, str, str, int]


def key_of(prestatie: Prestatie) -> Key:
    return (
        prestatie.product_periode,
        prestatie.product_categorie,
        prestatie.product_code,
        prestatie.toewijzing_nummer,
    )


class TR389(ClaimLineRule):
    """A debit line repeats an earlier debit line (same ProductPeriode, ProductCategorie, ProductCode and
    ToewijzingNummer) that has not been credited.

    Credited: a credit line names the debit as its VorigReferentieNummer for the same ProductPeriode;
    a credit earlier or in this same claim counts (a claim may cancel a line and claim it anew), a
    rejected one does not. An earlier debit line in this claim with the same key counts as earlier.
    """

    code = "TR389"
    retourcode = "9389"
    detail = "an earlier debit line for this ProductPeriode, product and assignment was not credited"

    def violating(
        self, lines: tuple[ClaimLine, ...], history: History, context: Context
    ) -> Iterator[ClaimLine]:
        credited_now = {
            (line.prestatie.vorig_referentie_nummer, line.prestatie.product_periode)
            for line in lines
            if line.prestatie.is_credit
        }
        claimed: set[Key] = set()
        for line in lines:
            prestatie = line.prestatie
            if prestatie.is_credit:
                continue
            key = key_of(prestatie)
            if key in claimed or any(
                self._open(known, history, credited_now)
                for known in (k.prestatie for k in history.lines_on(prestatie.toewijzing_nummer))
                if not known.is_credit and key_of(known) == key
            ):
                yield line
            claimed.add(key)

    @staticmethod
    def _open(debit: Prestatie, history: History, credited_now: set[tuple[str | None, Periode]]) -> bool:
        if (debit.referentie_nummer, debit.product_periode) in credited_now:
            return False
        return not any(
            credit.prestatie.product_periode == debit.product_periode
            for credit in history.credits_of(debit.referentie_nummer)
        )
