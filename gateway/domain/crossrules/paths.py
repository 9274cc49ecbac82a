"""Element paths of the classes that receive retourcodes, in `gateway.messages.locations` form.

Every position is written, also `[1]` on an only child, so a path names its class whatever the
message holds; the retour writer accepts that form (`gateway.messages.retourclasses.find`).
"""

from __future__ import annotations

HEADER = "/Bericht/Header"
CLIENT = "/Bericht/Client"
VERZOEK = f"{CLIENT}/Verzoek"
ANTWOORD = "/Bericht/Antwoord"
DECLARATIE = "/Bericht/Declaratie"
DECLARATIE_ANTWOORD = "/Bericht/DeclaratieAntwoord"


def toegewezen_product(index: int) -> str:
    return f"{CLIENT}/ToegewezenProducten/ToegewezenProduct[{index}]"


def start_product(index: int) -> str:
    return f"{CLIENT}/StartProducten/StartProduct[{index}]"


def stop_product(index: int) -> str:
    return f"{CLIENT}/StopProducten/StopProduct[{index}]"


def aangevraagd_product(index: int) -> str:
    return f"{CLIENT}/AangevraagdeProducten/AangevraagdProduct[{index}]"


def ongewijzigd_product(index: int) -> str:
    return f"{VERZOEK}/OngewijzigdeProducten/OngewijzigdProduct[{index}]"


def te_wijzigen_product(index: int) -> str:
    return f"{VERZOEK}/TeWijzigenProducten/TeWijzigenProduct[{index}]"


def nieuw_product(index: int) -> str:
    return f"{VERZOEK}/NieuweProducten/NieuwProduct[{index}]"


def claim_client(client: int) -> str:
    """A Client of a WMO323's Declaratie."""
    return f"{DECLARATIE}/Clienten/Client[{client}]"


def prestatie(client: int, line: int) -> str:
    """A claim line of a WMO323: the `line`-th Prestatie of the `client`-th Client."""
    return f"{claim_client(client)}/Prestaties/Prestatie[{line}]"


def answer_prestatie(client: int, line: int) -> str:
    """A returned claim line of a WMO325."""
    return f"{DECLARATIE_ANTWOORD}/Clienten/Client[{client}]/Prestaties/Prestatie[{line}]"
