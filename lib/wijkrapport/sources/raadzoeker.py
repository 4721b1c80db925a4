"""All 71 wijken from the raadzoeker extract: CBS kerncijfers, Wijkprofiel, police, wijkraden, documents.

The files live in ``data/wijken/<raadzoeker.map>/`` (the folder that ``data/wijken/bestanden.yml`` names; see its
PROVENANCE.md; ``bron/maak_csv.py`` made them from the source). Every loader reads one file as published, validates
it with pandera (lazy: all problems of a file at once, each naming file, row and field) and returns a typed, tidy
frame. Wijk slugs must be in ``wijken.csv``; variables in ``variabelen.csv``. Free text (titles, names, status
texts) stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache, wraps
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pydantic import BaseModel, ConfigDict, PositiveInt

from .. import inputs
from ..errors import DataValidationError, Problem
from ..paths import bestandstoestand
from .base import FIRST_DATA_LINE, lees_yaml_model, numeric_problems, read_csv, rel, to_number, validate
from .sleutels import dubbel_problemen, normaliseer

INDICES = ["fysiek", "veiligheid", "sociaal"]
DELEN = ["algemeen", "subjectief", "objectief"]
SOORTEN = ["aantal", "aandeel", "gemiddelde"]
#: what a share or an average is taken over (``per``); counts have none
PER = ["inwoner", "huishouden", "woning"]
EENHEDEN = ["aantal", "pct", "eur", "getal"]
#: the police category that holds all others (each category is a part of it)
TOTAAL_MISDRIJVEN = "Totaal misdrijven"
STAND_AFGEDAAN = "afgedaan"
STAND_OPEN = "nog niet afgedaan"

_SLUG = r"^[a-z0-9][a-z0-9-]{0,63}$"
_DATUM = r"^\d{4}-\d{2}-\d{2}$"
_AFGEDAAN = re.compile(r"^afgedaan (\d{2})-(\d{2})-(\d{4})$")
_NIET_AFGEDAAN = re.compile(r"^nog niet afgedaan · verwacht (\d{2})-(\d{2})-(\d{4})$")
_BEANTWOORD = re.compile(r"^beantwoord (\d{2})-(\d{2})-(\d{4})$")
NIET_BEANTWOORD = "nog niet beantwoord"


def folder() -> Path:
    """The extract's folder: ``raadzoeker.map`` in ``data/wijken/bestanden.yml``."""
    return inputs.wijken_dir() / inputs.wijkbronnen()["raadzoeker"]["map"]


# --- bron.yml --------------------------------------------------------------------------------------------------

class Bronvermelding(BaseModel):
    """The credit lines to print wherever these figures are shown."""

    model_config = ConfigDict(extra="forbid")
    cbs: str
    wijkprofiel: str
    politie: str
    wijkraden: str


class Bron(BaseModel):
    model_config = ConfigDict(extra="forbid")
    titel: str
    stand: str
    max_stukken_per_wijk: PositiveInt
    max_toezeggingen_per_wijk: PositiveInt
    bronvermelding: Bronvermelding


def load_bron() -> Bron:
    """What the reports must know about the source: its state, the caps on its lists, the credit lines."""
    return lees_yaml_model(folder() / "bron.yml", Bron)


# --- helpers -----------------------------------------------------------------------------------------------------

def _cached(func):
    """Read and validate a file once per state of the folder; callers get a copy."""
    cache = lru_cache(maxsize=4)(lambda state: func())

    @wraps(func)
    def load() -> pd.DataFrame:
        return cache(_state()).copy()

    load.cache_clear = cache.cache_clear
    return load


def _state() -> tuple:
    return tuple((str(p), bestandstoestand(p)) for p in sorted(folder().glob("*")) if p.is_file())


def _path(name: str) -> tuple[Path, str]:
    path = folder() / name
    return path, rel(path)


def _tekst(min_len: int = 0) -> list[pa.Check]:
    """Text as written, but no control characters (tabs, newlines, NUL) and no leading/trailing blanks unless
    the column allows them (see ``_tekst_vrij``)."""
    return [pa.Check.str_length(min_value=min_len, max_value=2000),
            pa.Check(lambda s: ~s.str.contains(r"[\x00-\x1f\x7f]", regex=True), error="tekst met stuurtekens"),
            pa.Check(lambda s: s == s.str.strip(), error="spaties aan begin of eind")]


def _tekst_vrij() -> list[pa.Check]:
    """Text kept verbatim, trailing blanks included (the source's document numbers carry some)."""
    return [pa.Check.str_length(max_value=2000),
            pa.Check(lambda s: ~s.str.contains(r"[\x00-\x1f\x7f]", regex=True), error="tekst met stuurtekens")]


def _in_wijken(slugs: list[str]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(slugs, error="wijk staat niet in wijken.csv"))


def _typed(raw: pd.DataFrame, numeric: list[str], file: str, sleutels: tuple[str, ...] = ("wijk_slug",),
           bekend: dict[str, list[str]] | None = None, uniek: list[str] | None = None
           ) -> tuple[pd.DataFrame, list[Problem]]:
    """Identifiers normalised, look-alikes reported; numbers parsed (decimal point).

    ``sleutels`` are the columns that identify a row (or hold a name from a fixed list): surrounding white space
    goes and the text is put in NFC before the schema sees it (``sleutels.normaliseer``, as every loader does), and
    two spellings that differ only in case or look-alike letters (``Carnisse``/``carnisse``) are probable
    duplicates, as is a value that looks like, but is not, one of the ``bekend`` names (the slugs of wijken.csv).

    A numeric cell that is not a number or is empty is a problem naming its row. Every numeric column here is
    required: a figure the source lacks has no row at all. The schemas declare these columns nullable so that an
    empty cell is reported once, by this message.

    ``uniek`` are the columns that together identify a row: a second row with the same key is reported by
    :func:`_dubbele_rijen` (after normalising, so ``carnisse `` repeats ``carnisse``)."""
    ruw = raw
    raw, problems = normaliseer(raw, list(sleutels), file)
    problems += dubbel_problemen(raw, list(sleutels), file, bekend=bekend, bekend_waar="in wijken.csv")
    problems += numeric_problems(raw, numeric, file)
    for col in numeric:
        if col in raw:
            for idx in raw.index[raw[col].astype(str).str.strip() == ""]:
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col,
                                        message="leeg: elke rij heeft hier een getal (een cijfer dat ontbreekt, "
                                                "heeft geen rij)"))
    df = raw.copy()
    for col in numeric:
        if col in df:
            df[col] = to_number(df[col]).astype(float)
    if uniek and all(c in df for c in uniek):
        problems += _dubbele_rijen(ruw, df, uniek, file)
    return df, problems


def _dubbele_rijen(ruw: pd.DataFrame, df: pd.DataFrame, uniek: list[str], file: str) -> list[Problem]:
    """Every row whose key (``uniek``, as normalised and typed) an earlier row already has, naming that row.

    Where an identifier was written differently (``'carnisse '`` beside ``'carnisse'``) the message says the two
    are probably the same wijk, as :func:`sleutels.dubbel_problemen` does for look-alikes."""
    sleutel = df[uniek]
    herhaald = sleutel.duplicated(keep=False) & sleutel.notna().all(axis=1)
    problems = []
    for _, groep in sleutel[herhaald].groupby(uniek, sort=False):
        eerste = groep.index[0]
        for i in groep.index[1:]:
            anders = [c for c in uniek if not pd.api.types.is_numeric_dtype(df[c]) and ruw.at[i, c] != ruw.at[eerste, c]]
            rij = int(eerste) + FIRST_DATA_LINE
            if anders:
                c = anders[0]
                message = (f"waarschijnlijk dezelfde als {ruw.at[eerste, c]!r} in rij {rij}: de namen verschillen "
                           "alleen in spaties of de schrijfwijze van tekens, dus staat deze rij er twee keer; "
                           "schrijf ze gelijk of haal er een weg")
            else:
                c = uniek[-1]
                message = f"dubbele rij: {', '.join(str(ruw.at[i, k]) for k in uniek)} staat al in rij {rij}"
            problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field=c, value=ruw.at[i, c],
                                    message=message))
    return problems


def _geheel(col: str) -> pa.Check:
    return pa.Check(lambda s: s.isna() | (s % 1 == 0), error=f"{col}: verwacht een geheel getal")


def _datum(df: pd.DataFrame, col: str, file: str, leeg_mag: bool = False) -> tuple[pd.Series, list[Problem]]:
    """ISO dates -> Timestamps; an impossible date (2025-02-30) is a problem naming its row."""
    text = df[col]
    parsed = pd.to_datetime(text.where(text != ""), format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna() & (text != "") if leeg_mag else parsed.isna()
    problems = [Problem(file=file, row=int(i) + FIRST_DATA_LINE, field=col, value=text[i],
                        message="geen geldige datum (JJJJ-MM-DD)") for i in df.index[bad]]
    return parsed, problems


def _ints(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    for col in cols:
        df[col] = df[col].astype(int)
    return df


# --- wijken and their wijkraad names --------------------------------------------------------------------------------

WIJKEN_SCHEMA = pa.DataFrameSchema(
    {
        "wijk_slug": pa.Column(str, pa.Check.str_matches(_SLUG)),
        "wijk_naam": pa.Column(str, _tekst(1)),
        "gebied": pa.Column(str, _tekst(1)),
        "wijkraad_vergaderingen": pa.Column(float, nullable=True,
                                            checks=[pa.Check.ge(0), _geheel("wijkraad_vergaderingen")]),
    },
    strict=True,
)


@_cached
def load_wijken() -> pd.DataFrame:
    """The 71 wijken in the source's order: slug, name and gebied as the source writes them, number of meetings."""
    path, file = _path("wijken.csv")
    df, problems = _typed(read_csv(path), ["wijkraad_vergaderingen"], file, ("wijk_slug", "wijk_naam", "gebied"),
                          uniek=["wijk_slug"])
    return _ints(validate(df, WIJKEN_SCHEMA, file, problems), ["wijkraad_vergaderingen"])


def _slugs() -> list[str]:
    return list(load_wijken()["wijk_slug"])


def _bekend() -> dict[str, list[str]]:
    """The wijk slugs of wijken.csv as the known names a slug elsewhere may look like (``dubbel_problemen``)."""
    return {"wijk_slug": _slugs()}


@_cached
def load_wijkraad_namen() -> pd.DataFrame:
    """Wijk -> every name the source records for its wijkraad (several after a merger or rename)."""
    path, file = _path("wijkraden.csv")
    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()), "wijkraad_naam": pa.Column(str, _tekst(1))}, strict=True)
    df, problems = _typed(read_csv(path), [], file, ("wijk_slug", "wijkraad_naam"), _bekend(),
                          uniek=["wijk_slug", "wijkraad_naam"])
    return validate(df, schema, file, problems)


# --- CBS kerncijfers ---------------------------------------------------------------------------------------------

VARIABELEN_SCHEMA = pa.DataFrameSchema(
    {
        "bron_variabele": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "variabele": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "eenheid": pa.Column(str, pa.Check.isin(EENHEDEN)),
        "factor": pa.Column(float, nullable=True, checks=pa.Check.gt(0)),
        "soort": pa.Column(str, pa.Check.isin(SOORTEN)),
        "per": pa.Column(str, pa.Check.isin([*PER, ""])),
        "label": pa.Column(str, _tekst(1)),
    },
    checks=[
        pa.Check(lambda d: (d["soort"] == "aantal") == (d["per"] == ""),
                 error="'per' is leeg voor een aantal en gevuld (inwoner, huishouden, woning) voor een aandeel of gemiddelde"),
        pa.Check(lambda d: ((d["variabele"] == "inwoners") & (d["soort"] == "aantal")).any(),
                 error="de variabele 'inwoners' (soort aantal) ontbreekt: zonder inwoners geen weging"),
    ],
    strict=True,
)


@_cached
def load_variabelen() -> pd.DataFrame:
    """Source key -> stable variable name, unit, conversion factor, kind (aantal/aandeel/gemiddelde), per, label."""
    path, file = _path("variabelen.csv")
    df, problems = _typed(read_csv(path), ["factor"], file, ("bron_variabele", "variabele", "eenheid", "soort", "per"))
    return validate(df, VARIABELEN_SCHEMA, file, problems)


@_cached
def load_kerncijfers() -> pd.DataFrame:
    """CBS kerncijfers per wijk, long: ``wijk_slug, jaar, variabele, waarde`` (stable names, converted units:
    WOZ and income in euros). A variable the source has but ``variabelen.csv`` lacks is an error, not a drop."""
    path, file = _path("cbs_kerncijfers.csv")
    var = load_variabelen().set_index("bron_variabele")
    df, problems = _typed(read_csv(path), ["jaar", "waarde"], file, ("wijk_slug", "variabele"), _bekend(),
                          uniek=["wijk_slug", "jaar", "variabele"])
    soort = df["variabele"].map(var["soort"])
    schema = pa.DataFrameSchema(
        {
            "wijk_slug": _in_wijken(_slugs()),
            "jaar": pa.Column(float, nullable=True, checks=[pa.Check.in_range(2000, 2100), _geheel("jaar")]),
            "variabele": pa.Column(str, pa.Check.isin(list(var.index), error="variabele staat niet in variabelen.csv")),
            "waarde": pa.Column(float, nullable=True,
                                checks=[pa.Check.ge(0), pa.Check(lambda s: s.abs() < 1e9, error="geen eindig getal")]),
        },
        checks=[
            pa.Check(lambda d: (soort[d.index] != "aandeel") | d["waarde"].isna() | (d["waarde"] <= 100),
                     error="een aandeel (%) ligt tussen 0 en 100"),
            pa.Check(lambda d: (soort[d.index] != "aantal") | d["waarde"].isna() | (d["waarde"] % 1 == 0),
                     error="een aantal is een geheel getal"),
        ],
        strict=True,
    )
    df = _ints(validate(df, schema, file, problems), ["jaar"])
    df["waarde"] = df["waarde"] * df["variabele"].map(var["factor"])
    df["variabele"] = df["variabele"].map(var["variabele"])
    return df.reset_index(drop=True)


# --- Wijkprofiel -------------------------------------------------------------------------------------------------

_INDEXWAARDE = [pa.Check.in_range(0, 300), _geheel("waarde")]


@_cached
def load_wijkprofiel() -> pd.DataFrame:
    """Wijkprofiel index per wijk, edition and index (fysiek, veiligheid, sociaal); 100 = Rotterdam 2014."""
    path, file = _path("wijkprofiel_index.csv")
    df, problems = _typed(read_csv(path), ["editie", "waarde"], file, ("wijk_slug", "index"), _bekend(),
                          uniek=["wijk_slug", "editie", "index"])
    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()),
         "editie": pa.Column(float, nullable=True, checks=[pa.Check.in_range(2000, 2100), _geheel("editie")]),
         "index": pa.Column(str, pa.Check.isin(INDICES)),
         "waarde": pa.Column(float, nullable=True, checks=_INDEXWAARDE)}, strict=True)
    return _ints(validate(df, schema, file, problems), ["editie"])


@_cached
def load_wijkprofiel_detail() -> pd.DataFrame:
    """The latest edition's detail per index: the general figure (``deel`` algemeen, e.g. Woonbeleving) and the
    subjective and objective sub-indices (Wonen, Openbare ruimte, ...; Diefstal, Geweld, ...)."""
    path, file = _path("wijkprofiel_detail.csv")
    df, problems = _typed(read_csv(path), ["editie", "waarde"], file, ("wijk_slug", "index", "deel", "onderdeel"),
                          _bekend(), uniek=["wijk_slug", "editie", "index", "deel", "onderdeel"])
    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()),
         "editie": pa.Column(float, nullable=True, checks=[pa.Check.in_range(2000, 2100), _geheel("editie")]),
         "index": pa.Column(str, pa.Check.isin(INDICES)),
         "deel": pa.Column(str, pa.Check.isin(DELEN)),
         "onderdeel": pa.Column(str, _tekst(1)),
         "waarde": pa.Column(float, nullable=True, checks=_INDEXWAARDE)}, strict=True)
    df = _ints(validate(df, schema, file, problems), ["editie"])
    algemeen = df[df["deel"] == "algemeen"]
    dubbel = algemeen[algemeen.duplicated(["wijk_slug", "editie", "index"], keep="first")]
    if len(dubbel):
        raise DataValidationError([Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="deel", value="algemeen",
                                           message="meer dan één algemeen cijfer voor deze wijk, editie en index")
                                   for i in dubbel.index])
    return df


# --- Politie -------------------------------------------------------------------------------------------------------

@_cached
def load_politie() -> pd.DataFrame:
    """Registered crimes per wijk, category and year (Politie via CBS 47018NED); each category is part of the
    total (``TOTAAL_MISDRIJVEN``)."""
    path, file = _path("politie_misdrijven.csv")
    df, problems = _typed(read_csv(path), ["jaar", "aantal"], file, ("wijk_slug", "categorie"), _bekend(),
                          uniek=["wijk_slug", "categorie", "jaar"])
    tot = df[df["categorie"] == TOTAAL_MISDRIJVEN].set_index(["wijk_slug", "jaar"])["aantal"]
    tot = tot[~tot.index.duplicated()]

    def deel_van_totaal(d: pd.DataFrame) -> pd.Series:
        t = pd.Series(pd.MultiIndex.from_frame(d[["wijk_slug", "jaar"]]).map(tot.to_dict()), index=d.index,
                      dtype=float)
        return t.isna() | d["aantal"].isna() | (d["aantal"] <= t)

    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()),
         "categorie": pa.Column(str, _tekst(1)),
         "jaar": pa.Column(float, nullable=True, checks=[pa.Check.in_range(2000, 2100), _geheel("jaar")]),
         "aantal": pa.Column(float, nullable=True, checks=[pa.Check.ge(0), _geheel("aantal")])},
        checks=[pa.Check(deel_van_totaal, error=f"meer misdrijven in deze categorie dan '{TOTAAL_MISDRIJVEN}'")], strict=True)
    return _ints(validate(df, schema, file, problems), ["jaar", "aantal"])


# --- documents of the wijkraad and the college's toezeggingen ------------------------------------------------------

_LINK = pa.Check.str_matches(r"^https://[^\s\"'<>]+$", error="verwacht een https-link zonder spaties of aanhalingstekens")


def _volgorde_problems(df: pd.DataFrame, file: str, cap: int, wat: str) -> list[Problem]:
    """Positions 1..n per wijk without gaps, n at most the cap that bron.yml states for this list."""
    problems = []
    for slug, g in df.groupby("wijk_slug", sort=False):
        n = len(g)
        for i in g.index[g["volgorde"] > n]:  # with unique positions, none above n means 1..n without gaps
            problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="volgorde",
                                    value=int(g.at[i, "volgorde"]),
                                    message=f"volgorde per wijk is 1, 2, 3, ... zonder gaten; {slug} heeft {n} rijen"))
        if n > cap:
            problems.append(Problem(file=file, row=int(g.index[cap]) + FIRST_DATA_LINE, field="volgorde", value=slug,
                                    message=f"{n} {wat} voor deze wijk, meer dan de {cap} die bron.yml noemt"))
    return problems


def _dd_mm_jjjj(m: re.Match) -> pd.Timestamp:
    dag, maand, jaar = m.groups()
    return pd.Timestamp(f"{jaar}-{maand}-{dag}")


def _status_datum(text: str, patroon: re.Pattern) -> pd.Timestamp | None:
    """The date in a status text such as 'afgedaan 16-09-2026'; None when the text has another form or the
    date does not exist."""
    m = patroon.match(text)
    if not m:
        return None
    try:
        return _dd_mm_jjjj(m)
    except ValueError:
        return None


def _lijst_per_wijk(naam: str, kolommen: dict[str, pa.Column]) -> tuple[pd.DataFrame, str, pd.Series, list[Problem]]:
    """A list the source keeps per wijk in its own order (documents, toezeggingen), validated: ``wijk_slug``,
    ``volgorde``, ``datum``, ``titel``, the list's own ``kolommen``, ``link`` and ``nummer`` (kept verbatim).

    Returns the frame, its file, the parsed ``datum`` and the problems with it (an impossible date)."""
    path, file = _path(naam)
    df, problems = _typed(read_csv(path), ["volgorde"], file, bekend=_bekend(), uniek=["wijk_slug", "volgorde"])
    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()),
         "volgorde": pa.Column(float, nullable=True, checks=[pa.Check.ge(1), _geheel("volgorde")]),
         "datum": pa.Column(str, pa.Check.str_matches(_DATUM)),
         "titel": pa.Column(str, _tekst_vrij() + [pa.Check.str_length(min_value=1)]),
         **kolommen,
         "link": pa.Column(str, _LINK),
         "nummer": pa.Column(str, _tekst_vrij())}, strict=True)
    df = _ints(validate(df, schema, file, problems), ["volgorde"])
    datum, problems = _datum(df, "datum", file)
    return df, file, datum, problems


@_cached
def load_wijkraad_stukken() -> pd.DataFrame:
    """Documents of or about the wijk's wijkraad, per wijk in the source's order (``volgorde`` 1 = first listed).

    Adds ``beantwoord`` (True / False / None when the source gives no status) and ``beantwoord_op`` from the status
    text ('beantwoord DD-MM-JJJJ', 'nog niet beantwoord' or empty). ``nummer`` is kept verbatim (some end in a space).
    """
    df, file, datum, problems = _lijst_per_wijk("wijkraad_stukken.csv", {
        "auteur": pa.Column(str, _tekst()),
        "status": pa.Column(str, pa.Check(
            lambda s: (s == "") | (s == NIET_BEANTWOORD) | s.str.match(_BEANTWOORD.pattern),
            error="status is leeg, 'nog niet beantwoord' of 'beantwoord DD-MM-JJJJ'"))})
    beantwoord_op = df["status"].map(lambda s: _status_datum(s, _BEANTWOORD))
    for i in df.index[df["status"].str.startswith("beantwoord ") & beantwoord_op.isna()]:
        problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="status", value=df.at[i, "status"],
                                message="geen geldige datum in de status"))
    problems += _volgorde_problems(df, file, load_bron().max_stukken_per_wijk, "stukken")
    if problems:
        raise DataValidationError(problems)
    df["datum"] = datum
    df["beantwoord"] = df["status"].map(lambda s: None if s == "" else s != NIET_BEANTWOORD).astype(object)
    df["beantwoord_op"] = pd.to_datetime(beantwoord_op)
    return df


@_cached
def load_toezeggingen() -> pd.DataFrame:
    """The college's toezeggingen about each wijk, in the source's order, with their parsed state.

    ``stand`` is 'afgedaan' (with ``afgedaan_op``) or 'nog niet afgedaan' (with ``verwacht_op``); both columns must
    agree with the status text as the source wrote it, so a hand edit of one of them is caught.
    """
    df, file, datum, problems = _lijst_per_wijk("toezeggingen.csv", {
        "portefeuillehouder": pa.Column(str, _tekst()),
        "status": pa.Column(str, _tekst(1)),
        "stand": pa.Column(str, pa.Check.isin([STAND_AFGEDAAN, STAND_OPEN])),
        "afgedaan_op": pa.Column(str, pa.Check.str_matches(rf"{_DATUM}|^$")),
        "verwacht_op": pa.Column(str, pa.Check.str_matches(rf"{_DATUM}|^$"))})
    afgedaan, p2 = _datum(df, "afgedaan_op", file, leeg_mag=True)
    verwacht, p3 = _datum(df, "verwacht_op", file, leeg_mag=True)
    problems += p2 + p3
    for i in df.index:
        problems += _stand_problems(df.loc[i], i, file)
    for i in df.index[afgedaan < datum]:
        problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="afgedaan_op",
                                value=df.at[i, "afgedaan_op"], message="afgedaan vóór de datum van de toezegging"))
    problems += _volgorde_problems(df, file, load_bron().max_toezeggingen_per_wijk, "toezeggingen")
    if problems:
        raise DataValidationError(problems)
    return df.assign(datum=datum, afgedaan_op=afgedaan, verwacht_op=verwacht)


def _stand_problems(r: pd.Series, i: int, file: str) -> list[Problem]:
    row = int(i) + FIRST_DATA_LINE
    if m := _AFGEDAAN.match(r["status"]):
        verwacht = (STAND_AFGEDAAN, _iso(m), "")
    elif m := _NIET_AFGEDAAN.match(r["status"]):
        verwacht = (STAND_OPEN, "", _iso(m))
    else:
        return [Problem(file=file, row=row, field="status", value=r["status"],
                        message="verwacht 'afgedaan DD-MM-JJJJ' of 'nog niet afgedaan · verwacht DD-MM-JJJJ'")]
    out = []
    for field, want in zip(("stand", "afgedaan_op", "verwacht_op"), verwacht, strict=True):
        if r[field] != want:
            out.append(Problem(file=file, row=row, field=field, value=r[field],
                               message=f"past niet bij de status {r['status']!r} (verwacht {want!r})"))
    return out


def _iso(m: re.Match) -> str:
    dag, maand, jaar = m.groups()
    return f"{jaar}-{maand}-{dag}"


@_cached
def load_stukken_aantallen() -> pd.DataFrame:
    """Number of council documents about each wijk per kind (Motie, Wijkraadadvies, ...); may exceed the lists."""
    path, file = _path("stukken_aantallen.csv")
    df, problems = _typed(read_csv(path), ["aantal"], file, ("wijk_slug", "soort"), _bekend(),
                          uniek=["wijk_slug", "soort"])
    schema = pa.DataFrameSchema(
        {"wijk_slug": _in_wijken(_slugs()), "soort": pa.Column(str, _tekst(1)),
         "aantal": pa.Column(float, nullable=True, checks=[pa.Check.ge(0), _geheel("aantal")])}, strict=True)
    return _ints(validate(df, schema, file, problems), ["aantal"])


# --- all at once -------------------------------------------------------------------------------------------------

LOADERS = (load_wijken, load_wijkraad_namen, load_variabelen, load_kerncijfers, load_wijkprofiel,
           load_wijkprofiel_detail, load_politie, load_wijkraad_stukken, load_toezeggingen, load_stukken_aantallen)


def validate_all() -> None:
    """Load every file (bron.yml first), then check the files against each other; raise once with every problem."""
    problems: list[Problem] = []
    try:
        load_bron()
    except DataValidationError as exc:
        problems += exc.problems
    for load in LOADERS:
        try:
            load()
        except DataValidationError as exc:
            problems += exc.problems
    if not problems:
        problems += _samenhang()
    if problems:  # a broken wijken.csv is reported by every file that checks its slugs against it: once is enough
        raise DataValidationError(list({str(p): p for p in problems}.values()))


def _samenhang() -> list[Problem]:
    """Cross-file checks: the wijken are those of the crosswalk; wijken that share a CBS area (crosswalk
    ``cbs_buurtcodes``) carry the same CBS and police figures; the Wijkprofiel detail is of each wijk's latest edition."""
    from . import wijken as crosswalk_bron

    problems: list[Problem] = []
    try:
        cw = crosswalk_bron.load_crosswalk()
    except DataValidationError as exc:
        return exc.problems
    w = load_wijken()
    file = rel(folder() / "wijken.csv")
    for i in w.index[~w["wijk_slug"].isin(cw["wijk_slug"])]:
        problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="wijk_slug", value=w.at[i, "wijk_slug"],
                                message="wijk staat niet in data/wijken/crosswalk.csv"))
    for slug in sorted(set(cw["wijk_slug"]) - set(w["wijk_slug"])):
        problems.append(Problem(file=file, field="wijk_slug", value=slug,
                                message="wijk van data/wijken/crosswalk.csv ontbreekt in dit bestand"))
    gebied = cw.set_index("wijk_slug")["cbs_buurtcodes"]
    for name, frame, keys, value in (("cbs_kerncijfers.csv", load_kerncijfers(), ["jaar", "variabele"], "waarde"),
                                     ("politie_misdrijven.csv", load_politie(), ["categorie", "jaar"], "aantal")):
        df = frame.assign(_gebied=frame["wijk_slug"].map(gebied)).dropna(subset=["_gebied"])
        gedeeld = df[df.groupby("_gebied")["wijk_slug"].transform("nunique") > 1]
        n_wijken = gedeeld.groupby("_gebied")["wijk_slug"].transform("nunique")
        per_cijfer = gedeeld.groupby(["_gebied", *keys])
        afwijkend = (per_cijfer[value].transform("nunique") > 1) | (per_cijfer["wijk_slug"].transform("size") < n_wijken)
        for i in gedeeld.index[afwijkend]:
            problems.append(Problem(file=rel(folder() / name), row=int(i) + FIRST_DATA_LINE, field=value,
                                    value=gedeeld.at[i, value],
                                    message=f"{gedeeld.at[i, 'wijk_slug']} deelt CBS-gebied {gedeeld.at[i, '_gebied']} "
                                            "met een andere wijk, maar dit cijfer is daar anders of ontbreekt"))
    wp = load_wijkprofiel()
    laatste = wp.groupby("wijk_slug")["editie"].max()
    detail = load_wijkprofiel_detail()
    file = rel(folder() / "wijkprofiel_detail.csv")
    for i, r in detail.drop_duplicates(["wijk_slug", "editie"]).iterrows():
        if r["editie"] != laatste.get(r["wijk_slug"]):
            problems.append(Problem(file=file, row=int(i) + FIRST_DATA_LINE, field="editie", value=int(r["editie"]),
                                    message=f"het detail hoort bij de laatste editie van de wijk "
                                            f"({laatste.get(r['wijk_slug'], 'geen')})"))
    return problems
