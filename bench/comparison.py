"""The shape every bench here shares: per message type, a baseline against the gateway's work, as a ratio.

Each case is a pair of callables over the same messages; the table prints both costs and their ratio,
and the exit status says whether every ratio stayed within the bench's limit.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable

from bench.timing import interleaved

Work = Callable[[], object]


def runs_argument(description: str | None) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=15, help="paired timing runs per message type")
    runs: int = parser.parse_args().runs
    return runs


def each(messages: Iterable[bytes], work: Callable[[bytes], object]) -> Work:
    """One call that does `work` on every message."""
    batch = list(messages)

    def all_of_them() -> None:
        for data in batch:
            work(data)

    return all_of_them


def compare(cases: dict[str, tuple[Work, Work]], labels: tuple[str, str], limit: float, runs: int) -> int:
    """Time every case, print the table, and return 0 when every ratio is within `limit`, else 1."""
    print(f"{'message':<14} {labels[0]:>12} {labels[1]:>12} {'ratio':>7}")
    worst = 0.0
    for name, (baseline, work) in cases.items():
        baseline_cost, work_cost, ratio = interleaved(baseline, work, runs)
        worst = max(worst, ratio)
        print(f"{name:<14} {baseline_cost * 1e6:>10.1f}us {work_cost * 1e6:>10.1f}us {ratio:>7.2f}")
    verdict = "within" if worst <= limit else "OVER"
    print(f"worst ratio {worst:.2f}: {verdict} the {limit}x limit")
    return 0 if worst <= limit else 1
