"""Runs the rule set over a schema-valid message and reports in the standard's order.

The standard's stylesheet visits every element below `Bericht` in post-order (children before their
parent, in document order) and, on each, evaluates the rules in check-list order. Visiting every
element in Python would cost more than parsing and schema validation together, so each rule runs
once per schema path of its context elements, over a table of them (see `tables`), and the engine
then puts the findings in the stylesheet's order: by their context element's post-order position,
then check-list order, then the order a rule yields them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from lxml import etree

from gateway.messages.findings import Finding
from gateway.messages.locations import document_order, element_path, index_path
from gateway.messages.shapes import Path_
from gateway.rules.base import Context, Document, Operand, Ref, Rule, shape_of
from gateway.rules.registry import CHECK_LIST, rules_for
from gateway.rules.tables import Table

_LAST = 1 << 30

Place = tuple[Path_, str, bool]
"""Where a rule runs: the table's path, the context element's path below its rows, and whether every
row holds a context element."""


class RuleEngine:
    def run(self, root: etree._Element, message: str) -> list[Finding]:
        plan = _plan(message)
        if not plan:
            return []
        document = Document.of(root, message)
        found: list[tuple[etree._Element, int, Finding]] = []
        for rule, position, places in plan:
            for context in _contexts(places, document):
                for row, named in rule.check(context, document):
                    at = context.table.element(row, context.field)
                    assert at is not None
                    located = [_resolve(context.table, row, operand) for operand in named]
                    found.append((at, position, _finding(rule, located)))
        if len(found) > 1:
            found.sort(key=lambda entry: (_post_order_key(entry[0]), entry[1]))
        return [finding for _, _, finding in found]


@cache
def _plan(message: str) -> tuple[tuple[Rule, int, tuple[Place, ...]], ...]:
    """The rules of one message type, in check-list order, each with where it runs."""
    if not rules_for(message):
        return ()  # a retour, or a message of another standard (iEb)
    shape = shape_of(message)
    plan = []
    for rule in rules_for(message):
        places = []
        for path in (path for clark in rule.contexts for path in shape.paths_of(clark)):
            rows_at = len(path) - rule.scope_of(shape, path)
            places.append((path[:rows_at], "/".join(path[rows_at:]), shape.required(path, rows_at)))
        plan.append((rule, CHECK_LIST.index(rule.code), tuple(places)))
    return tuple(plan)


def _contexts(places: tuple[Place, ...], document: Document) -> Iterator[Context]:
    for path, field, required in places:
        table = document.tables.table(path)
        if not table.elements:
            continue
        if required:
            yield Context(table, field, range(len(table.elements)))
            continue
        rows = [row for row, text in enumerate(table.texts(field)) if text is not None]
        if rows:
            yield Context(table, field, rows)


def _resolve(table: Table, row: int, operand: Operand) -> etree._Element | None:
    if operand is None:
        return None
    if isinstance(operand, Ref):
        return operand.table.element(operand.row, operand.field)
    return table.element(row, operand)


def _post_order_key(element: etree._Element) -> tuple[int, ...]:
    """Sorts elements in post-order: the document-order index path, closed by a sentinel.

    A descendant's path extends its ancestor's, and the ancestor's sentinel sorts after every index
    in that position, so descendants come first.
    """
    return (*index_path(element), _LAST)


def _finding(rule: Rule, operands: Iterable[etree._Element | None]) -> Finding:
    present = document_order(o for o in operands if o is not None)
    return Finding(
        rule=rule.code,
        retourcode=rule.retourcode,
        locations=tuple(element_path(element) for element in present),
        detail=rule.detail,
    )
