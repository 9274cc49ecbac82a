"""The rule set: the standard's intra-message rules, found as modules named after their code.

Each `gateway/rules/<code>.py` holds the class of that code. They are evaluated in the order of the
standard's check list (rules.md, part D), which is also their alphabetical order.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

import gateway.rules as package
from gateway.rules.base import Rule

CHECK_LIST = (
    "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067",
    "CD068", "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087",
    "CD095", "CD096", "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS325",
    "CS335", "CS336", "CS337", "CS338", "CS339", "CS340", "CS343", "TR002", "TR006", "TR018",
    "TR061", "TR101", "TR134", "TR137", "TR302", "TR315", "TR316", "TR319", "TR335", "TR342",
    "TR352", "TR353", "TR358", "TR380", "TR383", "TR386", "TR410", "TR416",
)  # fmt: skip
"""The 58 codes of the standard's validation stylesheet, in its evaluation order."""

_MODULE = re.compile(r"^(cd|cs|tr)\d{3}$")


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of every rule module present, in check-list order."""
    codes = [info.name.upper() for info in pkgutil.iter_modules(package.__path__) if _MODULE.match(info.name)]
    rules: list[Rule] = []
    for code in sorted(codes, key=_position):
        module = importlib.import_module(f"{package.__name__}.{code.lower()}")
        rule_class: type[Rule] = getattr(module, code)
        rules.append(rule_class())
    return tuple(rules)


def _position(code: str) -> tuple[int, str]:
    return (CHECK_LIST.index(code) if code in CHECK_LIST else len(CHECK_LIST), code)


@cache
def rules_for(message: str) -> tuple[Rule, ...]:
    """The rules that apply to one message type, in check-list order."""
    return tuple(rule for rule in all_rules() if message in rule.messages)
