"""A scenario directory read, checked and filled in: `scenario.yaml` with its steps and the files they send.

A wrong scenario is refused before anything is sent, with the file, the step and the field named, so a
tester fixes the scenario rather than wondering about the gateway.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from gateway.pipeline.access import PartyName
from gateway.replay.errors import ScenarioError
from gateway.replay.placeholders import PlaceholderError, RunValues
from gateway.replay.retourcodes import Level

SCENARIO_FILE = "scenario.yaml"

ReadTarget = Literal["mailbox", "events", "cak-feed"]

_EXPECTATIONS_OF_READ: dict[str, str] = {"mailbox": "mailbox", "events": "events", "cak-feed": "feed"}
_READ_EXPECTATIONS = frozenset(_EXPECTATIONS_OF_READ.values())
_SEND_EXPECTATIONS = frozenset({"retourcodes", "findings"})


class Expect(BaseModel):
    """What a step's answer must show; what is left out is not checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: int | None = Field(default=None, ge=100, le=599)
    retourcodes: dict[Level, list[str]] | None = None
    findings: list[str] | None = None
    mailbox: list[dict[str, Any]] | None = None
    events: list[str] | None = None
    feed: list[dict[str, Any]] | None = None

    def given(self) -> frozenset[str]:
        return frozenset(name for name in type(self).model_fields if getattr(self, name) is not None)


class Step(BaseModel):
    """One action of one party, and what is expected of it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str | None = None
    party: str = Field(alias="as")
    send: str | None = None
    decide: str | None = None
    read: ReadTarget | None = None
    query: dict[str, str] = Field(default_factory=dict)
    """Further query parameters of a read, such as the `gemeente` whose CAK feed the CAK reads."""
    expect: Expect = Expect()

    @field_validator("party")
    @classmethod
    def _known_form(cls, party: str) -> str:
        return str(PartyName.parse(party))

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        actions = [name for name in ("send", "decide", "read") if getattr(self, name) is not None]
        if len(actions) != 1:
            raise ValueError(f"a step has exactly one of send, decide or read (found {len(actions)})")
        if self.query and self.read is None:
            raise ValueError("query belongs to a read step")
        given = self.expect.given()
        if self.read is None:
            misplaced = given & _READ_EXPECTATIONS
        else:
            misplaced = given & (_SEND_EXPECTATIONS | _READ_EXPECTATIONS - {_EXPECTATIONS_OF_READ[self.read]})
        if misplaced:
            action = f"read: {self.read}" if self.read else actions[0]
            raise ValueError(f"expect.{', expect.'.join(sorted(misplaced))} cannot be checked on {action}")
        return self

    @property
    def action(self) -> str:
        if self.read is not None:
            return f"read {self.read}"
        return f"send {self.send}" if self.send is not None else f"decide {self.decide}"


class ScenarioFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = None
    description: str | None = None
    steps: list[Step] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class LoadedStep:
    """A step with its number (from 1), a name for reports, and the body it sends, placeholders filled."""

    number: int
    step: Step
    body: bytes | None

    @property
    def title(self) -> str:
        return f"{self.number:02d} {self.step.name or self.step.action}"


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    directory: Path
    steps: tuple[LoadedStep, ...]

    def parties(self) -> frozenset[str]:
        return frozenset(loaded.step.party for loaded in self.steps)


def load_scenario(directory: Path, values: RunValues) -> Scenario:
    """The scenario in `directory`, with this run's values for its placeholders."""
    path = directory / SCENARIO_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(path, f"cannot be read: {exc}") from exc
    try:
        data = yaml.safe_load(values.fill(text))
    except PlaceholderError as exc:
        raise ScenarioError(path, str(exc)) from exc
    except yaml.YAMLError as exc:
        raise ScenarioError(path, f"not valid YAML: {_yaml_problem(exc)}") from exc
    try:
        parsed = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        raise _scenario_error(path, data, exc) from exc
    steps = tuple(
        LoadedStep(number, step, _body(directory, path, number, step, values))
        for number, step in enumerate(parsed.steps, start=1)
    )
    return Scenario(name=parsed.name or directory.name, directory=directory, steps=steps)


def _body(directory: Path, path: Path, number: int, step: Step, values: RunValues) -> bytes | None:
    name = step.send if step.send is not None else step.decide
    if name is None:
        return None
    file = directory / name
    try:
        return values.fill(file.read_text(encoding="utf-8")).encode()
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(path, f"{name} cannot be read: {exc}", step=number) from exc
    except PlaceholderError as exc:
        raise ScenarioError(path, f"{name}: {exc}", step=number) from exc


def _yaml_problem(error: yaml.YAMLError) -> str:
    """The parser's complaint on one line, with the place it names."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return f"{error.problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(error).split())


def _scenario_error(path: Path, data: object, error: ValidationError) -> ScenarioError:
    """The first problem pydantic found, with the step it is in numbered from 1 and its field named."""
    problem = error.errors()[0]
    location = list(problem["loc"])
    step = None
    if len(location) >= 2 and location[0] == "steps" and isinstance(location[1], int):
        step = location[1] + 1
        location = location[2:]
    field = ".".join(str(part) for part in location)
    reason = problem["msg"].removeprefix("Value error, ")
    if not isinstance(data, dict):
        reason = "expected a mapping with `steps`"
    return ScenarioError(path, f"{field}: {reason}" if field else reason, step=step)
