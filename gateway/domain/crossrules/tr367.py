"""TR367 (9367): a WMO325 returns a line exactly as claimed (checked before it goes out)."""

from __future__ import annotations

from dataclasses import replace

from gateway.domain.crossrules.answers import ReturnedLine, ReturnedLineRule


class TR367(ReturnedLineRule):
    """Every value of the returned Prestatie (ReferentieNummers, ToewijzingNummer, product, period,
    volume, Eenheid, tariff and amount) must equal that of the claimed line with its ProductReferentie.
    The code lands on the Prestatie, the class that holds the differing element."""

    code = "TR367"
    retourcode = "9367"
    detail = "a value differs from the claim line with the same ProductReferentie"

    def violates(self, line: ReturnedLine) -> bool:
        returned = replace(line.prestatie, retour_codes=())
        return bool(line.sent) and all(known.prestatie != returned for known in line.sent)
