"""CS002: every BSN passes the eleven-check."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import MESSAGES_WITH_BSN, Document, Element, Operands, Rule, messages, tags
from gateway.rules.values import text

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_eleven_check(value: str) -> bool:
    """Weighted digit sum divisible by 11; anything but nine digits fails (000000000 passes)."""
    if len(value) != 9 or not all("0" <= c <= "9" for c in value):
        return False
    return sum(w * int(c) for w, c in zip(_WEIGHTS, value, strict=True)) % 11 == 0


class CS002(Rule):
    code = "CS002"
    messages = messages(*MESSAGES_WITH_BSN)
    contexts = tags(MESSAGES_WITH_BSN, "Bsn")
    detail = "Bsn must pass the eleven-check."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if not passes_eleven_check(text(element)):
            yield (element,)
