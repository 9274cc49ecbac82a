"""The JUnit XML file CI systems read: a testsuite per scenario, a testcase per step.

The shape is the one JUnit's Ant task writes and CI systems (GitLab, Jenkins, GitHub actions) read:
`testsuites` > `testsuite name tests failures time` > `testcase classname name time`, with a `failure`
whose message is a one-line summary and whose text is the full difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from gateway.replay.reporting import failure_text
from gateway.replay.steps import StepResult


def write_junit(path: Path, scenarios: Sequence[tuple[str, Sequence[StepResult]]]) -> None:
    root = etree.Element("testsuites", name="iwmo-gateway replay")
    for name, results in scenarios:
        suite = etree.SubElement(
            root,
            "testsuite",
            name=name,
            tests=str(len(results)),
            failures=str(sum(1 for result in results if not result.passed)),
            errors="0",
            time=_seconds(sum(result.seconds for result in results)),
        )
        for result in results:
            case = etree.SubElement(
                suite, "testcase", classname=name, name=result.step.title, time=_seconds(result.seconds)
            )
            if not result.passed:
                failure = etree.SubElement(
                    case,
                    "failure",
                    message="; ".join(difference.what for difference in result.differences),
                    type="ExpectationFailed",
                )
                failure.text = failure_text(result)
    root.set("tests", str(sum(len(results) for _, results in scenarios)))
    root.set("failures", str(sum(1 for _, results in scenarios for r in results if not r.passed)))
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _seconds(value: float) -> str:
    return f"{value:.3f}"
