"""The tables of the gateway; importing this package registers all of them on `Base.metadata`."""

from __future__ import annotations

from gateway.store.models.base import Base
from gateway.store.models.budgets import Budget, BudgetBooking, BudgetOverrun
from gateway.store.models.declaraties import Beoordeling, Declaratie, Prestatie
from gateway.store.models.eigenbijdrage import EbAanleveringRow, EbBronRow, EbClient, EbRecordRow, EbTeller
from gateway.store.models.event_key import EventKey
from gateway.store.models.messages import Mailbox, MailboxEntry, Message, OutboxEvent
from gateway.store.models.parties import ApiToken, Client, Party
from gateway.store.models.toewijzingen import Beschikking, Levering, Toewijzing, ToewijzingVersie
from gateway.store.models.verzoeken import Verzoek, VerzoekAntwoord, VerzoekProduct

__all__ = [
    "ApiToken",
    "Base",
    "Beoordeling",
    "Beschikking",
    "Budget",
    "BudgetBooking",
    "BudgetOverrun",
    "Client",
    "Declaratie",
    "EbAanleveringRow",
    "EbBronRow",
    "EbClient",
    "EbRecordRow",
    "EbTeller",
    "EventKey",
    "Levering",
    "Mailbox",
    "MailboxEntry",
    "Message",
    "OutboxEvent",
    "Party",
    "Prestatie",
    "Toewijzing",
    "ToewijzingVersie",
    "Verzoek",
    "VerzoekAntwoord",
    "VerzoekProduct",
]
