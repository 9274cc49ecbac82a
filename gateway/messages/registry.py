"""The message registry: every message of every supported release, read from `xsd/<release>/release.toml`.

A release is data: adding one means adding its folder of schemas with a `release.toml` beside them,
and it is served beside the others (messages are told apart by their namespaces).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

RELEASE_FILE = "release.toml"


class Role(StrEnum):
    """The kinds of party that exchange iWmo messages."""

    GEMEENTE = "gemeente"
    AANBIEDER = "aanbieder"
    CAK = "cak"


@dataclass(frozen=True, slots=True)
class MessageType:
    """One message of one release, as the standard's catalogue describes it."""

    code: str
    berichtcode: str
    namespace: str
    schema: Path
    sender: Role
    receiver: Role
    release: str
    retour: str | None = None
    answers: str | None = None

    @property
    def number(self) -> str:
        """The three digits of the code (`301` for WMO301), as used in namespaces and prefixes."""
        return self.code[-3:]


@dataclass(frozen=True, slots=True)
class Release:
    """A release of the standard: its Basisschema and its messages."""

    standaard: str
    release: str
    folder: Path
    basisschema_namespace: str
    xsd_versie: str
    messages: tuple[MessageType, ...]

    def message(self, code: str) -> MessageType:
        for message in self.messages:
            if message.code == code:
                return message
        raise KeyError(f"release {self.release} has no message {code}")


def schema_root() -> Path:
    """The folder holding one sub-folder of schemas per release.

    In a wheel the schemas ship inside the package; in a checkout they sit beside it.
    """
    packaged = Path(__file__).resolve().parent.parent / "xsd"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "xsd"


def load_release(folder: Path) -> Release:
    """Read one release folder's `release.toml` into a `Release`."""
    data = tomllib.loads((folder / RELEASE_FILE).read_text(encoding="utf-8"))
    messages = tuple(
        MessageType(
            code=entry["code"],
            berichtcode=entry["berichtcode"],
            namespace=entry["namespace"],
            schema=folder / entry["schema"],
            sender=Role(entry["sender"]),
            receiver=Role(entry["receiver"]),
            release=data["release"],
            retour=entry.get("retour"),
            answers=entry.get("answers"),
        )
        for entry in data["message"]
    )
    return Release(
        standaard=data["standaard"],
        release=data["release"],
        folder=folder,
        basisschema_namespace=data["basisschema_namespace"],
        xsd_versie=data["xsd_versie"],
        messages=messages,
    )


class Registry:
    """Every supported release, with the look-ups the gateway needs."""

    def __init__(self, releases: tuple[Release, ...]) -> None:
        self.releases = releases
        self.messages = tuple(m for release in releases for m in release.messages)
        self._by_namespace = {m.namespace: m for m in self.messages}

    def by_namespace(self, namespace: str) -> MessageType | None:
        return self._by_namespace.get(namespace)

    def by_berichtcode(self, berichtcode: str) -> tuple[MessageType, ...]:
        return tuple(m for m in self.messages if m.berichtcode == berichtcode)

    def release(self, name: str) -> Release:
        for release in self.releases:
            if release.release == name:
                return release
        raise KeyError(f"no release {name}")


@cache
def default_registry() -> Registry:
    """The releases found under `schema_root()`, oldest first."""
    root = schema_root()
    folders = sorted(p.parent for p in root.glob(f"*/{RELEASE_FILE}"))
    return Registry(releases=tuple(load_release(folder) for folder in folders))
