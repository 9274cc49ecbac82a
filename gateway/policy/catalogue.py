"""The loaded policy and its lookups, so callers find a voorziening by key or by iWmo product alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from gateway.policy.models import Catalogue, PgbRules, PriceTable, Tariffs, Voorziening


@dataclass(frozen=True, slots=True)
class Policy:
    """The gemeente's catalogue of maatwerkvoorzieningen and its tariffs, as validated at start-up."""

    directory: Path
    catalogue: Catalogue
    tariffs: Tariffs
    by_key: Mapping[str, Voorziening]
    by_product: Mapping[tuple[str, str], Voorziening]

    @classmethod
    def of(cls, directory: Path, catalogue: Catalogue, tariffs: Tariffs) -> Policy:
        return cls(
            directory=directory,
            catalogue=catalogue,
            tariffs=tariffs,
            by_key=MappingProxyType({v.key: v for v in catalogue.voorzieningen}),
            by_product=MappingProxyType(
                {(v.productcategorie, v.productcode): v for v in catalogue.voorzieningen}
            ),
        )

    @property
    def voorzieningen(self) -> tuple[Voorziening, ...]:
        return self.catalogue.voorzieningen

    @property
    def pgb(self) -> PgbRules:
        return self.catalogue.pgb

    def voorziening(self, key: str) -> Voorziening:
        """The voorziening with this catalogue key; KeyError when there is none."""
        return self.by_key[key]

    def find(self, productcategorie: str, productcode: str) -> Voorziening | None:
        """The voorziening an iWmo Product (Categorie and Code) stands for, if it is in the catalogue."""
        return self.by_product.get((productcategorie, productcode))

    def price_table(self, name: str) -> PriceTable:
        return self.catalogue.prijstabellen[name]

    def natura_tarief(self, key: str, eenheid: str) -> int | None:
        """Euro cents per eenheid paid for the voorziening in natura, when the gemeente sets it."""
        tarief = self.tariffs.tarieven.get(key)
        return None if tarief is None else tarief.natura.get(eenheid)

    def pgb_tarief(self, key: str, eenheid: str, *, informeel: bool = False) -> int | None:
        """Euro cents per eenheid of a pgb, for formal or informal help, when the gemeente sets it."""
        tarief = self.tariffs.tarieven.get(key)
        if tarief is None:
            return None
        return (tarief.pgb_informeel if informeel else tarief.pgb_formeel).get(eenheid)
