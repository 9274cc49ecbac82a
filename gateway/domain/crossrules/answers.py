"""Rules on what the gemeente answers: a WMO319 on a request, a WMO325 on a claim.

These are the aanbieder's checks (rules.md B.2, "Checked by" aanbieder): the gateway applies them
before the gemeente's message goes out, so that it is refused here rather than rejected there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from gateway.domain.berichten import AntwoordBericht, Bericht, DeclaratieAntwoordBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.declaraties import Prestatie
from gateway.domain.header import DeclaratieAntwoordHeader, Header
from gateway.domain.history import History, KnownPrestatie, KnownVerzoek


class AntwoordRule(CrossRule):
    """A rule on the Antwoord of a WMO319, given the request it answers (None when unknown)."""

    messages = messages("319")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, AntwoordBericht):
            antwoord = bericht.antwoord
            if self.violates(antwoord.verzoek_antwoord, history.verzoek(antwoord.referentie_aanbieder)):
                yield self.finding(paths.ANTWOORD)

    def violates(self, verzoek_antwoord: str, verzoek: KnownVerzoek | None) -> bool:
        raise NotImplementedError


class ClaimAnswerHeaderRule(CrossRule):
    """A rule on the Header of a WMO325, against the claim it says it answers."""

    messages = messages("325")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        header: Header = bericht.header
        if isinstance(header, DeclaratieAntwoordHeader) and self.violated(header, history):
            yield self.finding(paths.HEADER)

    def violated(self, header: DeclaratieAntwoordHeader, history: History) -> bool:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    """A Prestatie a WMO325 returns, with its client and place (1-based), and the claim lines that the
    aanbieder sent with its ReferentieNummer, rejected ones included."""

    client: int
    line: int
    bsn: str = field(repr=False)
    prestatie: Prestatie
    sent: tuple[KnownPrestatie, ...]

    @property
    def location(self) -> str:
        return paths.answer_prestatie(self.client, self.line)


def returned_lines(bericht: DeclaratieAntwoordBericht, history: History) -> Iterator[ReturnedLine]:
    """Every Prestatie the answer returns, in document order, with the lines sent under its reference."""
    if bericht.declaratie_antwoord is None:
        return
    for c, client in enumerate(bericht.declaratie_antwoord.clienten, start=1):
        for p, prestatie in enumerate(client.prestaties, start=1):
            yield ReturnedLine(
                c, p, client.bsn, prestatie, history.all_lines_with_referentie(prestatie.referentie_nummer)
            )


class ReturnedLineRule(CrossRule):
    """A rule on the Prestaties a WMO325 returns."""

    messages = messages("325")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, DeclaratieAntwoordBericht):
            for line in returned_lines(bericht, history):
                if self.violates(line):
                    yield self.finding(line.location)

    def violates(self, line: ReturnedLine) -> bool:
        raise NotImplementedError
