"""NPRZ voortgangsrapportage figures, transcribed from the published report.

Files live in ``data/nprz/<jaar>/`` (see its PROVENANCE.md). Each loader reads
the file as published, validates it with a pandera schema (all problems at
once) and returns a typed frame.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .. import paths
from ..errors import DataValidationError, Problem
from .base import numeric_problems, read_csv, rel, to_number, validate
from .sleutels import dubbel_problemen, normaliseer

WAARDE_KOLOMMEN = ["g4_start", "g4_huidig", "rotterdam_start", "rotterdam_huidig", "zuid_start", "zuid_huidig"]
GEPUBLICEERD_KOLOMMEN = [
    "pct_ingelopen_gepubliceerd",
    "pct_ingelopen_vorig_gepubliceerd",
    "doel_2024_gepubliceerd",
    "doel_2031_gepubliceerd",
]
EENHEDEN = ["pct", "eur", "aantal", "index", "m2"]


def _finite(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype(float))


def _pct_range(df: pd.DataFrame) -> pd.Series:
    """Shares of a population lie within 0-100; other units only need to be >= 0."""
    ok = pd.Series(True, index=df.index)
    for col in WAARDE_KOLOMMEN:
        v = df[col]
        bad_pct = (df["eenheid"] == "pct") & v.notna() & ((v < 0) | (v > 100))
        bad_neg = (df["eenheid"] != "pct") & v.notna() & (v < 0)
        ok &= ~(bad_pct | bad_neg)
    return ok


def _typed(raw: pd.DataFrame, numeric: list[str], file: str, sleutels: tuple[str, ...] = (),
           geheel: tuple[str, ...] = (), namen: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """Identifiers (``sleutels``) normalised, numbers typed (``geheel``: whole numbers only); every problem found.
    ``namen``: identifier columns in which names differing only in case or look-alike letters are duplicates."""
    raw, problems = normaliseer(raw, list(sleutels), file)
    problems += numeric_problems(raw, numeric, file, geheel=geheel)
    problems += dubbel_problemen(raw, list(namen), file)
    df = raw.copy()
    for col in numeric:
        if col in df:
            df[col] = to_number(df[col]).astype(float)
    return df, problems


EFFECTTABEL_SCHEMA = pa.DataFrameSchema(
    {
        "indicator_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "tabel": pa.Column(float, pa.Check.isin([1, 2, 3])),
        "volgorde": pa.Column(float, pa.Check.ge(1), unique=True),
        "soort": pa.Column(str, pa.Check.isin(["demografie", "doel", "indicator"])),
        "pijler_gepubliceerd": pa.Column(str),
        "indicator_gepubliceerd": pa.Column(str, pa.Check.str_length(min_value=1)),
        "peildatum": pa.Column(str),
        "eenheid": pa.Column(str, pa.Check.isin(EENHEDEN)),
        **{c: pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True) for c in WAARDE_KOLOMMEN},
        **{c: pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True) for c in GEPUBLICEERD_KOLOMMEN},
        "periode_gepubliceerd": pa.Column(str),
        "opmerking": pa.Column(str),
        "symbolen": pa.Column(str),
        "bron_regels": pa.Column(str, pa.Check.str_matches(r"^\d+(-\d+)?$")),
    },
    checks=[pa.Check(_pct_range, error="waarde buiten bereik (percentage 0-100, overige eenheden >= 0)")],
    strict="filter",
    coerce=False,
)


def effecttabel_path(jaar: int) -> Path:
    return paths.nprz_data_dir(jaar) / "effecttabel.csv"


def _decimals(text: pd.Series) -> pd.Series:
    """Number of decimals as printed (``"20"`` -> 0, ``"26.0"`` -> 1)."""
    parts = text.astype(str).str.strip().str.split(".", n=1)
    return parts.map(lambda p: len(p[1]) if len(p) == 2 else 0)


def parse_effecttabel(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    df, problems = _typed(raw, WAARDE_KOLOMMEN + GEPUBLICEERD_KOLOMMEN + ["tabel", "volgorde"], file,
                          sleutels=("indicator_id", "soort", "eenheid"), geheel=("tabel", "volgorde"))
    decimals = {c: _decimals(raw[c]) for c in ("doel_2024_gepubliceerd", "pct_ingelopen_gepubliceerd") if c in raw}
    df = validate(df, EFFECTTABEL_SCHEMA, file, problems)
    for col, dec in decimals.items():
        df[col.replace("_gepubliceerd", "_decimalen")] = dec
    df["tabel"] = df["tabel"].astype(int)
    df["volgorde"] = df["volgorde"].astype(int)
    return df.sort_values("volgorde").reset_index(drop=True)


@lru_cache(maxsize=4)
def _effecttabel(path: str, mtime: float) -> pd.DataFrame:
    return parse_effecttabel(read_csv(Path(path)), rel(Path(path)))


def load_effecttabel(jaar: int) -> pd.DataFrame:
    """The three "Stand t.a.v. doelstelling" tables, one row per printed row."""
    path = effecttabel_path(jaar)
    if not path.exists():
        raise DataValidationError(f"geen effecttabel voor {jaar}: {rel(path)} ontbreekt", file=rel(path))
    return _effecttabel(str(path), path.stat().st_mtime).copy()


def check_registry_covers(effecttabel: pd.DataFrame, programma, file: str) -> None:
    """Every row of the table must have a registry entry."""
    known = {i.id for i in programma.indicatoren}
    problems = [
        Problem(file=file, row=int(i) + 2, field="indicator_id", value=v, message="staat niet in het indicatorregister")
        for i, v in effecttabel["indicator_id"].items()
        if v not in known
    ]
    if problems:
        raise DataValidationError(problems)


# --- the other tables of the report -------------------------------------------------------

GEBIEDEN_ALGEMEEN = ["Nederland", "G4", "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Rotterdam lokaal", "Zuid",
                     "Focuswijken"]

ALGEMEEN_SCHEMA = pa.DataFrameSchema(
    {
        "indicator_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "indicator": pa.Column(str, pa.Check.str_length(min_value=1)),
        "peildatum": pa.Column(str),
        "eenheid": pa.Column(str, pa.Check.isin(EENHEDEN)),
        "gebied": pa.Column(str, pa.Check.isin(GEBIEDEN_ALGEMEEN)),
        "waarde": pa.Column(float, [pa.Check(_finite, element_wise=False), pa.Check.ge(0)], nullable=True),
        "symbool": pa.Column(str),
    },
    unique=["indicator_id", "gebied"],
    strict="filter",
)

VERHUIS_SCHEMA = pa.DataFrameSchema(
    {
        "gebied": pa.Column(str, pa.Check.str_length(min_value=1)),
        "gebied_soort": pa.Column(str, pa.Check.isin(["wijk", "gebied", "totaal"])),
        "volgorde": pa.Column(float, pa.Check.ge(1)),
        "kolom": pa.Column(float, pa.Check.in_range(1, 21)),
        "kolom_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "kolom_label": pa.Column(str),
        "waarde": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "onderdrukt": pa.Column(str, pa.Check.isin(["true", "false"])),
    },
    checks=[
        pa.Check(lambda d: ~((d["onderdrukt"] == "true") & d["waarde"].notna()),
                 error="een onderdrukte cel ('<5') hoort geen waarde te hebben"),
        pa.Check(lambda d: (d["kolom_id"] == "saldo") | d["waarde"].isna() | (d["waarde"] >= 0),
                 error="aantallen kunnen niet negatief zijn (alleen saldo wel)"),
    ],
    unique=["gebied_soort", "gebied", "kolom"],
    strict="filter",
)

INTERVENTIES_SCHEMA = pa.DataFrameSchema(
    {
        "pijler": pa.Column(str, pa.Check.isin(["thuisbasis", "school", "werk", "wonen", "veilig"])),
        "volgorde": pa.Column(float, pa.Check.ge(1), unique=True),
        "nummer": pa.Column(str),
        "naam": pa.Column(str, pa.Check.str_length(min_value=1)),
        "initiatiefnemer": pa.Column(str),
        "financiering": pa.Column(str),
        "kleur_2023": pa.Column(str, pa.Check.isin(["", "groen", "oranje", "rood", "wit"])),
        "kleur_2024": pa.Column(str, pa.Check.isin(["", "groen", "oranje", "rood", "wit"])),
        "trend": pa.Column(str, pa.Check.isin(["", "nieuw", "vooruit", "gelijk", "achteruit", "gestopt"])),
        "gestopt_in_tekst": pa.Column(str, pa.Check.isin(["true", "false"])),
    },
    strict="filter",
)

FINANCIEN_SCHEMA = pa.DataFrameSchema(
    {
        "post": pa.Column(str),
        "omschrijving": pa.Column(str, pa.Check.str_length(min_value=1)),
        "begroot": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "gerealiseerd": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "gemeente": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "overige_partners": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "soort": pa.Column(str, pa.Check.isin(["post", "totaal"])),
    },
    strict="filter",
)

def _teltabel(periode: str, *sleutel: str) -> pa.DataFrameSchema:
    """Counts for Rotterdam and NPRZ per period; one row per period, regel (and age group) and area."""
    return pa.DataFrameSchema(
        {
            periode: pa.Column(str, pa.Check.str_length(min_value=1)),
            "regel": pa.Column(str, pa.Check.str_length(min_value=1)),
            "gebied": pa.Column(str, pa.Check.isin(["Rotterdam", "NPRZ"])),
            "waarde": pa.Column(float, [pa.Check(_finite, element_wise=False), pa.Check.ge(0)], nullable=True),
            "aandeel_nprz_gepubliceerd": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        },
        unique=[periode, "regel", *sleutel, "gebied"],
        strict=False,
    )


TELTABEL_SCHEMA = _teltabel("jaar")

SAMENVATTING_SCHEMA = pa.DataFrameSchema(
    {
        "pijler": pa.Column(str, pa.Check.isin(["thuisbasis", "school", "werk", "wonen", "veilig"]), unique=True),
        "totaal_gepubliceerd": pa.Column(float, pa.Check.ge(0), nullable=True),
    },
    strict=False,
)

_TEL = ("regel", "gebied", "leeftijd")
#: file name -> (schema, numeric columns, identifier columns, whole-number columns, name columns)
TABELLEN = {
    "algemene_indicatoren.csv": (ALGEMEEN_SCHEMA, ["waarde"], ("indicator_id", "eenheid", "gebied", "symbool"), (), ()),
    "verhuisbewegingen.csv": (VERHUIS_SCHEMA, ["waarde", "volgorde", "kolom"],
                              ("gebied", "gebied_soort", "kolom_id", "onderdrukt"), ("volgorde", "kolom"), ("gebied",)),
    "interventies.csv": (INTERVENTIES_SCHEMA, ["volgorde"],
                         ("pijler", "nummer", "kleur_2023", "kleur_2024", "trend", "gestopt_in_tekst"), ("volgorde",), ()),
    "financien.csv": (FINANCIEN_SCHEMA, ["begroot", "gerealiseerd", "gemeente", "overige_partners"], ("post", "soort"), (),
                      ()),
    "thuiszitters.csv": (_teltabel("schooljaar", "leeftijd"), ["waarde", "aandeel_nprz_gepubliceerd"],
                         ("schooljaar", *_TEL), (), ("regel",)),
    "huisuitzettingen.csv": (_teltabel("jaar"), ["waarde", "aandeel_nprz_gepubliceerd"], ("jaar", *_TEL), (), ("regel",)),
    "interventies_samenvatting.csv": (SAMENVATTING_SCHEMA, ["totaal_gepubliceerd"], ("pijler",), ("totaal_gepubliceerd",),
                                      ()),
}


@lru_cache(maxsize=32)
def _tabel(path: str, mtime: float, naam: str) -> pd.DataFrame:
    schema, numeric, sleutels, geheel, namen = TABELLEN[naam]
    file = rel(Path(path))
    raw = read_csv(Path(path))
    df, problems = _typed(raw, numeric, file, sleutels, geheel, namen)
    return validate(df, schema, file, problems)


def load_tabel(jaar: int, naam: str) -> pd.DataFrame:
    """Load one of the report's tables (``TABELLEN``) for ``jaar``, validated."""
    path = paths.nprz_data_dir(jaar) / naam
    if not path.exists():
        raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
    return _tabel(str(path), path.stat().st_mtime, naam).copy()


def validate_all(jaar: int, programma_naam: str = "nprz") -> None:
    """Validate every NPRZ input of ``jaar`` and collect all problems before failing."""
    from ..registry import load_programma

    programma = load_programma(programma_naam)
    problems: list[Problem] = []
    try:
        tabel = load_effecttabel(jaar)
        check_registry_covers(tabel, programma, rel(effecttabel_path(jaar)))
    except DataValidationError as exc:
        problems += exc.problems
    for naam in TABELLEN:
        try:
            load_tabel(jaar, naam)
        except DataValidationError as exc:
            problems += exc.problems
    if problems:
        raise DataValidationError(problems)


PAGINA_SCHEMA = pa.DataFrameSchema(
    {
        "indicator_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "pagina_titel": pa.Column(str),
        "aandeel_tekst": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        "doel_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "startwaarde_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "zuid_huidig_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "pct_ingelopen_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
    },
    strict="filter",
)
TABELLEN["indicatorpaginas.csv"] = (
    PAGINA_SCHEMA,
    ["aandeel_tekst", "doel_tekst", "startwaarde_tekst", "zuid_huidig_tekst", "pct_ingelopen_tekst"],
    ("indicator_id",), (), (),
)
