"""The same message written differently gets the same verdict.

Prefixes, a default namespace, CDATA, comments, character references, other encodings, a byte-order
mark and CRLF line ends change how a message is written, never what it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gateway.rules.validation import Validator

BASE = Path(__file__).parents[1] / "fixtures" / "iwmo-3.2" / "WMO301" / "valid" / "minimal.xml"


def _valid() -> str:
    return BASE.read_text(encoding="utf-8").replace("Jansen", "Jansén")


def _invalid() -> str:
    return _valid().replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _other_prefixes(text: str) -> bytes:
    renamed = text.replace("xmlns:wmo301=", "xmlns:m=").replace("xmlns:iwmo=", "xmlns:b=")
    return _utf8(renamed.replace("wmo301:", "m:").replace("iwmo:", "b:"))


def _default_namespace(text: str) -> bytes:
    return _utf8(text.replace("xmlns:wmo301=", "xmlns=").replace("wmo301:", ""))


def _cdata(text: str) -> bytes:
    return _utf8(re.sub(r">(Jansén|0701234567)<", r"><![CDATA[\1]]><", text))


def _comments(text: str) -> bytes:
    with_comments = text.replace("</wmo301:Bsn>", "</wmo301:Bsn><!-- client -->")
    return _utf8(with_comments.replace("<iwmo:Volume>4", "<iwmo:Volume><!-- uren -->4"))


def _character_references(text: str) -> bytes:
    return _utf8(text.replace(">999900006<", ">&#57;99900&#x30;06<").replace("Jansén", "Jans&#233;n"))


def _declared(encoding: str, codec: str) -> Callable[[str], bytes]:
    def encode(text: str) -> bytes:
        return text.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode(codec)

    return encode


def _utf8_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + _utf8(text)


def _crlf(text: str) -> bytes:
    return _utf8(text.replace("\n", "\r\n"))


FORMS: dict[str, Callable[[str], bytes]] = {
    "other-prefixes": _other_prefixes,
    "default-namespace": _default_namespace,
    "cdata": _cdata,
    "comments": _comments,
    "character-references": _character_references,
    "utf-16-prolog": _declared("UTF-16", "utf-16"),
    "utf-16le-with-bom": lambda text: b"\xff\xfe" + text.replace('"UTF-8"', '"UTF-16"').encode("utf-16-le"),
    "iso-8859-1-prolog": _declared("ISO-8859-1", "iso-8859-1"),
    "utf-8-bom": _utf8_bom,
    "crlf": _crlf,
}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def _verdict(validator: Validator, data: bytes) -> tuple[str | None, bool, list[tuple[str, tuple[str, ...]]]]:
    report = validator.validate(data)
    return report.message_code, report.valid, [(f.rule, f.locations) for f in report.findings]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_valid_message_stays_valid_in_every_form(form: str, validator: Validator) -> None:
    assert _verdict(validator, FORMS[form](_valid())) == ("WMO301", True, [])


@pytest.mark.parametrize("form", sorted(FORMS))
def test_invalid_message_gets_the_same_findings_in_every_form(form: str, validator: Validator) -> None:
    expected = _verdict(validator, _utf8(_invalid()))
    assert expected[1] is False
    assert _verdict(validator, FORMS[form](_invalid())) == expected
