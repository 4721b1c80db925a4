"""Report run configuration: ``params/<jaar>/*.yml``, validated before anything runs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from . import paths
from .errors import ConfigError, Problem
from .yamlio import load_yaml, valideer

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


def _notebooknaam(voorbeeld: str) -> AfterValidator:
    """A notebook's plain file name (no folder or path); the message shows ``voorbeeld``."""
    def check(v: str) -> str:
        if not NOTEBOOK.match(v):
            raise ValueError(f"verwacht een notebooknaam zoals '{voorbeeld}' (geen map of pad)")
        return v

    return AfterValidator(check)


def _slug(wat: str, suggestie: bool = False) -> AfterValidator:
    """A slug that can be part of a path (``SLUG``); with ``suggestie`` the message names a known wijk it resembles."""
    def check(v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(f"{wat} bestaat uit kleine letters, cijfers en '-' (geen pad, geen spaties)"
                             + (bedoelt_u(v) if suggestie else ""))
        return v

    return AfterValidator(check)


def _dubbelen(waarden: list[str]) -> list[str]:
    """The values that occur more than once, sorted."""
    return sorted({w for w in waarden if waarden.count(w) > 1})


def _uniek(sleutel: Callable, wat: str, toon: Callable[[str], str] = str) -> AfterValidator:
    """A list in which no two items have the same ``sleutel``; the message names every repeated one."""
    def check(v: list) -> list:
        dubbel = _dubbelen([sleutel(x) for x in v])
        if dubbel:
            raise ValueError(f"{wat} {', '.join(map(toon, dubbel))} staat twee keer in de lijst")
        return v

    return AfterValidator(check)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # YAML's .inf and .nan are no values


class Hoofdstuk(_Strict):
    notebook: Annotated[str, _notebooknaam("voortgang_pijler.ipynb")]
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)


class VoortgangsParams(_Strict):
    rapport: str = "voortgangsrapportage"
    programma: Annotated[str, _slug("een programmanaam")]
    jaar: int = Field(ge=2000, le=2100)
    titel: str
    ondertitel: str = ""
    auteur: str = ""
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)


class Wijk(_Strict):
    slug: Annotated[str, _slug("een wijk-slug", suggestie=True)]
    titel: str | None = None
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)


class WijkenParams(_Strict):
    jaar: int = Field(ge=2000, le=2100)
    notebook: Annotated[str, _notebooknaam("wijkdocument.ipynb")] = "wijkdocument.ipynb"
    wijken: Annotated[list[Wijk], Field(min_length=1), _uniek(lambda w: w.slug, "wijk", repr)]


class OokGenoemd(_Strict):
    """Another name of the same wijkraad in the source (a merger or rename), with the wijken it was recorded for."""

    naam: str = Field(min_length=1)
    wijken: list[str] = Field(min_length=1)


def _wijk_slugs(v: list[str]) -> list[str]:
    fout = [w for w in v if not SLUG.match(w)]
    if fout:
        raise ValueError(f"geen wijk-slug: {', '.join(map(repr, fout))}" + "".join(bedoelt_u(w) for w in fout))
    if len(set(v)) != len(v):
        raise ValueError("een wijk staat twee keer in de lijst")
    return v


class Wijkraad(_Strict):
    slug: Annotated[str, _slug("een slug")]
    naam: str = Field(min_length=1)
    wijken: Annotated[list[str], Field(min_length=1), AfterValidator(_wijk_slugs)]
    ook_genoemd: list[OokGenoemd] = Field(default_factory=list)
    titel: str | None = None
    parameters: dict[str, str | int | float | bool] = Field(default_factory=dict)


def _een_wijkraad_per_wijk(v: list[Wijkraad]) -> list[Wijkraad]:
    dubbel = _dubbelen([w for r in v for w in r.wijken])
    if dubbel:
        raise ValueError(f"wijk {', '.join(dubbel)} hoort bij meer dan één wijkraad")
    return v


class WijkradenParams(_Strict):
    """``params/<jaar>/wijkraden.yml``: one edition per wijk- of dorpsraad (made by ``python -m wijkrapport.tools.wijkraadparams``)."""

    jaar: int = Field(ge=2000, le=2100)
    notebook: Annotated[str, _notebooknaam("wijkraad.ipynb")] = "wijkraad.ipynb"
    wijkraden: Annotated[list[Wijkraad], Field(min_length=1), _uniek(lambda r: r.slug, "wijkraad"),
                         AfterValidator(_een_wijkraad_per_wijk)]
    wijken_zonder_wijkraad: list[str] = Field(default_factory=list)


class ProgrammaRun(_Strict):
    naam: Annotated[str, _slug("een programmanaam")]  # params/programmas/<naam>.yml
    titel: str | None = None  # default: "<programme titel> <jaar>"
    ondertitel: str = ""


class ProgrammasParams(_Strict):
    """``params/<jaar>/programmas.yml``: the generic programme reports of the year."""

    jaar: int = Field(ge=2000, le=2100)
    programmas: Annotated[list[ProgrammaRun], Field(min_length=1), _uniek(lambda p: p.naam, "programma")]


def _load(model: type[BaseModel], path: Path):
    return valideer(model, load_yaml(path), path, "verwacht een mapping (sleutel: waarde) bovenaan")


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


# --- examples for the notebooks' parameters cells (JupyterLab) ---------------------------------------------------


def _voorbeeld(lees: Callable[[int], object], wat: str):
    """``lees(jaar)`` of the latest params year that has it: the example a notebook shows in the Lab.

    papermill runs a notebook's own parameters cell before the one it injects, so a newer year whose file is missing
    or not valid yet may not stop a run of an older year: such a year is passed over."""
    for jaar in reversed(paths.jaren()):
        try:
            gevonden = lees(jaar)
        except (ConfigError, AttributeError, IndexError):
            continue
        if gevonden:
            return gevonden
    raise ConfigError(f"geen params/<jaar>/ noemt {wat}; geef de parameters van het notebook zelf op")


def voorbeeld_voortgangsprogramma() -> str:
    """The programme of the latest voortgangsrapportage in params."""
    return _voorbeeld(lambda j: voortgang_params(j).programma, "een voortgangsrapportage")


def voorbeeld_programma() -> str:
    """The first programme report of the latest params year that lists one."""
    return _voorbeeld(lambda j: programmas_params(j).programmas[0].naam, "een programma")


def voorbeeld_wijk() -> str:
    """The first wijk of the latest params year that lists wijken."""
    return _voorbeeld(lambda j: wijken_params(j).wijken[0].slug, "een wijk")


def voorbeeld_wijkraad() -> Wijkraad:
    """The first wijkraad edition of the latest params year that lists one."""
    return _voorbeeld(lambda j: wijkraden_params(j).wijkraden[0], "een wijkraad")
