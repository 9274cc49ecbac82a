"""Builders for domain tests: a toewijzing version and claim lines on it, set only where a test needs it."""

from __future__ import annotations

from datetime import date, time

from gateway.domain import Bedrag, Omvang, Periode, Prestatie, Product, Toewijzing, month_of

NUMMER = 100001
YEAR_START = date(2026, 1, 1)
YEAR_END = date(2026, 12, 31)


def toewijzing(
    omvang: Omvang | None = None,
    *,
    budget: int | None = None,
    ingangsdatum: date = YEAR_START,
    einddatum: date | None = YEAR_END,
    categorie: str = "02",
) -> Toewijzing:
    return Toewijzing(
        toewijzing_nummer=NUMMER,
        referentie_aanbieder=None,
        product=Product(categorie, f"{categorie}A01"),
        toewijzingsdatum=date(2025, 12, 15),
        toewijzingstijd=time(9, 0),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        reden_wijziging=None,
        omvang=omvang,
        budget=budget,
        commentaar=None,
    )


def hours_per_week(volume: int) -> Omvang:
    return Omvang(volume, "04", "2")


def prestatie(
    volume: int,
    in_month: date,
    *,
    eenheid: str = "04",
    periode: Periode | None = None,
    debet_credit: str = "D",
    referentie: str = "R1",
    nummer: int = NUMMER,
) -> Prestatie:
    """A claim line for the whole month holding `in_month` (or `periode`), priced at 1 cent a unit."""
    return Prestatie(
        referentie_nummer=referentie,
        vorig_referentie_nummer="R0" if debet_credit == "C" else None,
        toewijzing_nummer=nummer,
        product_categorie="02",
        product_code="02A01",
        product_periode=periode or month_of(in_month),
        geleverd_volume=volume,
        eenheid=eenheid,
        product_tarief=None if eenheid == "83" else 1,
        ingediend_bedrag=Bedrag(volume, debet_credit),
    )
