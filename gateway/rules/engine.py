"""Runs the rule set over a schema-valid message and reports in the standard's order.

The standard's stylesheet visits every element below `Bericht` in post-order (children before their
parent, in document order) and, on each, evaluates the rules in check-list order. Visiting every
element in Python would cost more than parsing and schema validation together, so the engine lets
libxml2 pick out only the rules' context elements (a tag-filtered walk in C), runs their rules, and
then puts the findings in the stylesheet's order: by their context element's post-order position,
then check-list order, then the order a rule yields them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from lxml import etree

from gateway.messages.findings import Finding
from gateway.messages.locations import document_order, element_path, index_path
from gateway.messages.shapes import Path_ as Path
from gateway.rules.base import Context, Document, Operand, Operands, Ref, Rule, TableRule, shape_of
from gateway.rules.registry import CHECK_LIST, rules_by_context, table_rules_of
from gateway.rules.tables import Table
from gateway.rules.values import child_index

_LAST = 1 << 30


class RuleEngine:
    def run(self, root: etree._Element, message: str) -> list[Finding]:
        table = rules_by_context(message)
        table_rules = table_rules_of(message)
        if not table and not table_rules:
            return []
        found: list[tuple[etree._Element, int, Finding]] = []
        with child_index():
            document = Document.of(root, message)
            for element in root.iter(*table):
                if element is root:
                    continue
                tag = element.tag
                assert isinstance(tag, str)
                for rule in table[tag]:
                    for operands in rule.check(element, document):
                        found.append((element, _position(rule), _finding(rule, operands)))
            for rule in table_rules:
                for context in _contexts(rule, message, document):
                    for row, named in rule.check_table(context, document):
                        at = context.table.element(row, context.field)
                        assert at is not None
                        located = [_resolve(context.table, row, operand) for operand in named]
                        found.append((at, _position(rule), _finding(rule, located)))
        if len(found) > 1:
            found.sort(key=lambda entry: (_post_order_key(entry[0]), entry[1]))
        return [finding for _, _, finding in found]


def _position(rule: Rule) -> int:
    return CHECK_LIST.index(rule.code)


def _contexts(rule: TableRule, message: str, document: Document) -> Iterator[Context]:
    for path, scope in _context_paths(rule, message):
        table = document.tables.table(path[: len(path) - scope])
        field = "/".join(path[len(path) - scope :])
        if not len(table):
            continue
        if scope:
            rows: range | list[int] = [row for row, text in enumerate(table.texts(field)) if text is not None]
            if not rows:
                continue
        else:
            rows = range(len(table))
        yield Context(table, field, rows)


@cache
def _context_paths(rule: TableRule, message: str) -> tuple[tuple[Path, int], ...]:
    """Every path in the message's schema at which the rule has a context element."""
    shape = shape_of(message)
    return tuple((path, rule.scope) for clark in rule.contexts for path in shape.paths_of(clark))


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


def _finding(rule: Rule, operands: Operands) -> Finding:
    present = document_order(o for o in operands if o is not None)
    return Finding(
        rule=rule.code,
        retourcode=rule.retourcode,
        locations=tuple(element_path(element) for element in present),
        detail=rule.detail,
    )
