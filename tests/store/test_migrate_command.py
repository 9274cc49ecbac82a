"""`iwmo-gateway migrate`: upgrades the database it is pointed at, or says in one line why it cannot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from gateway.cli.main import main
from gateway.store.migrate import current_revision, head_revision


async def run_command(argv: list[str]) -> int:
    # The command runs its own event loop, so it cannot run on the test's.
    return await asyncio.to_thread(main, argv)


async def test_migrate_upgrades_the_database_to_the_newest_revision(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run_command(["migrate", "--database-url", database_url]) == 0
    assert capsys.readouterr().out == f"database at revision {head_revision()}\n"
    assert await current_revision(database_url) == head_revision()


async def test_migrate_reads_the_database_url_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'from-env.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert await run_command(["migrate"]) == 0
    assert await current_revision(url) == head_revision()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql+asyncpg://postgres:secret@127.0.0.1:1/gateway", "cannot open the database at"),
        ("sqlite+aiosqlite:////nonexistent-folder/gateway.db", "cannot open the database at"),
        ("not a url", "not a database URL"),
        ("mysql://localhost/gateway", "unsupported database"),
    ],
)
async def test_an_unusable_database_gives_status_2_and_one_line(
    url: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run_command(["migrate", "--database-url", url]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"iwmo-gateway migrate: {reason}")
    assert captured.err.count("\n") == 1
    assert "secret" not in captured.err
