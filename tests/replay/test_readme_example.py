"""The example scenario of the README's section for testers is one that passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.replay.replaying import LIBRARY, replay

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_example_passes_with_the_library_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    section = README.read_text(encoding="utf-8").split("### Writing a scenario", 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert found is not None
    (tmp_path / "scenario.yaml").write_text(found.group(1), encoding="utf-8")
    for name in ("toewijzing.xml", "start.xml"):
        shutil.copy(LIBRARY / "cak-feed" / name, tmp_path / name)
    replayed = replay(capsys, tmp_path)
    assert replayed.status == 0, replayed.out + replayed.err
