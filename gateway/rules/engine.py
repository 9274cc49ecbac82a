"""Runs the rule set over a schema-valid message, visiting elements as the standard's stylesheet does.

Every element below `Bericht` is visited in post-order (children before their parent, in document
order); on each, the rules that have it as context run in check-list order. Findings come out in
that order, which is the order of the standard's report.
"""

from __future__ import annotations

from lxml import etree

from gateway.messages.findings import Finding
from gateway.messages.locations import document_order, element_path
from gateway.rules.base import Document, Operands, Rule
from gateway.rules.registry import rules_by_context


class RuleEngine:
    def __init__(self, table: dict[str, tuple[Rule, ...]] | None = None) -> None:
        self.table = rules_by_context() if table is None else table

    def run(self, root: etree._Element, message: str) -> list[Finding]:
        document = Document.of(root, message)
        table = self.table
        findings: list[Finding] = []
        for _, element in etree.iterwalk(root, events=("end",)):
            rules = table.get(element.tag)  # type: ignore[call-overload]
            if rules is None or element is root:
                continue
            for rule in rules:
                for operands in rule.check(element, document):
                    findings.append(_finding(rule, operands))
        return findings


def _finding(rule: Rule, operands: Operands) -> Finding:
    present = document_order(o for o in operands if o is not None)
    return Finding(
        rule=rule.code,
        retourcode=rule.retourcode,
        locations=tuple(element_path(element) for element in present),
        detail=rule.detail,
    )
