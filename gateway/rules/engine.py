"""Runs the rule set over a schema-valid message and reports in the standard's order.

The standard's stylesheet visits every element below `Bericht` in post-order (children before their
parent, in document order) and, on each, evaluates the rules in check-list order. Visiting every
element in Python would cost more than parsing and schema validation together, so each rule runs
once per schema path of its context elements, over a table of them (see `tables`), and the engine
then puts the findings in the stylesheet's order: by their context element's post-order position,
then check-list order, then the order a rule yields them.

Which rules run where depends only on the message type, so it is worked out once per type (`_plan`):
the rules that share a place share its table and rows, and a place no element of the message sits
at costs one lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from lxml import etree

from gateway.messages.findings import Finding
from gateway.messages.locations import document_order, element_path, index_path
from gateway.messages.shapes import Path_
from gateway.rules.base import Context, Document, Operand, Ref, Rule, shape_of
from gateway.rules.registry import CHECK_LIST, rules_for
from gateway.rules.tables import Table

_LAST = 1 << 30

Place = tuple[Path_, Path_, str, bool, tuple[tuple[Rule, int], ...]]
"""Where rules run: the context element's path, the table's path, the context element's path below
its rows, whether every row holds a context element, and the rules that run there with their
position in the check list."""


class RuleEngine:
    def run(self, root: etree._Element, message: str) -> list[Finding]:
        plan = _plan(message)
        if not plan:
            return []
        document = Document.of(root, message)
        holds, table_at = document.tables.holds, document.tables.table
        found: list[tuple[etree._Element, int, Finding]] = []
        for where, path, field, required, runs in plan:
            if not holds(where):
                continue
            table = table_at(path)
            rows: range | list[int] = range(len(table.elements)) if required else table.rows_with(field)
            if not rows:
                continue
            context = Context(table, field, rows)
            for rule, position in runs:
                for row, named in rule.check(context, document):
                    at = table.element(row, field)
                    assert at is not None
                    located = [_resolve(table, row, operand) for operand in named]
                    found.append((at, position, _finding(rule, located)))
        if len(found) > 1:
            found.sort(key=lambda entry: (_post_order_key(entry[0]), entry[1]))
        return [finding for _, _, finding in found]


@cache
def _plan(message: str) -> tuple[Place, ...]:
    """Every place where rules of one message type run, each with its rules in check-list order.

    Findings are sorted afterwards, and one rule yields all of its findings on an element from one
    place, so the order the places run in does not show in the report.
    """
    if not rules_for(message):
        return ()  # a retour, or a message of another standard (iEb)
    shape = shape_of(message)
    places: dict[tuple[Path_, Path_, str, bool], list[tuple[Rule, int]]] = {}
    for rule in rules_for(message):
        position = CHECK_LIST.index(rule.code)
        for path in (path for clark in rule.contexts for path in shape.paths_of(clark)):
            if rule.applies_at(shape, path):
                rows_at = len(path) - rule.scope_of(shape, path)
                place = (path, path[:rows_at], "/".join(path[rows_at:]), shape.required(path, rows_at))
                places.setdefault(place, []).append((rule, position))
    return tuple((*place, tuple(runs)) for place, runs in places.items())


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
