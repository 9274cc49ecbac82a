"""What the receiver decided about a heen message: the input from which its retour (or WMO325) is written.

The standard's outcomes (retour.md §3 and §4) are four, and each is its own type so that a retour can
only be asked for in a shape the standard knows: fully accepted; rejected at level 2 (a stylesheet rule);
rejected by level-3/4 rules in the Header; rejected by level-3/4 rules in classes of the body.

Classes are named by element paths in the heen message, written as `gateway.messages.locations`
writes them and as findings carry them (`/Bericht/Client/StartProducten/StartProduct[2]`). A path may
point at the class itself or at any element inside it: the code lands on the nearest enclosing class
that carries RetourCodes, as the standard places an error in a Product or an Omvang on its class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Codes = tuple[str, ...]
"""The RetourCode values of one class, in the order they are written."""

TECHNICAL = "0001"
"""Header code of a message rejected on the stylesheet (level 2)."""

NO_REMARK = "0200"
"""Code of a class without remarks, and of the Header when classes were rejected."""

NOT_ASSESSED = "0233"
"""Code of a class that was not assessed."""

GRANTED_IN_FULL = "8001"
"""DeclaratieAntwoord code of a claim that is granted as a whole."""

GENERIC = frozenset({TECHNICAL, NO_REMARK, NOT_ASSESSED, GRANTED_IN_FULL})
"""Codes that belong to no rule: they follow from the outcome and are never given by a caller."""


@dataclass(frozen=True, slots=True)
class Accepted:
    """No errors at all: a retour of only the Header, or a claim granted in full."""


@dataclass(frozen=True, slots=True)
class TechnicalRejection:
    """Level 2: a rule of the validation stylesheet failed; the Header gets 0001 and XsltVersie."""


@dataclass(frozen=True, slots=True)
class HeaderRejection:
    """Level 3/4 rules violated in the Header (TR056 → 9056, TR135 → 8848, TR378 → S300)."""

    codes: Codes

    def __post_init__(self) -> None:
        _check_rule_codes("the Header", self.codes)


@dataclass(frozen=True, slots=True)
class ClassRejection:
    """Level 3/4 rules violated in classes of the body: element path in the heen message → codes.

    Every other class gets 0200, those in `not_assessed` 0233. In a claim, a code on the Declaratie
    rejects the whole claim, and a code on a client or a line rejects that client or line only.
    """

    codes: Mapping[str, Codes]
    not_assessed: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.codes:
            raise ValueError("a class rejection names at least one class with the codes of its rules")
        for path, codes in self.codes.items():
            _check_rule_codes(path, codes)


Verdict = Accepted | TechnicalRejection | HeaderRejection | ClassRejection


def _check_rule_codes(where: str, codes: Codes) -> None:
    if not codes:
        raise ValueError(f"no retourcodes given for {where}")
    generic = sorted(set(codes) & GENERIC)
    if generic:
        raise ValueError(
            f"{', '.join(generic)} for {where}: generic codes follow from the verdict, give only rule codes"
        )
