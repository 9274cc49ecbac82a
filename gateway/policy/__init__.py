"""The gemeente's policy: its catalogue of maatwerkvoorzieningen, loaded from the mapping, and its checks.

`load_policy(directory)` reads and validates `mappings/<gemeente>/` at start-up; `PolicyChecker`
judges a Toewijzing or beschikking against it before it goes out.
"""

from __future__ import annotations

from gateway.policy.catalogue import Policy
from gateway.policy.checker import PolicyChecker
from gateway.policy.errors import MappingError, Problem
from gateway.policy.loading import bundled_mapping, load_policy
from gateway.policy.models import Leveringsvorm, Soort, Voorziening
from gateway.policy.proposals import ClientContext, CurrentProvision, Omvang, PricePost, Proposal
from gateway.policy.violations import PolicyRefusedError, PolicyViolation, ViolationCode

__all__ = [
    "ClientContext",
    "CurrentProvision",
    "Leveringsvorm",
    "MappingError",
    "Omvang",
    "Policy",
    "PolicyChecker",
    "PolicyRefusedError",
    "PolicyViolation",
    "PricePost",
    "Problem",
    "Proposal",
    "Soort",
    "ViolationCode",
    "Voorziening",
    "bundled_mapping",
    "load_policy",
]
