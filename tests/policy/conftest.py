from __future__ import annotations

import pytest

from gateway.policy import Policy, PolicyChecker, load_policy
from tests.policy.making import SHIPPED


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(SHIPPED)


@pytest.fixture(scope="session")
def checker(policy: Policy) -> PolicyChecker:
    return PolicyChecker(policy)
