"""`iwmo-gateway serve`: starts on the embedded default in its working directory and answers /health."""

from __future__ import annotations

import gc
import signal
from pathlib import Path

import httpx

from gateway.cli.serve import GC_THRESHOLDS, tune_garbage_collection
from tests.api.serving import command, serving


def test_serve_answers_health_on_its_embedded_database_and_stops_on_sigterm(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        assert httpx.get(f"{served.base}/health").json() == {"status": "ok"}
        assert (tmp_path / "iwmo-gateway.db").is_file()
        # uvicorn shuts down gracefully, then ends by the signal it caught.
        assert served.stop() in (0, -signal.SIGTERM)
        assert served.process.stderr is not None
        assert b"Application shutdown complete" in served.process.stderr.read()


def test_a_token_created_beside_the_service_authenticates_with_it(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        token = command("token", "create", "--party", "aanbieder:12345678", cwd=tmp_path).stdout.strip()
        response = httpx.get(f"{served.base}/api/v1/mailbox", headers={"Authorization": f"Bearer {token}"})
    assert response.json() == {"items": [], "next": "0"}


def test_an_unusable_database_stops_serve_with_one_line(tmp_path: Path) -> None:
    result = command(
        "serve", "--database-url", "sqlite+aiosqlite:////nonexistent-folder/gateway.db", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.startswith("iwmo-gateway serve: cannot open the database at")
    assert result.stderr.count("\n") == 1


def test_serving_freezes_what_was_built_and_collects_garbage_less_often() -> None:
    thresholds = gc.get_threshold()
    try:
        tune_garbage_collection()
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
