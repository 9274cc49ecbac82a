"""Messages that the gemeente's judgement accepts, for the tests of what they announce.

The API fixtures name a product outside the bundled catalogue and claim a month before the toewijzing;
these put them right: product 01H01 (hours per week, 39.50 an hour), a claim for March at that tariff.
"""

from __future__ import annotations

from tests.api.making import AANBIEDER_A, from_aanbieder, from_gemeente

BSN = "999900006"
OTHER_BSN = "999990019"

CATALOGUED = {b"01A01": b"01H01"}
MARCH_AT_TARIFF = {
    b"2026-02-01": b"2026-03-01",
    b"2026-02-28": b"2026-03-31",
    b"<iwmo:Dagtekening>2026-03-02": b"<iwmo:Dagtekening>2026-04-01",
    b"<wmo323:DeclaratieDagtekening>2026-03-02": b"<wmo323:DeclaratieDagtekening>2026-04-01",
    b"<wmo323:ProductTarief>1250": b"<wmo323:ProductTarief>3950",
    b"15000": b"47400",
}
"""The claim moved to March, the toewijzing's first month, at the contract tariff: 12 hours."""

OTHER_CLIENT = {
    BSN.encode(): OTHER_BSN.encode(),
    b">100001<": b">100002<",
    b">D202602001<": b">D202602002<",
    b">R0001<": b">R0002<",
}
"""The same messages for another client, with a toewijzing, a claim and claim lines of its own."""


def changed(content: bytes, *changes: dict[bytes, bytes]) -> bytes:
    for change in (CATALOGUED, *changes):
        for old, new in change.items():
            content = content.replace(old, new)
    return content


def toewijzing(identificatie: str, *changes: dict[bytes, bytes]) -> bytes:
    return changed(from_gemeente("WMO301/valid/minimal.xml", identificatie), *changes)


def start(identificatie: str, *changes: dict[bytes, bytes]) -> bytes:
    return changed(from_aanbieder(AANBIEDER_A, "WMO305/valid/minimal.xml", identificatie), *changes)


def stop(identificatie: str, *changes: dict[bytes, bytes]) -> bytes:
    return changed(from_aanbieder(AANBIEDER_A, "WMO307/valid/minimal.xml", identificatie), *changes)


def declaratie(identificatie: str, *changes: dict[bytes, bytes]) -> bytes:
    content = from_aanbieder(AANBIEDER_A, "WMO323/valid/minimal.xml", identificatie)
    return changed(content, MARCH_AT_TARIFF, *changes)


def life_of_a_toewijzing(tag: str, *changes: dict[bytes, bytes]) -> list[tuple[str, bytes]]:
    """Assigned, started, stopped, claimed: (party, message) in the order they are sent."""
    return [
        ("gemeente", toewijzing(f"T-{tag}", *changes)),
        ("aanbieder_a", start(f"S-{tag}", *changes)),
        ("aanbieder_a", stop(f"E-{tag}", *changes)),
        ("aanbieder_a", declaratie(f"D-{tag}", *changes)),
    ]


LIFE_EVENTS = [
    "nl.iwmo.toewijzing.verzonden",
    "nl.iwmo.levering.gestart",
    "nl.iwmo.levering.gestopt",
    "nl.iwmo.declaratie.beoordeeld",
]
"""What `life_of_a_toewijzing` announces for its client, in order."""
