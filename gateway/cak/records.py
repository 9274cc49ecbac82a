"""The gateway's record of every eigen-bijdrage period it reports, and what it still has to send.

A record is one EbStartNummer of one client: the period as last derived (the truth) and every WMO405
delivery sent for it with the CAK's answer. What to send next is not stored but worked out: the
difference between the truth and what the CAK holds. StatusAanlevering 1 when the CAK holds nothing
for the number yet (also after a refused first delivery: only an accepted delivery takes a number),
2 when it holds something else, 3 when the period should not exist. A delivery awaiting its retour
counts as held, so a further change waits for that retour; a refused one counts for nothing.
After an accepted deletion the number is spent: the CAK refuses a 2 after a 3 (9104).

A delivery the CAK refused for its content (`gateway.cak.retourcodes`: 9393, S333, 9103, …) is not sent
again unchanged: while the delivery still needed is that very one (same status, same content, and the
CAK accepted nothing since), the record is `geweigerd` and has nothing to send. It waits until the truth
changes (a new derivation needs another delivery, which goes out as usual) or until someone decides.
Any other refusal (of the message as a whole, or 0233: not judged) is sent again as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from gateway.cak import retourcodes
from gateway.cak.deadlines import due
from gateway.cak.model import EbPeriode, Inhoud

MAX_EB_START_NUMMER = 999_999_999
"""LDT_Nummer."""


class StatusAanlevering(StrEnum):
    """What a WMO405 delivery does to the period with its EbStartNummer (OP033)."""

    EERSTE = "1"
    GEWIJZIGD = "2"
    VERWIJDEREN = "3"


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """The CAK's answer on one delivery, from its WMO406: accepted only when it has no remarks (0200)."""

    geaccepteerd: bool
    retourcodes: tuple[str, ...]
    identificatie_retour: str
    dagtekening_retour: date

    @property
    def over_inhoud(self) -> bool:
        """Refused for its content: the same delivery would be refused again (`retourcodes.over_inhoud`)."""
        return not self.geaccepteerd and retourcodes.over_inhoud(self.retourcodes)


@dataclass(frozen=True, slots=True)
class Aanlevering:
    """One WMO405 delivery: its status and content and when it is due; once sent, the message it went
    in (`bericht`: its BerichtIdentificatie) and, once answered, the CAK's `uitkomst`.

    A deletion carries the content it deletes, since EbStartdatum is always sent.
    """

    status: StatusAanlevering
    inhoud: Inhoud
    uiterlijk: date
    bericht: str | None = None
    dagtekening: date | None = None
    uitkomst: Uitkomst | None = None

    @property
    def onderweg(self) -> bool:
        """Sent, and no retour yet."""
        return self.bericht is not None and self.uitkomst is None

    @property
    def telt(self) -> bool:
        """Whether the CAK holds (or, awaiting its retour, is taken to hold) what this delivery says."""
        return self.onderweg or (self.uitkomst is not None and self.uitkomst.geaccepteerd)


@dataclass(frozen=True, slots=True)
class EbRecord:
    """One period of one client under the gateway's own EbStartNummer.

    `periode` is the truth as last derived, with the provisions it came from; None once the period
    should not exist. The BSN is kept out of the repr, so it cannot reach a log line through it.
    """

    eb_start_nummer: int
    bsn: str = field(repr=False)
    periode: EbPeriode | None
    aanleveringen: tuple[Aanlevering, ...] = ()

    @property
    def bij_cak(self) -> Inhoud | None:
        """The content the CAK holds for this number: None when it holds none (or has deleted it)."""
        held = [a for a in self.aanleveringen if a.telt]
        if not held or held[-1].status is StatusAanlevering.VERWIJDEREN:
            return None
        return held[-1].inhoud

    @property
    def verwijderd(self) -> bool:
        """The CAK has deleted the period (or is taken to): the number is spent."""
        held = [a for a in self.aanleveringen if a.telt]
        return bool(held) and held[-1].status is StatusAanlevering.VERWIJDEREN

    @property
    def onderweg(self) -> Aanlevering | None:
        """The delivery awaiting the CAK's retour, if any."""
        last = self.aanleveringen[-1] if self.aanleveringen else None
        return last if last is not None and last.onderweg else None

    @property
    def nodig(self) -> Aanlevering | None:
        """The delivery that brings the CAK to the truth; None when it has it (or the number is spent).

        Needed whether or not it can go out now (`te_verzenden`): it may wait for a retour, or be held
        back because the CAK refused it for its content (`geweigerd`).
        """
        if self.verwijderd:
            return None
        basis = self.bij_cak
        if self.periode is None:
            if basis is None:
                return None
            return Aanlevering(StatusAanlevering.VERWIJDEREN, basis, due(None, basis))
        if basis == self.periode.inhoud:
            return None
        status = StatusAanlevering.EERSTE if basis is None else StatusAanlevering.GEWIJZIGD
        return Aanlevering(status, self.periode.inhoud, due(self.periode, basis))

    @property
    def geweigerd(self) -> Aanlevering | None:
        """The delivery the CAK refused for its content that `nodig` would send again unchanged, if any.

        Only a refusal since the last delivery the CAK holds counts: what it holds is what it judged
        against. A `nodig` that differs in status or content (the truth changed) is not held back.
        """
        nodig = self.nodig
        if nodig is None:
            return None
        for aanlevering in reversed(self.aanleveringen):
            if aanlevering.telt:
                return None
            uitkomst = aanlevering.uitkomst
            if (
                uitkomst is not None
                and uitkomst.over_inhoud
                and (aanlevering.status, aanlevering.inhoud) == (nodig.status, nodig.inhoud)
            ):
                return aanlevering
        return None

    @property
    def te_verzenden(self) -> Aanlevering | None:
        """The delivery to send now: what is `nodig`, once no earlier one awaits its retour, unless the CAK
        refused that very delivery for its content (`geweigerd`)."""
        if self.onderweg is not None or self.geweigerd is not None:
            return None
        return self.nodig


def verzonden(record: EbRecord, bericht: str, dagtekening: date) -> EbRecord:
    """The record after its `te_verzenden` delivery went out in the WMO405 with this identification."""
    aanlevering = record.te_verzenden
    if aanlevering is None:
        raise ValueError(f"EbStartNummer {record.eb_start_nummer} has nothing to send")
    sent = replace(aanlevering, bericht=bericht, dagtekening=dagtekening)
    return replace(record, aanleveringen=(*record.aanleveringen, sent))


def beantwoord(record: EbRecord, bericht: str, uitkomst: Uitkomst) -> EbRecord:
    """The record after the CAK answered the delivery sent in message `bericht`."""
    onderweg = record.onderweg
    if onderweg is None or onderweg.bericht != bericht:
        raise ValueError(f"EbStartNummer {record.eb_start_nummer} awaits no retour on message {bericht!r}")
    answered = replace(onderweg, uitkomst=uitkomst)
    return replace(record, aanleveringen=(*record.aanleveringen[:-1], answered))


def overdue(records: Iterable[EbRecord], vandaag: date) -> list[EbRecord]:
    """Records whose needed delivery has not reached the CAK, sent or not, and is past its due date: one
    held back because the CAK refused it for its content (`EbRecord.geweigerd`) included."""
    return [
        record
        for record in records
        if any(a is not None and a.uiterlijk < vandaag for a in (record.nodig, record.onderweg))
    ]
