"""`iwmo-gateway replay SCENARIO_DIR... [--url URL --token-file FILE] [--junit FILE]`: scenario replay.

Without `--url` the scenarios run against an embedded gateway (in-process, on a temporary SQLite file,
with the gemeente's policy) that gets the parties' tokens itself; with it, against a running gateway,
with the tokens from FILE. Exit status 0 when every step passed, 1 when any failed, 2 when nothing could
be replayed (a wrong scenario or token file), with the reason on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

HELP = "Replay test scenarios against a gateway and check every answer."

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenarios", nargs="+", type=Path, metavar="SCENARIO_DIR", help="a directory with a scenario.yaml"
    )
    parser.add_argument(
        "--url", help="base URL of a running gateway (default: an embedded one for this replay)"
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help="YAML mapping each party to its token (`gemeente:1916: iwmo_...`); required with --url",
    )
    parser.add_argument("--junit", type=Path, metavar="FILE", help="also write the results as JUnit XML")


def run(args: argparse.Namespace) -> int:
    from gateway.replay.errors import ReplayError
    from gateway.replay.junit import write_junit
    from gateway.replay.running import Remote, replay
    from gateway.replay.tokens import load_tokens

    if (args.url is None) != (args.token_file is None):
        print("iwmo-gateway replay: --url and --token-file go together", file=sys.stderr)
        return EXIT_USAGE
    try:
        remote = Remote(args.url, load_tokens(args.token_file)) if args.url else None
        outcomes = asyncio.run(replay(args.scenarios, remote, sys.stdout, sys.stderr))
    except ReplayError as exc:
        print(f"iwmo-gateway replay: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.junit is not None:
        write_junit(args.junit, [(outcome.name, outcome.results) for outcome in outcomes])
    passed = all(result.passed for outcome in outcomes for result in outcome.results)
    return EXIT_PASSED if passed else EXIT_FAILED
