"""The CAK feed (iEb 4.0): eigen-bijdrage periods derived per client, kept as records, sent as WMO405.

Pure: the store hands in a client's provisions (`sources`) and records, and keeps what comes back.
`derive_periods` turns provisions into periods under the gemeente's policy; `reconcile` turns the
periods into records with the delivery each still needs (`EbRecord.te_verzenden`); `render_wmo405`
writes it; `decode_wmo406` reads the CAK's answer for `beantwoord`; `over_inhoud` tells a refusal of
the content (not sent again unchanged) from one of the message; `overdue` lists what is late.
"""

from __future__ import annotations

from gateway.cak.deadlines import delivered_alike
from gateway.cak.derivation import derive_periods
from gateway.cak.model import (
    Afleiding,
    Bron,
    BronPeriode,
    BronSoort,
    EbPeriode,
    Inhoud,
    Kostprijs,
    Reden,
    Uitsluiting,
)
from gateway.cak.reconcile import reconcile
from gateway.cak.records import (
    Aanlevering,
    EbRecord,
    StatusAanlevering,
    Uitkomst,
    beantwoord,
    overdue,
    verzonden,
)
from gateway.cak.retourcodes import over_inhoud
from gateway.cak.settings import CakSettings, StartMoment
from gateway.cak.sources import ClientBronnen, NaturaToewijzing, PgbBeschikking, Verstrekking
from gateway.cak.tarieven import ABONNEMENTSTARIEF, Abonnementstarief, MissingTariffError
from gateway.cak.wmo405 import Afzender, render_wmo405
from gateway.cak.wmo406 import RetourPeriode, Wmo406, decode_wmo406

__all__ = [
    "ABONNEMENTSTARIEF",
    "Aanlevering",
    "Abonnementstarief",
    "Afleiding",
    "Afzender",
    "Bron",
    "BronPeriode",
    "BronSoort",
    "CakSettings",
    "ClientBronnen",
    "EbPeriode",
    "EbRecord",
    "Inhoud",
    "Kostprijs",
    "MissingTariffError",
    "NaturaToewijzing",
    "PgbBeschikking",
    "Reden",
    "RetourPeriode",
    "StartMoment",
    "StatusAanlevering",
    "Uitkomst",
    "Uitsluiting",
    "Verstrekking",
    "Wmo406",
    "beantwoord",
    "decode_wmo406",
    "delivered_alike",
    "derive_periods",
    "over_inhoud",
    "overdue",
    "reconcile",
    "render_wmo405",
    "verzonden",
]
