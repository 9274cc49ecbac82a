"""The registry serves iEb 4.0 beside iWmo 3.2: the CAK's messages, told apart by their namespaces."""

from __future__ import annotations

from gateway.messages.registry import Role, default_registry
from gateway.messages.schemas import SchemaSet


def test_wmo405_goes_from_the_gemeente_to_the_cak_and_is_answered_by_wmo406() -> None:
    release = default_registry().release("4.0")
    wmo405, wmo406 = release.message("WMO405"), release.message("WMO406")
    assert (wmo405.sender, wmo405.receiver, wmo405.retour) == (Role.GEMEENTE, Role.CAK, "WMO406")
    assert (wmo406.sender, wmo406.receiver, wmo406.answers) == (Role.CAK, Role.GEMEENTE, "WMO405")


def test_ieb_messages_have_their_own_namespaces_and_schemas_that_compile() -> None:
    release = default_registry().release("4.0")
    for message in release.messages:
        assert message.namespace == f"http://www.istandaarden.nl/ieb/4_0/wmo{message.number}/schema"
        SchemaSet().schema(message.schema)


def test_iwmo_and_ieb_are_served_side_by_side() -> None:
    registry = default_registry()
    assert {(r.standaard, r.release) for r in registry.releases} >= {("iwmo", "3.2"), ("ieb", "4.0")}
    assert len({m.namespace for m in registry.messages}) == len(registry.messages)


def test_the_unknown_berichtcode_is_left_empty_rather_than_guessed() -> None:
    assert {m.berichtcode for m in default_registry().release("4.0").messages} == {""}
