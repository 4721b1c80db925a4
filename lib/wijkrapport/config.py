"""Report run configuration: ``params/<jaar>/*.yml``, validated before anything runs."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import paths
from .errors import ConfigError, Problem
from .yamlio import load_yaml, pydantic_problems

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
NOTEBOOK = re.compile(r"^[a-z0-9_]+\.ipynb$")


def bekende_wijken() -> list[str]:
    """The wijk slugs of the crosswalk, read without validation (the data checks validate it later)."""
    from . import inputs
    from .sources.crosswalk import lees_crosswalk

    return [r["slug"] for r in lees_crosswalk(inputs.wijkbestand("crosswalk"))]


def bedoelt_u(waarde: str, bekend: list[str] | None = None) -> str:
    """"; bedoelt u 'carnisse'?" when ``waarde`` is a known wijk slug (``bekend``, default the crosswalk's) in
    other capitals, with white space around it or with look-alike letters; else an empty string."""
    from .sources.sleutels import lijkt_op

    naam = lijkt_op(str(waarde), bekende_wijken() if bekend is None else bekend)
    return f"; bedoelt u '{naam}'?" if naam else ""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # YAML's .inf and .nan are no values


class Hoofdstuk(_Strict):
    notebook: str
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @field_validator("notebook")
    @classmethod
    def _plain_name(cls, v: str) -> str:
        if not NOTEBOOK.match(v):
            raise ValueError("verwacht een notebooknaam zoals 'voortgang_pijler.ipynb' (geen map of pad)")
        return v


class VoortgangsParams(_Strict):
    rapport: str = "voortgangsrapportage"
    programma: str = Field(pattern=r"^[a-z0-9_-]+$")
    jaar: int = Field(ge=2000, le=2100)
    titel: str
    ondertitel: str = ""
    auteur: str = ""
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)


class Wijk(_Strict):
    slug: str
    titel: str | None = None
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @field_validator("slug")
    @classmethod
    def _safe_slug(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError("een wijk-slug bestaat uit kleine letters, cijfers en '-' (geen pad, geen spaties)"
                             + bedoelt_u(v))
        return v


class WijkenParams(_Strict):
    jaar: int = Field(ge=2000, le=2100)
    notebook: str = "wijkdocument.ipynb"
    wijken: list[Wijk] = Field(min_length=1)

    @field_validator("wijken")
    @classmethod
    def _unique(cls, v: list[Wijk]) -> list[Wijk]:
        seen = set()
        for w in v:
            if w.slug in seen:
                raise ValueError(f"wijk '{w.slug}' staat twee keer in de lijst")
            seen.add(w.slug)
        return v


class OokGenoemd(_Strict):
    """Another name of the same wijkraad in the source (a merger or rename), with the wijken it was recorded for."""

    naam: str = Field(min_length=1)
    wijken: list[str] = Field(min_length=1)


class Wijkraad(_Strict):
    slug: str
    naam: str = Field(min_length=1)
    wijken: list[str] = Field(min_length=1)
    ook_genoemd: list[OokGenoemd] = Field(default_factory=list)
    titel: str | None = None
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @field_validator("slug")
    @classmethod
    def _safe_slug(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError("een slug bestaat uit kleine letters, cijfers en '-' (geen pad, geen spaties)")
        return v

    @field_validator("wijken")
    @classmethod
    def _wijk_slugs(cls, v: list[str]) -> list[str]:
        fout = [w for w in v if not SLUG.match(w)]
        if fout:
            raise ValueError(f"geen wijk-slug: {', '.join(map(repr, fout))}" + "".join(bedoelt_u(w) for w in fout))
        if len(set(v)) != len(v):
            raise ValueError("een wijk staat twee keer in de lijst")
        return v


class WijkradenParams(_Strict):
    """``params/<jaar>/wijkraden.yml``: one edition per wijk- of dorpsraad (made by ``python -m wijkrapport.tools.wijkraadparams``)."""

    jaar: int = Field(ge=2000, le=2100)
    notebook: str = "wijkraad.ipynb"
    wijkraden: list[Wijkraad] = Field(min_length=1)
    wijken_zonder_wijkraad: list[str] = Field(default_factory=list)

    @field_validator("notebook")
    @classmethod
    def _plain_name(cls, v: str) -> str:
        if not NOTEBOOK.match(v):
            raise ValueError("verwacht een notebooknaam zoals 'wijkraad.ipynb' (geen map of pad)")
        return v

    @field_validator("wijkraden")
    @classmethod
    def _unique(cls, v: list[Wijkraad]) -> list[Wijkraad]:
        slugs = [r.slug for r in v]
        dubbel = sorted({s for s in slugs if slugs.count(s) > 1})
        if dubbel:
            raise ValueError(f"wijkraad {', '.join(dubbel)} staat twee keer in de lijst")
        wijken = [w for r in v for w in r.wijken]
        dubbel = sorted({w for w in wijken if wijken.count(w) > 1})
        if dubbel:
            raise ValueError(f"wijk {', '.join(dubbel)} hoort bij meer dan één wijkraad")
        return v


class ProgrammaRun(_Strict):
    naam: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")  # params/programmas/<naam>.yml
    titel: str | None = None  # default: "<programme titel> <jaar>"
    ondertitel: str = ""


class ProgrammasParams(_Strict):
    """``params/<jaar>/programmas.yml``: the generic programme reports of the year."""

    jaar: int = Field(ge=2000, le=2100)
    programmas: list[ProgrammaRun] = Field(min_length=1)

    @field_validator("programmas")
    @classmethod
    def _unique(cls, v: list[ProgrammaRun]) -> list[ProgrammaRun]:
        namen = [p.naam for p in v]
        dubbel = sorted({n for n in namen if namen.count(n) > 1})
        if dubbel:
            raise ValueError(f"programma {', '.join(dubbel)} staat twee keer in de lijst")
        return v


def _load(model: type[BaseModel], path: Path):
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise ConfigError([Problem(file=str(path), message="verwacht een mapping (sleutel: waarde) bovenaan")])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(pydantic_problems(path, exc)) from exc


def _rel(path: Path) -> Path:
    try:
        return path.resolve().relative_to(paths.project_root())
    except ValueError:
        return path


def _year_file(model: type[BaseModel], jaar: int, name: str):
    """``params/<jaar>/<name>`` validated with ``model``; its ``jaar`` must be the folder's year."""
    path = paths.year_params_dir(jaar) / name
    params = _load(model, path)
    if params.jaar != jaar:
        raise ConfigError([Problem(file=str(_rel(path)), field="jaar", value=params.jaar,
                                   message=f"het bestand staat in params/{jaar}/ maar noemt een ander jaar")])
    return params


#: parameters that say what a report is about: set from the params' own keys, never through ``parameters:``
#: (``wijk: heijplaat`` under ``slug: carnisse`` would publish Heijplaat's figures as Carnisse's document)
IDENTITEIT_WIJK = ("jaar", "wijk", "tabellen_dir")
IDENTITEIT_VOORTGANG = ("jaar", "programma", "tabellen_dir")


def _identiteit(path: Path, velden: list[tuple[str, dict]], vast: tuple[str, ...], waarom: str) -> None:
    """Refuse a ``parameters:`` entry that would change a report's identity; every such key is named."""
    problems = []
    for pad, parameters in velden:
        for key in parameters:
            if str(key).strip().casefold() in vast:
                problems.append(Problem(file=str(_rel(path)), field=f"{pad}.parameters.{key}", value=parameters[key],
                                        message=f"'{str(key).strip()}' {waarom} en kan niet via parameters worden "
                                        "veranderd; haal deze sleutel weg"))
    if problems:
        raise ConfigError(problems)


def voortgang_params(jaar: int) -> VoortgangsParams:
    params = _year_file(VoortgangsParams, jaar, "voortgangsrapportage.yml")
    _identiteit(paths.year_params_dir(jaar) / "voortgangsrapportage.yml",
                [(f"hoofdstukken.{i}", h.parameters) for i, h in enumerate(params.hoofdstukken)], IDENTITEIT_VOORTGANG,
                "bepaalt over welk programma en jaar het rapport gaat (bovenaan in dit bestand)")
    return params


def wijken_params(jaar: int) -> WijkenParams | None:
    if not (paths.year_params_dir(jaar) / "wijken.yml").exists():
        return None
    params = _year_file(WijkenParams, jaar, "wijken.yml")
    _identiteit(paths.year_params_dir(jaar) / "wijken.yml",
                [(f"wijken.{i}", w.parameters) for i, w in enumerate(params.wijken)], IDENTITEIT_WIJK,
                "bepaalt over welke wijk en welk jaar het document gaat (slug en jaar)")
    return params


IDENTITEIT_WIJKRAAD = ("jaar", "wijkraad", "wijken", "tabellen_dir")


def wijkraden_params(jaar: int) -> WijkradenParams | None:
    path = paths.year_params_dir(jaar) / "wijkraden.yml"
    if not path.exists():
        return None
    params = _year_file(WijkradenParams, jaar, "wijkraden.yml")
    _identiteit(path, [(f"wijkraden.{i}", r.parameters) for i, r in enumerate(params.wijkraden)], IDENTITEIT_WIJKRAAD,
                "bepaalt over welke wijkraad, welke wijken en welk jaar het rapport gaat")
    return params


def programmas_params(jaar: int) -> ProgrammasParams | None:
    if not (paths.year_params_dir(jaar) / "programmas.yml").exists():
        return None
    return _year_file(ProgrammasParams, jaar, "programmas.yml")
