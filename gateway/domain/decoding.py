"""Decoding a schema-valid message tree into its domain value, one decoder per message code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

from lxml import etree

from gateway.domain.berichten import (
    AntwoordBericht,
    AntwoordRetour,
    Bericht,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    StartBericht,
    StartRetour,
    StopBericht,
    StopRetour,
    ToewijzingBericht,
    ToewijzingRetour,
    VerzoekOmToewijzingBericht,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijzigingBericht,
    VerzoekOmWijzigingRetour,
)
from gateway.domain.client import Client
from gateway.domain.decode_classes import (
    aangevraagd_product,
    antwoord,
    declaratie,
    declaratie_antwoord,
    start_product,
    stop_product,
    toewijzing,
    verzoek,
)
from gateway.domain.decode_parts import client, declaratie_antwoord_header, header, retour_header
from gateway.domain.reading import DecodeError, Node
from gateway.messages.check import namespace_of
from gateway.messages.locations import local_name

T = TypeVar("T")

TOEGEWEZEN = ("ToegewezenProducten", "ToegewezenProduct")
START = ("StartProducten", "StartProduct")
STOP = ("StopProducten", "StopProduct")
AANGEVRAAGD = ("AangevraagdeProducten", "AangevraagdProduct")


def _each(parent: Node | None, path: tuple[str, str], reading: Callable[[Node], T]) -> tuple[T, ...]:
    return () if parent is None else tuple(reading(node) for node in parent.each(*path))


def _optional_client(node: Node | None) -> Client | None:
    return None if node is None else client(node)


def _wmo301(bericht: Node) -> ToewijzingBericht:
    node = bericht.one("Client")
    return ToewijzingBericht(
        bericht.read("Header", header), client(node), _each(node, TOEGEWEZEN, toewijzing)
    )


def _wmo302(bericht: Node) -> ToewijzingRetour:
    node = bericht.child("Client")
    return ToewijzingRetour(
        bericht.read("Header", retour_header), _optional_client(node), _each(node, TOEGEWEZEN, toewijzing)
    )


def _wmo305(bericht: Node) -> StartBericht:
    node = bericht.one("Client")
    return StartBericht(bericht.read("Header", header), client(node), _each(node, START, start_product))


def _wmo306(bericht: Node) -> StartRetour:
    node = bericht.child("Client")
    return StartRetour(
        bericht.read("Header", retour_header), _optional_client(node), _each(node, START, start_product)
    )


def _wmo307(bericht: Node) -> StopBericht:
    node = bericht.one("Client")
    return StopBericht(bericht.read("Header", header), client(node), _each(node, STOP, stop_product))


def _wmo308(bericht: Node) -> StopRetour:
    node = bericht.child("Client")
    return StopRetour(
        bericht.read("Header", retour_header), _optional_client(node), _each(node, STOP, stop_product)
    )


def _wmo315(bericht: Node) -> VerzoekOmToewijzingBericht:
    node = bericht.one("Client")
    return VerzoekOmToewijzingBericht(
        bericht.read("Header", header), client(node), _each(node, AANGEVRAAGD, aangevraagd_product)
    )


def _wmo316(bericht: Node) -> VerzoekOmToewijzingRetour:
    node = bericht.child("Client")
    return VerzoekOmToewijzingRetour(
        bericht.read("Header", retour_header),
        _optional_client(node),
        _each(node, AANGEVRAAGD, aangevraagd_product),
    )


def _wmo317(bericht: Node) -> VerzoekOmWijzigingBericht:
    node = bericht.one("Client")
    return VerzoekOmWijzigingBericht(
        bericht.read("Header", header), client(node), node.read("Verzoek", verzoek)
    )


def _wmo318(bericht: Node) -> VerzoekOmWijzigingRetour:
    node = bericht.child("Client")
    return VerzoekOmWijzigingRetour(
        bericht.read("Header", retour_header),
        _optional_client(node),
        None if node is None else node.read("Verzoek", verzoek),
    )


def _wmo319(bericht: Node) -> AntwoordBericht:
    return AntwoordBericht(bericht.read("Header", header), bericht.read("Antwoord", antwoord))


def _wmo320(bericht: Node) -> AntwoordRetour:
    return AntwoordRetour(bericht.read("Header", retour_header), bericht.maybe("Antwoord", antwoord))


def _wmo323(bericht: Node) -> DeclaratieBericht:
    return DeclaratieBericht(bericht.read("Header", header), bericht.read("Declaratie", declaratie))


def _wmo325(bericht: Node) -> DeclaratieAntwoordBericht:
    return DeclaratieAntwoordBericht(
        bericht.read("Header", declaratie_antwoord_header),
        bericht.maybe("DeclaratieAntwoord", declaratie_antwoord),
    )


DECODERS: Mapping[str, Callable[[Node], Bericht]] = MappingProxyType(
    {
        "WMO301": _wmo301,
        "WMO302": _wmo302,
        "WMO305": _wmo305,
        "WMO306": _wmo306,
        "WMO307": _wmo307,
        "WMO308": _wmo308,
        "WMO315": _wmo315,
        "WMO316": _wmo316,
        "WMO317": _wmo317,
        "WMO318": _wmo318,
        "WMO319": _wmo319,
        "WMO320": _wmo320,
        "WMO323": _wmo323,
        "WMO325": _wmo325,
    }
)
"""The decoder of every iWmo 3.2 message, by message code."""


def decode(root: etree._Element, message_code: str) -> Bericht:
    """The domain value of a schema-valid message whose root is `root`.

    `message_code` is the code the message layer identified (`Report.message_code`); a root that is not
    that message's `Bericht` is refused, as is a code without a decoder. Decoding trusts the schema:
    every required element is there and every value has its type's lexical form.
    """
    decoder = DECODERS.get(message_code)
    if decoder is None:
        raise DecodeError(f"no decoder for message code {message_code!r}")
    number = message_code[-3:]
    if local_name(root) != "Bericht" or not namespace_of(root).endswith(f"/wmo{number}/schema"):
        raise DecodeError(f"the root element is not the Bericht of a {message_code}")
    return decoder(Node(root))
