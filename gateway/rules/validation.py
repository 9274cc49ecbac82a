"""`validate(data) -> Report`: the standard's levels 1 and 2 (schema, then every intra-message rule).

No I/O: the pipeline hands in bytes and gets a verdict. Rules run only on schema-valid messages, as in
the standard's flow.
"""

from __future__ import annotations

import threading

from gateway.messages.check import MessageChecker
from gateway.messages.findings import Report
from gateway.messages.parsing import ParseLimits, SafeParser
from gateway.messages.registry import Registry, default_registry
from gateway.messages.schemas import SchemaSet
from gateway.rules.engine import RuleEngine


class Validator:
    """Schema and rule checks for many messages; build once, call `validate` per message (per thread)."""

    def __init__(
        self,
        registry: Registry | None = None,
        schemas: SchemaSet | None = None,
        limits: ParseLimits | None = None,
    ) -> None:
        self.checker = MessageChecker(
            registry or default_registry(), schemas or SchemaSet(), SafeParser(limits)
        )
        self.engine = RuleEngine()

    def validate(self, data: bytes) -> Report:
        report = self.checker.check(data)
        if report.schema_valid and report.tree is not None and report.message is not None:
            report.findings.extend(self.engine.run(report.tree, report.message.code))
        return report


_local = threading.local()


def validate(data: bytes) -> Report:
    """Check one message with the default registry and limits (a validator per thread, built once)."""
    validator: Validator | None = getattr(_local, "validator", None)
    if validator is None:
        validator = _local.validator = Validator()
    return validator.validate(data)
