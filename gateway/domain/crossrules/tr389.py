"""TR389 (9389): one debit line per ProductPeriode, product and assignment, unless credited."""

from __future__ import annotations

from gateway.domain.crossrules.claimsequence import SequencedLineRule


class TR389(SequencedLineRule):
    """A debit line repeats an earlier debit line (same ProductPeriode, ProductCategorie, ProductCode and
    ToewijzingNummer) that has not been credited.

    Credited: a credit line names the debit as its VorigReferentieNummer for the same ProductPeriode;
    a credit earlier or in this same claim counts (a claim may cancel a line and claim it anew), a
    rejected one does not. An earlier debit line in this claim with the same key counts as earlier,
    unless it is rejected (`claimsequence`).
    """

    code = "TR389"
    retourcode = "9389"
    detail = "an earlier debit line for this ProductPeriode, product and assignment was not credited"
