"""The gemeente's choices for the CAK feed that the law leaves to it, as plain values for the derivation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from gateway.cak.tarieven import Abonnementstarief


class StartMoment(StrEnum):
    """What a provision's eigen bijdrage starts from; the gemeente chooses (CAK, VNG).

    For a pgb there is no delivery message: `levering` and `toewijzing` both take the ingangsdatum of
    the toekenning.
    """

    BESCHIKKING = "beschikking"
    """The date of the beschikking."""
    TOEWIJZING = "toewijzing"
    """The Ingangsdatum of the toewijzing (WMO301), or of the decision for what has none."""
    LEVERING = "levering"
    """The actual start of delivery: the Begindatum of a WMO305, or the day a voorziening was provided."""


@dataclass(frozen=True, slots=True)
class CakSettings:
    """How this gemeente derives eigen-bijdrage periods.

    `pauze_bij_tijdelijke_stop`: whether a temporary stop of delivery (WMO307 RedenBeeindiging 20)
    pauses the eigen bijdrage, so a restart opens a new period; when it does not, the provision runs on
    through the stop (the digest's default: keep the period open).
    """

    start_moment: StartMoment = StartMoment.LEVERING
    pauze_bij_tijdelijke_stop: bool = False
    tarief: Abonnementstarief = field(default_factory=Abonnementstarief)
