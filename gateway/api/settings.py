"""The service's settings: the gateway's, plus what only the HTTP service reads."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from gateway.messages.parsing import ParseLimits
from gateway.policy import bundled_mapping
from gateway.settings import Settings


class ServiceSettings(Settings):
    """Settings of `iwmo-gateway serve`; variables carry the prefix IWMO_ (IWMO_MAX_MESSAGE_BYTES)."""

    max_message_bytes: int = Field(
        default=ParseLimits().max_bytes,
        gt=0,
        description=(
            "The largest message body the API accepts, in bytes; a larger one is refused with 413 before "
            "it is read whole. The default is the standard's limit on a message file (25 MB)."
        ),
    )
    policy: Path = Field(
        default_factory=bundled_mapping,
        description=(
            "The folder of the municipality's policy mapping (catalogue.yaml, tariffs.yaml), loaded and "
            "validated at start; the default is the mapping that ships with the gateway."
        ),
    )
