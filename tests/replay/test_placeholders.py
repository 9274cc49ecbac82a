"""Placeholders: dates that move with the run, identifiers new for every run, within the schemas' limits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gateway.replay.placeholders import PlaceholderError, RunValues, bsn
from tests.replay.replaying import LIBRARY, replay

VALUES = RunValues(today=date(2026, 3, 31), run="1234567")


def _elfproef(number: str) -> bool:
    digits = [int(d) for d in number]
    return sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) % 11 == digits[8]


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("{{today}}", "2026-03-31"),
        ("{{today+1d}}", "2026-04-01"),
        ("{{ today-31d }}", "2026-02-28"),
        ("{{month-1:start}}", "2026-02-01"),
        ("{{month-1:end}}", "2026-02-28"),
        ("{{month+0:end}}", "2026-03-31"),
        ("{{month-3:start}}", "2025-12-01"),
        ("{{month+10:end}}", "2027-01-31"),
        ("T{{run}}01", "T123456701"),
    ],
)
def test_a_placeholder_is_filled_from_the_runs_values(text: str, filled: str) -> None:
    assert VALUES.fill(text) == filled


def test_every_client_of_a_run_gets_its_own_valid_bsn() -> None:
    numbers = [VALUES.fill(f"{{{{bsn:{client}}}}}") for client in range(1, 10)]
    assert len(set(numbers)) == 9
    assert all(len(number) == 9 and _elfproef(number) for number in numbers)


def test_no_identifier_made_from_the_run_contains_a_bsn_of_the_run() -> None:
    identifiers = [VALUES.fill(f"T{{{{run}}}}{n:02d}") for n in range(100)]
    for client in range(1, 10):
        assert not any(bsn(VALUES.run, client) in identifier for identifier in identifiers)


def test_runs_that_differ_have_different_bsns() -> None:
    assert bsn("1234567", 1) != bsn("9234567", 1)


def test_the_same_client_has_the_same_bsn_throughout_a_run() -> None:
    assert VALUES.fill("{{bsn:2}} {{bsn:2}}") == f"{bsn(VALUES.run, 2)} {bsn(VALUES.run, 2)}"


def test_runs_differ_in_their_identifiers_and_fit_a_toewijzingnummer() -> None:
    runs = {RunValues.fresh(date(2026, 3, 31)).run for _ in range(50)}
    assert len(runs) > 1
    assert all(len(run) == 7 and not run.startswith("0") for run in runs)
    assert all(int(f"{run}99") <= 999_999_999 for run in runs)


def test_an_unknown_placeholder_is_named() -> None:
    with pytest.raises(PlaceholderError, match=r"unknown placeholder \{\{bsn:10\}\}"):
        VALUES.fill("{{bsn:10}}")


def test_a_scenario_replayed_twice_on_one_gateway_passes_both_times(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scenario: Path = LIBRARY / "same-message-twice"
    replayed = replay(capsys, scenario, scenario)
    assert replayed.status == 0, replayed.out
    assert replayed.out.rstrip().endswith("2 scenario(s), 16 step(s): all passed")
