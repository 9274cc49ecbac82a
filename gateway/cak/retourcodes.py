"""The CAK's retourcodes (EB001, iEb 4.0): which refusals are about the content of the delivery.

A delivery refused for its content would be refused again if it were sent again unchanged, so the
gateway does not send it again (`gateway.cak.records`): the record waits until its period changes or
someone decides. Any other refusal may be sent again as it is, in a new message.

Not about the content, from the visible part of the EB001 list (spec §7), so sent again:

- 0001 — the message refused for technical reasons (but see TR394 below);
- 0233 — the class was not judged (a higher level was refused already);
- 8848 — the Dagtekening lies in the future (TR135): the next message has a new one;
- 9056 — the message Identificatie is not unique (TR056): the next message has a new one;
- S300 — the gemeentecode is not in the CBS list (TR378): the sender's configuration, the same for
  every delivery, not this record's.

About the content, so not sent again unchanged:

- 9393 — a changed EbStartdatum more than 36 months before the dagtekening (TR393);
- 9395 — the same for BwStartdatum (TR395, WMO407);
- S333 — a KostprijsBedrag not greater than the national tariff on its KostprijsStartdatum (TR409);
- 9103, 9063, 9104 — a change (2) or deletion (3) of a key the CAK holds no delivery for, or a change
  of a key it deleted (TR103, TR063, TR104): the CAK's view of the EbStartNummer differs from the
  gateway's, and sending the same again gets the same answer;
- 0001 given on the period: TR394 (a changed EbStopdatum before the statutory revision period) refuses
  with 0001 too. The codes are kept without the class that carried them, so the reading taken is: 0001
  beside 0200 (another class passed) and without 0233 (the period was judged) is the period's verdict;
  0001 alone, or with 0233, is the whole message's;
- any code outside the visible part of the list (it continues beyond 9395; TR404's code is not known):
  one the gateway cannot place is held for someone to judge rather than sent unchanged for ever.
"""

from __future__ import annotations

from collections.abc import Iterable

GEEN_OPMERKINGEN = "0200"
"""No remarks on this class."""
TECHNISCH = "0001"
"""The message refused for technical reasons; also TR394 on the period."""
NIET_BEOORDEELD = "0233"
"""The class was not judged."""

NIET_OVER_INHOUD = frozenset({GEEN_OPMERKINGEN, TECHNISCH, NIET_BEOORDEELD, "8848", "9056", "S300"})
"""Codes that say nothing against the content of the delivery (0200: nothing at all)."""

OVER_INHOUD = frozenset({"9393", "9395", "S333", "9103", "9063", "9104"})
"""The codes of the visible list that refuse the content of the delivery (0001 may too: see above)."""


def over_inhoud(retourcodes: Iterable[str]) -> bool:
    """Whether these codes, given on a refused delivery, refuse it for its content."""
    codes = set(retourcodes)
    if TECHNISCH in codes and GEEN_OPMERKINGEN in codes and NIET_BEOORDEELD not in codes:
        return True
    return not codes <= NIET_OVER_INHOUD
