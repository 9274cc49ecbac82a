"""A small message is read by one walk (the outline), a large one by XPath searches; both judge alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from lxml import etree

import gateway.rules.outline as outline
from bench.corpus import declaratie
from gateway.messages.findings import Finding
from gateway.rules.base import shape_of, tag
from gateway.rules.outline import Outline
from gateway.rules.registry import all_rules
from gateway.rules.validation import Validator
from tests.fixture_files import Fixture, all_fixtures
from tests.rules.test_properties import SETTINGS, variants

FIXTURES = [f for f in all_fixtures() if f.expected["message"] is not None]
VALIDATOR = Validator()


def _findings(data: bytes) -> list[Finding]:
    return list(VALIDATOR.validate(data).findings)


def _by_searches(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    with monkeypatch.context() as patch:
        patch.setattr(outline, "OUTLINE_ELEMENTS", -1)
        return _findings(data)


def test_a_small_message_is_outlined() -> None:
    root = etree.fromstring(declaratie(3))
    assert Outline.of(root, shape_of("WMO323")) is not None


def test_a_message_over_the_outline_limit_is_left_to_searches() -> None:
    root = etree.fromstring(declaratie(100))
    assert Outline.of(root, shape_of("WMO323")) is None


def test_an_element_whose_name_occurs_at_several_paths_is_placed_by_its_parent() -> None:
    root = etree.fromstring(declaratie(2))
    found = Outline.of(root, shape_of("WMO323"))
    assert found is not None
    claim = found.elements(("Declaratie", "DeclaratiePeriode", "Begindatum"))
    lines = found.elements(
        ("Declaratie", "Clienten", "Client", "Prestaties", "Prestatie", "ProductPeriode", "Begindatum")
    )
    assert [e.getparent().tag for e in claim] == [tag("323", "DeclaratiePeriode")]
    assert [e.getparent().tag for e in lines] == [tag("323", "ProductPeriode")] * 2


def test_each_element_knows_the_row_of_its_parent() -> None:
    found = Outline.of(etree.fromstring(declaratie(3, per_client=2)), shape_of("WMO323"))
    assert found is not None
    assert found.parents(("Declaratie", "Clienten", "Client", "Prestaties", "Prestatie")) == [0, 0, 1]
    assert found.parents(("Declaratie", "Clienten", "Client")) == [0, 0]


def test_a_rule_is_not_run_where_its_context_name_sits_outside_what_it_judges() -> None:
    # TR134 judges Begindatum of claim periods, not of a WMO301 contact's Periode.
    shape = shape_of("WMO301")
    rule = next(rule for rule in all_rules() if rule.code == "TR134")
    contact_period = ("Client", "Contactgegevens", "Contact", "Periode", "Begindatum")
    assert contact_period in shape.declarations
    assert not rule.applies_at(shape, contact_period)
    assert rule.applies_at(shape, ("Client", "Geboortedatum", "Datum"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_a_fixture_gets_the_same_findings_outlined_or_searched(
    fixture: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = fixture.path.read_bytes()
    assert _findings(data) == _by_searches(data, monkeypatch)


def test_comments_inside_fields_are_read_alike_outlined_or_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    # A comment splits a field's text in two nodes; both ways must read the field's whole text.
    root = etree.fromstring(declaratie(2))
    for element in list(root.iter(etree.Element)):
        if len(element) == 0 and element.text and len(element.text) > 1:
            comment = etree.Comment("split")
            comment.tail = element.text[1:]
            element.text = element.text[0]
            element.append(comment)
    data = etree.tostring(root)
    assert _findings(data) == _by_searches(data, monkeypatch)


@SETTINGS
@given(variants())
def test_a_variant_gets_the_same_findings_outlined_or_searched(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as patch:
        outlined = _findings(data)
        patch.setattr(outline, "OUTLINE_ELEMENTS", -1)
        assert _findings(data) == outlined
