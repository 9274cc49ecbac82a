"""The table of cross-message rules: one module per code, each naming its retourcode and messages."""

from __future__ import annotations

import re

from gateway.domain.crossrules import all_rules, rules_for

B2_TR135_AND_TR346 = {
    "TR019": "9019", "TR056": "9056", "TR063": "9063", "TR071": "9071", "TR074": "9074", "TR135": "8848",
    "TR304": "8187", "TR307": "9307", "TR308": "9308", "TR314": "8021", "TR318": "8214", "TR321": "9321",
    "TR322": "9322", "TR323": "8017", "TR326": "9326", "TR332": "9332", "TR333": "9333", "TR337": None,
    "TR338": "9338", "TR339": "9339", "TR340": "9340", "TR341": "9341", "TR346": "9346", "TR347": "9347",
    "TR349": "9349", "TR350": "9350", "TR351": "9351", "TR355": "9355", "TR357": "9357", "TR359": "9359",
    "TR360": "9360", "TR361": "9361", "TR365": "9365", "TR366": "9366", "TR367": "9367", "TR369": "9369",
    "TR371": None, "TR373": "9373", "TR374": "9374", "TR375": "9375", "TR376": None, "TR379": "9379",
    "TR382": "9069", "TR384": "9384", "TR385": "9385", "TR387": "9387", "TR388": "9388", "TR389": "9389",
    "TR390": "9390", "TR411": "9411", "TR412": "9412", "TR413": "9413", "TR414": "9414", "TR415": "9415",
    "TR418": "0611",
}  # fmt: skip
"""Every rule of rules.md B.2 but TR319 (whose part the stylesheet checks), with TR135 and TR346 of B.3."""


def test_every_rule_is_registered_with_its_retourcode() -> None:
    assert {rule.code: rule.retourcode for rule in all_rules()} == B2_TR135_AND_TR346


def test_rules_run_in_code_order() -> None:
    codes = [rule.code for rule in all_rules()]
    assert codes == sorted(codes)


def test_every_heen_message_is_judged_by_tr056_and_tr135() -> None:
    for message in ("WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323", "WMO325"):
        assert {"TR056", "TR135"} <= {rule.code for rule in rules_for(message)}, message


def test_no_rule_judges_a_retour() -> None:
    for message in ("WMO302", "WMO306", "WMO308", "WMO316", "WMO318", "WMO320"):
        assert rules_for(message) == ()


def test_no_detail_can_hold_a_bsn() -> None:
    for rule in all_rules():
        assert not re.search(r"\d{8,9}", rule.detail), rule.code
