"""A wrong expectation fails its step with a diff that says where and what, and the exit status says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.replaying import copied, replay


def _expect_9074_instead_of_9063(tmp_path: Path) -> Path:
    scenario = copied("start-deleted", tmp_path)
    definition = scenario / "scenario.yaml"
    text = definition.read_text(encoding="utf-8")
    assert text.count('product: ["9063"]') == 1
    definition.write_text(text.replace('product: ["9063"]', 'product: ["9074"]'), encoding="utf-8")
    return scenario


def test_a_wrong_retourcode_fails_with_step_level_expected_and_actual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replayed = replay(capsys, _expect_9074_instead_of_9063(tmp_path))
    assert replayed.status == 1
    failing = [line for line in replayed.out.splitlines() if line.startswith("FAIL")]
    assert len(failing) == 1
    assert "step 04 deleting the start a second time" in failing[0]
    diff = replayed.out.split(failing[0], 1)[1].splitlines()[1:4]
    assert [line.strip() for line in diff] == [
        "retourcodes at product level:",
        "- expected: 9074",
        "+ actual:   9063",
    ]


def test_the_other_steps_still_pass_and_the_summary_counts_the_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replayed = replay(capsys, _expect_9074_instead_of_9063(tmp_path))
    assert sum(line.startswith("PASS") for line in replayed.out.splitlines()) == 5
    assert replayed.out.rstrip().endswith("6 step(s): 1 failed")


def test_no_progress_line_is_written_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert replay(capsys, _expect_9074_instead_of_9063(tmp_path)).err == ""
