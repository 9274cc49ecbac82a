"""`--junit FILE`: a testsuite per scenario, a testcase per step, the diff in each failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.replay.replaying import copied, replay


@pytest.fixture
def junit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> etree._Element:
    """The JUnit file of a replay of two scenarios, one with a step expecting 9074 where 9063 comes."""
    failing = copied("start-deleted", tmp_path)
    definition = failing / "scenario.yaml"
    definition.write_text(
        definition.read_text(encoding="utf-8").replace('product: ["9063"]', 'product: ["9074"]'),
        encoding="utf-8",
    )
    passing = copied("wrong-sender", tmp_path)
    path = tmp_path / "results.xml"
    assert replay(capsys, failing, passing, "--junit", path).status == 1
    return etree.parse(str(path)).getroot()


def test_there_is_one_testsuite_per_scenario_and_one_testcase_per_step(junit: etree._Element) -> None:
    assert junit.tag == "testsuites"
    suites = junit.findall("testsuite")
    assert [(suite.get("name"), len(suite.findall("testcase"))) for suite in suites] == [
        ("deletion of a start (StatusAanlevering 3)", 6),
        ("a message from the wrong sender", 5),
    ]
    for suite in suites:
        assert suite.get("tests") == str(len(suite.findall("testcase")))
    assert junit.get("tests") == "11"


def test_every_testcase_has_a_name_a_classname_and_a_time(junit: etree._Element) -> None:
    for case in junit.iter("testcase"):
        assert case.get("name")
        assert case.get("classname") == case.getparent().get("name")
        assert float(case.get("time", "")) >= 0


def test_the_failing_step_carries_a_failure_with_the_diff(junit: etree._Element) -> None:
    failures = [(case.get("name"), case.find("failure")) for case in junit.iter("testcase")]
    failed = [(name, failure) for name, failure in failures if failure is not None]
    assert len(failed) == 1
    name, failure = failed[0]
    assert str(name).startswith("04 ")
    assert failure.get("message") == "retourcodes at product level"
    assert "- expected: 9074" in (failure.text or "")
    assert "+ actual:   9063" in (failure.text or "")
    assert junit.get("failures") == "1"
