"""Messages to measure with: the valid fixtures per message type, and claims of any size made to order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures" / "iwmo-3.2"


def fixture_messages() -> dict[str, list[bytes]]:
    """Every valid fixture, by message type."""
    corpus: dict[str, list[bytes]] = {}
    for path in sorted(FIXTURES.glob("WMO*/valid/*.xml")):
        corpus.setdefault(path.parent.parent.name, []).append(path.read_bytes())
    return corpus


def with_large_claims(corpus: dict[str, list[bytes]]) -> dict[str, list[bytes]]:
    """The corpus plus claims of 1,000 and 10,000 lines, where per-line costs show."""
    return {**corpus, "WMO323 x1000": [declaratie(1000)], "WMO323 x10000": [declaratie(10_000)]}


def bsns() -> Iterator[str]:
    """Numbers that pass the BSN 11-check, in ascending order."""
    candidate = 100_000_000
    while True:
        digits = [int(d) for d in str(candidate)]
        weighted = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
        if weighted % 11 == 0:
            yield str(candidate)
        candidate += 1


def declaratie(prestaties: int, per_client: int = 50) -> bytes:
    """A valid WMO323 for April 2026 with this many debit lines, `per_client` lines per client."""
    amount = 15000
    clients: list[str] = []
    numbers = bsns()
    line = 0
    while line < prestaties:
        lines = []
        for _ in range(min(per_client, prestaties - line)):
            line += 1
            lines.append(
                f"<Prestatie><ProductReferentie><b:ReferentieNummer>R{line}</b:ReferentieNummer>"
                f"</ProductReferentie><ToewijzingNummer>{line}</ToewijzingNummer>"
                "<ProductCategorie>02</ProductCategorie><ProductCode>02A01</ProductCode>"
                "<ProductPeriode><b:Begindatum>2026-04-01</b:Begindatum><b:Einddatum>2026-04-30</b:Einddatum>"
                "</ProductPeriode><GeleverdVolume>12</GeleverdVolume><Eenheid>04</Eenheid>"
                f"<ProductTarief>1250</ProductTarief><IngediendBedrag><b:Bedrag>{amount}</b:Bedrag>"
                "<b:DebetCredit>D</b:DebetCredit></IngediendBedrag></Prestatie>"
            )
        clients.append(
            f"<Client><Bsn>{next(numbers)}</Bsn><Prestaties>{''.join(lines)}</Prestaties></Client>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema" '
        'xmlns:b="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">'
        "<Header><BerichtCode>484</BerichtCode><BerichtVersie>3</BerichtVersie>"
        "<BerichtSubversie>2</BerichtSubversie><Afzender>12345678</Afzender><Ontvanger>1916</Ontvanger>"
        "<BerichtIdentificatie><b:Identificatie>BENCH323</b:Identificatie>"
        "<b:Dagtekening>2026-05-05</b:Dagtekening></BerichtIdentificatie>"
        "<XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>"
        "<b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></XsdVersie></Header>"
        "<Declaratie><DeclaratieNummer>D202604</DeclaratieNummer>"
        "<DeclaratiePeriode><b:Begindatum>2026-04-01</b:Begindatum><b:Einddatum>2026-04-30</b:Einddatum>"
        "</DeclaratiePeriode><DeclaratieDagtekening>2026-05-05</DeclaratieDagtekening>"
        f"<TotaalIngediendBedrag><b:TotaalBedrag>{prestaties * amount}</b:TotaalBedrag>"
        "<b:DebetCredit>D</b:DebetCredit></TotaalIngediendBedrag>"
        f"<Clienten>{''.join(clients)}</Clienten></Declaratie></Bericht>"
    ).encode()
