"""Loads and validates the policy mapping at start-up, so a bad file stops the gateway, not a client.

Both files are read and checked in full before anything is refused, and every problem found is
reported together, each with its file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from gateway.policy import consistency
from gateway.policy.catalogue import Policy
from gateway.policy.errors import FieldPath, MappingError, Problem
from gateway.policy.models import Catalogue, Tariffs
from gateway.policy.yamlsource import Source, read

CATALOGUE_FILE = "catalogue.yaml"
TARIFFS_FILE = "tariffs.yaml"

M = TypeVar("M", bound=BaseModel)


BUNDLED = "leidschendam-voorburg"
"""The municipality whose mapping ships with the gateway."""


def bundled_mapping() -> Path:
    """The shipped mapping: inside the package when installed from a wheel, else beside it."""
    packaged = Path(__file__).resolve().parent.parent / "mappings" / BUNDLED
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "mappings" / BUNDLED


def load_policy(directory: Path | str) -> Policy:
    """The policy in `directory` (catalogue.yaml and tariffs.yaml); MappingError lists every problem."""
    folder = Path(directory)
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    for name in (CATALOGUE_FILE, TARIFFS_FILE):
        try:
            sources[name] = read(folder / name)
        except MappingError as error:
            problems.extend(error.problems)
    catalogue = _model(sources.get(CATALOGUE_FILE), Catalogue, problems)
    tariffs = _model(sources.get(TARIFFS_FILE), Tariffs, problems)
    if catalogue is not None:
        source = sources[CATALOGUE_FILE]
        problems.extend(_pinned(source, consistency.catalogue_problems(catalogue)))
        if tariffs is not None:
            problems.extend(_pinned(sources[TARIFFS_FILE], consistency.tariff_problems(catalogue, tariffs)))
    if problems or catalogue is None or tariffs is None:
        raise MappingError(problems)
    return Policy.of(folder, catalogue, tariffs)


def _model(source: Source | None, model: type[M], problems: list[Problem]) -> M | None:
    if source is None:
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        details = error.errors()
        problems.extend(_problem(source, detail) for detail in details if not _echo(detail, details))
        return None


def _echo(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """Whether `detail` only repeats an item error: a list "too short" because its bad items were dropped."""
    loc = detail["loc"]
    return detail["type"] == "too_short" and any(
        other["loc"][: len(loc)] == loc and len(other["loc"]) > len(loc) for other in details
    )


def _problem(source: Source, detail: ErrorDetails) -> Problem:
    path: FieldPath = tuple(part for part in detail["loc"] if part != "[key]")
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] == "string_type" and isinstance(detail["input"], int | float):
        message += ' (codes are text: write them in quotes, like "01")'
    elif detail["type"] == "missing":
        message = "required field is missing"
    return source.problem(path, message)


def _pinned(source: Source, complaints: Iterable[consistency.Complaint]) -> list[Problem]:
    return [source.problem(path, message) for path, message in complaints]
