"""XSD findings: every violation libxml2 reports, located on our element paths, in words a person reads."""

from __future__ import annotations

from pathlib import Path

from gateway.messages.check import MessageChecker
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2"
VALID = (FIXTURES / "WMO301" / "valid" / "minimal.xml").read_bytes()


def _check(data: bytes) -> list[tuple[str, str, str]]:
    report = MessageChecker(default_registry(), SchemaSet()).check(data)
    return [(f.rule, f.location, f.detail) for f in report.findings]


def test_each_violation_in_separate_classes_is_its_own_finding() -> None:
    data = VALID.replace(b">999900006<", b">99990000X<").replace(b"<iwmo:Volume>4<", b"<iwmo:Volume>-4<")
    findings = _check(data)
    assert [(rule, location) for rule, location, _ in findings] == [
        ("XSD", "/Bericht/Client/Bsn"),
        ("XSD", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume"),
    ]


def test_detail_names_elements_without_namespace_uris() -> None:
    [(_, _, detail)] = _check(VALID.replace(b">999900006<", b">99990000X<"))
    assert "{http" not in detail
    assert "wmo301:Bsn" in detail
    assert "99990000X" in detail


def test_unknown_namespace_names_the_berichtcode_type() -> None:
    data = VALID.replace(b"/3_2/wmo301/", b"/3_1/wmo301/")
    [(rule, location, detail)] = _check(data)
    assert (rule, location) == ("XSD", "/Bericht")
    assert "BerichtCode 414 is WMO301" in detail


def test_schemas_are_compiled_once_per_set() -> None:
    schemas = SchemaSet()
    path = default_registry().release("3.2").message("WMO301").schema
    assert schemas.schema(path) is schemas.schema(path)
