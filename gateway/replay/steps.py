"""Runs a scenario's steps against a gateway over HTTP and compares each answer with its expectation.

Reads only show what arrived since the scenario began: before the first step the runner notes where
every mailbox, the event list and the CAK feed it will read end, and each read moves that mark on. So
a scenario replays against a gateway that holds earlier runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from gateway.replay.comparison import Difference, Observation, compare
from gateway.replay.retourcodes import codes_by_level
from gateway.replay.scenario import LoadedStep, ReadTarget, Scenario

MESSAGES = "/api/v1/messages"
BESCHIKKINGEN = "/api/v1/beschikkingen"
FEEDS: dict[ReadTarget, str] = {
    "mailbox": "/api/v1/mailbox",
    "events": "/api/v1/events",
    "cak-feed": "/api/v1/cak/eigen-bijdrage",
}
PAGE = 1000
DETAIL_CHARACTERS = 300


@dataclass(frozen=True, slots=True)
class StepResult:
    scenario: str
    step: LoadedStep
    differences: list[Difference]
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.differences


StepDone = Callable[[StepResult], None]

Feed = tuple[ReadTarget, str, tuple[tuple[str, str], ...]]
"""What a read step reads: the target, as whom, with which query; each has a mark of its own."""


class StepRunner:
    """One scenario against one gateway: `client` has the gateway's base URL, `tokens` a token per party."""

    def __init__(self, client: httpx.AsyncClient, tokens: Mapping[str, str]) -> None:
        self._client = client
        self._tokens = tokens

    async def run(self, scenario: Scenario, done: StepDone) -> list[StepResult]:
        marks: dict[Feed, str | None] = {}
        for loaded in scenario.steps:
            feed = _feed(loaded)
            if feed is not None and feed not in marks:
                marks[feed] = await self._end_of(loaded)
        results = []
        for loaded in scenario.steps:
            started = time.perf_counter()
            observed = await self._observe(loaded, marks)
            result = StepResult(
                scenario.name, loaded, compare(loaded.step.expect, observed), time.perf_counter() - started
            )
            done(result)
            results.append(result)
        return results

    async def _observe(self, loaded: LoadedStep, marks: dict[Feed, str | None]) -> Observation:
        step = loaded.step
        feed = _feed(loaded)
        try:
            if feed is not None:
                observation, marks[feed] = await self._read(loaded, marks.get(feed))
                return observation
            assert loaded.body is not None, "send and decide steps carry a body"
            if step.send is not None:
                response = await self._post(MESSAGES, step.party, loaded.body, "application/xml")
            else:
                response = await self._post(BESCHIKKINGEN, step.party, loaded.body, "application/json")
        except httpx.HTTPError as exc:
            return Observation(status=None, problem=f"no answer from the gateway: {exc!r}")
        return _observed_answer(response)

    async def _end_of(self, loaded: LoadedStep) -> str | None:
        """Where the step's target ends now; None when it cannot be read (the step will say why)."""
        try:
            return (await self._read(loaded, None))[1]
        except httpx.HTTPError:
            return None

    async def _post(self, path: str, party: str, body: bytes, content_type: str) -> httpx.Response:
        headers = {**self._auth(party), "Content-Type": content_type}
        return await self._client.post(path, content=body, headers=headers)

    async def _read(self, loaded: LoadedStep, after: str | None) -> tuple[Observation, str | None]:
        """Every item of the step's read after the mark, page by page, and the new mark."""
        step = loaded.step
        assert step.read is not None, "only read steps read"
        items: list[Any] = []
        while True:
            params: dict[str, str | int] = {**step.query, "limit": PAGE}
            if after is not None:
                params["after"] = after
            response = await self._client.get(FEEDS[step.read], params=params, headers=self._auth(step.party))
            if response.status_code != httpx.codes.OK:
                return Observation(status=response.status_code, items=items, detail=_detail(response)), after
            page = _json(response)
            if not isinstance(page, dict) or not isinstance(page.get("items"), list):
                return Observation(status=response.status_code, problem="not a page of items"), after
            if not page["items"]:
                return Observation(status=response.status_code, items=items), after
            items.extend(page["items"])
            after = str(page.get("next"))

    def _auth(self, party: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._tokens[party]}"}


def _feed(loaded: LoadedStep) -> Feed | None:
    step = loaded.step
    return None if step.read is None else (step.read, step.party, tuple(sorted(step.query.items())))


def _observed_answer(response: httpx.Response) -> Observation:
    content_type = response.headers.get("content-type", "")
    if "xml" in content_type:
        return Observation(
            status=response.status_code,
            retourcodes=codes_by_level(response.content),
            detail=_detail(response),
        )
    body = _json(response)
    findings = body.get("findings") if isinstance(body, dict) else None
    rules = (
        [str(f.get("rule")) for f in findings if isinstance(f, dict)] if isinstance(findings, list) else None
    )
    return Observation(status=response.status_code, findings=rules, detail=_detail(response))


def _detail(response: httpx.Response) -> str | None:
    """The start of an error answer's body, which says why; None for a success."""
    if response.is_success:
        return None
    text = " ".join(response.text.split())
    return text[:DETAIL_CHARACTERS] + ("…" if len(text) > DETAIL_CHARACTERS else "")


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
