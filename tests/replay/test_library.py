"""The scenario library: every scenario in tests/scenarios passes through `iwmo-gateway replay`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.replaying import library_scenarios, replay


@pytest.mark.parametrize("scenario", library_scenarios(), ids=lambda path: path.name)
def test_the_library_scenario_passes_on_an_embedded_gateway(
    scenario: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replayed = replay(capsys, scenario)
    assert replayed.status == 0, replayed.out + replayed.err
    assert replayed.out.rstrip().endswith("all passed")
