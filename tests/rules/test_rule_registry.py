"""The rule set holds exactly the standard's 58 intra-message rules, each declared completely."""

from __future__ import annotations

import re

from gateway.messages.registry import default_registry
from gateway.rules.registry import CHECK_LIST, all_rules, rules_for

PART_A = [
    "CD005",
    "CD007",
    "CD009",
    "CD025",
    "CD034",
    "CD041",
    "CD043",
    "CD060",
    "CD066",
    "CD067",
    "CD068",
    "CD075",
    "CD076",
    "CD077",
    "CD078",
    "CD079",
    "CD080",
    "CD085",
    "CD086",
    "CD087",
    "CD095",
    "CD096",
    "CS002",
    "CS003",
    "CS050",
    "CS058",
    "CS089",
    "CS100",
    "CS139",
    "CS325",
    "CS335",
    "CS336",
    "CS337",
    "CS338",
    "CS339",
    "CS340",
    "CS343",
    "TR002",
    "TR006",
    "TR018",
    "TR061",
    "TR101",
    "TR134",
    "TR137",
    "TR302",
    "TR315",
    "TR316",
    "TR319",
    "TR335",
    "TR342",
    "TR352",
    "TR353",
    "TR358",
    "TR380",
    "TR383",
    "TR386",
    "TR410",
    "TR416",
]
STYLESHEET_INPUT = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323", "WMO325"}


def test_registry_holds_exactly_the_58_codes_of_part_a_in_check_list_order() -> None:
    assert len(PART_A) == 58
    assert [rule.code for rule in all_rules()] == PART_A == list(CHECK_LIST)


def test_every_rule_declares_messages_contexts_and_detail() -> None:
    known = {m.code for m in default_registry().messages}
    for rule in all_rules():
        assert rule.messages, rule.code
        assert rule.messages <= STYLESHEET_INPUT <= known, rule.code
        assert rule.contexts, rule.code
        assert all(re.fullmatch(r"\{http://[^}]+\}\w+", c) for c in rule.contexts), rule.code
        assert rule.detail.strip(), rule.code


def test_only_tr342_carries_a_retourcode_in_the_report() -> None:
    assert {rule.code: rule.retourcode for rule in all_rules() if rule.retourcode} == {"TR342": "0001"}


def test_retour_messages_get_no_rules() -> None:
    for code in ("WMO302", "WMO306", "WMO308", "WMO316", "WMO318", "WMO320"):
        assert rules_for(code) == ()
