"""The cross-message rules, found as modules named after their code (`tr019.py` holds `TR019`).

Adding a rule is adding its module; nothing lists them. They run in code order, which is also the
order their codes are written on a class.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

import gateway.domain.crossrules as package
from gateway.domain.crossrules.base import CrossRule

_MODULE = re.compile(r"^tr\d{3}$")


@cache
def all_rules() -> tuple[CrossRule, ...]:
    """One instance of every rule module present, in code order."""
    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__) if _MODULE.match(info.name))
    rules: list[CrossRule] = []
    for name in names:
        module = importlib.import_module(f"{package.__name__}.{name}")
        rule_class: type[CrossRule] = getattr(module, name.upper())
        rules.append(rule_class())
    return tuple(rules)


@cache
def rules_for(message: str) -> tuple[CrossRule, ...]:
    """The rules that judge one heen message type (`WMO323`), in code order."""
    return tuple(rule for rule in all_rules() if message in rule.messages)
