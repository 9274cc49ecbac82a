"""The token file of a replay against a running gateway: which bearer token each party uses.

A YAML mapping from party (as `iwmo-gateway token create --party` names it) to its token:

    gemeente:1916: iwmo_...
    aanbieder:12345678: iwmo_...
    cak: iwmo_...
"""

from __future__ import annotations

from pathlib import Path

import yaml

from gateway.pipeline.access import PartyName
from gateway.replay.errors import ReplayError


def load_tokens(path: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ReplayError(f"{path}: cannot be read as a token file: {exc}") from exc
    if not isinstance(data, dict):
        raise ReplayError(f"{path}: expected a mapping of party to token, such as `gemeente:1916: iwmo_...`")
    tokens = {}
    for party, token in data.items():
        try:
            name = str(PartyName.parse(str(party)))
        except ValueError as exc:
            raise ReplayError(f"{path}: {exc}") from exc
        if not isinstance(token, str) or not token:
            raise ReplayError(f"{path}: the token of {name} is not a string")
        tokens[name] = token
    return tokens
