"""The gemeente's choices for the CAK feed, read from the environment (prefix IWMO_CAK_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gateway.cak import ABONNEMENTSTARIEF, Abonnementstarief, Afzender, CakSettings, StartMoment


class EigenBijdrageSettings(BaseSettings):
    """How eigen-bijdrage periods are derived and WMO405 headers written; IWMO_CAK_START_MOMENT etc."""

    model_config = SettingsConfigDict(env_prefix="IWMO_CAK_", extra="ignore")

    start_moment: StartMoment = Field(
        default=StartMoment.LEVERING,
        description=(
            "What a provision's eigen bijdrage starts from: `beschikking` (its date), `toewijzing` (the "
            "WMO301 Ingangsdatum) or `levering` (the actual start: the WMO305 Begindatum, the day a "
            "voorziening was provided). A pgb starts at its ingangsdatum unless `beschikking` is chosen."
        ),
    )
    pauze_bij_tijdelijke_stop: bool = Field(
        default=False,
        description=(
            "Whether a temporary stop of delivery (WMO307 RedenBeeindiging 20) pauses the eigen bijdrage, "
            "so a restart opens a new period; by default the period stays open through it."
        ),
    )
    abonnementstarief: dict[int, int] = Field(
        default_factory=lambda: dict(ABONNEMENTSTARIEF),
        description=(
            "The national abonnementstarief per calendar month in euro cents, by year, as a JSON object "
            '(`{"2025": 2100, "2026": 2180}`); a kostprijs must exceed one month of it.'
        ),
    )
    berichtcode: str = Field(
        default="999",
        pattern=r"^[0-9]{1,3}$",
        description=(
            "The BerichtCode written in a WMO405. Its COD002 value is not known (xsd/ieb-4.0/README.md): "
            "999 is a stand-in until the standard's value is confirmed."
        ),
    )

    def cak(self) -> CakSettings:
        """The derivation's settings."""
        return CakSettings(
            start_moment=self.start_moment,
            pauze_bij_tijdelijke_stop=self.pauze_bij_tijdelijke_stop,
            tarief=Abonnementstarief(dict(self.abonnementstarief)),
        )

    def afzender(self, gemeentecode: str) -> Afzender:
        """The header facts of a WMO405 the gemeente sends."""
        return Afzender(gemeentecode=gemeentecode, berichtcode=self.berichtcode)
