"""Decoding for tests: bytes through the message layer's checks, then into the domain."""

from __future__ import annotations

from typing import TypeVar

from lxml import etree

from gateway.domain import Bericht, decode
from gateway.messages.check import MessageChecker
from gateway.messages.parsing import SafeParser
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet
from tests.fixture_files import FIXTURES

T = TypeVar("T")

CHECKER = MessageChecker(default_registry(), SchemaSet())


def decoded_bytes(data: bytes) -> Bericht:
    """The value of a message, which must be schema-valid, as the message layer identifies it."""
    report = CHECKER.check(data)
    assert report.schema_valid, report.findings
    assert report.tree is not None
    assert report.message_code is not None
    return decode(report.tree, report.message_code)


def decoded(fixture: str, kind: type[T]) -> T:
    """The value of a fixture (a path below the fixtures folder), which must be a `kind`."""
    value = decoded_bytes((FIXTURES / fixture).read_bytes())
    assert isinstance(value, kind)
    return value


def root_of(data: bytes) -> etree._Element:
    root = SafeParser().parse(data)
    assert isinstance(root, etree._Element)
    return root
