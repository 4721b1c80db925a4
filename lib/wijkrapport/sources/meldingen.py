"""Meldingen openbare ruimte: an export (one row per melding) + handling terms per hoofdcategorie.

``data/meldingen/bron.yml`` names the export file, the terms file and whether the data are voorbeelddata.
Columns follow the open MOR standard (Melding Openbare Ruimte) where it fits: an id, the date reported,
hoofd- and subcategorie, the location (here: the wijk, optionally the buurt), the status and the date handled.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pydantic import BaseModel, ConfigDict, field_validator

from .. import paths
from ..errors import DataValidationError, Problem
from .base import FIRST_DATA_LINE, lees_yaml_model, read_csv, rel, validate
from .sleutels import dubbel_problemen, normaliseer

STATUSSEN = ["gemeld", "in_behandeling", "afgehandeld", "geannuleerd"]
KOLOMMEN = ["melding_id", "datum_melding", "hoofdcategorie", "subcategorie", "wijk", "status", "datum_afgehandeld"]
_DATUM = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Bron(BaseModel):
    model_config = ConfigDict(extra="forbid")
    titel: str
    voorbeelddata: bool
    bestand: str = "meldingen.csv"
    termijnen: str = "termijnen.csv"
    bron: str
    #: the gebieden (crosswalk ``gebied_naam``) whose wijken the export covers; none given: the whole city. A wijk
    #: outside them gets no figures at all (never zeros).
    gebieden: list[str] | None = None

    @field_validator("bestand", "termijnen")
    @classmethod
    def _plain(cls, v: str) -> str:
        if "/" in v or "\\" in v or not v.endswith(".csv"):
            raise ValueError("verwacht een bestandsnaam (.csv) in data/meldingen/, zonder map")
        return v


def folder() -> Path:
    return paths.data_dir() / "meldingen"


def beschikbaar() -> bool:
    return (folder() / "bron.yml").exists()


def load_bron() -> Bron:
    return lees_yaml_model(folder() / "bron.yml", Bron)


TERMIJNEN_SCHEMA = pa.DataFrameSchema(
    {"hoofdcategorie": pa.Column(str, pa.Check.str_length(min_value=1), unique=True),
     "termijn_dagen": pa.Column(str, pa.Check.str_matches(r"^[0-9]{1,3}$"))},
    strict=True,
)


def load_termijnen(bron: Bron | None = None) -> pd.Series:
    """Handling term in days per hoofdcategorie."""
    bron = bron or load_bron()
    path = folder() / bron.termijnen
    raw, problems = normaliseer(read_csv(path), ["hoofdcategorie", "termijn_dagen"], rel(path))
    problems += dubbel_problemen(raw, ["hoofdcategorie"], rel(path))
    df = validate(raw, TERMIJNEN_SCHEMA, rel(path), problems)
    return df.set_index("hoofdcategorie")["termijn_dagen"].astype(int)


def _schema(categorieen: list[str], wijken: list[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "melding_id": pa.Column(str, [pa.Check.str_length(min_value=1, max_value=64)], unique=True),
            "datum_melding": pa.Column(str, pa.Check.str_matches(_DATUM)),
            "hoofdcategorie": pa.Column(str, pa.Check.isin(categorieen)),
            "subcategorie": pa.Column(str, pa.Check.str_length(min_value=1, max_value=200)),
            "wijk": pa.Column(str, pa.Check(lambda s: s.str.casefold().isin(wijken),
                                            error="een wijk uit data/wijken/crosswalk.csv (naam of slug)")),
            "buurt": pa.Column(str, required=False),
            "status": pa.Column(str, pa.Check.isin(STATUSSEN)),
            "datum_afgehandeld": pa.Column(str, pa.Check.str_matches(rf"{_DATUM}|^$")),
        },
        strict="filter",
    )


def _datum_problems(df: pd.DataFrame, name: str) -> tuple[pd.DataFrame, list[Problem]]:
    problems = []
    gemeld = pd.to_datetime(df["datum_melding"], format="%Y-%m-%d", errors="coerce")
    klaar = pd.to_datetime(df["datum_afgehandeld"].where(df["datum_afgehandeld"] != ""), format="%Y-%m-%d",
                           errors="coerce")
    for col, parsed in (("datum_melding", gemeld), ("datum_afgehandeld", klaar)):
        bad = parsed.isna() & (df[col] != "")
        for idx in df.index[bad]:
            problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field=col, value=df.at[idx, col],
                                    message="geen geldige datum (JJJJ-MM-DD)"))
    afgehandeld = df["status"] == "afgehandeld"
    for idx in df.index[afgehandeld & (df["datum_afgehandeld"] == "")]:
        problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="datum_afgehandeld",
                                message="status is afgehandeld, maar de datum van afhandeling ontbreekt"))
    for idx in df.index[~afgehandeld & (df["datum_afgehandeld"] != "")]:
        problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="datum_afgehandeld",
                                value=df.at[idx, "datum_afgehandeld"],
                                message=f"een melding met status '{df.at[idx, 'status']}' heeft geen afhandeldatum"))
    for idx in df.index[klaar < gemeld]:
        problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="datum_afgehandeld",
                                value=df.at[idx, "datum_afgehandeld"], message="afgehandeld vóór de datum van melding"))
    out = df.assign(datum_melding=gemeld, datum_afgehandeld=klaar)
    return out, problems


def load() -> tuple[Bron, pd.DataFrame, pd.Series]:
    """(bron, meldingen, termijnen); meldingen get ``wijk_slug`` (from the wijk name or slug) and typed dates.

    Every problem is reported with file, row and field before anything is computed. The checked frame is
    shared by the kernels of a run (``framecache``; the key includes the crosswalk it was matched against).
    """
    from wijkrapport import inputs

    from . import framecache

    bron = load_bron()
    termijnen = load_termijnen(bron)
    bestanden = [folder() / "bron.yml", folder() / bron.bestand, folder() / bron.termijnen, inputs.wijkbestand("crosswalk")]
    df = framecache.gedeeld("meldingen", (bron.bestand,), bestanden, lambda: _meldingen(bron, termijnen))
    return bron, df, termijnen


def _meldingen(bron: Bron, termijnen: pd.Series) -> pd.DataFrame:
    from . import wijken

    path = folder() / bron.bestand
    name = rel(path)
    cw = wijken.load_crosswalk()
    naar_slug = {**{n.casefold(): s for n, s in zip(cw["wijk_naam"], cw["wijk_slug"], strict=True)},
                 **{s: s for s in cw["wijk_slug"]}}
    raw, problems = normaliseer(read_csv(path), ["melding_id", "datum_melding", "hoofdcategorie", "wijk", "buurt", "status",
                                                 "datum_afgehandeld"], name)
    problems += dubbel_problemen(raw, ["melding_id"], name)
    df = validate(raw, _schema(list(termijnen.index), list(naar_slug)), name, problems)
    df, problems = _datum_problems(df, name)
    if problems:
        raise DataValidationError(problems)
    df["wijk_slug"] = df["wijk"].str.casefold().map(naar_slug)
    _dekking_problemen(bron, df, cw)
    return df.reset_index(drop=True)


def _dekking_problemen(bron: Bron, df: pd.DataFrame, cw: pd.DataFrame) -> None:
    """``gebieden`` names gebieden of the crosswalk, and every melding lies in one of them."""
    if bron.gebieden is None:
        return
    bron_yml = rel(folder() / "bron.yml")
    gebieden = [g.strip() for g in bron.gebieden]
    problems = [Problem(file=bron_yml, field="gebieden", value=g, message="gebied staat niet in de crosswalk")
                for g in gebieden if g not in set(cw["gebied_naam"])]
    gebied_van = dict(zip(cw["wijk_slug"], cw["gebied_naam"], strict=True))
    buiten = df[~df["wijk_slug"].map(gebied_van).isin(gebieden)]
    problems += [Problem(file=rel(folder() / bron.bestand), row=int(i) + FIRST_DATA_LINE, field="wijk", value=r.wijk,
                         message=f"ligt in {gebied_van.get(r.wijk_slug)}, buiten de gebieden die bron.yml noemt "
                         "(gebieden): vul die lijst aan")
                 for i, r in buiten.head(5).iterrows()]
    if problems:
        raise DataValidationError(problems)
