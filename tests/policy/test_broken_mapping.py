"""A broken mapping is refused at start-up, and the error names the file, line and field of each problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gateway.policy import MappingError, Problem, load_policy
from tests.policy.making import SHIPPED

KEYS = [
    line.split("key:", 1)[1].strip()
    for line in (SHIPPED / "catalogue.yaml").read_text(encoding="utf-8").splitlines()
    if line.startswith("  - key:")
]


def index(key: str) -> int:
    return KEYS.index(key)


def broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the shipped mapping with `old` (found exactly once) replaced in `file`."""
    folder = tmp_path / "mapping"
    shutil.copytree(SHIPPED, folder)
    target = folder / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    target.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def line_of(file: Path, text: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, text
    return found[0]


def problems(folder: Path) -> tuple[Problem, ...]:
    with pytest.raises(MappingError) as refused:
        load_policy(folder)
    for problem in refused.value.problems:
        assert str(problem) in str(refused.value)
    return refused.value.problems


def test_an_unknown_productcategorie_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", 'productcategorie: "15"', 'productcategorie: "19"')
    catalogue = folder / "catalogue.yaml"
    (problem,) = problems(folder)
    assert problem.file == catalogue
    assert problem.line == line_of(catalogue, 'productcategorie: "19"')
    assert problem.field == f"voorzieningen[{index('beschermd_wonen')}].productcategorie"
    assert "WMO020" in problem.message


def test_an_unknown_eenheid_is_refused(tmp_path: Path) -> None:
    old = 'productcode: "09B01"\n    eenheden: ["16"]'
    folder = broken(tmp_path, "catalogue.yaml", old, old.replace('["16"]', '["05"]'))
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('groepstraining')}].eenheden[0]"
    assert problem.line == line_of(folder / "catalogue.yaml", 'eenheden: ["05"]')


def test_a_missing_field_is_refused_at_its_entry(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", '    productcode: "01H02"\n', "")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('ho2')}].productcode"
    assert problem.line == line_of(folder / "catalogue.yaml", "- key: ho2")
    assert "missing" in problem.message


def test_a_value_of_the_wrong_type_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", "km: 1500", "km: veel")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('regiotaxi')}].limits.max_km_per_year.km"
    assert problem.line == line_of(folder / "catalogue.yaml", "km: veel")


def test_an_unquoted_code_is_refused_with_a_hint(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", 'productcategorie: "14"', "productcategorie: 14")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('sportvoorziening')}].productcategorie"
    assert "quotes" in problem.message


def test_a_duplicate_productcode_is_refused_at_the_second_entry(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", 'productcode: "07B02"', 'productcode: "07B01"')
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('dagbesteding_behouden')}].productcode"
    assert problem.line == line_of(folder / "catalogue.yaml", "- key: dagbesteding_behouden") + 5
    assert "duplicate productcode" in problem.message


def test_a_duplicate_catalogue_key_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", "- key: traplift", "- key: onroerende_woonvoorziening")
    found = problems(folder)
    assert [p.field for p in found] == [f"voorzieningen[{index('traplift')}].key"]


def test_a_key_written_twice_in_one_entry_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", "naam: Traplift\n", "naam: Traplift\n    naam: Trapliften\n")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('traplift')}].naam"
    assert problem.line == line_of(folder / "catalogue.yaml", "naam: Trapliften")
    assert problem.message == "duplicate key"


def test_a_misspelt_field_is_refused_rather_than_ignored(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", "max_amount: {cents: 125000", "max_amout: {cents: 125000")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('verhuiskosten')}].limits.max_amout"


def test_a_limit_naming_a_voorziening_not_in_the_catalogue_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", "dagbesteding_behouden]", "dagbesteding_behouen]")
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('vervoer_dagbesteding')}].limits.requires_beside.any_of[1]"


def test_a_productcode_outside_the_scheme_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", 'productcode: "12V02"', 'productcode: "13V02"')
    (problem,) = problems(folder)
    assert problem.field == f"voorzieningen[{index('scootmobiel')}].productcode"


def test_malformed_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = broken(tmp_path, "tariffs.yaml", 'natura: {"04": 3950}', 'natura: {"04": 3950')
    (problem,) = problems(folder)
    assert problem.file == folder / "tariffs.yaml"
    assert problem.field == "(yaml)"
    assert problem.line is not None


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mapping"
    shutil.copytree(SHIPPED, folder)
    (folder / "tariffs.yaml").unlink()
    (problem,) = problems(folder)
    assert problem.file == folder / "tariffs.yaml"


def test_a_tariff_for_an_eenheid_the_voorziening_does_not_allow_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "tariffs.yaml", 'natura: {"16": 6400}', 'natura: {"16": 6400, "04": 7000}')
    (problem,) = problems(folder)
    assert problem.file == folder / "tariffs.yaml"
    assert problem.field == "tarieven.groepstraining.natura.04"
    assert problem.line == line_of(folder / "tariffs.yaml", '"04": 7000')


def test_a_dienst_without_a_tariff_is_refused(tmp_path: Path) -> None:
    folder = broken(tmp_path, "tariffs.yaml", '    pgb_formeel: {"14": 14800}\n', "")
    (problem,) = problems(folder)
    assert problem.field == "tarieven.kortdurend_verblijf.pgb_formeel"


def test_problems_in_both_files_are_reported_together(tmp_path: Path) -> None:
    folder = broken(tmp_path, "catalogue.yaml", 'productcategorie: "15"', 'productcategorie: "19"')
    tariffs = folder / "tariffs.yaml"
    tariffs.write_text(tariffs.read_text(encoding="utf-8").replace("status: voorlopig", "status: geraden"))
    found = problems(folder)
    assert {(p.file.name, p.field) for p in found} == {
        ("catalogue.yaml", f"voorzieningen[{index('beschermd_wonen')}].productcategorie"),
        ("tariffs.yaml", "status"),
    }
