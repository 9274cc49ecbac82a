"""Replay against a separately started `iwmo-gateway serve`, with tokens from `iwmo-gateway token create`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.api.serving import command, serving
from tests.replay.replaying import LIBRARY, replay

SCENARIO = LIBRARY / "toewijzing-start-stop"
PARTIES = ("gemeente:1916", "aanbieder:12345678")


def test_a_scenario_passes_twice_against_a_running_gateway(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving(tmp_path) as served:
        tokens = {
            party: command("token", "create", "--party", party, cwd=tmp_path).stdout.strip()
            for party in PARTIES
        }
        token_file = tmp_path / "tokens.yaml"
        token_file.write_text(yaml.safe_dump(tokens), encoding="utf-8")
        first = replay(capsys, SCENARIO, "--url", served.base, "--token-file", token_file)
        second = replay(capsys, SCENARIO, "--url", served.base, "--token-file", token_file)
    assert (first.status, second.status) == (0, 0), first.out + second.out
