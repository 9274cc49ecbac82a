"""Reads a mapping file into plain data while remembering the line of every value.

PyYAML's loaders forget where values came from; composing the node graph and building the data
ourselves keeps each value's line, so a validation error can name the line it is about. Duplicate
keys, which PyYAML would silently overwrite, are refused here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from gateway.policy.errors import FieldPath, MappingError, Problem, field_name


@dataclass(frozen=True, slots=True)
class Source:
    """The data of one mapping file and the line each value starts on."""

    file: Path
    data: object
    lines: Mapping[FieldPath, int]

    def line(self, path: FieldPath) -> int:
        """The line of the value at `path`, or of its nearest ancestor when it is absent."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1

    def problem(self, path: FieldPath, message: str) -> Problem:
        return Problem(self.file, self.line(path), field_name(path), message)


class _Builder:
    """Turns a composed node graph into plain data, recording lines and duplicate keys."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.constructor = SafeConstructor()
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self.open: set[int] = set()

    def build(self, node: Node, path: FieldPath) -> object:
        if not isinstance(node, MappingNode | SequenceNode):
            return self.constructor.construct_object(node, deep=True)
        if id(node) in self.open:
            self.problems.append(
                Problem(self.file, node.start_mark.line + 1, field_name(path), "alias loops")
            )
            return None
        self.open.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
            return self._sequence(node, path)
        finally:
            self.open.discard(id(node))

    def _sequence(self, node: SequenceNode, path: FieldPath) -> list[object]:
        items = []
        for index, child in enumerate(node.value):
            self.lines[(*path, index)] = child.start_mark.line + 1
            items.append(self.build(child, (*path, index)))
        return items

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[object, object]:
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str | int):
                self.problems.append(Problem(self.file, line, field_name(path), "keys must be text"))
                continue
            if key in result:
                where = field_name((*path, key))
                self.problems.append(Problem(self.file, line, where, "duplicate key"))
                continue
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result


def read(file: Path) -> Source:
    """The file's data with its lines; a missing, unreadable or malformed file raises MappingError."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError([Problem(file, None, "(file)", f"cannot be read: {error}")]) from error
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise MappingError([Problem(file, line, "(yaml)", str(error.problem or error))]) from error
    except yaml.YAMLError as error:
        raise MappingError([Problem(file, None, "(yaml)", str(error))]) from error
    if root is None:
        raise MappingError([Problem(file, 1, "(document)", "the file is empty")])
    builder = _Builder(file)
    data = builder.build(root, ())
    if builder.problems:
        raise MappingError(builder.problems)
    return Source(file=file, data=data, lines=MappingProxyType(builder.lines))
