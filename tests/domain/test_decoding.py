"""Every valid message decodes into its domain value, holding what the message says."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from gateway.domain import (
    DECODERS,
    AntwoordBericht,
    AntwoordRetour,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    Omvang,
    Periode,
    Product,
    StartBericht,
    StartRetour,
    StopBericht,
    StopRetour,
    ToewijzingBericht,
    ToewijzingRetour,
    VerzoekOmToewijzingBericht,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijzigingBericht,
    VerzoekOmWijzigingRetour,
)
from gateway.messages.registry import default_registry
from tests.domain.decoded import decoded, decoded_bytes
from tests.fixture_files import FIXTURES

VALID = sorted(FIXTURES.glob("WMO*/valid/*.xml"))
VALUE_OF = {
    "WMO301": ToewijzingBericht,
    "WMO302": ToewijzingRetour,
    "WMO305": StartBericht,
    "WMO306": StartRetour,
    "WMO307": StopBericht,
    "WMO308": StopRetour,
    "WMO315": VerzoekOmToewijzingBericht,
    "WMO316": VerzoekOmToewijzingRetour,
    "WMO317": VerzoekOmWijzigingBericht,
    "WMO318": VerzoekOmWijzigingRetour,
    "WMO319": AntwoordBericht,
    "WMO320": AntwoordRetour,
    "WMO323": DeclaratieBericht,
    "WMO325": DeclaratieAntwoordBericht,
}


@pytest.mark.parametrize("path", VALID, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_valid_fixture_decodes_to_the_value_of_its_message(path: Path) -> None:
    assert type(decoded_bytes(path.read_bytes())) is VALUE_OF[path.parents[1].name]


def test_there_is_a_decoder_for_every_message_of_the_release() -> None:
    assert set(DECODERS) == {m.code for m in default_registry().release("3.2").messages}


def test_wmo301_gives_header_client_and_toewijzing() -> None:
    bericht = decoded("WMO301/valid/minimal.xml", ToewijzingBericht)
    assert (bericht.header.bericht_code, bericht.header.bericht_versie, bericht.header.bericht_subversie) == (
        "414",
        3,
        2,
    )
    assert (bericht.header.afzender, bericht.header.ontvanger) == ("1916", "12345678")
    assert bericht.header.bericht_identificatie.identificatie == "T301-0001"
    assert bericht.header.bericht_identificatie.dagtekening == date(2026, 3, 2)
    assert bericht.header.xsd_versie.bericht_xsd_versie == "1.0.0"
    assert bericht.client.bsn == "999900006"
    assert bericht.client.geboortedatum is not None
    assert bericht.client.geboortedatum.datum == date(1950, 6, 15)
    (toewijzing,) = bericht.toewijzingen
    assert toewijzing.toewijzing_nummer == 100001
    assert toewijzing.product == Product("01", "01A01")
    assert (toewijzing.toewijzingsdatum, toewijzing.toewijzingstijd) == (date(2026, 3, 1), time(9, 0))
    assert (toewijzing.ingangsdatum, toewijzing.einddatum) == (date(2026, 3, 1), date(2026, 12, 31))
    assert toewijzing.omvang == Omvang(4, "04", "2")
    assert toewijzing.budget is None


def test_wmo301_gives_relaties_contacts_and_every_kind_of_assignment() -> None:
    bericht = decoded("WMO301/valid/rich.xml", ToewijzingBericht)
    naam = bericht.client.naam
    assert naam is not None
    assert naam.partnernaam is not None
    assert (naam.partnernaam.voorvoegsel, naam.partnernaam.achternaam) == ("van", "Bakker")
    assert naam.naam_gebruik == "4"
    assert bericht.client.communicatie is not None
    assert bericht.client.communicatie.taal == "Turks"
    (relatie,) = bericht.client.relaties
    assert (relatie.nummer, relatie.volgorde, relatie.soort) == ("R-0001", 1, "16")
    assert relatie.contact.adres is not None
    assert relatie.contact.adres.huis is not None
    assert relatie.contact.adres.huis.huisnummer == 12
    tijdelijk = bericht.client.contactgegevens[1]
    assert tijdelijk.periode is not None
    assert tijdelijk.periode.begindatum == date(2026, 1, 1)
    assert tijdelijk.periode.einddatum == date(2026, 6, 30)
    specifiek, generiek, aspecifiek, verwijderd = bericht.toewijzingen
    assert specifiek.referentie_aanbieder == "VOT-2026-0001"
    assert (generiek.product, generiek.budget, generiek.reden_wijziging) == (None, 150000, "05")
    assert aspecifiek.product == Product("01", None)
    assert verwijderd.reden_wijziging == "13"
    assert verwijderd.ingangsdatum == verwijderd.einddatum == date(2026, 4, 1)


def test_wmo302_gives_retourcodes_on_every_class() -> None:
    retour = decoded("WMO302/valid/rejected-client.xml", ToewijzingRetour)
    assert retour.header.bericht_code == "415"
    assert (retour.header.identificatie_retour, retour.header.xslt_versie) == ("R302-0001", "2.10.5")
    assert retour.header.bericht_identificatie.identificatie == "T301-0002"
    assert retour.header.retour_codes == ("0200",)
    assert retour.client is not None
    assert retour.client.retour_codes == ("0200",)
    assert retour.client.relaties[0].retour_codes == ("0200",)
    assert retour.client.relaties[0].contact.retour_codes == ("0200",)
    assert [c.retour_codes for c in retour.client.contactgegevens] == [("0200",), ("0200",)]
    assert [(t.toewijzing_nummer, t.retour_codes) for t in retour.toewijzingen] == [
        (200001, ("9332",)),
        (200002, ("0200",)),
        (200003, ("0200",)),
        (200004, ("0200",)),
    ]


def test_an_accepting_retour_holds_only_its_header() -> None:
    retour = decoded("WMO302/valid/accepted.xml", ToewijzingRetour)
    assert (retour.client, retour.toewijzingen, retour.header.retour_codes) == (None, (), ())


def test_wmo305_gives_start_products_with_their_status() -> None:
    bericht = decoded("WMO305/valid/rich.xml", StartBericht)
    assert [(s.toewijzing_nummer, s.begindatum, s.status_aanlevering) for s in bericht.start_producten] == [
        (200001, date(2026, 3, 3), "1"),
        (200003, date(2026, 3, 4), "1"),
        (200003, date(2026, 3, 2), "3"),
    ]
    assert bericht.start_producten[1].product == Product("01", None)
    assert bericht.client.naam is not None
    assert bericht.client.naam.naam_gebruik is None


def test_wmo306_gives_the_code_of_the_rejected_start() -> None:
    retour = decoded("WMO306/valid/rejected-client.xml", StartRetour)
    assert [s.retour_codes for s in retour.start_producten] == [("0200",), ("0200",), ("9063",)]


def test_wmo306_of_a_stylesheet_rejection_has_0001_on_the_header() -> None:
    retour = decoded("WMO306/valid/rejected-stylesheet.xml", StartRetour)
    assert (retour.header.retour_codes, retour.client) == (("0001",), None)


def test_wmo307_gives_stop_products_with_reason_and_end() -> None:
    bericht = decoded("WMO307/valid/rich.xml", StopBericht)
    tijdelijk = bericht.stop_producten[0]
    assert (tijdelijk.reden_beeindiging, tijdelijk.einddatum, tijdelijk.begindatum) == (
        "20",
        date(2026, 4, 30),
        date(2026, 3, 3),
    )
    assert bericht.client.geboortedatum is not None
    assert bericht.client.geboortedatum.datum_gebruik == "3"


def test_wmo308_gives_the_code_of_the_rejected_stop() -> None:
    retour = decoded("WMO308/valid/rejected-client.xml", StopRetour)
    assert [s.retour_codes for s in retour.stop_producten] == [("0200",), ("9063",), ("0200",)]


def test_wmo315_gives_requested_products_with_referrer() -> None:
    bericht = decoded("WMO315/valid/rich.xml", VerzoekOmToewijzingBericht)
    specifiek, generiek, aspecifiek = bericht.aangevraagde_producten
    assert (specifiek.referentie_aanbieder, specifiek.beschikking_nummer) == ("VOT-2026-0002", 4711)
    assert specifiek.beschikking_ingangsdatum == date(2026, 2, 15)
    assert specifiek.verwijzer.zorgverlener_code == "01012345"
    assert (generiek.product, generiek.budget, generiek.raamcontract) == (None, 250000, "1")
    assert generiek.verwijzer.naam == "Gemeente Amsterdam"
    assert (aspecifiek.toewijzing_einddatum, aspecifiek.omvang) == (date(2026, 8, 31), None)
    assert bericht.client.commentaar == "Client is doorverwezen na keukentafelgesprek."


def test_wmo316_gives_the_code_of_the_rejected_request() -> None:
    retour = decoded("WMO316/valid/rejected-client.xml", VerzoekOmToewijzingRetour)
    assert [(p.referentie_aanbieder, p.retour_codes) for p in retour.aangevraagde_producten] == [
        ("VOT-2026-0042-1", ("9347",)),
        ("VOT-2026-0042-2", ("0200",)),
    ]


def test_wmo317_gives_the_desired_situation() -> None:
    bericht = decoded("WMO317/valid/rich.xml", VerzoekOmWijzigingBericht)
    verzoek = bericht.verzoek
    assert (verzoek.referentie_aanbieder, verzoek.reden_verzoek) == ("VOW-2026-0002", "2")
    assert [p.toewijzing_nummer for p in verzoek.ongewijzigde_producten] == [200010]
    te_wijzigen = verzoek.te_wijzigen_producten[0]
    assert (te_wijzigen.toewijzing_nummer, te_wijzigen.gewenste_ingangsdatum) == (200011, date(2026, 4, 1))
    assert te_wijzigen.omvang == Omvang(6, "04", "2")
    assert verzoek.te_wijzigen_producten[1].budget == 250000
    assert [p.product for p in verzoek.nieuwe_producten] == [Product("07", "07A01"), Product("06", None)]
    assert bericht.client.naam is None


def test_wmo318_gives_codes_on_the_verzoek_and_its_products() -> None:
    retour = decoded("WMO318/valid/rejected-client.xml", VerzoekOmWijzigingRetour)
    assert retour.verzoek is not None
    assert retour.verzoek.retour_codes == ("0200",)
    assert [p.retour_codes for p in retour.verzoek.te_wijzigen_producten] == [("9351",), ("0200",)]
    assert retour.verzoek.ongewijzigde_producten[0].retour_codes == ("0200",)


def test_wmo319_gives_the_rejection_and_its_reason() -> None:
    antwoord = decoded("WMO319/valid/afgewezen.xml", AntwoordBericht).antwoord
    assert (antwoord.referentie_aanbieder, antwoord.verzoek_antwoord, antwoord.reden_afwijzing_verzoek) == (
        "VOW-2026-0002",
        "1",
        "3",
    )


def test_wmo320_gives_the_code_of_the_rejected_antwoord() -> None:
    retour = decoded("WMO320/valid/rejected-antwoord.xml", AntwoordRetour)
    assert retour.antwoord is not None
    assert retour.antwoord.retour_codes == ("9355",)


def test_wmo323_gives_clients_and_their_debit_and_credit_lines() -> None:
    declaratie = decoded("WMO323/valid/two-clients-debit-credit.xml", DeclaratieBericht).declaratie
    assert declaratie.declaratie_nummer == "D202602002"
    assert declaratie.declaratie_periode == Periode(date(2026, 2, 1), date(2026, 2, 28))
    assert [c.bsn for c in declaratie.clienten] == ["999900006", "999900018"]
    credit = declaratie.clienten[0].prestaties[1]
    assert (credit.referentie_nummer, credit.vorig_referentie_nummer) == ("R1002", "R0900")
    assert (credit.geleverd_volume, credit.eenheid, credit.product_tarief) == (8, "04", 1250)
    assert (credit.is_credit, credit.signed_bedrag) == (True, -10000)
    euro = declaratie.clienten[1].prestaties[0]
    assert (euro.product_periode.begindatum, euro.product_tarief) == (date(2026, 2, 10), None)


def test_wmo323_signed_lines_add_up_to_the_total() -> None:
    declaratie = decoded("WMO323/valid/two-clients-debit-credit.xml", DeclaratieBericht).declaratie
    lines = [p for client in declaratie.clienten for p in client.prestaties]
    assert sum(p.signed_bedrag for p in lines) == declaratie.totaal_ingediend_bedrag.signed == 22500


def test_wmo325_gives_the_granted_total_and_the_rejected_lines() -> None:
    bericht = decoded("WMO325/valid/partly-rejected.xml", DeclaratieAntwoordBericht)
    assert bericht.header.declaratie_identificatie.identificatie == "DECL-0002"
    antwoord = bericht.declaratie_antwoord
    assert antwoord is not None
    assert (antwoord.totaal_ingediend_bedrag.signed, antwoord.totaal_toegekend_bedrag.signed) == (22500, 5000)
    assert [(p.referentie_nummer, p.retour_codes) for c in antwoord.clienten for p in c.prestaties] == [
        ("R1003", ("0611",)),
        ("R2001", ("9338",)),
    ]


def test_wmo325_granting_everything_returns_no_lines() -> None:
    antwoord = decoded("WMO325/valid/fully-granted.xml", DeclaratieAntwoordBericht).declaratie_antwoord
    assert antwoord is not None
    assert (antwoord.clienten, antwoord.retour_codes) == ((), ("8001",))
