"""The volume an assignment allows (rules.md B.4), so that TR321 and TR322 are computed in one place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType

from gateway.domain.codes import HUISHOUDELIJKE_HULP, Frequentie
from gateway.domain.periods import SUNDAY, Periode
from gateway.domain.products import Toewijzing

WEEKS_FOR_HUISHOUDELIJKE_HULP = 6
"""B.4: an effort-based per-week assignment of category 01 allows 6 × its weekly volume per product period."""


class Uitvoeringsvariant(StrEnum):
    """How the contract behind an assignment pays for it: for effort (hours, day parts) or for output.

    A property of the contract between gemeente and aanbieder, not of any message: a WMO301 does not say
    which variant applies, so whoever knows the contract passes it in. The default is effort-based
    (`DEFAULT_UITVOERING`).
    """

    INSPANNINGSGERICHT = "inspanningsgericht"
    OUTPUTGERICHT = "outputgericht"


DEFAULT_UITVOERING = Uitvoeringsvariant.INSPANNINGSGERICHT
"""Effort-based unless the contract says otherwise.

It is the method the sources spell out in full; B.4 describes output-based as the variation on it. And
it is the lenient one: both allow the same total over a per-week assignment (TR322), but effort-based
counts every part week in each product period it touches, so it allows at least as much per period as
output-based, except in a month that ends on the assignment's last Sunday (output-based adds the part
week after it there; effort-based counts that week in the next month). A wrongly assumed effort-based
contract can let a line through that the cumulative check still bounds; a wrongly assumed output-based
one would refuse lines the contract allows.
"""

_COUNT: Mapping[str, Callable[[Periode], int]] = MappingProxyType(
    {
        Frequentie.PER_DAG: Periode.days,
        Frequentie.PER_WEEK: Periode.iso_weeks,
        Frequentie.PER_MAAND: Periode.months,
    }
)
"""How many times an Omvang's Volume a period holds, by Frequentie (Frequentie 6 is not counted)."""


def maximum_volume(
    toewijzing: Toewijzing, product_periode: Periode, uitvoering: Uitvoeringsvariant = DEFAULT_UITVOERING
) -> int | None:
    """The most GeleverdVolume one claim line for `product_periode` may hold (TR321), in the Omvang's Eenheid.

    None when no per-period limit applies: the toewijzing has no Omvang, or its Frequentie is 6 (a total
    over the assignment, only limited cumulatively, see `cumulative_maximum`). Only the days of the
    product period within the assignment count, and a period outside it allows 0: B.4 says so for
    effort-based weeks; our reading applies it to every frequency (TR307/TR308 keep valid lines inside).

    Where rules.md marks a *Reading*, that reading is implemented and named below; where the rule texts
    leave a case open that rules.md does not settle, the choice made here says "Our reading".

    * Frequentie 1 (per day): Volume × days. *Reading* of rules.md B.4.
    * Frequentie 4 (per month): Volume × calendar months holding a day of the period, so a part month
      counts as a month, as a part week does. *Reading* of rules.md B.4.
    * Frequentie 2 (per week), effort-based: Volume × ISO weeks holding a day of the period (4, 5 or 6
      for a whole month); for category 01 always 6 × Volume.
    * Frequentie 2, output-based: Volume × Sundays in the period, plus one week when the assignment's
      last Sunday falls in the period and its Einddatum is not a Sunday. Our reading: an assignment that
      holds no Sunday at all is one (partial) week, counted in the period holding its Einddatum; an
      open-ended assignment has no last Sunday, so no extra week.
    """
    omvang = toewijzing.omvang
    if omvang is None or omvang.frequentie == Frequentie.TOTAAL:
        return None
    inside = product_periode.within(toewijzing.ingangsdatum, toewijzing.einddatum)
    if inside is None:
        return 0
    if omvang.frequentie != Frequentie.PER_WEEK:
        return omvang.volume * _COUNT[omvang.frequentie](inside)
    if uitvoering == Uitvoeringsvariant.OUTPUTGERICHT:
        return omvang.volume * (inside.sundays() + _extra_week(toewijzing, inside))
    if toewijzing.product is not None and toewijzing.product.categorie == HUISHOUDELIJKE_HULP:
        return omvang.volume * WEEKS_FOR_HUISHOUDELIJKE_HULP
    return omvang.volume * inside.iso_weeks()


def cumulative_maximum(toewijzing: Toewijzing) -> int | None:
    """The most GeleverdVolume all lines of the assignment together may hold (TR322), in the Omvang's Eenheid.

    Frequentie 6: the Volume. Otherwise Volume × the days, ISO weeks or calendar months (part ones
    counted) of the whole assignment period; for per week this holds for effort- and output-based alike
    and for category 01 too (rules.md B.4). Per day and per month over the whole period are our reading
    of B.4's *Reading* for those frequencies. None when there is no Omvang, or the assignment is
    open-ended and so has no finite total (CD076 keeps per-week assignments from being open-ended).
    """
    omvang = toewijzing.omvang
    if omvang is None:
        return None
    if omvang.frequentie == Frequentie.TOTAAL:
        return omvang.volume
    if toewijzing.einddatum is None:
        return None
    return omvang.volume * _COUNT[omvang.frequentie](Periode(toewijzing.ingangsdatum, toewijzing.einddatum))


def _extra_week(toewijzing: Toewijzing, inside: Periode) -> int:
    einde = toewijzing.einddatum
    if einde is None or einde.weekday() == SUNDAY:
        return 0
    last_sunday = einde - timedelta(days=einde.weekday() + 1)
    counted_on = last_sunday if last_sunday >= toewijzing.ingangsdatum else einde
    return 1 if inside.contains(counted_on) else 0
