"""The codebase keeps its own rules: lint-clean, strictly typed, layered one way, `validate` import-light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run(str(BIN / "ruff"), "check", "gateway", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied() -> None:
    result = _run(str(BIN / "ruff"), "format", "--check", "gateway", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = _run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_point_one_way() -> None:
    result = _run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


HEAVY = (
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "aiokafka",
    "asyncpg",
    "aiosqlite",
    "httpx",
)


def test_validate_command_imports_no_framework_orm_or_broker(tmp_path: Path) -> None:
    message = ROOT / "tests" / "fixtures" / "iwmo-3.2" / "WMO301" / "valid" / "minimal.xml"
    probe = (
        "import sys, json\n"
        "from gateway.cli.main import main\n"
        f"status = main(['validate', '--json', {str(message)!r}])\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    result = _run(sys.executable, "-c", probe)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)
