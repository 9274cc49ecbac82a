"""Decisions from the gemeente's ERP: checked against its policy, carried out (a WMO301 for natura with an
aanbieder), and kept as beschikkingen."""

from __future__ import annotations

from gateway.pipeline.decisions.model import Decision, IwmoToewijzing, PgbTerms, PolicyTerms, Verstrekking
from gateway.pipeline.decisions.outcomes import (
    Conflicting,
    DecisionOutcome,
    PgbBudget,
    Registered,
    Rejected,
    SendingFailed,
)
from gateway.pipeline.decisions.service import DecisionService

__all__ = [
    "Conflicting",
    "Decision",
    "DecisionOutcome",
    "DecisionService",
    "IwmoToewijzing",
    "PgbBudget",
    "PgbTerms",
    "PolicyTerms",
    "Registered",
    "Rejected",
    "SendingFailed",
    "Verstrekking",
]
