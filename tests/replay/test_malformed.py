"""A scenario that cannot be replayed is refused before anything runs, naming file, step and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.replaying import replay


def _scenario(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "broken"
    directory.mkdir()
    (directory / "scenario.yaml").write_text(text, encoding="utf-8")
    (directory / "message.xml").write_text("<x/>", encoding="utf-8")
    return directory


def _refused(capsys: pytest.CaptureFixture[str], scenario: Path) -> str:
    replayed = replay(capsys, scenario)
    assert replayed.status == 2
    assert replayed.out == ""
    assert replayed.err.count("\n") == 1
    return replayed.err


def test_a_step_without_a_party_names_the_file_the_step_and_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = _scenario(
        tmp_path, "steps:\n  - {as: 'gemeente:1916', send: message.xml}\n  - {send: message.xml}\n"
    )
    assert _refused(capsys, scenario) == (
        f"iwmo-gateway replay: {scenario / 'scenario.yaml'}: step 2: as: Field required\n"
    )


def test_a_step_with_two_actions_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = _scenario(tmp_path, "steps:\n  - {as: 'gemeente:1916', send: message.xml, read: mailbox}\n")
    assert "step 1: a step has exactly one of send, decide or read" in _refused(capsys, scenario)


def test_an_expectation_the_action_cannot_meet_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = _scenario(tmp_path, "steps:\n  - {as: cak, read: events, expect: {retourcodes: {}}}\n")
    assert "step 1: expect.retourcodes cannot be checked on read: events" in _refused(capsys, scenario)


def test_an_unknown_party_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = _scenario(tmp_path, "steps:\n  - {as: 'zorgkantoor:1', read: mailbox}\n")
    assert "step 1: as: 'zorgkantoor:1' names no party" in _refused(capsys, scenario)


def test_a_missing_message_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = _scenario(tmp_path, "steps:\n  - {as: 'gemeente:1916', send: absent.xml}\n")
    assert "step 1: absent.xml cannot be read" in _refused(capsys, scenario)


def test_an_unknown_placeholder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = _scenario(tmp_path, "steps:\n  - {as: 'gemeente:1916', send: message.xml}\n")
    (scenario / "message.xml").write_text("<x>{{tomorrow}}</x>", encoding="utf-8")
    assert "step 1: message.xml: unknown placeholder {{tomorrow}}" in _refused(capsys, scenario)


def test_yaml_that_does_not_parse_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = _scenario(tmp_path, "steps: [\n")
    assert "scenario.yaml: not valid YAML: expected the node content, but found '<stream end>' (line 2" in (
        _refused(capsys, scenario)
    )


def test_a_directory_without_a_scenario_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "scenario.yaml: cannot be read" in _refused(capsys, tmp_path)


def test_url_without_token_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replayed = replay(capsys, tmp_path, "--url", "http://127.0.0.1:8080")
    assert replayed.status == 2
    assert replayed.err == "iwmo-gateway replay: --url and --token-file go together\n"
