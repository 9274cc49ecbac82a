"""The overlap check shared by TR302, TR386 and TR410: the same product twice with overlapping periods.

Each product is compared with every earlier sibling of its kind, so each unordered pair is judged
once, on the later product; findings name the earlier product, then this one. What a product brings
to the comparison is read once per product and run (kept in `Document.memo` per container),
keeping the pairwise check linear in element reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gateway.rules.base import BASISSCHEMA, Document, Element, Operands
from gateway.rules.values import date_number, normalized, text

_AIDS = frozenset({"11", "12", "13", "14"})
"""Categories of aids (hulpmiddelen), of which a client may hold several at once."""
_CATEGORIE = "{" + BASISSCHEMA + "}Categorie"
_CODE = "{" + BASISSCHEMA + "}Code"


@dataclass(frozen=True, slots=True)
class Period:
    """Where a class keeps its period (local names of its start and end date)."""

    start: str
    end: str


@dataclass(frozen=True, slots=True)
class _Facts:
    compared: bool
    """False for products that never overlap: aids, and what the rule leaves out (void assignments)."""
    category: str | None
    code: str | None
    start: float
    end: float | None


def _facts(product: Element, period: Period, left_out: Callable[[dict[str, Element]], bool] | None) -> _Facts:
    namespace = str(product.tag).partition("}")[0] + "}"
    own = {str(c.tag).partition("}")[2]: c for c in product.iterchildren(namespace + "*")}
    item = own.get("Product")
    category = code = None
    if item is not None:
        category = next(item.iterchildren(_CATEGORIE), None)
        code = next(item.iterchildren(_CODE), None)
    end = own.get(period.end)
    return _Facts(
        compared=normalized(category) not in _AIDS and not (left_out is not None and left_out(own)),
        category=None if category is None else text(category),
        code=None if code is None else text(code),
        start=date_number(own.get(period.start)),
        end=None if end is None else date_number(end),
    )


def _same_product(p: _Facts, q: _Facts) -> bool:
    if p.code is not None and q.code is not None and p.category is not None and q.category is not None:
        return p.code == q.code and p.category == q.category
    if p.category is not None and q.category is not None:
        return p.category == q.category
    # A product without code and category (a generic one) counts as the same as any other.
    return (p.code is None and p.category is None) or (q.code is None and q.category is None)


def _overlap(p: _Facts, q: _Facts) -> bool:
    if p.end is not None and q.end is not None:
        return not (p.end < q.start or q.end < p.start)
    if p.end is not None:
        return p.end >= q.start
    if q.end is not None:
        return q.end >= p.start
    return True


def overlapping_earlier(
    product: Element,
    document: Document,
    period: Period,
    left_out: Callable[[dict[str, Element]], bool] | None = None,
) -> Iterator[Operands]:
    """One (earlier, this) pair per earlier sibling that is the same product with an overlapping period.

    `left_out` gets the product's children by local name and says whether the rule ignores it.
    """
    tag = str(product.tag)
    earlier = list(product.itersiblings(tag, preceding=True))
    last = next(product.itersiblings(tag), None) is None
    if not earlier and last:
        return
    earlier.reverse()
    key = (_Facts, product.getparent())
    known: list[_Facts] = document.memo.setdefault(key, [])
    if len(known) != len(earlier):
        known[:] = [_facts(other, period, left_out) for other in earlier]
    mine = _facts(product, period, left_out)
    known.append(mine)
    if last:
        del document.memo[key]
    if not mine.compared:
        return
    for other, theirs in zip(earlier, known, strict=False):
        if theirs.compared and _same_product(mine, theirs) and _overlap(mine, theirs):
            yield (other, product)
