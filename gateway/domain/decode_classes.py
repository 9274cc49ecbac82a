"""Decoding the business classes (assignments, deliveries, requests, claims), heen and retour alike."""

from __future__ import annotations

from gateway.domain.declaraties import Declaratie, DeclaratieAntwoord, DeclaratieClient, Prestatie
from gateway.domain.decode_parts import bedrag, omvang, periode, product, totaal_bedrag
from gateway.domain.products import StartProduct, StopProduct, Toewijzing
from gateway.domain.reading import Node
from gateway.domain.verzoeken import (
    AangevraagdProduct,
    Antwoord,
    NieuwProduct,
    OngewijzigdProduct,
    TeWijzigenProduct,
    Verwijzer,
    Verzoek,
)


def toewijzing(node: Node) -> Toewijzing:
    return Toewijzing(
        toewijzing_nummer=node.integer_of("ToewijzingNummer"),
        referentie_aanbieder=node.optional_text_of("ReferentieAanbieder"),
        product=node.maybe("Product", product),
        toewijzingsdatum=node.date_of("Toewijzingsdatum"),
        toewijzingstijd=node.time_of("Toewijzingstijd"),
        ingangsdatum=node.date_of("Ingangsdatum"),
        einddatum=node.optional_date_of("Einddatum"),
        reden_wijziging=node.optional_text_of("RedenWijziging"),
        omvang=node.maybe("Omvang", omvang),
        budget=node.optional_integer_of("Budget"),
        commentaar=node.optional_text_of("Commentaar"),
        retour_codes=node.retour_codes(),
    )


def start_product(node: Node) -> StartProduct:
    return StartProduct(
        toewijzing_nummer=node.optional_integer_of("ToewijzingNummer"),
        product=node.maybe("Product", product),
        toewijzing_ingangsdatum=node.optional_date_of("ToewijzingIngangsdatum"),
        begindatum=node.date_of("Begindatum"),
        status_aanlevering=node.text_of("StatusAanlevering"),
        retour_codes=node.retour_codes(),
    )


def stop_product(node: Node) -> StopProduct:
    return StopProduct(
        toewijzing_nummer=node.optional_integer_of("ToewijzingNummer"),
        product=node.maybe("Product", product),
        toewijzing_ingangsdatum=node.optional_date_of("ToewijzingIngangsdatum"),
        begindatum=node.date_of("Begindatum"),
        reden_beeindiging=node.text_of("RedenBeeindiging"),
        einddatum=node.date_of("Einddatum"),
        status_aanlevering=node.text_of("StatusAanlevering"),
        retour_codes=node.retour_codes(),
    )


def _verwijzer(node: Node) -> Verwijzer:
    return Verwijzer(
        type=node.text_of("Type"),
        naam=node.optional_text_of("Naam"),
        zorgverlener_code=node.optional_text_of("ZorgverlenerCode"),
    )


def aangevraagd_product(node: Node) -> AangevraagdProduct:
    return AangevraagdProduct(
        referentie_aanbieder=node.text_of("ReferentieAanbieder"),
        beschikking_nummer=node.optional_integer_of("BeschikkingNummer"),
        product=node.maybe("Product", product),
        beschikking_ingangsdatum=node.optional_date_of("BeschikkingIngangsdatum"),
        toewijzing_ingangsdatum=node.date_of("ToewijzingIngangsdatum"),
        toewijzing_einddatum=node.optional_date_of("ToewijzingEinddatum"),
        omvang=node.maybe("Omvang", omvang),
        budget=node.optional_integer_of("Budget"),
        verwijzer=node.read("Verwijzer", _verwijzer),
        raamcontract=node.optional_text_of("Raamcontract"),
        commentaar=node.optional_text_of("Commentaar"),
        retour_codes=node.retour_codes(),
    )


def _ongewijzigd_product(node: Node) -> OngewijzigdProduct:
    return OngewijzigdProduct(node.integer_of("ToewijzingNummer"), node.retour_codes())


def _te_wijzigen_product(node: Node) -> TeWijzigenProduct:
    return TeWijzigenProduct(
        toewijzing_nummer=node.integer_of("ToewijzingNummer"),
        gewenste_ingangsdatum=node.date_of("GewensteIngangsdatum"),
        einddatum=node.optional_date_of("Einddatum"),
        omvang=node.maybe("Omvang", omvang),
        budget=node.optional_integer_of("Budget"),
        retour_codes=node.retour_codes(),
    )


def _nieuw_product(node: Node) -> NieuwProduct:
    return NieuwProduct(
        product=node.maybe("Product", product),
        gewenste_ingangsdatum=node.date_of("GewensteIngangsdatum"),
        einddatum=node.optional_date_of("Einddatum"),
        omvang=node.maybe("Omvang", omvang),
        budget=node.optional_integer_of("Budget"),
        retour_codes=node.retour_codes(),
    )


def verzoek(node: Node) -> Verzoek:
    return Verzoek(
        referentie_aanbieder=node.text_of("ReferentieAanbieder"),
        reden_verzoek=node.text_of("RedenVerzoek"),
        ongewijzigde_producten=tuple(
            _ongewijzigd_product(n) for n in node.each("OngewijzigdeProducten", "OngewijzigdProduct")
        ),
        te_wijzigen_producten=tuple(
            _te_wijzigen_product(n) for n in node.each("TeWijzigenProducten", "TeWijzigenProduct")
        ),
        nieuwe_producten=tuple(_nieuw_product(n) for n in node.each("NieuweProducten", "NieuwProduct")),
        retour_codes=node.retour_codes(),
    )


def antwoord(node: Node) -> Antwoord:
    return Antwoord(
        referentie_aanbieder=node.text_of("ReferentieAanbieder"),
        verzoek_antwoord=node.text_of("VerzoekAntwoord"),
        reden_afwijzing_verzoek=node.optional_text_of("RedenAfwijzingVerzoek"),
        retour_codes=node.retour_codes(),
    )


def _prestatie(node: Node) -> Prestatie:
    referentie = node.one("ProductReferentie")
    return Prestatie(
        referentie_nummer=referentie.text_of("ReferentieNummer"),
        vorig_referentie_nummer=referentie.optional_text_of("VorigReferentieNummer"),
        toewijzing_nummer=node.integer_of("ToewijzingNummer"),
        product_categorie=node.text_of("ProductCategorie"),
        product_code=node.text_of("ProductCode"),
        product_periode=node.read("ProductPeriode", periode),
        geleverd_volume=node.integer_of("GeleverdVolume"),
        eenheid=node.text_of("Eenheid"),
        product_tarief=node.optional_integer_of("ProductTarief"),
        ingediend_bedrag=node.read("IngediendBedrag", bedrag),
        retour_codes=node.retour_codes(),
    )


def _declaratie_client(node: Node) -> DeclaratieClient:
    return DeclaratieClient(
        bsn=node.text_of("Bsn"),
        prestaties=tuple(_prestatie(n) for n in node.each("Prestaties", "Prestatie")),
        retour_codes=node.retour_codes(),
    )


def declaratie(node: Node) -> Declaratie:
    return Declaratie(
        declaratie_nummer=node.text_of("DeclaratieNummer"),
        declaratie_periode=node.read("DeclaratiePeriode", periode),
        declaratie_dagtekening=node.date_of("DeclaratieDagtekening"),
        totaal_ingediend_bedrag=node.read("TotaalIngediendBedrag", totaal_bedrag),
        clienten=tuple(_declaratie_client(n) for n in node.each("Clienten", "Client")),
    )


def declaratie_antwoord(node: Node) -> DeclaratieAntwoord:
    return DeclaratieAntwoord(
        declaratie_nummer=node.text_of("DeclaratieNummer"),
        totaal_ingediend_bedrag=node.read("TotaalIngediendBedrag", totaal_bedrag),
        totaal_toegekend_bedrag=node.read("TotaalToegekendBedrag", totaal_bedrag),
        clienten=tuple(_declaratie_client(n) for n in node.each("Clienten", "Client")),
        retour_codes=node.retour_codes(),
    )
