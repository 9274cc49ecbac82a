"""`iwmo-gateway serve` as a real process, for tests that need a server on a port (CLI, conformance)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent / "iwmo-gateway"
STARTUP_SECONDS = 30


def environment() -> dict[str, str]:
    """The test's environment without DATABASE_URL, so the command runs on its embedded default."""
    return {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}


def command(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *argv], cwd=cwd, env=environment(), capture_output=True, text=True, check=False
    )


@dataclass
class Served:
    base: str
    process: subprocess.Popen[bytes]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=STARTUP_SECONDS)


@contextmanager
def serving(cwd: Path) -> Iterator[Served]:
    """`iwmo-gateway serve` in `cwd` with no configuration, from the moment /health answers until stopped."""
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    served = Served(f"http://127.0.0.1:{port}", process)
    try:
        _wait_for_health(served)
        yield served
    finally:
        served.stop()
        if process.stderr:
            process.stderr.close()


def _wait_for_health(served: Served) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if served.process.poll() is not None:
            errors = served.process.stderr.read().decode() if served.process.stderr else ""
            raise AssertionError(f"iwmo-gateway serve ended: {errors}")
        try:
            if httpx.get(f"{served.base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError("iwmo-gateway serve did not come up")
        time.sleep(0.1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
