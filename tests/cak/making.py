"""Builders for CAK tests: provisions of one client on the shipped catalogue, set only where a test needs it.

Products are the shipped Leidschendam-Voorburg codes, so the policy mapping decides every exemption.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from itertools import count
from pathlib import Path

from gateway.cak import (
    Afzender,
    CakSettings,
    ClientBronnen,
    EbPeriode,
    EbRecord,
    NaturaToewijzing,
    PgbBeschikking,
    Verstrekking,
    derive_periods,
    reconcile,
)
from gateway.domain import Product, StartProduct, StopProduct, Toewijzing
from gateway.policy import Policy, load_policy

ROOT = Path(__file__).parents[2]
POLICY: Policy = load_policy(ROOT / "mappings" / "leidschendam-voorburg")

HO1 = Product("01", "01H01")
HO2 = Product("01", "01H02")
BEGELEIDING = Product("02", "02B02")
ROLSTOEL = Product("11", "11R01")
SCOOTMOBIEL = Product("12", "12V02")
ROERENDE_WOONVOORZIENING = Product("13", "13W01")
TRAPLIFT = Product("13", "13W03")
REGIOTAXI = Product("08", "08V01")
BESCHERMD_WONEN = Product("15", "15B01")
SPORTVOORZIENING = Product("14", "14R01")

BSN = "999900018"
"""A test BSN (elfproef-valid, in the range kept for testing)."""
ADULT = date(1950, 6, 1)
AFZENDER = Afzender(gemeentecode="1916", berichtcode="999")
"""Leidschendam-Voorburg's CBS code; 999 stands in for the unknown BerichtCode of WMO405."""

Provision = NaturaToewijzing | PgbBeschikking | Verstrekking

_numbers = count(500001)


def natura(
    product: Product = HO1,
    ingangsdatum: date = date(2025, 3, 1),
    einddatum: date | None = None,
    *,
    nummer: int | None = None,
    starts: tuple[StartProduct, ...] = (),
    stops: tuple[StopProduct, ...] = (),
    kostprijs: int | None = None,
    reden_wijziging: str | None = None,
) -> NaturaToewijzing:
    toewijzing = Toewijzing(
        toewijzing_nummer=next(_numbers) if nummer is None else nummer,
        referentie_aanbieder=None,
        product=product,
        toewijzingsdatum=ingangsdatum,
        toewijzingstijd=time(9, 0),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        reden_wijziging=reden_wijziging,
        omvang=None,
        budget=None,
        commentaar=None,
    )
    return NaturaToewijzing(
        toewijzing, beschikkingsdatum=ingangsdatum, starts=starts, stops=stops, kostprijs=kostprijs
    )


def delivered(
    product: Product = HO1,
    begin: date = date(2025, 3, 1),
    end: date | None = None,
    *,
    reden: str = "19",
    nummer: int | None = None,
    kostprijs: int | None = None,
) -> NaturaToewijzing:
    """A toewijzing from the start of delivery, with a WMO305 start and, given `end`, a WMO307 stop."""
    base = natura(product, begin, nummer=nummer, kostprijs=kostprijs)
    starts = (start_of(base, begin),)
    stops = (stop_of(base, begin, end, reden),) if end is not None else ()
    return replace(base, starts=starts, stops=stops)


def start_of(provision: NaturaToewijzing, begin: date, status: str = "1") -> StartProduct:
    t = provision.toewijzing
    return StartProduct(t.toewijzing_nummer, t.product, t.ingangsdatum, begin, status)


def stop_of(
    provision: NaturaToewijzing, begin: date, end: date, reden: str = "19", status: str = "1"
) -> StopProduct:
    t = provision.toewijzing
    return StopProduct(t.toewijzing_nummer, t.product, t.ingangsdatum, begin, reden, end, status)


def pgb(
    product: Product = HO1,
    ingangsdatum: date = date(2025, 3, 1),
    einddatum: date | None = None,
    *,
    kostprijs: int | None = None,
    toegekend: int | None = None,
    sleutel: str = "PGB-1",
) -> PgbBeschikking:
    """A pgb decision; `toegekend` is what it grants in all (euro cents), as the store loads it."""
    beschikkingsdatum = ingangsdatum - timedelta(days=14)
    return PgbBeschikking(
        sleutel, product, beschikkingsdatum, ingangsdatum, einddatum, kostprijs, toegekend=toegekend
    )


def verstrekking(
    product: Product = SCOOTMOBIEL,
    leverdatum: date | None = date(2025, 3, 1),
    einddatum: date | None = None,
    *,
    kostprijs: int | None = 250000,
    sleutel: str = "HM-1",
) -> Verstrekking:
    ingangsdatum = date(2025, 2, 1)
    return Verstrekking(sleutel, product, ingangsdatum, ingangsdatum, leverdatum, einddatum, kostprijs)


def client(*provisions: Provision, born: date = ADULT) -> ClientBronnen:
    return ClientBronnen(
        geboortedatum=born,
        natura=tuple(p for p in provisions if isinstance(p, NaturaToewijzing)),
        pgb=tuple(p for p in provisions if isinstance(p, PgbBeschikking)),
        verstrekkingen=tuple(p for p in provisions if isinstance(p, Verstrekking)),
    )


def periods(
    *provisions: Provision,
    born: date = ADULT,
    settings: CakSettings | None = None,
) -> tuple[EbPeriode, ...]:
    return derive_periods(client(*provisions, born=born), POLICY, settings).perioden


def spans(
    *provisions: Provision,
    born: date = ADULT,
    settings: CakSettings | None = None,
) -> list[tuple[date, date | None]]:
    """The periods as (startdatum, stopdatum): what most specifications are about."""
    return [(p.startdatum, p.stopdatum) for p in periods(*provisions, born=born, settings=settings)]


class Numbers:
    """The store's EbStartNummer sequence, for tests."""

    def __init__(self, first: int = 1) -> None:
        self._next = count(first)

    def __call__(self) -> int:
        return next(self._next)


def records_for(
    *provisions: Provision,
    records: tuple[EbRecord, ...] = (),
    numbers: Numbers | None = None,
    settings: CakSettings | None = None,
) -> tuple[EbRecord, ...]:
    """Derive the client's periods and reconcile them with `records`, as the store does on every change."""
    derived = derive_periods(client(*provisions), POLICY, settings).perioden
    return reconcile(records, derived, BSN, numbers or Numbers())
