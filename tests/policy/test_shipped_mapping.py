"""The shipped mapping loads, and its catalogue is the Beleidsregels 2026, voorziening by voorziening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from gateway.policy import Leveringsvorm, Policy, Soort, load_policy
from gateway.policy.codelists import EENHEID, FREQUENTIE, PRODUCTCATEGORIE
from gateway.policy.models import Duur, Vrijstelling
from tests.policy.making import SHIPPED

# Every maatwerkvoorziening the Beleidsregels 2026 name, read from the document: catalogue key, the
# section it is described in, and the WMO020 productcategorie it is assigned under.
MAATWERKVOORZIENINGEN = {
    "ho1": ("5.3.1", "01"),
    "ho2": ("5.3.2", "01"),
    "maaltijdondersteuning": ("5.3.3", "01"),
    "kindzorg": ("5.3.4", "01"),
    "kortdurende_begeleiding": ("6.1.1", "02"),
    "individuele_begeleiding_ontwikkelen": ("6.1.2", "02"),
    "groepstraining": ("6.1.3", "09"),
    "bereik_en_beschikbaarheid": ("6.1.4", "02"),
    "individuele_begeleiding_behouden": ("6.1.5", "02"),
    "waakvlamcontact": ("6.1.6", "02"),
    "dagbesteding_ontwikkelen": ("6.2.1", "07"),
    "dagbesteding_behouden": ("6.2.2", "07"),
    "vervoer_dagbesteding": ("6.2.3", "08"),
    "kortdurend_verblijf": ("6.3", "04"),
    "specialistische_begeleiding_zintuiglijk": ("6.4", "02"),
    "beschermd_wonen": ("6.5", "15"),
    "roerende_woonvoorziening": ("7.1.2", "13"),
    "onroerende_woonvoorziening": ("7.1.3", "13"),
    "traplift": ("7.1.3", "13"),
    "verhuiskosten": ("7.1.10", "13"),
    "herinrichtingskosten": ("7.1.10", "13"),
    "regiotaxi": ("7.2.2", "08"),
    "fietsvoorziening": ("7.2.5", "12"),
    "scootmobiel": ("7.2.6", "12"),
    "gesloten_buitenwagen": ("7.2.7", "12"),
    "autoaanpassing": ("7.2.8", "12"),
    "rolstoel": ("7.3", "11"),
    "sportvoorziening": ("7.3.3", "14"),
}

BEGELEIDING = [key for key, (artikel, _) in MAATWERKVOORZIENINGEN.items() if artikel.startswith("6.")]
BASISSCHEMA = Path(__file__).parents[2] / "xsd" / "iwmo-3.2" / "basisschema.xsd"


def test_the_shipped_mapping_loads() -> None:
    policy = load_policy(SHIPPED)
    assert policy.voorzieningen


def test_the_catalogue_lists_every_maatwerkvoorziening_of_the_beleidsregels_and_nothing_else(
    policy: Policy,
) -> None:
    catalogue = {v.key: (v.artikel, v.productcategorie) for v in policy.voorzieningen}
    assert catalogue == MAATWERKVOORZIENINGEN


def test_productcodes_are_five_characters_starting_with_their_productcategorie(policy: Policy) -> None:
    codes = [v.productcode for v in policy.voorzieningen]
    assert len(set(codes)) == len(codes)
    for voorziening in policy.voorzieningen:
        assert len(voorziening.productcode) == 5
        assert voorziening.productcode.startswith(voorziening.productcategorie)


def test_a_voorziening_is_found_by_key_and_by_its_iwmo_product(policy: Policy) -> None:
    waakvlam = policy.voorziening("waakvlamcontact")
    assert policy.find(waakvlam.productcategorie, waakvlam.productcode) is waakvlam
    assert policy.find("02", "99Z99") is None


def test_the_code_lists_are_those_of_the_iwmo_basisschema() -> None:
    schema = etree.parse(str(BASISSCHEMA))
    xs = "{http://www.w3.org/2001/XMLSchema}"

    def enumeration(name: str) -> set[str]:
        found = schema.getroot().find(f"{xs}simpleType[@name='{name}']")
        assert found is not None
        return {str(e.get("value")) for e in found.iter(f"{xs}enumeration")}

    assert enumeration("LDT_ProductCategorie") == set(PRODUCTCATEGORIE)
    assert enumeration("LDT_Eenheid") == set(EENHEID)
    assert enumeration("LDT_Frequentie") == set(FREQUENTIE)


def test_rolstoelen_collectief_vervoer_tegemoetkomingen_and_beschermd_wonen_carry_no_cak_eigen_bijdrage(
    policy: Policy,
) -> None:
    exempt = {v.key: v.eigen_bijdrage.vrijstelling for v in policy.voorzieningen if not v.eigen_bijdrage.cak}
    assert exempt == {
        "rolstoel": Vrijstelling.ROLSTOEL,
        "regiotaxi": Vrijstelling.COLLECTIEF_VERVOER,
        "verhuiskosten": Vrijstelling.FINANCIELE_TEGEMOETKOMING,
        "herinrichtingskosten": Vrijstelling.FINANCIELE_TEGEMOETKOMING,
        "sportvoorziening": Vrijstelling.FINANCIELE_TEGEMOETKOMING,
        "beschermd_wonen": Vrijstelling.BESCHERMD_WONEN,
    }


def test_begeleiding_carries_the_eigen_bijdrage_from_2026(policy: Policy) -> None:
    for key in BEGELEIDING:
        bijdrage = policy.voorziening(key).eigen_bijdrage
        if bijdrage.cak:
            assert bijdrage.vanaf == date(2026, 1, 1), key
    others = [v for v in policy.voorzieningen if v.key not in BEGELEIDING]
    assert all(v.eigen_bijdrage.vanaf is None for v in others)


def test_only_woningaanpassingen_carry_the_eigen_bijdrage_for_clients_under_18(policy: Policy) -> None:
    minors = {v.key for v in policy.voorzieningen if v.eigen_bijdrage.minderjarigen}
    assert minors == {"onroerende_woonvoorziening", "traplift"}


def test_diensten_pay_while_used_and_materiele_voorzieningen_until_their_kostprijs(policy: Policy) -> None:
    for voorziening in policy.voorzieningen:
        if voorziening.eigen_bijdrage.cak:
            expected = Duur.ZOLANG_GEBRUIK if voorziening.soort is Soort.DIENST else Duur.TOT_KOSTPRIJS
            assert voorziening.eigen_bijdrage.duur is expected, voorziening.key


def test_financiele_tegemoetkomingen_are_paid_as_money_only(policy: Policy) -> None:
    tegemoetkomingen = {
        v.key for v in policy.voorzieningen if v.leveringsvormen == (Leveringsvorm.TEGEMOETKOMING,)
    }
    assert tegemoetkomingen == {"verhuiskosten", "herinrichtingskosten", "sportvoorziening"}


def test_tariffs_are_marked_as_placeholders_the_gemeente_sets(policy: Policy) -> None:
    assert policy.tariffs.vastgesteld_door == "gemeente"
    assert policy.tariffs.status == "voorlopig"
    assert policy.natura_tarief("ho1", "04") is not None
    assert policy.pgb_tarief("ho1", "04") is not None
    assert policy.pgb_tarief("ho1", "04", informeel=True) is not None
    assert policy.natura_tarief("scootmobiel", "82") is None
