"""Programme configuration and indicator registry, validated on load.

A programme (``params/programmas/<naam>.yml``) names its chapters (pijlers),
its trajectory regimes (year -> share of the gap to be closed) and its
indicators. Regimes are data: adding one is a YAML change, not code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import paths
from .errors import ConfigError, Problem
from .yamlio import load_yaml, pydantic_problems

Eenheid = Literal["pct", "eur", "aantal", "index", "m2", "per1000"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pijler(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str


class Regime(_Strict):
    """A trajectory: the share (in %) of the gap to be closed in each year."""

    omschrijving: str = ""
    aandeel: dict[int, float]

    @field_validator("aandeel")
    @classmethod
    def _shares_in_range(cls, v: dict[int, float]) -> dict[int, float]:
        if not v:
            raise ValueError("aandeel mag niet leeg zijn")
        for jaar, share in v.items():
            if not 0 <= share <= 100:
                raise ValueError(f"aandeel voor {jaar} moet tussen 0 en 100 liggen, niet {share}")
        return dict(sorted(v.items()))

    def share(self, jaar: int) -> float | None:
        """Share (0-100) for ``jaar``; None outside the table (no extrapolation)."""
        return self.aandeel.get(int(jaar))


class Indicator(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    pijler: str
    soort: Literal["doel", "indicator", "demografie"]
    eenheid: Eenheid
    polariteit: Literal["hoger", "lager"] | None = None
    referentie: Literal["G4", "Rotterdam", "vast"] | None = None
    referentie_waarde: float | None = None
    startjaar: str | int | None = None
    regime: str | None = None
    bron: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.soort != "demografie":
            if self.polariteit is None:
                raise ValueError("polariteit (hoger of lager) is verplicht voor doel en indicator")
            if self.referentie is None:
                raise ValueError("referentie (G4, Rotterdam of vast) is verplicht voor doel en indicator")
        if self.referentie == "vast" and self.referentie_waarde is None:
            raise ValueError("referentie 'vast' vraagt een referentie_waarde")
        if self.referentie != "vast" and self.referentie_waarde is not None:
            raise ValueError("referentie_waarde hoort alleen bij referentie 'vast'")
        return self


class Programma(_Strict):
    naam: str
    titel: str
    gemeente: str
    hoofdstukwoord: str = "pijler"
    doelgebied: str
    pijlers: list[Pijler]
    regimes: dict[str, Regime]
    indicatoren: list[Indicator]

    @model_validator(mode="after")
    def _references(self) -> Programma:
        pijler_ids = {p.id for p in self.pijlers}
        seen: set[str] = set()
        for i, ind in enumerate(self.indicatoren):
            if ind.id in seen:
                raise ValueError(f"indicatoren.{i}.id: dubbele indicator-id '{ind.id}'")
            seen.add(ind.id)
            if ind.pijler not in pijler_ids:
                raise ValueError(f"indicatoren.{i}.pijler: onbekende pijler '{ind.pijler}' (bekend: {sorted(pijler_ids)})")
            if ind.regime is not None and ind.regime not in self.regimes:
                raise ValueError(f"indicatoren.{i}.regime: onbekend regime '{ind.regime}' (bekend: {sorted(self.regimes)})")
        return self

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicatoren:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def pijler_label(self, pijler_id: str) -> str:
        return next(p.label for p in self.pijlers if p.id == pijler_id)


def parse_programma(raw: object, path: Path) -> Programma:
    """Validate raw YAML content; errors name the file and the key path."""
    if not isinstance(raw, dict):
        raise ConfigError([Problem(file=str(path), message="verwacht een mapping met programma-instellingen")])
    try:
        return Programma.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(pydantic_problems(path, exc)) from exc


def load_programma_file(path: Path) -> Programma:
    return parse_programma(load_yaml(path), path)


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Programma:
    return load_programma_file(Path(path))


def load_programma(naam: str) -> Programma:
    """Load ``params/programmas/<naam>.yml`` (cached per file version)."""
    path = paths.programme_file(naam)
    if not path.exists():
        raise ConfigError(f"programma '{naam}' bestaat niet: {path} ontbreekt", file=path)
    return _cached(str(path), path.stat().st_mtime)
