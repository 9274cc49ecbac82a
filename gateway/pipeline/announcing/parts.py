"""The parts events share (product, omvang, periode), as the catalogue's data expects them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Omvang, Product
from gateway.events.writer import NewEvent
from gateway.messages.verdicts import Verdict
from gateway.pipeline.processing import Received
from gateway.store.known.clients import client_bsns
from gateway.store.models.parties import GEMEENTE


@dataclass(frozen=True, slots=True)
class Followed:
    """A message the gemeente recorded, as a builder sees it: in its transaction, with its verdict."""

    session: AsyncSession
    received: Received
    verdict: Verdict

    @property
    def bericht_id(self) -> int:
        return self.received.message_id

    @property
    def aanbieder(self) -> str:
        """The aanbieder's AGB code, whichever of the two sent the message."""
        sender, receiver = self.received.sender, self.received.receiver
        return receiver.code if sender.kind == GEMEENTE else sender.code


Events = Sequence[NewEvent]


def product(categorie: str | None, code: str | None) -> dict[str, object] | None:
    if categorie is None and code is None:
        return None
    return {"categorie": categorie, "code": code}


def product_of(value: Product | None) -> dict[str, object] | None:
    return None if value is None else product(value.categorie, value.code)


def omvang(volume: int | None, eenheid: str | None, frequentie: str | None) -> dict[str, object] | None:
    if volume is None or eenheid is None or frequentie is None:
        return None
    return {"volume": volume, "eenheid": eenheid, "frequentie": frequentie}


def omvang_of(value: Omvang | None) -> dict[str, object] | None:
    return None if value is None else omvang(value.volume, value.eenheid, value.frequentie)


def periode(begindatum: date, einddatum: date) -> dict[str, object]:
    return {"begindatum": begindatum, "einddatum": einddatum}


async def bsns(session: AsyncSession, client_ids: set[int]) -> dict[int, str]:
    """The BSN of each client id, to key the clients' events by."""
    return await client_bsns(session, client_ids)
