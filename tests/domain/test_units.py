"""TR341: which Eenheid a line may have against an Omvang, and how it is counted."""

from __future__ import annotations

import pytest

from gateway.domain import UnitMismatchError, counting_unit, fits, in_counting_unit


def test_hours_may_be_claimed_in_hours_or_minutes() -> None:
    assert (fits("04", "04"), fits("01", "04")) == (True, True)


def test_minutes_may_not_be_claimed_in_hours() -> None:
    assert fits("04", "01") is False


def test_other_units_only_in_themselves() -> None:
    assert (fits("16", "16"), fits("01", "16"), fits("83", "84")) == (True, False, False)


def test_an_hours_omvang_counts_in_minutes_and_others_in_themselves() -> None:
    assert (counting_unit("04"), counting_unit("16")) == ("01", "16")


def test_hours_convert_to_minutes_and_minutes_stay() -> None:
    assert (in_counting_unit(3, "04", "04"), in_counting_unit(90, "01", "04")) == (180, 90)


def test_a_unit_that_does_not_fit_is_refused_by_its_codes() -> None:
    with pytest.raises(UnitMismatchError, match="Eenheid 16 does not fit an Omvang in Eenheid 04"):
        in_counting_unit(2, "16", "04")
