"""Sustained ingest over HTTP: the full pipeline against a parse + XSD + store baseline, in the same run.

Per database (a fresh SQLite file; a fresh PostgreSQL database on the server of --postgresql-url) the
bench starts `iwmo-gateway serve` as a real server on a free port, after `migrate` and two
`token create` (the gemeente and the aanbieder), and `bench.baseline_app` beside it on a database of
its own. It seeds toewijzingen by sending WMO301s from the gemeente (10,000 by default: a WMO305 and a
claim line only count when they refer to one; see `bench.ingest_messages`), then drives each case with
`--concurrency` senders on keep-alive connections (httpx) for `--seconds`, alternating gateway and
baseline runs (`--rounds`, the first one first in even rounds):

- WMO305: starts, each of its own toewijzing (answered with a WMO306);
- WMO323 x1, x100: claims with that many lines (answered with a WMO325);
- WMO323 x10000: one claim per run, sent alone: how long it takes to answer.

The gateway's answers are checked (200, every message accepted); the baseline's must be 202. Reported
per case: messages per second (median of the rounds), p50 and p99 latency over all rounds, each
server's CPU milliseconds per message (its process and workers, from /proc: what the work costs,
whatever else the machine runs meanwhile), and the median of the per-round ratios of gateway to
baseline throughput. Targets, exit status 1 when one is missed: gateway/baseline >= 0.5 in every case,
WMO305 >= 500/s on PostgreSQL, a WMO323 of 10,000 lines answered within 5 s. The bench shares the
machine with both servers (and the database), so its numbers are what this machine gives with all of
them on it; the ratio is the comparable one.

Run: `.venv/bin/python -m bench.ingest [--database {sqlite,postgresql,both}] [--seconds 5]
[--concurrency 8] [--rounds 3] [--workers 1] [--quick]` (`--quick`: 2 s, one round, 3,000 toewijzingen
and no x10000 case). PostgreSQL comes from --postgresql-url, else $TEST_DATABASE_URL, else
postgresql+asyncpg://postgres@127.0.0.1:5432/test (only its server is used: the bench makes its own
databases and drops them).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import httpx
from lxml import etree
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench import ingest_messages as made
from bench.baseline_app import TOKEN_VARIABLE

GATEWAY = Path(sys.executable).parent / "iwmo-gateway"
DEFAULT_POSTGRESQL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
STARTUP_SECONDS = 60.0

TARGET_RATIO = 0.5
TARGET_WMO305_POSTGRESQL = 500.0
TARGET_LARGE_SECONDS = 5.0
LARGE = 10_000
ACCEPTING = frozenset({"0200", "8001"})
"""RetourCodes of a message accepted whole: no remark, granted in full."""


@dataclass(frozen=True, slots=True)
class Options:
    seconds: float
    concurrency: int
    rounds: int
    workers: int
    toewijzingen: int
    large: bool


@dataclass
class Run:
    """One timed run of one case against one server."""

    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    problems: list[str] = field(default_factory=list)
    cpu: float | None = None
    """Seconds of CPU the server spent in the run; None where /proc cannot tell."""

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


@dataclass(frozen=True, slots=True)
class Case:
    """Messages of one kind for each server; `alone` sends one message per run, by itself."""

    name: str
    gateway: Callable[[], bytes]
    baseline: Callable[[], bytes]
    alone: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """A server to send to: where, with which token, what it answers a message it takes."""

    server: Served
    path: str
    token: str
    answers: int
    check_retour: bool


class Served(NamedTuple):
    """A running server: where it answers, and its process."""

    base: str
    pid: int


@dataclass
class Result:
    case: str
    gateway: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)

    def median_rate(self, runs: list[Run]) -> float:
        return statistics.median(run.rate for run in runs)

    def ratio(self) -> float:
        return statistics.median(
            g.rate / b.rate if b.rate else 0.0 for g, b in zip(self.gateway, self.baseline, strict=True)
        )


def cpu_per_message(runs: list[Run]) -> float:
    """The server's CPU milliseconds per message taken over these runs (NaN where unknown)."""
    taken = sum(len(run.latencies) for run in runs)
    if not taken or any(run.cpu is None for run in runs):
        return float("nan")
    return sum(run.cpu or 0.0 for run in runs) / taken * 1000


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and its children, such as uvicorn's workers, so far;
    None without /proc or once the process is gone."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        for stat in [Path(f"/proc/{pid}/stat"), *_children_stats(pid)]:
            # Fields after the command (which may hold spaces): state is [0], utime [11], stime [12].
            fields = stat.read_text().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])
    except OSError:
        return None
    return total / ticks


def _children_stats(pid: int) -> list[Path]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return []
    return [Path(f"/proc/{child}/stat") for child in children.read_text().split()]


async def sustain(
    client: httpx.AsyncClient,
    target: Target,
    messages: Callable[[], bytes],
    *,
    seconds: float,
    concurrency: int,
    limit: int | None = None,
) -> Run:
    """Send from `concurrency` senders until `seconds` passed, `limit` were sent or `messages` ran out."""
    run = Run()
    headers = {"Authorization": f"Bearer {target.token}", "Content-Type": "application/xml"}
    url = target.server.base + target.path
    cpu_before = process_cpu(target.server.pid)
    started = time.perf_counter()
    deadline = started + seconds
    sent = 0
    finished = started

    async def sender() -> None:
        nonlocal sent, finished
        while time.perf_counter() < deadline and (limit is None or sent < limit):
            try:
                content = messages()
            except StopIteration:
                return
            sent += 1
            before = time.perf_counter()
            try:
                response = await client.post(url, content=content, headers=headers)
            except httpx.TransportError as exc:
                run.problems.append(f"{type(exc).__name__}: {exc}")
                continue
            after = time.perf_counter()
            problem = _problem(response, target)
            if problem is not None:
                run.problems.append(problem)
                continue
            run.latencies.append(after - before)
            finished = max(finished, after)

    await asyncio.gather(*(sender() for _ in range(concurrency)))
    run.elapsed = finished - started
    cpu_after = process_cpu(target.server.pid)
    if cpu_before is not None and cpu_after is not None:
        run.cpu = cpu_after - cpu_before
    return run


def _problem(response: httpx.Response, target: Target) -> str | None:
    if response.status_code != target.answers:
        return f"{response.status_code}: {response.text[:200]}"
    if target.check_retour:
        codes = {code.text or "" for code in etree.fromstring(response.content).iter("{*}RetourCode")}
        if not codes <= ACCEPTING:
            return f"not accepted: {sorted(codes)}"
    return None


@contextmanager
def serving(argv: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[Served]:
    """A server process from the moment its /health answers until the block ends; its output in `log`."""
    with log.open("wb") as output:
        process = subprocess.Popen(argv, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{argv[0]} ended: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{argv[0]} did not come up")
            time.sleep(0.1)
        yield Served(base, process.pid)
    except BaseException:
        kept = Path(tempfile.gettempdir()) / f"bench-ingest-{port}.log"
        kept.write_bytes(log.read_bytes())
        print(f"{argv[0]} failed under load; its output is in {kept}", file=sys.stderr)
        raise
    finally:
        process.terminate()
        try:
            process.wait(timeout=STARTUP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}


def _command(*argv: str) -> str:
    done = subprocess.run(
        [str(GATEWAY), *argv], env=_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"iwmo-gateway {argv[0]} failed: {done.stderr.strip()}")
    return done.stdout.strip()


@asynccontextmanager
async def databases(kind: str, folder: Path, postgresql_url: str) -> AsyncIterator[tuple[str, str]]:
    """Fresh databases for the gateway and the baseline; PostgreSQL ones are dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'gateway.db'}", f"sqlite+aiosqlite:///{folder / 'baseline.db'}"
        return
    server = make_url(postgresql_url)
    run = uuid.uuid4().hex[:12]
    names = [f"bench_ingest_{run}_{role}" for role in ("gateway", "baseline")]
    admin = create_async_engine(
        server.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    try:
        async with admin.connect() as connection:
            for name in names:
                await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        gateway, baseline = (
            server.set(database=name).render_as_string(hide_password=False) for name in names
        )
        yield gateway, baseline
    finally:
        async with admin.connect() as connection:
            for name in names:
                await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


async def bench_database(kind: str, options: Options, postgresql_url: str) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        async with databases(kind, Path(folder), postgresql_url) as (gateway_url, baseline_url):
            _command("migrate", "--database-url", gateway_url)
            gemeente = _command(
                "token", "create", "--party", f"gemeente:{made.GEMEENTE}", "--database-url", gateway_url
            )
            aanbieder = _command(
                "token", "create", "--party", f"aanbieder:{made.AANBIEDER}", "--database-url", gateway_url
            )
            baseline_token = secrets.token_urlsafe(32)
            env = {**_environment(), TOKEN_VARIABLE: _sha256(baseline_token)}
            gateway_port, baseline_port = _free_port(), _free_port()
            serve = [str(GATEWAY), "serve", "--port", str(gateway_port), "--database-url", gateway_url]
            if options.workers > 1:
                serve += ["--workers", str(options.workers)]
            baseline = [
                sys.executable,
                "-m",
                "bench.baseline_app",
                "--port",
                str(baseline_port),
                "--database-url",
                baseline_url,
            ]
            with (
                serving(serve, env, gateway_port, Path(folder) / "gateway.log") as gateway_server,
                serving(baseline, env, baseline_port, Path(folder) / "baseline.log") as baseline_server,
            ):
                limits = httpx.Limits(
                    max_connections=options.concurrency, max_keepalive_connections=options.concurrency
                )
                async with httpx.AsyncClient(timeout=600, limits=limits) as client:
                    full = Target(gateway_server, "/api/v1/messages", aanbieder, 200, check_retour=True)
                    floor = Target(baseline_server, "/messages", baseline_token, 202, check_retour=False)
                    assigned = await seed(
                        client, Target(gateway_server, "/api/v1/messages", gemeente, 202, False), options
                    )
                    return await measure(client, cases(assigned, options), full, floor, options)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


async def seed(client: httpx.AsyncClient, gemeente: Target, options: Options) -> list[made.Toewijzing]:
    assigned = made.toewijzingen(options.toewijzingen)
    clients = iter(enumerate(made.by_client(assigned)))

    def next_toewijzing() -> bytes:
        number, client_toewijzingen = next(clients)
        return made.toewijzing_message(f"SEED{number}", client_toewijzingen)

    started = time.perf_counter()
    run = await sustain(client, gemeente, next_toewijzing, seconds=3600, concurrency=options.concurrency)
    if run.problems:
        raise RuntimeError(f"seeding failed: {run.problems[0]}")
    seconds = time.perf_counter() - started
    print(
        f"  seeded {len(assigned)} toewijzingen in {len(run.latencies)} WMO301s, {seconds:.1f} s", flush=True
    )
    return assigned


def cases(assigned: list[made.Toewijzing], options: Options) -> list[Case]:
    starts = iter(assigned)
    claims = made.Claims("C", assigned)
    floor_claims = made.Claims("B", assigned)

    def start() -> bytes:
        toewijzing = next(starts)
        return made.start_message(f"S{toewijzing.nummer}", toewijzing)

    def floor_start() -> bytes:
        return made.start_message("B", assigned[0])

    def claim(size: int, pool: made.Claims) -> Callable[[], bytes]:
        return lambda: pool.next(size)

    def floor_claim(size: int) -> Callable[[], bytes]:
        def made_anew() -> bytes:
            nonlocal floor_claims
            try:
                return floor_claims.next(size)
            except StopIteration:
                floor_claims = made.Claims("B", assigned)
                return floor_claims.next(size)

        return made_anew

    chosen = [
        Case("WMO305", start, floor_start),
        Case("WMO323 x1", claim(1, claims), floor_claim(1)),
        Case("WMO323 x100", claim(100, claims), floor_claim(100)),
    ]
    if options.large:
        chosen.append(Case(f"WMO323 x{LARGE}", claim(LARGE, claims), floor_claim(LARGE), alone=True))
    return chosen


async def measure(
    client: httpx.AsyncClient, chosen: list[Case], full: Target, floor: Target, options: Options
) -> list[Result]:
    results = []
    for case in chosen:
        result = Result(case.name)
        for round_number in range(options.rounds):
            pairs = [(full, case.gateway, result.gateway), (floor, case.baseline, result.baseline)]
            for target, messages, runs in pairs if round_number % 2 == 0 else pairs[::-1]:
                if case.alone:
                    run = await sustain(client, target, messages, seconds=3600, concurrency=1, limit=1)
                else:
                    run = await sustain(
                        client, target, messages, seconds=options.seconds, concurrency=options.concurrency
                    )
                if run.problems:
                    failed = len(run.problems)
                    print(f"  {case.name} on {target.server.base}: {failed} failed, first: {run.problems[0]}")
                runs.append(run)
        results.append(result)
        print(f"  {case.name}: done", flush=True)
    return results


COLUMNS = (
    *("case", "gateway/s", "p50 ms", "p99 ms", "cpu ms"),
    *("baseline/s", "p50 ms", "p99 ms", "cpu ms", "ratio"),
)
"""Per server: messages per second, latency, and its CPU milliseconds per message."""


def report(kind: str, results: list[Result]) -> list[str]:
    """Print the table of one database; the missed targets."""
    print(f"\n{kind}")
    print(f"{COLUMNS[0]:<15}" + "".join(f"{column:>11}" for column in COLUMNS[1:]))
    missed = []
    for result in results:
        cells = []
        for runs in (result.gateway, result.baseline):
            latencies = sorted(latency for run in runs for latency in run.latencies)
            cells += [
                result.median_rate(runs),
                _percentile(latencies, 0.5),
                _percentile(latencies, 0.99),
                cpu_per_message(runs),
            ]
        print(f"{result.case:<15}" + "".join(f"{cell:>11.2f}" for cell in cells) + f"{result.ratio():>11.2f}")
        missed += _missed(kind, result)
    return missed


def _missed(kind: str, result: Result) -> list[str]:
    where = f"{kind} {result.case}"
    missed = []
    if any(run.problems for run in result.gateway + result.baseline):
        missed.append(f"{where}: some messages were not taken as expected")
    if result.ratio() < TARGET_RATIO:
        missed.append(f"{where}: gateway/baseline {result.ratio():.2f} < {TARGET_RATIO}")
    rate = result.median_rate(result.gateway)
    if result.case == "WMO305" and kind == "postgresql" and rate < TARGET_WMO305_POSTGRESQL:
        missed.append(f"{where}: {rate:.0f} messages/s < {TARGET_WMO305_POSTGRESQL:.0f}")
    if result.case == f"WMO323 x{LARGE}":
        slowest = max((latency for run in result.gateway for latency in run.latencies), default=float("inf"))
        if slowest > TARGET_LARGE_SECONDS:
            missed.append(f"{where}: answered in {slowest:.1f} s > {TARGET_LARGE_SECONDS:.0f} s")
    return missed


def _percentile(values: list[float], fraction: float) -> float:
    """In milliseconds."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(fraction * len(values)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--postgresql-url", default=os.environ.get("TEST_DATABASE_URL", DEFAULT_POSTGRESQL))
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each timed run (5)")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent senders (8)")
    parser.add_argument("--rounds", type=int, default=3, help="paired gateway/baseline runs per case (3)")
    parser.add_argument("--workers", type=int, default=1, help="`serve --workers` of the gateway (1)")
    parser.add_argument("--toewijzingen", type=int, default=LARGE, help=f"toewijzingen to seed ({LARGE})")
    parser.add_argument("--quick", action="store_true", help="2 s, one round, 3,000 toewijzingen, no x10000")
    args = parser.parse_args()
    options = Options(
        args.seconds, args.concurrency, args.rounds, args.workers, args.toewijzingen, large=True
    )
    if args.quick:
        options = Options(2.0, args.concurrency, 1, args.workers, 3000, large=False)
    if options.large and options.toewijzingen < LARGE:
        parser.error(f"the x{LARGE} case needs at least {LARGE} toewijzingen")
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    missed = []
    for kind in kinds:
        print(f"{kind}: seeding and measuring", flush=True)
        results = asyncio.run(bench_database(kind, options, args.postgresql_url))
        missed += report(kind, results)
    print()
    for line in missed:
        print(f"MISSED {line}")
    print("every target met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
