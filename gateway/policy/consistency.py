"""Rules that tie fields, entries and files of the mapping together, each problem pinned to its field.

The models check one field at a time; what only shows when fields are seen together (a duplicate
productcode, a limit naming a voorziening that does not exist, a tariff for an eenheid the product
does not allow) is found here, with the path of the field to blame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gateway.policy.codelists import EENHEDEN_WITHOUT_PER_DAY, factor
from gateway.policy.errors import FieldPath
from gateway.policy.models import Catalogue, Inkoop, Leveringsvorm, Soort, Tariffs, Voorziening

Complaint = tuple[FieldPath, str]

PRODUCTCODE = re.compile(r"^(\d{2})([A-Z])(\d{2})$")


def catalogue_problems(catalogue: Catalogue) -> Iterator[Complaint]:
    """Every inconsistency inside catalogue.yaml."""
    keys = {v.key for v in catalogue.voorzieningen}
    seen_keys: set[str] = set()
    seen_codes: dict[str, str] = {}
    for index, voorziening in enumerate(catalogue.voorzieningen):
        at: FieldPath = ("voorzieningen", index)
        if voorziening.key in seen_keys:
            yield (*at, "key"), f"duplicate key {voorziening.key!r}"
        seen_keys.add(voorziening.key)
        if voorziening.productcode in seen_codes:
            owner = seen_codes[voorziening.productcode]
            yield (*at, "productcode"), f"duplicate productcode {voorziening.productcode!r} (also {owner!r})"
        seen_codes.setdefault(voorziening.productcode, voorziening.key)
        yield from _productcode(catalogue, voorziening, at)
        yield from _codes(voorziening, at)
        yield from _eigen_bijdrage(voorziening, at)
        yield from _limits(catalogue, voorziening, keys, at)


def _productcode(catalogue: Catalogue, voorziening: Voorziening, at: FieldPath) -> Iterator[Complaint]:
    match = PRODUCTCODE.match(voorziening.productcode)
    if match is None:
        yield (*at, "productcode"), "a productcode is CCLNN: productcategorie, a letter, two digits"
    elif match.group(1) != voorziening.productcategorie:
        yield (*at, "productcode"), f"must start with its productcategorie {voorziening.productcategorie!r}"
    elif match.group(2) not in catalogue.productcode_schema:
        yield (*at, "productcode"), f"letter {match.group(2)!r} is not in productcode_schema"


def _codes(voorziening: Voorziening, at: FieldPath) -> Iterator[Complaint]:
    for name in ("eenheden", "frequenties", "leveringsvormen"):
        values = getattr(voorziening, name)
        if len(set(values)) != len(values):
            yield (*at, name), "lists a value twice"
    if "1" in voorziening.frequenties:
        for eenheid in EENHEDEN_WITHOUT_PER_DAY.intersection(voorziening.eenheden):
            yield (
                (*at, "frequenties"),
                f"Frequentie 1 (per dag) is not allowed with Eenheid {eenheid} (CS338)",
            )
    tegemoetkoming = Leveringsvorm.TEGEMOETKOMING in voorziening.leveringsvormen
    financieel = voorziening.soort is Soort.FINANCIELE_TEGEMOETKOMING
    if financieel and voorziening.leveringsvormen != (Leveringsvorm.TEGEMOETKOMING,):
        yield (*at, "leveringsvormen"), "a financiele_tegemoetkoming is given as [tegemoetkoming] only"
    elif tegemoetkoming and not financieel:
        yield (*at, "leveringsvormen"), "tegemoetkoming is only for soort financiele_tegemoetkoming"


def _eigen_bijdrage(voorziening: Voorziening, at: FieldPath) -> Iterator[Complaint]:
    bijdrage = voorziening.eigen_bijdrage
    here = (*at, "eigen_bijdrage")
    if bijdrage.cak:
        if bijdrage.duur is None:
            yield (*here, "duur"), "an eigen bijdrage needs its duur (zolang_gebruik or tot_kostprijs)"
        if bijdrage.vrijstelling is not None:
            yield (*here, "vrijstelling"), "a vrijstelling contradicts cak: true"
    else:
        if bijdrage.vrijstelling is None:
            yield (*here, "vrijstelling"), "cak: false needs the vrijstelling that explains it"
        for name in ("vanaf", "duur"):
            if getattr(bijdrage, name) is not None:
                yield (*here, name), "only meaningful with cak: true"
        if bijdrage.minderjarigen:
            yield (*here, "minderjarigen"), "only meaningful with cak: true"
    if voorziening.soort is Soort.FINANCIELE_TEGEMOETKOMING and bijdrage.cak:
        yield (*here, "cak"), "a financiele tegemoetkoming carries no eigen bijdrage (hoofdstuk 4)"


def _limits(
    catalogue: Catalogue, voorziening: Voorziening, keys: set[str], at: FieldPath
) -> Iterator[Complaint]:
    limits = voorziening.limits
    here = (*at, "limits")
    references: list[tuple[FieldPath, tuple[str, ...]]] = []
    if limits.requires_beside is not None:
        references.append(((*here, "requires_beside", "any_of"), limits.requires_beside.any_of))
        references.append(((*here, "requires_beside", "or_following"), limits.requires_beside.or_following))
    if limits.max_km_per_year is not None and limits.max_km_per_year.reduced is not None:
        reduced = limits.max_km_per_year.reduced
        references.append(((*here, "max_km_per_year", "reduced", "beside_any_of"), reduced.beside_any_of))
        if reduced.km >= limits.max_km_per_year.km:
            yield (*here, "max_km_per_year", "reduced", "km"), "must be below the full km"
    for path, named in references:
        for position, key in enumerate(named):
            if key not in keys:
                yield (*path, position), f"no voorziening {key!r} in the catalogue"
            elif key == voorziening.key:
                yield (*path, position), "a voorziening cannot be beside itself"
    if limits.price_table is not None and limits.price_table.table not in catalogue.prijstabellen:
        yield (*here, "price_table", "table"), f"no prijstabel {limits.price_table.table!r}"
    for name in ("max_volume_total", "max_rate"):
        limit = getattr(limits, name)
        if limit is not None:
            for eenheid in voorziening.eenheden:
                if factor(eenheid, limit.eenheid) is None:
                    yield (
                        (*here, name, "eenheid"),
                        f"allowed Eenheid {eenheid} cannot be counted in {limit.eenheid}",
                    )
    for name in ("pgb_duration", "pgb_woningaanpassing"):
        if getattr(limits, name) is not None and Leveringsvorm.PGB not in voorziening.leveringsvormen:
            yield (*here, name), "a pgb limit on a voorziening that allows no pgb"


def tariff_problems(catalogue: Catalogue, tariffs: Tariffs) -> Iterator[Complaint]:
    """Every mismatch between tariffs.yaml and the catalogue; paths are in tariffs.yaml."""
    by_key = {v.key: v for v in catalogue.voorzieningen}
    for key, tarief in tariffs.tarieven.items():
        at: FieldPath = ("tarieven", key)
        voorziening = by_key.get(key)
        if voorziening is None:
            yield at, f"no voorziening {key!r} in the catalogue"
            continue
        if voorziening.soort is not Soort.DIENST or voorziening.inkoop is not Inkoop.GEMEENTE:
            yield at, "tariffs are set here only for diensten the gemeente buys in itself"
            continue
        for name, vorm in (("natura", Leveringsvorm.NATURA), ("pgb_formeel", Leveringsvorm.PGB)):
            if vorm not in voorziening.leveringsvormen and getattr(tarief, name):
                yield (*at, name), f"{key!r} is not given as {vorm}"
        if Leveringsvorm.PGB not in voorziening.leveringsvormen and tarief.pgb_informeel:
            yield (*at, "pgb_informeel"), f"{key!r} is not given as pgb"
        for name in ("natura", "pgb_formeel", "pgb_informeel"):
            for eenheid in getattr(tarief, name):
                if eenheid not in voorziening.eenheden:
                    yield (*at, name, eenheid), f"Eenheid {eenheid} is not allowed for {key!r}"
    for voorziening in catalogue.voorzieningen:
        if voorziening.soort is Soort.DIENST and voorziening.inkoop is Inkoop.GEMEENTE:
            yield from _missing_tariffs(voorziening, tariffs)


def _missing_tariffs(voorziening: Voorziening, tariffs: Tariffs) -> Iterator[Complaint]:
    tarief = tariffs.tarieven.get(voorziening.key)
    if tarief is None:
        yield ("tarieven",), f"no tariffs for {voorziening.key!r}"
        return
    needed = (("natura", Leveringsvorm.NATURA), ("pgb_formeel", Leveringsvorm.PGB))
    for name, vorm in needed:
        if vorm in voorziening.leveringsvormen:
            for eenheid in voorziening.eenheden:
                if eenheid not in getattr(tarief, name):
                    yield ("tarieven", voorziening.key, name), f"no tariff for Eenheid {eenheid}"
