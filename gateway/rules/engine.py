"""Runs the rule set over a schema-valid message and reports in the standard's order.

The standard's stylesheet visits every element below `Bericht` in post-order (children before their
parent, in document order) and, on each, evaluates the rules in check-list order. Visiting every
element in Python would cost more than parsing and schema validation together, so the engine lets
libxml2 pick out only the rules' context elements (a tag-filtered walk in C), runs their rules, and
then puts the findings in the stylesheet's order: by their context element's post-order position,
then check-list order, then the order a rule yields them.
"""

from __future__ import annotations

from lxml import etree

from gateway.messages.findings import Finding
from gateway.messages.locations import document_order, element_path, index_path
from gateway.rules.base import Document, Operands, Rule
from gateway.rules.registry import rules_by_context
from gateway.rules.values import child_index

_LAST = 1 << 30


class RuleEngine:
    def run(self, root: etree._Element, message: str) -> list[Finding]:
        table = rules_by_context(message)
        if not table:
            return []
        found: list[tuple[etree._Element, Finding]] = []
        with child_index():
            document = Document.of(root, message)
            for element in root.iter(*table):
                if element is root:
                    continue
                tag = element.tag
                assert isinstance(tag, str)
                for rule in table[tag]:
                    for operands in rule.check(element, document):
                        found.append((element, _finding(rule, operands)))
        if len({id(element) for element, _ in found}) > 1:
            found.sort(key=lambda pair: _post_order_key(pair[0]))
        return [finding for _, finding in found]


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
