"""`iwmo-gateway validate`: the contract integration testers script against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gateway.cli.main import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2"
VALID = FIXTURES / "WMO301" / "valid" / "minimal.xml"


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    path = tmp_path / "geslacht.xml"
    path.write_bytes(VALID.read_bytes().replace(b"<wmo301:Geslacht>2<", b"<wmo301:Geslacht>7<"))
    return path


def test_json_gives_one_object_per_file_in_input_order(
    invalid: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", "--json", str(VALID), str(invalid), str(VALID)])
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["file"] for line in lines] == [str(VALID), str(invalid), str(VALID)]
    assert status == 1


def test_json_object_has_exactly_the_contract_keys(invalid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", "--json", str(invalid)])
    verdict = json.loads(capsys.readouterr().out)
    assert set(verdict) == {"file", "message", "valid", "findings"}
    assert verdict["message"] == "WMO301"
    assert verdict["valid"] is False
    finding = verdict["findings"][0]
    assert set(finding) == {"rule", "retourcode", "location", "locations", "detail"}
    assert finding["rule"] == "XSD"
    assert finding["location"] == "/Bericht/Client/Geslacht" == finding["locations"][0]
    assert "Geslacht" in finding["detail"]


def test_all_valid_files_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(VALID)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": str(VALID),
        "message": "WMO301",
        "valid": True,
        "findings": [],
    }


def test_no_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--json"])
    assert exit_info.value.code == 2


def test_unreadable_file_is_a_usage_error_and_judges_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", "--json", str(VALID), str(tmp_path / "missing.xml")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert "missing.xml" in captured.err


def test_a_directory_is_not_a_readable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2


def test_text_report_names_file_verdict_and_each_finding(
    invalid: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["validate", str(VALID), str(invalid)])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{VALID}: WMO301: valid"
    assert out[1] == f"{invalid}: WMO301: invalid, 1 finding"
    assert out[2].startswith("  XSD /Bericht/Client/Geslacht: ")


def test_not_xml_has_no_message_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "note.txt"
    path.write_text("not a message")
    assert main(["validate", "--json", str(path)]) == 1
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["message"] is None
    assert [f["rule"] for f in verdict["findings"]] == ["XML"]
