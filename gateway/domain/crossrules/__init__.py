"""The cross-message rules (rules.md B.2; TR135 and TR346 of B.3): a message judged against what is stored.

One module per rule code (`tr019.py` holds `TR019`), found by `registry`; `engine.check` runs those of a
message over its `History` and gives `CrossFinding`s, and `verdicts.verdict_of` turns them into the
retour's `Verdict`. Nothing here reads a database: the store fills the History.
"""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule
from gateway.domain.crossrules.contract import Contract, PolicyContract
from gateway.domain.crossrules.engine import check, message_code
from gateway.domain.crossrules.registry import all_rules, rules_for
from gateway.domain.crossrules.verdicts import line_codes, verdict_of

__all__ = [
    "Context",
    "Contract",
    "CrossFinding",
    "CrossRule",
    "PolicyContract",
    "all_rules",
    "check",
    "line_codes",
    "message_code",
    "rules_for",
    "verdict_of",
]
