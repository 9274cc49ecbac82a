"""Running the cross-message rules of a message over its History."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType

from gateway.domain.berichten import (
    AntwoordBericht,
    AntwoordRetour,
    Bericht,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    StartBericht,
    StartRetour,
    StopBericht,
    StopRetour,
    ToewijzingBericht,
    ToewijzingRetour,
    VerzoekOmToewijzingBericht,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijzigingBericht,
    VerzoekOmWijzigingRetour,
)
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule, claim_lines, rejected_lines
from gateway.domain.crossrules.claimsequence import SequencedLineRule, sequence_codes
from gateway.domain.crossrules.registry import rules_for
from gateway.domain.history import History

MESSAGE_CODES: Mapping[type, str] = MappingProxyType(
    {
        ToewijzingBericht: "WMO301",
        ToewijzingRetour: "WMO302",
        StartBericht: "WMO305",
        StartRetour: "WMO306",
        StopBericht: "WMO307",
        StopRetour: "WMO308",
        VerzoekOmToewijzingBericht: "WMO315",
        VerzoekOmToewijzingRetour: "WMO316",
        VerzoekOmWijzigingBericht: "WMO317",
        VerzoekOmWijzigingRetour: "WMO318",
        AntwoordBericht: "WMO319",
        AntwoordRetour: "WMO320",
        DeclaratieBericht: "WMO323",
        DeclaratieAntwoordBericht: "WMO325",
    }
)


def message_code(bericht: Bericht) -> str:
    """The message type of a decoded message (`WMO323`)."""
    return MESSAGE_CODES[type(bericht)]


def check(bericht: Bericht, history: History, context: Context) -> tuple[CrossFinding, ...]:
    """Every finding of the rules that judge this message, rule by rule in code order.

    Retour messages are judged by no rule: they answer, and a retour is never rejected.
    """
    rules = rules_for(message_code(bericht))
    if isinstance(bericht, DeclaratieBericht):
        return _check_claim(bericht, rules, history, context)
    return tuple(finding for rule in rules for finding in rule.check(bericht, history, context))


def _check_claim(
    bericht: DeclaratieBericht, rules: tuple[CrossRule, ...], history: History, context: Context
) -> tuple[CrossFinding, ...]:
    """The findings on a claim, rule by rule in code order.

    The rules that compare a claim line with the lines before it run last, told which lines the others
    rejected, and share one walk over the claim (`sequence_codes`). The lines are read once, for every
    line rule: a claim may hold thousands.
    """
    lines = claim_lines(bericht.declaratie)
    found = {
        rule.code: tuple(_findings(rule, bericht, lines, history, context))
        for rule in rules
        if not isinstance(rule, SequencedLineRule)
    }
    locations = (finding.location for findings in found.values() for finding in findings)
    judged = replace(context, rejected_lines=rejected_lines(lines, locations))
    codes = sequence_codes(lines, history, judged)
    for rule in rules:
        if isinstance(rule, SequencedLineRule):
            found[rule.code] = tuple(rule.finding(line.location) for line in rule.coded(lines, codes))
    return tuple(finding for rule in rules for finding in found[rule.code])


def _findings(
    rule: CrossRule,
    bericht: DeclaratieBericht,
    lines: tuple[ClaimLine, ...],
    history: History,
    context: Context,
) -> Iterator[CrossFinding]:
    """One rule's findings on a claim; a line rule is handed the lines already read."""
    if isinstance(rule, ClaimLineRule):
        return rule.check_lines(lines, history, context)
    return rule.check(bericht, history, context)
