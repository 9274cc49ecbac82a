"""Hostile input gets an XML finding, never an exception, and stays within fixed time and memory bounds.

The bounds are enforced, not timed: the whole hostile corpus runs through `iwmo-gateway validate` in a
child process whose CPU time and address space are capped by the kernel; exceeding either kills it.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.messages.parsing import DEFAULT_MAX_BYTES
from gateway.rules.validation import Validator

WMO301 = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"


def _laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return f'<?xml version="1.0"?><!DOCTYPE Bericht [{"".join(entities)}]><Bericht>&lol9;</Bericht>'.encode()


HOSTILE: dict[str, bytes] = {
    "external-entity-file": b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<b>&x;</b>",
    "external-entity-http": b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
    b"<b>&x;</b>",
    "parameter-entity": b'<!DOCTYPE b [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><b/>',
    "billion-laughs": _laughs(),
    "quadratic-blowup": b'<!DOCTYPE b [<!ENTITY a "' + b"x" * 50_000 + b'">]><b>' + b"&a;" * 50_000 + b"</b>",
    "doctype-internal": f'<!DOCTYPE Bericht><Bericht xmlns="{WMO301}"/>'.encode(),
    "doctype-external-file": b'<!DOCTYPE Bericht SYSTEM "/etc/passwd"><Bericht/>',
    "doctype-external-http": b'<!DOCTYPE Bericht SYSTEM "http://127.0.0.1:9/x.dtd"><Bericht/>',
    "doctype-public": b'<!DOCTYPE Bericht PUBLIC "-//X//DTD X//EN" "x.dtd"><Bericht/>',
    "oversize": b"<Bericht>" + b" " * DEFAULT_MAX_BYTES + b"</Bericht>",
    "deep-nesting": b"<a>" * 200_000 + b"</a>" * 200_000,
    "not-xml": b"BSN;Naam\n999900006;Jansen\n",
    "empty": b"",
    "only-whitespace": b" \r\n\t ",
    "binary-garbage": bytes(range(256)) * 64,
    "wrong-encoding-declaration": '<?xml version="1.0" encoding="US-ASCII"?><Bericht>é</Bericht>'.encode(),
    "latin1-bytes-declared-utf8": '<?xml version="1.0" encoding="UTF-8"?><Bericht>é</Bericht>'.encode(
        "latin-1"
    ),
    "unknown-encoding": b'<?xml version="1.0" encoding="X-NONE"?><Bericht/>',
    "unclosed": f'<Bericht xmlns="{WMO301}"><Header>'.encode(),
}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gets_one_xml_finding(name: str, validator: Validator) -> None:
    report = validator.validate(HOSTILE[name])
    assert not report.valid
    assert report.message is None
    assert [f.rule for f in report.findings] == ["XML"]
    assert report.findings[0].location == "/"


def test_entity_content_never_reaches_the_verdict(validator: Validator) -> None:
    report = validator.validate(HOSTILE["external-entity-file"])
    assert "root:" not in report.findings[0].detail


def test_the_size_limit_is_configurable() -> None:
    from gateway.messages.parsing import ParseLimits

    small = Validator(limits=ParseLimits(max_bytes=100))
    report = small.validate(b"<Bericht>" + b" " * 100 + b"</Bericht>")
    assert [f.rule for f in report.findings] == ["XML"]
    assert "exceeds the limit of 100 bytes" in report.findings[0].detail


def _cap_cpu_and_memory() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
    gib = 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (2 * gib, 2 * gib))


def test_hostile_corpus_stays_within_cpu_and_memory_caps(tmp_path: Path) -> None:
    paths = []
    for name, data in sorted(HOSTILE.items()):
        path = tmp_path / f"{name}.xml"
        path.write_bytes(data)
        paths.append(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "gateway.cli.main", "validate", "--json", *paths],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_cap_cpu_and_memory,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["file"] for v in verdicts] == paths
    assert all(not v["valid"] and v["findings"][0]["rule"] == "XML" for v in verdicts)
