"""A published report's effect table as printed (``<programme data>/<jaar>/gedrukt.csv``), kept apart for comparison.

Figures as printed are never inputs of a computation (``docs/metingen.md``): they are
compared with what the engine computes from the measurements. One row per printed row; column names carry
no year: ``jaar`` is the report year of the printed report and ``eindjaar`` the last year of the targets.

* ``periode_start`` and ``periode_nu``: the start and current period of the row in the forms of
  :mod:`wijkrapport.sources.perioden` (``periode_start`` may be empty where the report prints none); the printed
  wording stays in ``peildatum_gedrukt`` and ``periode_gedrukt``;
* ``<gebied>_start_gedrukt`` and ``<gebied>_nu_gedrukt`` for every area of the effect table (the programme's
  doelgebied and comparison areas, by their column prefix: ``den_haag_nu_gedrukt``): the printed values;
  ``pct_ingelopen_gedrukt``,
  ``pct_ingelopen_vorig_gedrukt`` (last year's report), ``doel_jaar_gedrukt`` (target of ``jaar``) and
  ``doel_eindjaar_gedrukt`` (target of ``eindjaar``);
* ``symbolen``: a printed symbol instead of a number (``kolom=symbool;...``, e.g. ``doel_jaar_gedrukt=nvt``);
  its cell is empty.

The loader adds ``doel_jaar_decimalen`` and ``pct_ingelopen_decimalen``: the number of decimals printed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ..errors import DataValidationError, Problem
from . import perioden
from .base import FIRST_DATA_LINE, numeric_problems, read_csv, rel, to_number, validate

UITKOMSTEN = ["pct_ingelopen_gedrukt", "pct_ingelopen_vorig_gedrukt", "doel_jaar_gedrukt", "doel_eindjaar_gedrukt"]


def getallen(gebieden: list[str]) -> list[str]:
    """The number columns of a printed table whose areas have these column prefixes."""
    return [f"{g}_{w}_gedrukt" for g in gebieden for w in ("start", "nu")] + UITKOMSTEN


EENHEDEN = ["pct", "eur", "aantal", "index", "m2", "per1000"]


def _eindig(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype(float))


def _schema(kolommen: list[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
            "jaar": pa.Column(int, pa.Check.in_range(perioden.EERSTE_JAAR, perioden.LAATSTE_JAAR)),
            "eindjaar": pa.Column(int, pa.Check.in_range(perioden.EERSTE_JAAR, perioden.LAATSTE_JAAR)),
            "tabel": pa.Column(int, pa.Check.ge(1)),
            "volgorde": pa.Column(int, pa.Check.ge(1), unique=True),
            "soort_gedrukt": pa.Column(str),
            "pijler_gedrukt": pa.Column(str),
            "label_gedrukt": pa.Column(str, pa.Check.str_length(min_value=1)),
            "eenheid": pa.Column(str, pa.Check.isin(EENHEDEN)),
            "peildatum_gedrukt": pa.Column(str),
            "periode_gedrukt": pa.Column(str),
            "periode_start": pa.Column(str),
            "periode_nu": pa.Column(str, pa.Check.str_length(min_value=1)),
            **{c: pa.Column(float, pa.Check(_eindig, element_wise=False, error="geen eindig getal (inf)"), nullable=True)
               for c in kolommen},
            "symbolen": pa.Column(str),
            "opmerking_gedrukt": pa.Column(str),
            "toelichting_transcriptie": pa.Column(str, required=False),
            "bron_regels": pa.Column(str, pa.Check.str_matches(r"^\d+(-\d+)?$")),
        },
        checks=[
            pa.Check(lambda d: d["jaar"].nunique() <= 1, error="één gedrukt rapport per bestand: jaar verschilt per rij"),
            pa.Check(lambda d: d["eindjaar"] >= d["jaar"], error="eindjaar ligt voor het jaar van het rapport"),
        ],
        strict=True,
    )


def _decimalen(text: pd.Series) -> pd.Series:
    parts = text.astype(str).str.strip().str.split(".", n=1)
    return parts.map(lambda p: len(p[1]) if len(p) == 2 else 0)


def _periode_problemen(df: pd.DataFrame, file: str) -> list[Problem]:
    """Start and current periods must parse; the current one may not lie after the report year."""
    problems = []
    for idx, r in df.iterrows():
        for col in ("periode_start", "periode_nu"):
            tekst = r[col]
            if col == "periode_start" and tekst.strip() == "":
                continue
            try:
                p = perioden.parse(tekst)
            except perioden.PeriodeFout as exc:
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col, value=tekst, message=str(exc)))
                continue
            jaar = pd.to_numeric(r.get("jaar"), errors="coerce")
            if col == "periode_nu" and pd.notna(jaar) and p.rapportjaar > jaar:
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col, value=tekst,
                                        message=f"deze periode hoort bij rapportjaar {p.rapportjaar}, na het gedrukte "
                                                f"rapport van {int(jaar)}"))
    return problems


def _symbool_problemen(df: pd.DataFrame, raw: pd.DataFrame, file: str, kolommen: list[str]) -> list[Problem]:
    problems = []
    for idx, tekst in df["symbolen"].items():
        for deel in filter(None, (d.strip() for d in tekst.split(";"))):
            kolom, _, symbool = deel.partition("=")
            if kolom not in kolommen or not symbool:
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field="symbolen", value=deel,
                                        message="verwacht kolom=symbool met een getalkolom van dit bestand"))
            elif raw.at[idx, kolom].strip() != "":
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=kolom, value=raw.at[idx, kolom],
                                        message=f"gedrukt als '{symbool}' volgens symbolen, maar de cel heeft een getal"))
    return problems


def parse_gedrukt(raw: pd.DataFrame, file: str, gebieden: list[str]) -> pd.DataFrame:
    """Validate and type a raw (all-text) printed table; every problem at once. ``gebieden``: the column prefixes of
    the effect table's areas (:func:`wijkrapport.sources.registry.gebiedskolommen`)."""
    kolommen = getallen(gebieden)
    problems = numeric_problems(raw, kolommen + ["jaar", "eindjaar", "tabel", "volgorde"], file,
                                geheel=("jaar", "eindjaar", "tabel", "volgorde"))
    df = raw.copy()
    for col in kolommen:
        if col in df:
            df[col] = to_number(df[col]).astype(float)
    for col in ("jaar", "eindjaar", "tabel", "volgorde"):
        if col in df:
            df[col] = to_number(df[col]).fillna(-1).astype(int)
    if {"periode_start", "periode_nu"} <= set(df.columns):
        problems += _periode_problemen(df, file)
    if "symbolen" in df and set(kolommen) <= set(raw.columns):
        problems += _symbool_problemen(df, raw, file, kolommen)
    df = validate(df, _schema(kolommen), file, problems)
    df["periode_start"] = df["periode_start"].str.strip()
    df["periode_nu"] = df["periode_nu"].str.strip()
    df["doel_jaar_decimalen"] = _decimalen(raw["doel_jaar_gedrukt"])
    df["pct_ingelopen_decimalen"] = _decimalen(raw["pct_ingelopen_gedrukt"])
    return df.sort_values("volgorde").reset_index(drop=True)


def load_gedrukt(path: Path, gebieden: list[str]) -> pd.DataFrame:
    """Read and validate one printed table (see the module docstring; ``gebieden`` as in :func:`parse_gedrukt`)."""
    path = Path(path)
    if not path.exists():
        raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
    return parse_gedrukt(read_csv(path), rel(path), gebieden)
