"""A replay from start to end: check every scenario, pick the gateway, run the steps, report them.

Every scenario is read and checked before the first step is sent, so a mistake in the last one does not
leave a half-run replay behind. Each scenario run gets placeholder values of its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx

from gateway.pipeline.answering import dutch_today
from gateway.replay.embedded import Connection, embedded_gateway
from gateway.replay.errors import ReplayError
from gateway.replay.placeholders import RunValues
from gateway.replay.reporting import Progress, step_report, summary
from gateway.replay.scenario import Scenario, load_scenario
from gateway.replay.steps import StepResult, StepRunner

TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Remote:
    """A gateway that runs elsewhere, and the tokens its parties gave the tester."""

    url: str
    tokens: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class ScenarioResults:
    name: str
    results: list[StepResult]


async def replay(
    directories: Sequence[Path], remote: Remote | None, out: TextIO, err: TextIO
) -> list[ScenarioResults]:
    """Runs the scenarios in order, printing each step's outcome to `out`; ReplayError before any runs."""
    checked = [load_scenario(directory, RunValues.fresh(dutch_today())) for directory in directories]
    parties = sorted(set().union(*(scenario.parties() for scenario in checked)))
    progress = Progress(err, total=sum(len(scenario.steps) for scenario in checked))

    def done(result: StepResult) -> None:
        progress.clear()
        print(step_report(result), file=out, flush=True)
        progress.advance(result)

    outcomes = []
    async with _connected(remote, parties) as connection:
        runner = StepRunner(connection.client, connection.tokens)
        for directory in directories:
            scenario: Scenario = load_scenario(directory, RunValues.fresh(dutch_today()))
            outcomes.append(ScenarioResults(scenario.name, await runner.run(scenario, done)))
    progress.clear()
    print(summary([r for outcome in outcomes for r in outcome.results], len(outcomes)), file=out)
    return outcomes


@asynccontextmanager
async def _connected(remote: Remote | None, parties: Sequence[str]) -> AsyncIterator[Connection]:
    if remote is None:
        async with embedded_gateway(parties) as connection:
            yield connection
        return
    missing = [party for party in parties if party not in remote.tokens]
    if missing:
        raise ReplayError(f"the token file has no token for {', '.join(missing)}")
    async with httpx.AsyncClient(base_url=remote.url, timeout=TIMEOUT_SECONDS) as client:
        yield Connection(client, dict(remote.tokens))
