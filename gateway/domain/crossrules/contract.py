"""The contract between gemeente and aanbieder, as far as claims are checked against it (TR418, TR341).

Contract tariffs are data from outside the messages (rules.md B.3); the judgement asks a `Contract`
for them, so any source can serve. `PolicyContract` serves them from the gemeente's policy mapping:
the natura tariff of the voorziening a Product stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gateway.domain.codes import Eenheid
from gateway.policy import Policy


class Contract(Protocol):
    """What the contract says about a product; None where it says nothing (then nothing is checked)."""

    def tarief(self, categorie: str, code: str, eenheid: str) -> int | None:
        """The contract tariff in euro cents per `eenheid` of the product, as a claim line states it."""

    def eenheden(self, categorie: str, code: str) -> frozenset[str] | None:
        """The Eenheden the product is contracted in."""


@dataclass(frozen=True, slots=True)
class PolicyContract:
    """The natura tariffs of the gemeente's policy (`tariffs.yaml`) as the contract.

    A line in minutes states the hourly tariff (TR346 prices it as hourly tariff × minutes / 60), so
    for Eenheid 01 without a tariff of its own the product's hourly tariff applies, and a product
    contracted in hours may be claimed in minutes.
    """

    policy: Policy

    def tarief(self, categorie: str, code: str, eenheid: str) -> int | None:
        voorziening = self.policy.find(categorie, code)
        if voorziening is None:
            return None
        own = self.policy.natura_tarief(voorziening.key, eenheid)
        if own is None and eenheid == Eenheid.MINUUT:
            return self.policy.natura_tarief(voorziening.key, Eenheid.UUR)
        return own

    def eenheden(self, categorie: str, code: str) -> frozenset[str] | None:
        voorziening = self.policy.find(categorie, code)
        tarief = None if voorziening is None else self.policy.tariffs.tarieven.get(voorziening.key)
        if tarief is None or not tarief.natura:
            return None
        units = set(tarief.natura)
        if Eenheid.UUR in units:
            units.add(Eenheid.MINUUT)
        return frozenset(units)
