"""Toewijzingen as they stand: the current version of each, with its client's BSN and its parties.

The current version is the one the gemeente fixed last (latest Toewijzingsdatum and -tijd; of equals,
the one stored last), as the cross-message rules and the eigen bijdrage read it: a WMO301 that arrives
late does not overrule a newer assignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import ColumnElement, ScalarSelect, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from gateway.store.models import Client, Party, Toewijzing, ToewijzingVersie

DELETED = "13"
"""RedenWijziging of a toewijzing sent in error: it counts as never sent (WMO002)."""

Status = Literal["actueel", "toekomstig", "beeindigd", "verwijderd"]


@dataclass(frozen=True, slots=True)
class Omvang:
    volume: int
    eenheid: str
    frequentie: str


@dataclass(frozen=True, slots=True)
class CurrentToewijzing:
    """The current version of one toewijzing; `id` is the cursor a listing pages by."""

    id: int
    nummer: int
    gemeente: str
    aanbieder: str
    client_id: int
    bsn: str
    versie: int
    referentie_aanbieder: str | None
    product_categorie: str | None
    product_code: str | None
    toewijzingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    reden_wijziging: str | None
    omvang: Omvang | None
    budget: int | None

    def status(self, today: date) -> Status:
        """`verwijderd` when taken back as sent in error; else where `today` lies in its period:
        `toekomstig`, `actueel` or `beeindigd`."""
        if self.reden_wijziging == DELETED:
            return "verwijderd"
        if today < self.ingangsdatum:
            return "toekomstig"
        if self.einddatum is not None and self.einddatum < today:
            return "beeindigd"
        return "actueel"


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose toewijzingen: a gemeente's, an aanbieder's, a client's; every one given must hold."""

    gemeente_id: int | None = None
    aanbieder_id: int | None = None
    client_id: int | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        conditions = []
        if self.gemeente_id is not None:
            conditions.append(Toewijzing.gemeente_id == self.gemeente_id)
        if self.aanbieder_id is not None:
            conditions.append(Toewijzing.aanbieder_id == self.aanbieder_id)
        if self.client_id is not None:
            conditions.append(Toewijzing.client_id == self.client_id)
        if not conditions:
            raise ValueError("a query of toewijzingen is limited to a gemeente, an aanbieder or a client")
        return conditions


async def current_toewijzingen(
    session: AsyncSession, scope: Scope, *, after: int = 0, limit: int | None = None
) -> list[CurrentToewijzing]:
    """The toewijzingen in `scope` with an id above `after`, in id order, at most `limit` of them.

    Ids never change, so paging by the last id never repeats an item; one written while a reader pages
    may land behind its cursor (the mailbox and the events are the feeds of changes, this is a listing).
    """
    query = _query().where(*scope.conditions(), Toewijzing.id > after).order_by(Toewijzing.id)
    if limit is not None:
        query = query.limit(limit)
    rows = (await session.execute(query)).all()
    return [
        _current(toewijzing, versie, bsn, gemeente, aanbieder)
        for toewijzing, versie, bsn, gemeente, aanbieder in rows
    ]


def current_version_id() -> ScalarSelect[int]:
    """The id of the current version of the toewijzing of the enclosing query (correlated to
    `Toewijzing.id`): the one the gemeente fixed last, as `KnownToewijzing.current` reads it."""
    version = aliased(ToewijzingVersie)
    return (
        select(version.id)
        .where(version.toewijzing_id == Toewijzing.id)
        .order_by(version.toewijzingsdatum.desc(), version.toewijzingstijd.desc(), version.versie.desc())
        .limit(1)
        .scalar_subquery()
    )


def _query() -> Select[Toewijzing, ToewijzingVersie, str, str, str]:
    gemeente, aanbieder, current = aliased(Party), aliased(Party), current_version_id()
    return (
        select(Toewijzing, ToewijzingVersie, Client.bsn, gemeente.code, aanbieder.code)
        .join(ToewijzingVersie, ToewijzingVersie.toewijzing_id == Toewijzing.id)
        .join(Client, Client.id == Toewijzing.client_id)
        .join(gemeente, gemeente.id == Toewijzing.gemeente_id)
        .join(aanbieder, aanbieder.id == Toewijzing.aanbieder_id)
        .where(ToewijzingVersie.id == current)
    )


def _current(
    toewijzing: Toewijzing, versie: ToewijzingVersie, bsn: str, gemeente: str, aanbieder: str
) -> CurrentToewijzing:
    omvang = None
    if versie.omvang_volume is not None and versie.omvang_eenheid and versie.omvang_frequentie:
        omvang = Omvang(versie.omvang_volume, versie.omvang_eenheid, versie.omvang_frequentie)
    return CurrentToewijzing(
        id=toewijzing.id,
        nummer=toewijzing.toewijzing_nummer,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client_id=toewijzing.client_id,
        bsn=bsn,
        versie=versie.versie,
        referentie_aanbieder=versie.referentie_aanbieder,
        product_categorie=versie.product_categorie,
        product_code=versie.product_code,
        toewijzingsdatum=versie.toewijzingsdatum,
        ingangsdatum=versie.ingangsdatum,
        einddatum=versie.einddatum,
        reden_wijziging=versie.reden_wijziging,
        omvang=omvang,
        budget=versie.budget,
    )
