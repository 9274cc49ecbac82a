"""A claim line rule run on its own judges a claim as it does within the engine, which reads the lines
once for every line rule and walks the claim once for the rules comparing a line with those before it."""

from __future__ import annotations

from gateway.domain.crossrules import Context, check, rules_for
from gateway.domain.history import History, KnownToewijzing
from tests.domain.crossrules.making import (
    AANBIEDER,
    ANDERE_BSN,
    BSN,
    GEMEENTE,
    MAART,
    TODAY,
    client,
    prestatie,
    toewijzing,
    wmo323,
)

HISTORY = History(toewijzingen=(KnownToewijzing(BSN, AANBIEDER, (toewijzing(),)),))
CONTEXT = Context(GEMEENTE, AANBIEDER, TODAY)
CLAIM = wmo323(
    client(
        prestatie("R1"),
        prestatie("R2"),
        prestatie("R3", periode=MAART, volume=100),
        prestatie("R4", nummer=999),
    ),
    client(prestatie("R5", periode=MAART), bsn=ANDERE_BSN),
)
"""A line repeating the first (TR389) and with it over the Omvang (TR321), a line over the Omvang on its
own, one on no assignment (TR338) and one of another client (TR304): no line another rule rejects
changes what the sequenced rules find."""


def test_the_claim_breaks_rules_of_both_kinds() -> None:
    assert {finding.rule for finding in check(CLAIM, HISTORY, CONTEXT)} >= {
        "TR304",
        "TR321",
        "TR338",
        "TR389",
    }


def test_every_rule_on_its_own_finds_what_it_finds_within_the_engine() -> None:
    found = check(CLAIM, HISTORY, CONTEXT)
    for rule in rules_for("WMO323"):
        alone = tuple(rule.check(CLAIM, HISTORY, CONTEXT))
        assert alone == tuple(finding for finding in found if finding.rule == rule.code), rule.code
