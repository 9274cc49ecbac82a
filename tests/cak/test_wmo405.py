"""The WMO405 written from a record's delivery is valid against our iEb 4.0 schema and says what it should."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lxml import etree

from gateway.cak import EbRecord, render_wmo405
from tests.cak.making import AFZENDER, BSN, HO1, SCOOTMOBIEL, Numbers, delivered, records_for, start_of
from tests.cak.retouren import CHECKER, accepted

MARCH = date(2025, 3, 10)
NS = {
    "m": "http://www.istandaarden.nl/ieb/4_0/wmo405/schema",
    "b": "http://www.istandaarden.nl/ieb/4_0/basisschema/schema",
}


def _rendered(record: EbRecord) -> bytes:
    assert record.te_verzenden is not None
    return render_wmo405(record, record.te_verzenden, AFZENDER, "EB-000042", date(2026, 2, 2))


def _texts(message: bytes, path: str) -> list[str]:
    return [str(e.text) for e in etree.fromstring(message).iterfind(path, NS)]


def test_a_first_delivery_is_a_schema_valid_wmo405() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    report = CHECKER.check(_rendered(record))
    assert (report.message_code, report.findings) == ("WMO405", [])


def test_the_header_states_the_release_the_afzender_and_the_identification() -> None:
    (record,) = records_for(delivered(HO1, MARCH))
    message = _rendered(record)
    header = [
        _texts(message, f"m:Header/{path}")
        for path in (
            "m:BerichtCode",
            "m:BerichtVersie",
            "m:BerichtSubversie",
            "m:Afzender",
            "m:BerichtIdentificatie/b:Identificatie",
            "m:BerichtIdentificatie/b:Dagtekening",
            "m:XsdVersie/b:BerichtXsdVersie",
        )
    ]
    assert header == [["999"], ["4"], ["0"], ["1916"], ["EB-000042"], ["2026-02-02"], ["1.0.0"]]


def test_the_period_carries_the_number_the_dates_and_the_status() -> None:
    (record,) = records_for(delivered(HO1, MARCH, date(2025, 9, 30)), numbers=Numbers(12))
    message = _rendered(record)
    period = "m:Client/m:PeriodeEigenBijdrageAbo/m:"
    assert [
        _texts(message, "m:Client/m:Bsn"),
        *(
            _texts(message, period + name)
            for name in ("EbStartNummer", "EbStartdatum", "EbStopdatum", "StatusAanlevering")
        ),
    ] == [[BSN], ["12"], ["2025-03-10"], ["2025-09-30"], ["1"]]


def test_a_change_with_a_kostprijs_is_a_schema_valid_wmo405() -> None:
    (record,) = records_for(delivered(SCOOTMOBIEL, MARCH, kostprijs=250000))
    (changed,) = records_for(
        delivered(SCOOTMOBIEL, MARCH, date(2026, 1, 31), kostprijs=250000), records=(accepted(record),)
    )
    message = _rendered(changed)
    assert CHECKER.check(message).findings == []
    kostprijs = "m:Client/m:PeriodeEigenBijdrageAbo/m:EbKostprijs/b:"
    assert [
        _texts(message, kostprijs + "KostprijsBedrag"),
        _texts(message, kostprijs + "KostprijsStartdatum"),
        _texts(message, "m:Client/m:PeriodeEigenBijdrageAbo/m:StatusAanlevering"),
    ] == [["250000"], ["2025-03-10"], ["2"]]


def test_a_deletion_is_a_schema_valid_wmo405_carrying_what_it_deletes() -> None:
    provision = delivered(HO1, MARCH)
    (record,) = records_for(provision)
    deleted = replace(provision, starts=(*provision.starts, start_of(provision, MARCH, "3")))
    (withdrawn,) = records_for(deleted, records=(accepted(record),))
    message = _rendered(withdrawn)
    assert CHECKER.check(message).findings == []
    period = "m:Client/m:PeriodeEigenBijdrageAbo/m:"
    assert [_texts(message, period + "EbStartdatum"), _texts(message, period + "StatusAanlevering")] == [
        ["2025-03-10"],
        ["3"],
    ]
