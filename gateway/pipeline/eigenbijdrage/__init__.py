"""The CAK feed in the pipeline: records refreshed after what they come from changed, and WMO406 taken in.

`EigenBijdrageFollower` follows accepted WMO301, 305 and 307 (and, through `na_beschikking`, a
registered beschikking); `take_wmo406` takes the CAK's retour in; `EigenBijdrageSettings` are the
gemeente's choices, read from the environment (IWMO_CAK_...).
"""

from __future__ import annotations

from gateway.pipeline.eigenbijdrage.following import EigenBijdrageFollower
from gateway.pipeline.eigenbijdrage.retour import WMO406, take_wmo406
from gateway.pipeline.eigenbijdrage.settings import EigenBijdrageSettings

__all__ = ["WMO406", "EigenBijdrageFollower", "EigenBijdrageSettings", "take_wmo406"]
