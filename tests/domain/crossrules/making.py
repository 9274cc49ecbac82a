"""Builders of the messages the cross-message tests send: a small world where everything fits.

One gemeente (0363) and its aanbieder (12345678), one client, and one assignment (100001): begeleiding
02/02B01, four hours a week through 2026. Every builder gives a valid message of that world; a test
changes only what its rule is about. Each header gets an Identificatie of its own.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime

from gateway.domain import (
    AangevraagdProduct,
    Antwoord,
    AntwoordBericht,
    AntwoordRetour,
    Bedrag,
    BerichtIdentificatie,
    Client,
    Declaratie,
    DeclaratieAntwoord,
    DeclaratieAntwoordBericht,
    DeclaratieAntwoordHeader,
    DeclaratieBericht,
    DeclaratieClient,
    Header,
    NieuwProduct,
    Omvang,
    OngewijzigdProduct,
    Periode,
    Prestatie,
    Product,
    RetourHeader,
    StartBericht,
    StartProduct,
    StopBericht,
    StopProduct,
    TeWijzigenProduct,
    Toewijzing,
    ToewijzingBericht,
    ToewijzingRetour,
    Verwijzer,
    Verzoek,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
    XsdVersie,
    month_of,
)

GEMEENTE = "0363"
AANBIEDER = "12345678"
ANDERE_AANBIEDER = "87654321"
BSN = "999900006"
ANDERE_BSN = "999900018"
NUMMER = 100001
PRODUCT = Product("02", "02B01")
VIER_UUR_PER_WEEK = Omvang(4, "04", "2")
ZES_UUR_PER_WEEK = Omvang(6, "04", "2")
PERSOONLIJKE_VERZORGING = Product("03", "03A01")
TARIEF = 7400
"""The natura tariff of 02B01 per hour in the policy mapping (TR418)."""
JANUARI = month_of(date(2026, 1, 1))
FEBRUARI = month_of(date(2026, 2, 1))
MAART = month_of(date(2026, 3, 1))
TODAY = date(2026, 6, 1)
XSD = XsdVersie("1.0.0", "1.0.0")

_identificaties = itertools.count(1)


def header(
    code: str,
    afzender: str,
    ontvanger: str,
    *,
    identificatie: str | None = None,
    dagtekening: date = date(2026, 3, 2),
) -> Header:
    return Header(
        bericht_code=code,
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=BerichtIdentificatie(
            identificatie or f"T{next(_identificaties):08d}", dagtekening
        ),
        xsd_versie=XSD,
    )


def toewijzing(
    nummer: int = NUMMER,
    *,
    product: Product | None = PRODUCT,
    ingangsdatum: date = date(2026, 1, 1),
    einddatum: date | None = date(2026, 12, 31),
    omvang: Omvang | None = VIER_UUR_PER_WEEK,
    budget: int | None = None,
    reden: str | None = None,
    referentie: str | None = None,
    vastgesteld: datetime = datetime(2025, 12, 15, 9, 0),
) -> Toewijzing:
    return Toewijzing(
        toewijzing_nummer=nummer,
        referentie_aanbieder=referentie,
        product=product,
        toewijzingsdatum=vastgesteld.date(),
        toewijzingstijd=vastgesteld.time(),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        reden_wijziging=reden,
        omvang=omvang,
        budget=budget,
        commentaar=None,
    )


def wmo301(
    *toewijzingen: Toewijzing, bsn: str = BSN, aanbieder: str = AANBIEDER, identificatie: str | None = None
) -> ToewijzingBericht:
    head = header("414", GEMEENTE, aanbieder, identificatie=identificatie)
    return ToewijzingBericht(head, Client(bsn), toewijzingen or (toewijzing(),))


def start(
    nummer: int | None = NUMMER,
    *,
    begindatum: date = date(2026, 1, 5),
    status: str = "1",
    product: Product | None = PRODUCT,
) -> StartProduct:
    return StartProduct(nummer, product, date(2026, 1, 1), begindatum, status)


def stop(
    nummer: int | None = NUMMER,
    *,
    begindatum: date = date(2026, 1, 5),
    einddatum: date = date(2026, 3, 31),
    reden: str = "19",
    status: str = "1",
    product: Product | None = PRODUCT,
) -> StopProduct:
    return StopProduct(nummer, product, date(2026, 1, 1), begindatum, reden, einddatum, status)


def wmo305(*starts: StartProduct, bsn: str = BSN, aanbieder: str = AANBIEDER) -> StartBericht:
    return StartBericht(header("418", aanbieder, GEMEENTE), Client(bsn), starts or (start(),))


def wmo307(*stops: StopProduct, bsn: str = BSN, aanbieder: str = AANBIEDER) -> StopBericht:
    return StopBericht(header("420", aanbieder, GEMEENTE), Client(bsn), stops or (stop(),))


def aangevraagd(referentie: str = "VOT-1", *, product: Product | None = PRODUCT) -> AangevraagdProduct:
    return AangevraagdProduct(
        referentie_aanbieder=referentie,
        beschikking_nummer=None,
        product=product,
        beschikking_ingangsdatum=None,
        toewijzing_ingangsdatum=date(2026, 4, 1),
        toewijzing_einddatum=date(2026, 12, 31),
        omvang=VIER_UUR_PER_WEEK,
        budget=None,
        verwijzer=Verwijzer("01", None, None),
        raamcontract=None,
        commentaar=None,
    )


def wmo315(
    *products: AangevraagdProduct, bsn: str = BSN, aanbieder: str = AANBIEDER
) -> VerzoekOmToewijzingBericht:
    return VerzoekOmToewijzingBericht(
        header("444", aanbieder, GEMEENTE), Client(bsn), products or (aangevraagd(),)
    )


def te_wijzigen(
    nummer: int = NUMMER,
    *,
    gewenst: date = date(2026, 7, 1),
    einddatum: date | None = None,
    omvang: Omvang | None = ZES_UUR_PER_WEEK,
    budget: int | None = None,
) -> TeWijzigenProduct:
    return TeWijzigenProduct(nummer, gewenst, einddatum, omvang, budget)


def nieuw(
    product: Product | None = PERSOONLIJKE_VERZORGING,
    *,
    gewenst: date = date(2026, 7, 1),
    einddatum: date | None = date(2026, 12, 31),
) -> NieuwProduct:
    return NieuwProduct(product, gewenst, einddatum, VIER_UUR_PER_WEEK, None)


def wmo317(
    *,
    referentie: str = "VOW-1",
    ongewijzigd: tuple[int, ...] = (),
    wijzigen: tuple[TeWijzigenProduct, ...] = (),
    nieuw: tuple[NieuwProduct, ...] = (),
    bsn: str = BSN,
    aanbieder: str = AANBIEDER,
    dagtekening: date = date(2026, 6, 1),
) -> VerzoekOmWijzigingBericht:
    verzoek = Verzoek(referentie, "1", tuple(OngewijzigdProduct(n) for n in ongewijzigd), wijzigen, nieuw)
    return VerzoekOmWijzigingBericht(
        header("480", aanbieder, GEMEENTE, dagtekening=dagtekening), Client(bsn), verzoek
    )


def wmo319(referentie: str = "VOT-1", antwoord: str = "1", *, aanbieder: str = AANBIEDER) -> AntwoordBericht:
    reden = "01" if antwoord == "1" else None
    return AntwoordBericht(header("482", GEMEENTE, aanbieder), Antwoord(referentie, antwoord, reden))


def prestatie(
    referentie: str = "R1",
    *,
    nummer: int = NUMMER,
    periode: Periode = FEBRUARI,
    volume: int = 12,
    eenheid: str = "04",
    tarief: int | None = TARIEF,
    credit_of: str | None = None,
    product: Product = PRODUCT,
) -> Prestatie:
    """A line for `volume` hours (or minutes, or euro cents for 83), priced by `tarief` per hour."""
    per_unit = tarief or 1
    bedrag = volume * per_unit // 60 if eenheid == "01" else volume * per_unit
    return Prestatie(
        referentie_nummer=referentie,
        vorig_referentie_nummer=credit_of,
        toewijzing_nummer=nummer,
        product_categorie=product.categorie,
        product_code=product.code or "",
        product_periode=periode,
        geleverd_volume=volume,
        eenheid=eenheid,
        product_tarief=tarief,
        ingediend_bedrag=Bedrag(bedrag, "C" if credit_of else "D"),
    )


def client(*prestaties: Prestatie, bsn: str = BSN) -> DeclaratieClient:
    return DeclaratieClient(bsn, prestaties)


def wmo323(
    *clienten: DeclaratieClient,
    nummer: str | None = None,
    periode: Periode = FEBRUARI,
    aanbieder: str = AANBIEDER,
) -> DeclaratieBericht:
    clienten = clienten or (client(prestatie()),)
    total = sum(p.signed_bedrag for c in clienten for p in c.prestaties)
    head = header("484", aanbieder, GEMEENTE)
    declaratie = Declaratie(
        declaratie_nummer=nummer or f"D{head.bericht_identificatie.identificatie}",
        declaratie_periode=periode,
        declaratie_dagtekening=date(2026, 3, 2),
        totaal_ingediend_bedrag=Bedrag(abs(total), "C" if total < 0 else "D"),
        clienten=clienten,
    )
    return DeclaratieBericht(head, declaratie)


def claim(
    *prestaties: Prestatie, nummer: str | None = None, periode: Periode = FEBRUARI
) -> DeclaratieBericht:
    """A claim for the one client with these lines."""
    return wmo323(client(*prestaties), nummer=nummer, periode=periode)


def wmo325(
    answered: DeclaratieBericht, *returned: DeclaratieClient, nummer: str | None = None, xsd: XsdVersie = XSD
) -> DeclaratieAntwoordBericht:
    """The gemeente's answer on `answered`, returning `returned` as rejected."""
    claimed = answered.declaratie
    head = header("485", answered.header.ontvanger, answered.header.afzender)
    answer_header = DeclaratieAntwoordHeader(
        **{name: getattr(head, name) for name in Header.__dataclass_fields__},
        declaratie_identificatie=answered.header.bericht_identificatie,
        xslt_versie=None,
        xsd_versie_declaratie=xsd,
        retour_codes=("0200",),
    )
    rejected = sum(p.signed_bedrag for c in returned for p in c.prestaties)
    granted = claimed.totaal_ingediend_bedrag.signed - rejected
    answer = DeclaratieAntwoord(
        declaratie_nummer=nummer or claimed.declaratie_nummer,
        totaal_ingediend_bedrag=claimed.totaal_ingediend_bedrag,
        totaal_toegekend_bedrag=Bedrag(abs(granted), "C" if granted < 0 else "D"),
        clienten=returned,
        retour_codes=("0200",) if returned else ("8001",),
    )
    return DeclaratieAntwoordBericht(answer_header, answer)


def wmo302(answered: ToewijzingBericht, *codes: str) -> ToewijzingRetour:
    """The aanbieder's retour on `answered`: accepted without codes, else rejected with them."""
    return ToewijzingRetour(_retour_header(answered.header, "415", codes), None, ())


def wmo320(answered: AntwoordBericht, *codes: str) -> AntwoordRetour:
    """The aanbieder's retour on `answered`: accepted without codes, else rejected with them."""
    return AntwoordRetour(_retour_header(answered.header, "483", codes), None)


def _retour_header(heen: Header, bericht_code: str, codes: tuple[str, ...]) -> RetourHeader:
    return RetourHeader(
        **{name: getattr(heen, name) for name in Header.__dataclass_fields__ if name != "bericht_code"},
        bericht_code=bericht_code,
        identificatie_retour=f"R{next(_identificaties):08d}",
        dagtekening_retour=date(2026, 3, 3),
        xslt_versie=None,
        xsd_versie_retour=XSD,
        retour_codes=codes,
    )
