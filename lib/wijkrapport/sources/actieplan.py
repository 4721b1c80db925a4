"""Wijkactieplannen: ``data/actieplannen/<plan_id>/plan.yml`` + ``acties.csv``, validated with row and field."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
import pandera.pandas as pa
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import paths
from ..errors import ConfigError, DataValidationError, Problem
from ..yamlio import load_yaml, pydantic_problems
from .base import FIRST_DATA_LINE, read_csv, rel, validate
from .sleutels import normaliseer

STATUSSEN = ["wit", "groen", "oranje", "rood"]
UITKOMSTINDICATOREN = [
    "woningvoorraad", "huurwoningen_corporatie", "verhuisbewegingen_saldo", "woz_waarde", "veiligheidsindex",
    "fysieke_index", "sociale_index", "misdrijven_per_1000", "woninginbraak_per_1000", "bijstand", "laag_inkomen",
    "inwoners",
]

ACTIES_SCHEMA = pa.DataFrameSchema(
    {
        "plan_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$")),
        "doel_nummer": pa.Column(str, pa.Check.str_matches(r"^\d+$")),
        "doel": pa.Column(str, pa.Check.str_length(min_value=1)),
        "resultaat_nummer": pa.Column(str, pa.Check.str_matches(r"^\d+\.\d+$")),
        "resultaat": pa.Column(str),
        "actie_nummer": pa.Column(str, pa.Check.str_matches(r"^\d+\.\d+\.\d+$"), unique=True),
        "actie": pa.Column(str, pa.Check.str_length(min_value=1, max_value=5000)),
        "status": pa.Column(str, pa.Check.isin(STATUSSEN)),
        "toelichting": pa.Column(str, pa.Check.str_length(max_value=5000)),
        "door_wie": pa.Column(str),
        "partijen": pa.Column(str),
        "planning_maanden": pa.Column(str, pa.Check.isin(["", "4", "8", "12"])),
        "planning_toelichting": pa.Column(str, pa.Check.str_length(max_value=5000), required=False),
        "uitvoerbaar": pa.Column(str, pa.Check.isin(["", "ja", "nee"])),
        "uitvoerbaar_toelichting": pa.Column(str),
        "gemeente_reactie": pa.Column(str, pa.Check.isin(["", "akkoord", "betwist"])),
        "gemeente_reactie_toelichting": pa.Column(str, pa.Check.str_length(max_value=5000)),
        "bron_regels": pa.Column(str, required=False),
    },
    checks=[
        pa.Check(lambda d: d.apply(lambda r: r["actie_nummer"].startswith(r["resultaat_nummer"] + "."), axis=1),
                 error="actie_nummer hoort te beginnen met resultaat_nummer"),
        pa.Check(lambda d: d.apply(lambda r: r["resultaat_nummer"].startswith(r["doel_nummer"] + "."), axis=1),
                 error="resultaat_nummer hoort te beginnen met doel_nummer"),
    ],
    strict="filter",
)


class Doel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nummer: int
    titel: str
    uitkomstindicatoren: list[str] = Field(default_factory=list)
    #: per linked indicator, which direction is better for this doel when it differs from the indicator's own
    #: polarity or the indicator has none (e.g. a lower WOZ-waarde for a doel about affordable housing)
    beter_als: dict[str, Literal["hoger", "lager"]] = Field(default_factory=dict)


class Plan(BaseModel):
    model_config = ConfigDict(extra="allow")
    plan_id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    titel: str
    wijkraad: str = ""
    wijken: list[str] = Field(min_length=1)
    jaar: int
    status: str = "concept"
    doelen: list[Doel] = Field(default_factory=list)


def plans_dir() -> Path:
    return paths.data_dir() / "actieplannen"


def load_plan(folder: Path) -> tuple[Plan, pd.DataFrame]:
    """Read and validate one plan folder; every problem is reported with file, row and field."""
    plan_file = folder / "plan.yml"
    try:
        raw = load_yaml(plan_file)
    except ConfigError as exc:  # a plan is data, not configuration
        raise DataValidationError(exc.problems) from exc
    problems: list[Problem] = []
    try:
        plan = Plan.model_validate(raw if isinstance(raw, dict) else {})
    except ValidationError as exc:
        raise DataValidationError(pydantic_problems(Path(rel(plan_file)), exc)) from exc
    for i, doel in enumerate(plan.doelen):
        for j, ind in enumerate(doel.uitkomstindicatoren):
            if ind not in UITKOMSTINDICATOREN:
                problems.append(Problem(file=rel(plan_file), field=f"doelen.{i}.uitkomstindicatoren.{j}", value=ind,
                                        message=f"onbekende uitkomstindicator; kies uit {', '.join(UITKOMSTINDICATOREN)}"))
        for ind in doel.beter_als:
            if ind not in doel.uitkomstindicatoren:
                problems.append(Problem(file=rel(plan_file), field=f"doelen.{i}.beter_als.{ind}", value=ind,
                                        message="beter_als noemt een indicator die niet in uitkomstindicatoren staat"))
    problems += _wijken_problemen(plan, rel(plan_file))
    acties_file = folder / "acties.csv"
    raw, gevonden = normaliseer(read_csv(acties_file), ["plan_id", "doel_nummer", "resultaat_nummer", "actie_nummer",
                                                        "status", "planning_maanden", "uitvoerbaar", "gemeente_reactie"],
                                rel(acties_file))
    if "plan_id" in raw:
        gevonden += [Problem(file=rel(acties_file), row=int(i) + FIRST_DATA_LINE, field="plan_id", value=v,
                             message=f"hoort bij een ander plan: plan.yml noemt '{plan.plan_id}'")
                     for i, v in raw["plan_id"].items() if v != plan.plan_id]
    acties = validate(raw, ACTIES_SCHEMA, rel(acties_file), problems + gevonden)
    unknown = sorted(set(acties["doel_nummer"].astype(int)) - {d.nummer for d in plan.doelen})
    if plan.doelen and unknown:
        raise DataValidationError([Problem(file=rel(plan_file), field="doelen", value=u,
                                           message="doel staat in acties.csv maar niet in plan.yml") for u in unknown])
    return plan, acties


def _wijken_problemen(plan: Plan, file: str) -> list[Problem]:
    """Every wijk a plan covers must be a slug in data/wijken/crosswalk.csv, exactly: a plan for 'Hoogvliet-Zuid' or
    'hoogvliet-zuid ' would otherwise silently be left out of that wijk's document."""
    from . import wijken

    try:
        bekend = set(wijken.load_crosswalk()["wijk_slug"])
    except DataValidationError:
        return []  # the crosswalk's own problems are reported by its loader
    return [Problem(file=file, field=f"wijken.{i}", value=w,
                    message="geen wijk-slug uit data/wijken/crosswalk.csv (kleine letters, zonder spaties)")
            for i, w in enumerate(plan.wijken) if w not in bekend]


def plans_for_wijk(slug: str, jaar: int) -> list[tuple[Plan, pd.DataFrame]]:
    """Plans that cover ``slug``: the plan of ``jaar`` or, when there is none, the newest later one (current plan)."""
    if not plans_dir().is_dir():
        return []
    found = []
    for folder in sorted(p for p in plans_dir().iterdir() if (p / "plan.yml").exists()):
        plan, acties = load_plan(folder)
        if slug in plan.wijken:
            found.append((plan, acties))
    return found


def validate_all() -> None:
    """Load every plan folder (before any notebook runs): problems of all plans are reported together."""
    if not plans_dir().is_dir():
        return
    problems = []
    for folder in sorted(p for p in plans_dir().iterdir() if (p / "plan.yml").exists()):
        try:
            load_plan(folder)
        except DataValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataValidationError(problems)
