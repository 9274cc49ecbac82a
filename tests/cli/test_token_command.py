"""`iwmo-gateway token`: create prints one line that authenticates; revoke makes it stop."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from gateway.cli.main import main
from gateway.store.migrate import current_revision, head_revision
from tests.api.conftest import running_app


async def run_command(argv: list[str]) -> int:
    # The command runs its own event loop, so it cannot run on the test's.
    return await asyncio.to_thread(main, argv)


async def mailbox_status(url: str, token: str) -> int:
    async with running_app(url) as client:
        response = await client.get("/api/v1/mailbox", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


async def create(url: str, party: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert await run_command(["token", "create", "--party", party, "--database-url", url]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return out.strip()


@pytest.mark.parametrize("party", ["aanbieder:12345678", "gemeente:1916", "cak"])
async def test_create_prints_exactly_one_line_a_token_that_authenticates(
    migrated_url: str, party: str, capsys: pytest.CaptureFixture[str]
) -> None:
    token = await create(migrated_url, party, capsys)
    assert await mailbox_status(migrated_url, token) == 200


async def test_revoke_makes_the_token_fail(migrated_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    token = await create(migrated_url, "aanbieder:12345678", capsys)
    assert await run_command(["token", "revoke", token, "--database-url", migrated_url]) == 0
    assert await mailbox_status(migrated_url, token) == 401


async def test_revoking_an_unknown_token_exits_1(
    migrated_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run_command(["token", "revoke", "--database-url", migrated_url, "no-such-token"]) == 1
    assert capsys.readouterr().err == "iwmo-gateway token: no active token matches\n"


async def test_create_upgrades_the_embedded_database_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert await run_command(["token", "create", "--party", "gemeente:1916"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert await current_revision(f"sqlite+aiosqlite:///{tmp_path / 'iwmo-gateway.db'}") == head_revision()


async def test_a_malformed_party_is_a_usage_error(
    migrated_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        await run_command(["token", "create", "--database-url", migrated_url, "--party", "aanbieder:123"])
    assert exit_info.value.code == 2
    assert "aanbieder:<AGB code, 8 digits>" in capsys.readouterr().err


async def test_an_unreachable_database_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+asyncpg://postgres:secret@127.0.0.1:1/gateway"
    assert await run_command(["token", "create", "--database-url", url, "--party", "cak"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("iwmo-gateway token: cannot open the database at")
    assert captured.err.count("\n") == 1
    assert "secret" not in captured.err
