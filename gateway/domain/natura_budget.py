"""Where a natura toewijzing stands against its claim lines, and whether one more would overrun it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from gateway.domain.codes import Retourcode
from gateway.domain.declaraties import Prestatie
from gateway.domain.periods import Periode, month_of, months_from
from gateway.domain.products import Toewijzing
from gateway.domain.units import counting_unit, fits, in_counting_unit
from gateway.domain.volumes import DEFAULT_UITVOERING, Uitvoeringsvariant, cumulative_maximum, maximum_volume


@dataclass(frozen=True, slots=True)
class Usage:
    """A limit and what was declared against it; no `maximum` means no limit applies."""

    maximum: int | None
    declared: int

    @property
    def remainder(self) -> int | None:
        """What may still be declared (negative once overrun); None without a limit."""
        return None if self.maximum is None else self.maximum - self.declared

    def admits(self, volume: int) -> bool:
        return self.maximum is None or self.declared + volume <= self.maximum


@dataclass(frozen=True, slots=True)
class PeriodUsage(Usage):
    """The usage of one product period."""

    periode: Periode


@dataclass(frozen=True, slots=True)
class NaturaBudgetStatus:
    """The state of one toewijzing version against its non-credited debit lines.

    Product periods are calendar months: a claim line covers the part of one month inside the
    assignment (CS337, TR387, TR388), so lines count in the month their ProductPeriode lies in, and a
    new line is judged together with what its month already holds.

    With an Omvang, `periods` and `cumulative` count in `eenheid`, the Omvang's counting unit (minutes
    for an Omvang in hours, see `units`). With a Budget, `budget` compares the sum of GeleverdVolume with
    it, as TR369's text does (for lines in Eenheid 83 that is the amount in euro cents), and so do the
    periods' declared volumes; `eenheid` is then None.
    """

    toewijzing: Toewijzing
    uitvoering: Uitvoeringsvariant
    eenheid: str | None
    declared_per_month: Mapping[date, int]
    """The declared volume by the first day of the month the lines lie in."""
    cumulative: Usage | None
    budget: Usage | None

    @property
    def periods(self) -> tuple[PeriodUsage, ...]:
        """Every month from that of the Ingangsdatum to that of the Einddatum (of an open-ended
        toewijzing: to the latest month with a line), plus any month outside it that holds a line.

        Worked out when asked for: judging a claim line needs its own month only (`overruns`).
        """
        return tuple(self._usage_in(month) for month in _months(self.toewijzing, self.declared_per_month))

    def overruns(self, prestatie: Prestatie) -> tuple[str, ...]:
        """The retourcodes a new claim line on this toewijzing would get from the volume checks.

        9321 when its product period would hold more than `maximum_volume` allows, 9322 when all lines
        together would exceed `cumulative_maximum`, 9369 when they would exceed the Budget; 9341 alone
        when its Eenheid does not fit the Omvang, since volumes in different units cannot be compared.
        A credit line never overruns. () when the line fits.
        """
        _check_line_of(self.toewijzing, prestatie)
        if prestatie.is_credit:
            return ()
        codes: list[str] = []
        omvang = self.toewijzing.omvang
        if omvang is not None:
            if not fits(prestatie.eenheid, omvang.eenheid):
                return (Retourcode.EENHEID,)
            volume = in_counting_unit(prestatie.geleverd_volume, prestatie.eenheid, omvang.eenheid)
            if not self._period_of(prestatie.product_periode.begindatum).admits(volume):
                codes.append(Retourcode.VOLUME_PER_PERIODE)
            if self.cumulative is not None and not self.cumulative.admits(volume):
                codes.append(Retourcode.VOLUME_CUMULATIEF)
        if self.budget is not None and not self.budget.admits(prestatie.geleverd_volume):
            codes.append(Retourcode.BUDGET)
        return tuple(codes)

    def _period_of(self, day: date) -> PeriodUsage:
        return self._usage_in(month_of(day).begindatum)

    def _usage_in(self, month: date) -> PeriodUsage:
        """The usage of the product period in the month starting on `month`."""
        periode = self.toewijzing.product_periode(month)
        maximum = _counted(self.toewijzing, maximum_volume(self.toewijzing, periode, self.uitvoering))
        return PeriodUsage(maximum=maximum, declared=self.declared_per_month.get(month, 0), periode=periode)


def natura_budget_status(
    toewijzing: Toewijzing,
    declared: Iterable[Prestatie],
    uitvoering: Uitvoeringsvariant = DEFAULT_UITVOERING,
) -> NaturaBudgetStatus:
    """The status of `toewijzing` given its non-credited debit lines `declared`.

    Every line must be a debit line of this ToewijzingNummer in an Eenheid that fits the Omvang (TR341);
    anything else is a caller's mistake and raises ValueError.
    """
    omvang = toewijzing.omvang
    per_month: dict[date, int] = {}
    for line in declared:
        _check_line_of(toewijzing, line)
        if line.is_credit:
            raise ValueError(f"prestatie {line.referentie_nummer} is a credit line, not a declared volume")
        volume = line.geleverd_volume
        if omvang is not None:
            volume = in_counting_unit(volume, line.eenheid, omvang.eenheid)
        month = month_of(line.product_periode.begindatum).begindatum
        per_month[month] = per_month.get(month, 0) + volume
    total = sum(per_month.values())
    cumulative = (
        None if omvang is None else Usage(_counted(toewijzing, cumulative_maximum(toewijzing)), total)
    )
    return NaturaBudgetStatus(
        toewijzing=toewijzing,
        uitvoering=uitvoering,
        eenheid=None if omvang is None else counting_unit(omvang.eenheid),
        declared_per_month=per_month,
        cumulative=cumulative,
        budget=None if toewijzing.budget is None else Usage(toewijzing.budget, total),
    )


def _counted(toewijzing: Toewijzing, maximum: int | None) -> int | None:
    """A maximum in the Omvang's Eenheid, in its counting unit."""
    omvang = toewijzing.omvang
    if maximum is None or omvang is None:
        return maximum
    return in_counting_unit(maximum, omvang.eenheid, omvang.eenheid)


def _months(toewijzing: Toewijzing, declared_months: Iterable[date]) -> list[date]:
    with_lines = set(declared_months)
    last = toewijzing.einddatum or max(with_lines | {toewijzing.ingangsdatum})
    own = {month.begindatum for month in months_from(toewijzing.ingangsdatum, last)}
    return sorted(own | with_lines)


def _check_line_of(toewijzing: Toewijzing, prestatie: Prestatie) -> None:
    if prestatie.toewijzing_nummer != toewijzing.toewijzing_nummer:
        raise ValueError(
            f"prestatie {prestatie.referentie_nummer} is for toewijzing {prestatie.toewijzing_nummer}, "
            f"not {toewijzing.toewijzing_nummer}"
        )
