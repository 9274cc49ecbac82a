"""The overlap check shared by TR302, TR386 and TR410: the same product twice with overlapping periods.

Each product is compared with every earlier sibling of its kind, so each unordered pair is judged
once, on the later product; findings name the earlier product, then this one. What a product brings
to the comparison is read as columns of the product table, and the earlier siblings are indexed by
category and code, so that a product is only compared with those that can be the same product.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gateway.rules.base import Hit, Ref
from gateway.rules.tables import Table
from gateway.rules.values import date_of, normal

_AIDS = frozenset({"11", "12", "13", "14"})
"""Categories of aids (hulpmiddelen), of which a client may hold several at once."""


@dataclass(frozen=True, slots=True)
class Period:
    """Where a class keeps its period (local names of its start and end date)."""

    start: str
    end: str


class _Earlier:
    """The products compared so far among one set of siblings, indexed by what can make them the same
    product: both have `Product/Code` and `Product/Categorie` and both are equal; or at least one
    lacks the code and the categories are equal; or one of them has neither (a generic product,
    e.g. one without Product, which counts as the same as any other)."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.generic: list[int] = []
        self.by_category: dict[str, list[int]] = {}
        self.uncoded: dict[str, list[int]] = {}
        self.by_product: dict[tuple[str, str], list[int]] = {}

    def add(self, row: int, category: str | None, code: str | None) -> None:
        self.rows.append(row)
        if category is None:
            if code is None:
                self.generic.append(row)
            return
        self.by_category.setdefault(category, []).append(row)
        if code is None:
            self.uncoded.setdefault(category, []).append(row)
        else:
            self.by_product.setdefault((category, code), []).append(row)

    def same_product(self, category: str | None, code: str | None) -> list[int]:
        """The earlier rows that are the same product as this one, in document order."""
        if category is None:
            return self.rows if code is None else self.generic
        if code is None:
            same = self.by_category.get(category, [])
        else:
            same = self.by_product.get((category, code), []) + self.uncoded.get(category, [])
        return sorted(self.generic + same) if self.generic or code is not None else same


def _overlap(p_start: float, p_end: float | None, q_start: float, q_end: float | None) -> bool:
    """Whether two periods share a day; an absent end is open, a date that reads as NaN never compares."""
    if p_end is not None and q_end is not None:
        return not (p_end < q_start or q_end < p_start)
    if p_end is not None:
        return p_end >= q_start
    if q_end is not None:
        return q_end >= p_start
    return True


def overlapping_earlier(
    table: Table, period: Period, left_out: Sequence[bool] | None = None
) -> Iterator[Hit]:
    """Per product (row of `table`), one (earlier, this) finding per earlier sibling that is the same
    product with an overlapping period.

    Aids never overlap, nor does a product for which `left_out` (one flag per row) is true.
    """
    if len(table) < 2:
        return  # a product alone has nothing to overlap
    categories, codes = table.texts("Product/Categorie"), table.texts("Product/Code")
    # An absent start reads as NaN, as the stylesheet's number() of an empty string does.
    starts = [math.nan if start is None else start for start in table.values(period.start, date_of)]
    ends = table.values(period.end, date_of)
    compared = [normal(category) not in _AIDS for category in categories]
    if left_out is not None:
        compared = [kept and not out for kept, out in zip(compared, left_out, strict=True)]
    siblings: dict[int, _Earlier] = {}
    for row, parent in enumerate(table.parents):
        if not compared[row]:
            continue
        earlier = siblings.setdefault(parent, _Earlier())
        category, code, start, end = categories[row], codes[row], starts[row], ends[row]
        for other in earlier.same_product(category, code):
            if _overlap(start, end, starts[other], ends[other]):
                yield row, (Ref(table, other, ""), "")
        earlier.add(row, category, code)
