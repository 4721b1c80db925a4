"""Open data per wijk (CBS, Wijkprofiel, Politie) as published, validated, in tidy long form.

Sources live in ``data/wijken/`` (see its PROVENANCE.md). Every loader returns
rows ``(gebiedscode, jaar, variabele, waarde)`` or a typed frame; figures are
joined to wijken through one crosswalk (``data/wijken/crosswalk.csv``). A join
that loses a wijk is an error, not a silent drop.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from wijkrapport import inputs
from wijkrapport.inputs import kwb_jaren  # noqa: F401 - the declared inputs, in one place
from wijkrapport.paths import bestandstoestand, per_bestandstoestand

from ..errors import DataValidationError, Problem
from . import framecache
from .base import lees_bytes, numeric_problems, read_csv, rel, to_number, validate
from .sleutels import dubbel_problemen, normaliseer


def wijken_dir() -> Path:
    return inputs.wijken_dir()


def _finite(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype(float))


def _typed(raw: pd.DataFrame, numeric: list[str], file: str, sleutels: tuple[str, ...] = ("wijk_slug",),
           geheel: tuple[str, ...] = ("jaar", "editie")) -> tuple[pd.DataFrame, list[Problem]]:
    """Identifiers normalised (``sleutels``; slugs that differ only in case or look-alike letters are duplicates),
    numbers typed (``geheel``: whole numbers only: a year 2024.4 is an error, not 2024)."""
    raw, problems = normaliseer(raw, list(sleutels), file)
    problems += dubbel_problemen(raw, [c for c in sleutels if c == "wijk_slug"], file)
    problems += numeric_problems(raw, numeric, file, geheel=geheel)
    df = raw.copy()
    for col in numeric:
        if col in df:
            df[col] = to_number(df[col]).astype(float)
    return df, problems


def _cached_file(func):
    """Cache a loader per file state so a run reads each file once (and its kernels share it: framecache)."""
    cache = per_bestandstoestand(maxsize=16)(
        lambda path: framecache.gedeeld(func.__name__, (rel(path),), inputs.wijken(), lambda: func(path)))

    def load(path: Path) -> pd.DataFrame:
        if not path.exists():
            raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
        return cache(path).copy()

    load.__doc__ = func.__doc__
    return load


# --- crosswalk -----------------------------------------------------------------------------

CROSSWALK_SCHEMA = pa.DataFrameSchema(
    {
        "wijk_slug": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]{0,63}$"), unique=True),
        "wijk_naam": pa.Column(str, pa.Check.str_length(min_value=1), unique=True),
        "gebied_slug": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9-]*$")),
        "gebied_naam": pa.Column(str, pa.Check.str_length(min_value=1)),
        "cbs_buurtcodes": pa.Column(str, pa.Check.str_matches(r"^(BU\d{8})(;BU\d{8})*$")),
        "wijkprofiel_nummer": pa.Column(str),
    },
    strict=False,
)


@_cached_file
def _crosswalk(path: Path) -> pd.DataFrame:
    file = rel(path)
    raw, problems = normaliseer(read_csv(path), ["wijk_slug", "wijk_naam", "gebied_slug", "gebied_naam", "cbs_wijkcode",
                                                 "cbs_buurtcodes", "wijkprofiel_nummer", "nprz_verhuis_naam"], file)
    problems += dubbel_problemen(raw, ["wijk_naam", "gebied_naam"], file)
    # a wijk is found by its name too (meldingen, NPRZ tables): two wijken may not share a name in any spelling
    return validate(raw, CROSSWALK_SCHEMA, file, problems)


def load_crosswalk() -> pd.DataFrame:
    """One row per wijk: slug, name, gebied, CBS buurt codes, Wijkprofiel number, ..."""
    return _crosswalk(inputs.wijkbestand("crosswalk"))


# --- Wijkprofiel and Politie: all 71 wijken (sources.raadzoeker), in the shapes the wijk figures use ----------

_INDEX_KOLOM = {"fysiek": "fysieke_index", "veiligheid": "veiligheidsindex", "sociaal": "sociale_index"}
#: police categories that the wijkdocument's own table shows as columns (the others: ``wijkdata.politie_categorieen``)
_POLITIE_KOLOM = {"Totaal misdrijven": "totaal_misdrijven", "Woninginbraak": "woninginbraak"}


def _raadzoeker_frame(naam: str, maak) -> pd.DataFrame:
    """A frame made from the 71-wijk files, validated once per run and shared by the kernels (framecache)."""
    return framecache.gedeeld(naam, (), inputs.wijken(), maak).copy()


def _breed(lang: pd.DataFrame, tijd: str, soort: str, waarde: str, kolommen: dict[str, str]) -> pd.DataFrame:
    """``lang`` (a row per wijk, ``tijd`` and ``soort``) as a row per wijk and ``tijd`` with a column per entry of
    ``kolommen`` (``soort`` -> column name; empty where the source has no figure); other kinds are left out."""
    lang = lang[lang[soort].isin(kolommen)]
    breed = lang.pivot(index=["wijk_slug", tijd], columns=soort, values=waarde).rename(columns=kolommen)
    for col in kolommen.values():
        if col not in breed:
            breed[col] = np.nan
    return breed.reset_index()[["wijk_slug", tijd, *kolommen.values()]].astype({tijd: int})


def _wijkprofiel_breed() -> pd.DataFrame:
    from . import raadzoeker

    return _breed(raadzoeker.load_wijkprofiel(), "editie", "index", "waarde", _INDEX_KOLOM)


def load_wijkprofiel() -> pd.DataFrame:
    """Fysieke, veiligheids- en sociale index per wijk and edition (100 = Rotterdam 2014), all wijken."""
    return _raadzoeker_frame("wijkprofiel_breed", _wijkprofiel_breed)


def _politie_breed() -> pd.DataFrame:
    from . import raadzoeker

    return _breed(raadzoeker.load_politie(), "jaar", "categorie", "aantal", _POLITIE_KOLOM)


def load_politie() -> pd.DataFrame:
    """Registered crimes per wijk and year (totaal, woninginbraak), all wijken."""
    return _raadzoeker_frame("politie_breed", _politie_breed)


def load_politie_categorieen() -> pd.DataFrame:
    """Registered crimes per wijk, category and year (``wijk_slug, categorie, jaar, aantal``), all wijken."""
    from . import raadzoeker

    return _raadzoeker_frame("politie_lang", raadzoeker.load_politie)


# --- CBS kerncijfers: stable variable names --------------------------------------------------

VARIABELEN_SCHEMA = pa.DataFrameSchema(
    {
        "bron": pa.Column(str, pa.Check.str_matches(r"^(raadzoeker|kwb[a-z0-9_]*)$")),
        "bron_kolom": pa.Column(str),
        "bron_eenheid": pa.Column(str),
        "variabele": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "eenheid": pa.Column(str, pa.Check.isin(["pct", "eur", "aantal", "per1000"])),
        "factor": pa.Column(str, pa.Check(lambda s: s.isin(["per_inwoner", "per_huishouden"])
                                          | s.str.fullmatch(r"0*[1-9][0-9]*(\.[0-9]+)?|0*\.[0-9]*[1-9][0-9]*"),
                                          element_wise=False,
                                          error="per_inwoner, per_huishouden of een positief getal (decimaalpunt)")),
        "label": pa.Column(str),
    },
    unique=["bron", "bron_kolom", "bron_eenheid"],
    strict=False,
)


@_cached_file
def _variabelen(path: Path) -> pd.DataFrame:
    raw, problems = normaliseer(read_csv(path), ["bron", "bron_kolom", "bron_eenheid", "variabele", "eenheid", "factor"],
                                rel(path))
    return validate(raw, VARIABELEN_SCHEMA, rel(path), problems)


def load_variabelen() -> pd.DataFrame:
    """The table of stable names: source column (and unit) -> variable, unit, conversion."""
    return _variabelen(inputs.wijkbestand("variabelen"))


def variabele_labels() -> dict[str, tuple[str, str]]:
    v = load_variabelen()
    return {r.variabele: (r.label, r.eenheid) for r in v.drop_duplicates("variabele").itertuples()}


def _noemer(series: pd.Series) -> pd.Series:
    """A divisor: 0 (no inhabitants, no households) gives no figure (NaN), never an infinite one."""
    values = series.astype(float)
    return values.where(values != 0)


def _apply_mapping(wide: pd.DataFrame, bron: str, id_cols: list[str], unit_of: dict[str, str] | None = None
                   ) -> pd.DataFrame:
    """Wide source frame -> long frame of stable variables (conversions applied)."""
    mapping = load_variabelen()
    mapping = mapping[mapping["bron"] == bron]
    out = []
    for m in mapping.itertuples():
        if m.bron_kolom not in wide:
            continue
        if unit_of is not None and unit_of.get(m.bron_kolom) != m.bron_eenheid:
            continue
        values = wide[m.bron_kolom].astype(float)
        if m.factor == "per_inwoner":
            values = values / _noemer(wide["Aantal inwoners"]) * 100
        elif m.factor == "per_huishouden":
            values = values / _noemer(wide["Huishoudens totaal"]) * 100
        else:
            values = values * float(m.factor)
        part = wide[id_cols].copy()
        part["variabele"] = m.variabele
        part["waarde"] = values.to_numpy()
        out.append(part)
    if not out:
        return pd.DataFrame(columns=[*id_cols, "variabele", "waarde"])
    return pd.concat(out, ignore_index=True)


def _file_state(*files: Path) -> tuple[tuple[str, tuple[int, int]], ...]:
    """What a derived frame depends on: each file with its state (and the variable table)."""
    files = (*files, inputs.wijkbestand("variabelen"))
    return tuple((str(p), bestandstoestand(p)) for p in files)


def data_state() -> tuple[tuple[str, tuple[int, int]], ...]:
    """Every declared input in data/wijken/ with its state: the key for caches of figures computed from them."""
    return tuple((str(p), bestandstoestand(p)) for p in inputs.wijken())


def _derived(func):
    """Cache a derived (long) frame per state of the files it reads; callers get a copy."""
    cache = lru_cache(maxsize=16)(
        lambda state, *args: framecache.gedeeld(func.__name__, args, inputs.wijken(), lambda: func(*args)))

    def load(state: tuple, *args) -> pd.DataFrame:
        return cache(state, *args).copy()

    return load


def _recent_long() -> pd.DataFrame:
    from . import raadzoeker

    long = raadzoeker.load_kerncijfers()
    buurten = load_crosswalk().set_index("wijk_slug")["cbs_buurtcodes"]
    long.insert(1, "cbs_buurtcode", long["wijk_slug"].map(buurten))
    return long[["wijk_slug", "cbs_buurtcode", "jaar", "variabele", "waarde"]]


def load_kerncijfers_recent() -> pd.DataFrame:
    """CBS kerncijfers 2022-2025 per wijk (all wijken), long: wijk_slug, cbs_buurtcode, jaar, variabele, waarde."""
    return _raadzoeker_frame("kerncijfers_recent", _recent_long)


def _kwb_label(label: str) -> str:
    return " ".join(label.replace("|", " ").split())


@_cached_file
def _kwb_file(path: Path) -> pd.DataFrame:
    """A StatLine export 'CSV met statistische symbolen': ';', BOM, decimal comma, '.' = unknown."""
    file = rel(path)
    try:
        text = lees_bytes(path).decode("utf-8-sig")
        regels = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataValidationError([Problem(file=file, message=f"geen leesbare StatLine-export: {exc}")]) from exc
    kop = len(regels[3]) if len(regels) > 3 else 0
    scheef = [Problem(file=file, row=i + 1, message=f"rij heeft {len(r)} velden, de kopregel {kop}")
              for i, r in enumerate(regels[3:], start=3) if r and len(r) != kop]
    if scheef:
        raise DataValidationError(scheef)
    try:
        raw = pd.read_csv(io.StringIO(text), sep=";", skiprows=3, header=[0, 1], dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataValidationError([Problem(file=file, message=f"geen leesbare StatLine-export: {exc}")]) from exc
    labels = [_kwb_label(a) for a, _ in raw.columns]
    raw.columns = labels
    raw = raw.loc[:, ~pd.Index(labels).duplicated()]
    for col in ("Soort regio", "Codering", "Aantal inwoners"):
        if col not in raw:
            raise DataValidationError([Problem(file=file, field=col, message="kolom ontbreekt in de StatLine-export")])
    raw, problems = normaliseer(raw, ["Codering", "Soort regio"], file, rij_offset=6)
    for idx in raw.index[raw["Codering"].duplicated(keep="first") & (raw["Codering"] != "")]:
        problems.append(Problem(file=file, row=int(idx) + 6, field="Codering", value=raw.at[idx, "Codering"],
                                message="deze regiocode staat er al: dubbele rij"))
    wanted = set(load_variabelen().query("bron == 'kwb'")["bron_kolom"]) | {"Aantal inwoners", "Huishoudens totaal"}
    for col in [c for c in raw.columns if c in wanted]:
        text = raw[col].str.strip()
        symbols = text.isin([".", "x", "-", ""])
        parsed = to_number(text.where(~symbols, ""), decimal=",")
        for idx in raw.index[~symbols & parsed.isna()]:
            problems.append(Problem(file=file, row=int(idx) + 6, field=col, value=raw.at[idx, col],
                                    message="verwacht een eindig getal met decimale komma of een StatLine-symbool (. x -)"))
        raw[col] = parsed
    if problems:
        raise DataValidationError(problems)
    return raw


def kwb_heeft_gemeente(path: Path, code: str) -> bool:
    """Whether the StatLine export at ``path`` has a row for municipality ``code`` (``Soort regio`` Gemeente)."""
    raw = _kwb_file(path)
    return bool(((raw["Codering"] == code) & (raw["Soort regio"] == "Gemeente")).any())


def _kwb_path(jaar: int) -> Path:
    return inputs.wijkbestand(f"kwb{jaar}")


def load_kwb(jaar: int) -> pd.DataFrame:
    """CBS Kerncijfers wijken en buurten ``jaar`` (2014-2018), long: code, soort, jaar, variabele, waarde."""
    return _kwb_long(_file_state(_kwb_path(jaar)), jaar)


@_derived
def _kwb_long(jaar: int) -> pd.DataFrame:
    path = _kwb_path(jaar)
    wide = _kwb_file(path)
    wide["jaar"] = jaar
    long = _apply_mapping(wide, "kwb", ["Codering", "Soort regio", "jaar"], unit_of=_kwb_units(path))
    return long.rename(columns={"Codering": "code", "Soort regio": "soort"})


@per_bestandstoestand(maxsize=8)
def _kwb_units(path: Path) -> dict[str, str]:
    raw = pd.read_csv(path, sep=";", skiprows=3, header=[0, 1], encoding="utf-8-sig", dtype=str, nrows=1)
    return {_kwb_label(a): b.strip() for a, b in raw.columns}


def _kwb2024_path() -> Path:
    return inputs.wijkbestand("kwb_json")


def load_kwb2024() -> pd.DataFrame:
    """CBS KWB 2024 (85984NED) subset: gemeente and gebieden (CBS wijken), long."""
    return _kwb2024_long(_file_state(_kwb2024_path()))


def _eindig(v: float) -> bool:
    try:
        return math.isfinite(float(v))
    except OverflowError:  # an integer beyond any float
        return False


def _geen_constante(naam: str) -> float:
    raise ValueError(f"{naam} is geen getal")


@_derived
def _kwb2024_long() -> pd.DataFrame:
    path = _kwb2024_path()
    file = rel(path)
    try:
        data = json.loads(lees_bytes(path).decode("utf-8"), parse_constant=_geen_constante)
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise DataValidationError([Problem(file=file, message=f"geen geldige JSON: {exc}")]) from exc
    problems = []
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DataValidationError([Problem(file=file, message="verwacht {regiocode: {variabele: getal}}")])
    for code, waarden in data.items():
        if not re.fullmatch(r"(GM|WK|BU)[0-9]{4,8}", code):
            problems.append(Problem(file=file, field=code, message="geen CBS-regiocode (GM, WK of BU en cijfers)"))
        for key, v in waarden.items():
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not _eindig(v)):
                problems.append(Problem(file=file, field=f"{code}.{key}", value=v,
                                        message="verwacht een eindig getal of null (1e400 is oneindig)"))
    if problems:
        raise DataValidationError(problems)
    wide = pd.DataFrame.from_dict(data, orient="index").rename_axis("code").reset_index()
    wide["jaar"] = int(inputs.kwb_json()["jaar"])
    wide["soort"] = wide["code"].str[:2].map({"GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"})
    return _apply_mapping(wide, inputs.kwb_json()["bron"], ["code", "soort", "jaar"])
