"""What the rules comparing claim lines with each other share: the lines' references, read alike."""

from __future__ import annotations

from gateway.rules.values import norm

REFERENTIE = "ProductReferentie/ReferentieNummer"
VORIG = "ProductReferentie/VorigReferentieNummer"


def trimmed(value: str | None) -> str:
    """normalize-space() of a reference ('' when absent); most references are plain letters and digits."""
    if not value:
        return ""
    return value if value.isalnum() else norm(value)
