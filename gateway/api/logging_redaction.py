"""The last line of defence against a BSN in the logs: any nine digits that pass the elfproef are masked.

Code never logs a BSN on purpose; this filter catches what slips through anyway, such as a driver's
error quoting a parameter. It masks the formatted message, the exception and stack text, and every extra
field of a record, so whatever a formatter writes of the record has been through it.
"""

from __future__ import annotations

import logging
import re

MASK = "<bsn>"
_NINE_DIGITS = re.compile(r"(?<![0-9])[0-9]{9}(?![0-9])")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_STANDARD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def passes_elfproef(digits: str) -> bool:
    """Whether nine digits pass the BSN's eleven test: the weighted sum (9 down to 2, and -1 for the
    last digit) is a multiple of 11."""
    return sum(weight * int(digit) for weight, digit in zip(_WEIGHTS, digits, strict=True)) % 11 == 0


def redact(text: str) -> str:
    """`text` with every BSN-like number masked; other numbers (ids, codes, amounts) are left alone."""
    return _NINE_DIGITS.sub(lambda match: MASK if passes_elfproef(match[0]) else match[0], text)


class BsnRedaction(logging.Filter):
    """Masks BSN-like numbers in every record it sees; put it on the handler, where all records pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name, value in vars(record).items():
            if name not in _STANDARD_FIELDS and isinstance(value, str):
                setattr(record, name, redact(value))
        return True
