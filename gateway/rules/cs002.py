"""CS002: every BSN passes the eleven-check."""

from __future__ import annotations

from collections.abc import Iterator
from operator import mul

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import (
    MESSAGES_WITH_BSN,
    Context,
    Document,
    Hit,
    Rule,
    instance_scope,
    messages,
    tags,
)

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_eleven_check(value: str) -> bool:
    """Weighted digit sum divisible by 11; anything but nine digits fails (000000000 passes)."""
    if len(value) != 9 or not (value.isascii() and value.isdigit()):
        return False
    checksum: int = sum(map(mul, _WEIGHTS, map(int, value)))
    return checksum % 11 == 0


class CS002(Rule):
    code = "CS002"
    messages = messages(*MESSAGES_WITH_BSN)
    contexts = tags(MESSAGES_WITH_BSN, "Bsn")
    detail = "Bsn must pass the eleven-check."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        numbers = context.table.texts(context.field)
        for row in context.rows:
            if not passes_eleven_check(numbers[row] or ""):
                yield row, (context.field,)
