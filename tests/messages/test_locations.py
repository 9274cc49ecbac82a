"""Element paths: the standard report's form, and libxml2's node paths mapped back onto elements."""

from __future__ import annotations

import pytest
from lxml import etree

from gateway.messages.locations import document_order, element_path, resolve_libxml2_path

DOC = etree.fromstring(
    b'<m:Bericht xmlns:m="urn:m" xmlns:b="urn:b"><m:Client><m:P><b:V>1</b:V></m:P><!-- x -->'
    b'<m:P><b:V>2</b:V></m:P><m:Q/><n:P xmlns:n="urn:m"><b:V>3</b:V></n:P></m:Client></m:Bericht>'
)
CLIENT = DOC[0]


def test_position_only_where_same_named_siblings_exist() -> None:
    assert element_path(CLIENT) == "/Bericht/Client"
    assert element_path(CLIENT[0][0]) == "/Bericht/Client/P[1]/V"
    assert element_path(CLIENT[3]) == "/Bericht/Client/Q"


def test_positions_ignore_namespaces_prefixes_and_comments() -> None:
    assert element_path(CLIENT[4]) == "/Bericht/Client/P[3]"


@pytest.mark.parametrize(
    ("libxml2_path", "expected"),
    [
        ("/m:Bericht/m:Client/m:P[2]/b:V", "/Bericht/Client/P[2]/V"),
        ("/m:Bericht/m:Client/n:P/b:V", "/Bericht/Client/P[3]/V"),
        ("/*/*/*[3]", "/Bericht/Client/Q"),
        ("/*", "/Bericht"),
    ],
)
def test_libxml2_paths_resolve_to_the_element_they_name(libxml2_path: str, expected: str) -> None:
    element = resolve_libxml2_path(DOC, libxml2_path)
    assert element is not None
    assert element_path(element) == expected


@pytest.mark.parametrize(
    "libxml2_path", ["", "/m:Bericht/m:Nothing", "/*/*[9]", "/m:Bericht/m:Client/m:P[7]"]
)
def test_unresolvable_paths_give_none(libxml2_path: str) -> None:
    assert resolve_libxml2_path(DOC, libxml2_path) is None


def test_document_order_sorts_and_deduplicates() -> None:
    later, earlier = CLIENT[3], CLIENT[0][0]
    assert document_order([later, earlier, later, CLIENT]) == [CLIENT, earlier, later]
