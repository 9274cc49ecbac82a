"""Timing that holds up on a busy 2-core machine: per-call cost as the median of several timed runs."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def per_call(work: Callable[[], object], runs: int = 7, min_seconds: float = 0.2) -> float:
    """Seconds per call: the median over `runs` runs, each long enough to rise above timer noise."""
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            work()
        if time.perf_counter() - started >= min_seconds / 4:
            break
        calls *= 2
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(calls):
            work()
        samples.append((time.perf_counter() - started) / calls)
    return statistics.median(samples)


def interleaved(
    first: Callable[[], object], second: Callable[[], object], runs: int = 15, min_seconds: float = 0.1
) -> tuple[float, float, float]:
    """Both costs and their ratio, measured in alternating runs so that machine load hits both alike.

    Returns the median cost of each and the median of the per-run ratios second/first: pairing each
    run's two measurements cancels load that drifts between runs.

    The garbage collector is paused while timing, as `timeit` does, so that a collection set off by
    one side is not billed to the other.
    """
    firsts, seconds = [], []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            firsts.append(per_call(first, runs=1, min_seconds=min_seconds))
            seconds.append(per_call(second, runs=1, min_seconds=min_seconds))
    finally:
        if collecting:
            gc.enable()
    ratios = [b / a for a, b in zip(firsts, seconds, strict=True)]
    return statistics.median(firsts), statistics.median(seconds), statistics.median(ratios)
