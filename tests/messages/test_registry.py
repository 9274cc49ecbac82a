"""The message registry holds the standard's catalogue, and a release is added as data."""

from __future__ import annotations

import shutil
from pathlib import Path

from gateway.messages.check import MessageChecker
from gateway.messages.registry import Registry, Role, default_registry, load_release, schema_root
from gateway.messages.schemas import SchemaSet

CATALOGUE = {
    "WMO301": ("414", Role.GEMEENTE, "WMO302"),
    "WMO302": ("415", Role.AANBIEDER, None),
    "WMO305": ("418", Role.AANBIEDER, "WMO306"),
    "WMO306": ("419", Role.GEMEENTE, None),
    "WMO307": ("420", Role.AANBIEDER, "WMO308"),
    "WMO308": ("421", Role.GEMEENTE, None),
    "WMO315": ("444", Role.AANBIEDER, "WMO316"),
    "WMO316": ("445", Role.GEMEENTE, None),
    "WMO317": ("480", Role.AANBIEDER, "WMO318"),
    "WMO318": ("481", Role.GEMEENTE, None),
    "WMO319": ("482", Role.GEMEENTE, "WMO320"),
    "WMO320": ("483", Role.AANBIEDER, None),
    "WMO323": ("484", Role.AANBIEDER, "WMO325"),
    "WMO325": ("485", Role.GEMEENTE, None),
}
VALID_301 = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2" / "WMO301" / "valid" / "minimal.xml"


def test_release_32_holds_the_fourteen_messages_of_the_catalogue() -> None:
    release = default_registry().release("3.2")
    assert {m.code: (m.berichtcode, m.sender, m.retour) for m in release.messages} == CATALOGUE


def test_each_message_has_its_own_namespace_and_an_existing_schema() -> None:
    messages = default_registry().release("3.2").messages
    for message in messages:
        assert message.namespace == f"http://www.istandaarden.nl/iwmo/3_2/wmo{message.number}/schema"
        assert message.schema.is_file()
        assert message.receiver != message.sender


def test_every_retour_answers_the_message_that_names_it() -> None:
    release = default_registry().release("3.2")
    for message in release.messages:
        if message.retour is not None:
            assert release.message(message.retour).answers == message.code


def test_every_schema_compiles() -> None:
    schemas = SchemaSet()
    for message in default_registry().messages:
        schemas.schema(message.schema)


def _release_33(tmp_path: Path) -> Path:
    folder = tmp_path / "iwmo-3.3"
    shutil.copytree(schema_root() / "iwmo-3.2", folder)
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace("/3_2/", "/3_3/").replace('release = "3.2"', 'release = "3.3"')
        path.write_text(text, encoding="utf-8")
    return folder


def test_a_later_release_is_served_beside_32(tmp_path: Path) -> None:
    registry = Registry((load_release(schema_root() / "iwmo-3.2"), load_release(_release_33(tmp_path))))
    checker = MessageChecker(registry, SchemaSet())
    message_32 = VALID_301.read_bytes()
    message_33 = message_32.replace(b"/3_2/", b"/3_3/")

    report_32, report_33 = checker.check(message_32), checker.check(message_33)

    assert (report_32.message, report_32.findings) == (registry.release("3.2").message("WMO301"), [])
    assert (report_33.message, report_33.findings) == (registry.release("3.3").message("WMO301"), [])
