"""From findings to the retour's verdict, and which claim lines a verdict leaves accepted.

A finding on the Header rejects the message there (HeaderRejection, retour.md §3). Otherwise the codes
land on their classes (ClassRejection): in a retour that rejects the whole message, in a claim only
the lines and clients named; a code on the Declaratie rejects the claim as a whole, and its lines are
then not assessed, so their codes are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from gateway.domain.crossrules.base import CrossFinding
from gateway.domain.crossrules.paths import DECLARATIE, HEADER, claim_client, prestatie
from gateway.messages.verdicts import Accepted, ClassRejection, Codes, HeaderRejection, Verdict

WHOLE_MESSAGE = (HEADER, DECLARATIE)
"""Classes whose codes reject the whole message, the first with findings taking precedence."""


def verdict_of(findings: Iterable[CrossFinding]) -> Verdict:
    """The verdict on a message that got these cross-message findings (Accepted when none).

    Raises ValueError for a finding without retourcode: such a rule (TR337, TR371, TR376 on WMO325)
    has no retour to place it in; whoever sends that message must refuse it instead.
    """
    codes: dict[str, list[str]] = {}
    for finding in findings:
        if finding.retourcode is None:
            raise ValueError(f"{finding.rule} has no retourcode: refuse the message instead of answering it")
        held = codes.setdefault(finding.location, [])
        if finding.retourcode not in held:
            held.append(finding.retourcode)
    if not codes:
        return Accepted()
    if HEADER in codes:
        return HeaderRejection(tuple(codes[HEADER]))
    for whole in WHOLE_MESSAGE:
        if whole in codes:
            return ClassRejection({whole: tuple(codes[whole])})
    return ClassRejection({location: tuple(held) for location, held in codes.items()})


def line_codes(verdict: Verdict, client: int, line: int) -> Codes | None:
    """The codes that reject one claim line under a verdict on its WMO323; () when it is accepted.

    None when the verdict does not let any line of the claim through (a rejection of the Header or
    the Declaratie, or a technical one). A code on the line's Client rejects the line with it.
    """
    if isinstance(verdict, Accepted):
        return ()
    if not isinstance(verdict, ClassRejection) or DECLARATIE in verdict.codes:
        return None
    return _joined(verdict.codes, (claim_client(client), prestatie(client, line)))


def _joined(codes: Mapping[str, Codes], paths: Iterable[str]) -> Codes:
    joined: list[str] = []
    for path in paths:
        joined.extend(code for code in codes.get(path, ()) if code not in joined)
    return tuple(joined)
