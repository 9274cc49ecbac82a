"""`iwmo-gateway serve --workers N`: several processes answer on one port, on one database."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import httpx

from tests.api.serving import BIN, STARTUP_SECONDS, _free_port, command, environment


def test_two_workers_answer_on_one_port_with_tokens_created_beside_them(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port), "--workers", "2"],
        cwd=tmp_path,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process)
        token = command("token", "create", "--party", "aanbieder:12345678", cwd=tmp_path).stdout.strip()
        with httpx.Client(base_url=base) as client:
            answers = [
                client.get("/api/v1/mailbox", headers={"Authorization": f"Bearer {token}"}).status_code
                for _ in range(10)
            ]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=STARTUP_SECONDS)
    assert answers == [200] * 10


def test_no_workers_is_a_usage_error(tmp_path: Path) -> None:
    result = command("serve", "--workers", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert "0 is not a positive number" in result.stderr


def _wait_for_health(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "iwmo-gateway serve --workers 2 ended"
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("iwmo-gateway serve --workers 2 did not come up")
