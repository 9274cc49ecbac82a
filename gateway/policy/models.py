"""The shape of the mapping files, so a file that does not fit it is refused at start-up.

Types and code lists are checked here, field by field; rules that tie fields, entries or files
together live in `consistency`, where each problem can be pinned to the field it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from gateway.policy.codelists import EENHEID, FREQUENTIE, PRODUCTCATEGORIE


def _code_in(codes: Mapping[str, str], name: str, codelist: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in codes:
            raise ValueError(f"unknown {name} {value!r}: not in iWmo code list {codelist}")
        return value

    return check


Text = Annotated[str, StringConstraints(strict=True, min_length=1, strip_whitespace=True)]
Key = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]*$")]
Artikel = Text
Cents = Annotated[StrictInt, Field(gt=0)]
Count = Annotated[StrictInt, Field(ge=0)]
ProductCategorie = Annotated[
    str,
    StringConstraints(strict=True),
    AfterValidator(_code_in(PRODUCTCATEGORIE, "ProductCategorie", "WMO020")),
]
ProductCode = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=5)]
Eenheid = Annotated[
    str, StringConstraints(strict=True), AfterValidator(_code_in(EENHEID, "Eenheid", "WJ756"))
]
Frequentie = Annotated[
    str, StringConstraints(strict=True), AfterValidator(_code_in(FREQUENTIE, "Frequentie", "WMO757"))
]


class Leveringsvorm(StrEnum):
    """How a voorziening reaches the client; a tegemoetkoming is money paid to them (Verordening art. 18)."""

    NATURA = "natura"
    PGB = "pgb"
    TEGEMOETKOMING = "tegemoetkoming"


class Soort(StrEnum):
    """What kind of maatwerkvoorziening it is; it decides how long an eigen bijdrage runs (hoofdstuk 4)."""

    DIENST = "dienst"
    MATERIELE_VOORZIENING = "materiele_voorziening"
    FINANCIELE_TEGEMOETKOMING = "financiele_tegemoetkoming"


class Inkoop(StrEnum):
    """Who buys the voorziening in, and so who sets its tariffs."""

    GEMEENTE = "gemeente"
    REGIO = "regio"
    LANDELIJK = "landelijk"
    CENTRUMGEMEENTE = "centrumgemeente"


class Duur(StrEnum):
    """How long the CAK eigen bijdrage runs (hoofdstuk 4, "Duur van de eigen bijdrage")."""

    ZOLANG_GEBRUIK = "zolang_gebruik"
    TOT_KOSTPRIJS = "tot_kostprijs"


class Vrijstelling(StrEnum):
    """Why a voorziening carries no CAK eigen bijdrage (hoofdstuk 4, the exceptions)."""

    ROLSTOEL = "rolstoel"
    COLLECTIEF_VERVOER = "collectief_vervoer"
    FINANCIELE_TEGEMOETKOMING = "financiele_tegemoetkoming"
    BESCHERMD_WONEN = "beschermd_wonen"


class Model(BaseModel):
    """Mapping data: immutable, and no field the model does not know (a typo is an error, not a no-op)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Model):
    """A length of time in calendar terms, so "6 maanden" stays six calendar months."""

    years: Count = 0
    months: Count = 0
    days: Count = 0

    @model_validator(mode="after")
    def _not_empty(self) -> Span:
        if not (self.years or self.months or self.days):
            raise ValueError("a period needs years, months or days above 0")
        return self


class Limit(Model):
    """What every limit carries: the artikel it comes from, and whether the college may set it aside."""

    artikel: Artikel
    afwijkbaar: StrictBool = False


class DurationLimit(Limit, Span):
    """A longest or shortest period from ingangsdatum to einddatum."""


class VolumeLimit(Limit):
    """A most volume over the whole period of the voorziening."""

    amount: Annotated[StrictInt, Field(gt=0)]
    eenheid: Eenheid


class RateLimit(Limit):
    """A most volume per day, week, month or year."""

    amount: Annotated[StrictInt, Field(gt=0)]
    eenheid: Eenheid
    per: Literal["dag", "week", "maand", "jaar"]


class BesideLimit(Limit):
    """Only beside one of `any_of`, or following one of `or_following` (current or already ended)."""

    any_of: Annotated[tuple[Key, ...], Field(min_length=1)]
    or_following: tuple[Key, ...] = ()


class KmReduction(Model):
    """A lower kilometre maximum while the client has one of `beside_any_of` too."""

    km: Annotated[StrictInt, Field(gt=0)]
    beside_any_of: Annotated[tuple[Key, ...], Field(min_length=1)]
    afwijkbaar: StrictBool = False


class KmLimit(Limit):
    """A most number of kilometres a year; `required` when the decision must state them."""

    km: Annotated[StrictInt, Field(gt=0)]
    required: StrictBool = False
    reduced: KmReduction | None = None


class AmountLimit(Limit):
    """A most amount of money for the voorziening."""

    cents: Cents


class PriceTableLimit(Limit):
    """A most amount made up of the posts of a price table (`prijstabellen`)."""

    table: Key


class WoningaanpassingLimit(Limit):
    """The terms of a pgb for a woningaanpassing: start of the works and spending of the whole pgb."""

    start_within: Span
    spent_within: Span


class AgeLimit(Limit):
    """A least age of the client on the ingangsdatum."""

    years: Annotated[StrictInt, Field(gt=0)]


class Limits(Model):
    """Every limit the Beleidsregels set on one voorziening; absent means no such limit."""

    max_duration: DurationLimit | None = None
    min_duration: DurationLimit | None = None
    max_volume_total: VolumeLimit | None = None
    max_rate: RateLimit | None = None
    requires_beside: BesideLimit | None = None
    max_km_per_year: KmLimit | None = None
    max_amount: AmountLimit | None = None
    price_table: PriceTableLimit | None = None
    pgb_duration: DurationLimit | None = None
    pgb_woningaanpassing: WoningaanpassingLimit | None = None
    min_age: AgeLimit | None = None

    @property
    def read_other_provisions(self) -> bool:
        """Whether a check depends on what else the client has: "only beside", or fewer km beside another."""
        km = self.max_km_per_year
        return self.requires_beside is not None or (km is not None and km.reduced is not None)


class EigenBijdrage(Model):
    """Whether and how the CAK eigen bijdrage applies, for the work that hands clients to the CAK."""

    cak: StrictBool
    vanaf: date | None = None
    duur: Duur | None = None
    minderjarigen: StrictBool = False
    vrijstelling: Vrijstelling | None = None


class Voorziening(Model):
    """One maatwerkvoorziening of the Beleidsregels, with its iWmo product and its limits."""

    key: Key
    naam: Text
    artikel: Artikel
    soort: Soort
    productcategorie: ProductCategorie
    productcode: ProductCode
    inkoop: Inkoop = Inkoop.GEMEENTE
    eenheden: Annotated[tuple[Eenheid, ...], Field(min_length=1)]
    frequenties: Annotated[tuple[Frequentie, ...], Field(min_length=1)]
    leveringsvormen: Annotated[tuple[Leveringsvorm, ...], Field(min_length=1)]
    eigen_bijdrage: EigenBijdrage
    limits: Limits = Limits()


class ArtikelRef(Model):
    """A rule that is on or off, and the artikel that sets it."""

    artikel: Artikel


class PgbRules(Model):
    """Rules on the pgb that hold for every voorziening (hoofdstuk 3)."""

    geen_pgb_bij_spoed: ArtikelRef | None = None


class PricePost(Model):
    """One post of a price table; `per_stuk` when it may be counted more than once (per slaapkamer)."""

    cents: Cents
    per_stuk: StrictBool = False


class PriceTable(Model):
    """A table of most amounts per post, such as the Prijzenboek Bijzondere Bijstand posts of 7.1.10."""

    artikel: Artikel
    posten: Annotated[dict[Key, PricePost], Field(min_length=1)]


class Catalogue(Model):
    """The file `catalogue.yaml`: every maatwerkvoorziening and the rules around them."""

    bron: Text
    geldig_vanaf: date
    productcode_schema: Annotated[
        dict[Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z]$")], Text], Field(min_length=1)
    ]
    pgb: PgbRules = PgbRules()
    prijstabellen: dict[Key, PriceTable] = {}
    voorzieningen: Annotated[tuple[Voorziening, ...], Field(min_length=1)]


class Tarief(Model):
    """The tariffs of one voorziening, in euro cents per Eenheid."""

    natura: dict[Eenheid, Cents] = {}
    pgb_formeel: dict[Eenheid, Cents] = {}
    pgb_informeel: dict[Eenheid, Cents] = {}


class Tariffs(Model):
    """The file `tariffs.yaml`: values the gemeente sets, marked `voorlopig` until the college fixes them."""

    vastgesteld_door: Literal["gemeente"]
    status: Literal["voorlopig", "vastgesteld"]
    geldig_vanaf: date
    tarieven: dict[Key, Tarief]
