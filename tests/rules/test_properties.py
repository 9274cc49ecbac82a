"""Properties of the rule engine over schema-valid variants of the valid fixtures.

Variants change dates, amounts and codes, drop optional elements and repeat repeatable ones; whatever
comes out, checking never raises, gives the same verdict twice, and reports only rules that apply to
the message's type, at locations that exist in the message.
"""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from gateway.messages.locations import element_path
from gateway.messages.registry import default_registry as registry
from gateway.messages.shapes import Declaration, message_shape
from gateway.rules.registry import all_rules
from gateway.rules.validation import Validator

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2"
VALID = sorted(FIXTURES.glob("WMO*/valid/*.xml"))
APPLIES = {rule.code: rule.messages for rule in all_rules()}
VALIDATOR = Validator()

dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}") | st.sampled_from(
    ["1900-01-01", "2020-12-31", "2021-01-01", "2024-02-29", " 2026-03-01 "]
)
numbers = st.integers(min_value=0, max_value=99_999).map(str) | st.sampled_from(
    ["0", "+0", "+5000", "007", " 12 ", "15000", "99999"]
)
texts = st.text(alphabet="AB09 ", min_size=1, max_size=4).filter(lambda t: t.strip() != "")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _path(element: etree._Element) -> tuple[str, ...]:
    steps = [_local(e) for e in element.iterancestors()][:-1]
    return (*reversed(steps), _local(element))


def _value(shape: Declaration) -> st.SearchStrategy[str]:
    if shape.enumeration:
        return st.sampled_from(shape.enumeration)
    if shape.base == "date":
        return dates
    if shape.base == "integer":
        return numbers
    return texts


@st.composite
def variants(draw: st.DrawFn) -> bytes:
    """A valid fixture with one to six changes that keep it within the schema's shape."""
    path = draw(st.sampled_from(VALID))
    root = etree.fromstring(path.read_bytes())
    message = registry().by_namespace(etree.QName(root).namespace or "")
    assert message is not None
    shape_of = message_shape(message.schema).declarations
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        elements = [(e, shape_of.get(_path(e))) for e in root.iter(etree.Element) if e is not root]
        kind = draw(st.sampled_from(["value", "value", "value", "drop", "repeat"]))
        if kind == "value":
            candidates = [(e, s) for e, s in elements if s is not None and s.base not in (None, "fixed")]
        elif kind == "drop":
            candidates = [(e, s) for e, s in elements if s is not None and s.min_occurs == 0]
        else:
            candidates = [(e, s) for e, s in elements if s is not None and s.repeatable]
        if not candidates:
            continue
        element, shape = draw(st.sampled_from(candidates))
        if kind == "value":
            element.text = draw(_value(shape))
        elif kind == "drop":
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
        else:
            element.addnext(copy.deepcopy(element))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _verdict(data: bytes) -> tuple[bool, list[tuple[str, str | None, tuple[str, ...]]]]:
    report = VALIDATOR.validate(data)
    return report.valid, [(f.rule, f.retourcode, f.locations) for f in report.findings]


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


@SETTINGS
@given(variants())
def test_checking_never_raises_and_is_deterministic(data: bytes) -> None:
    assert _verdict(data) == _verdict(data)


@SETTINGS
@given(variants())
def test_only_rules_of_the_message_type_are_reported_at_existing_locations(data: bytes) -> None:
    report = VALIDATOR.validate(data)
    assume(report.schema_valid)
    assert report.tree is not None
    assert report.message is not None
    paths = {element_path(e) for e in report.tree.iter(etree.Element)}
    for finding in report.findings:
        assert report.message.code in APPLIES[finding.rule], finding
        assert finding.locations, finding
        assert set(finding.locations) <= paths, finding
