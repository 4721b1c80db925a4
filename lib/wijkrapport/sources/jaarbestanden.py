"""A programme's yearly records: the files of one year that are not time series (``onderdelen`` in the programme
file: interventies, financiën, verhuisbewegingen, algemene indicatoren, counts with shares) and the printed
report's text figures (``indicatorpaginas.csv``).

Files live in ``<data folder of the programme>/<jaar>/`` (see its PROVENANCE.md). Each loader reads the file as
published, validates it with a pandera schema (all problems at once) and returns a typed frame. The measurements
themselves (required) are read by :mod:`wijkrapport.sources.metingen`; a yearly record may lag: its chapter then
says so (:func:`bestaat`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .. import paths
from ..errors import DataValidationError, Problem
from ..paths import per_bestandstoestand
from .base import numeric_problems, read_csv, rel, to_number, validate
from .sleutels import dubbel_problemen, normaliseer

EENHEDEN = ["pct", "eur", "aantal", "index", "m2"]
#: the printed report's text figures and its effect table, for a year that has a printed report
PAGINAS = "indicatorpaginas.csv"
GEDRUKT = "gedrukt.csv"


def _finite(s: pd.Series) -> pd.Series:
    return s.isna() | np.isfinite(s.astype(float))


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


# --- the other tables of the report -------------------------------------------------------

def _algemeen(gebieden: tuple[str, ...]) -> pa.DataFrameSchema:
    """General indicators of many areas; ``gebieden``: the areas the programme lets the file name (empty: any)."""
    gebied = pa.Check.isin(list(gebieden)) if gebieden else pa.Check.str_length(min_value=1)
    return pa.DataFrameSchema(
        {
            "indicator_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
            "indicator": pa.Column(str, pa.Check.str_length(min_value=1)),
            "peildatum": pa.Column(str),
            "eenheid": pa.Column(str, pa.Check.isin(EENHEDEN)),
            "gebied": pa.Column(str, gebied),
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
        "pijler": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "volgorde": pa.Column(float, pa.Check.ge(1), unique=True),
        "nummer": pa.Column(str),
        "naam": pa.Column(str, pa.Check.str_length(min_value=1)),
        "initiatiefnemer": pa.Column(str),
        "financiering": pa.Column(str),
        "kleur_vorig": pa.Column(str, pa.Check.isin(["", "groen", "oranje", "rood", "wit"])),
        "kleur": pa.Column(str, pa.Check.isin(["", "groen", "oranje", "rood", "wit"])),
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
    """Counts for an area and its total per period; one row per period, regel (and age group) and area."""
    return pa.DataFrameSchema(
        {
            periode: pa.Column(str, pa.Check.str_length(min_value=1)),
            "regel": pa.Column(str, pa.Check.str_length(min_value=1)),
            "gebied": pa.Column(str, pa.Check.str_length(min_value=1)),
            "waarde": pa.Column(float, [pa.Check(_finite, element_wise=False), pa.Check.ge(0)], nullable=True),
            "aandeel_gepubliceerd": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        },
        unique=[periode, "regel", *sleutel, "gebied"],
        strict=False,
    )


PAGINA_SCHEMA = pa.DataFrameSchema(
    {
        "indicator_id": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "pagina_titel": pa.Column(str),
        "aandeel_tekst": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        "doel_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "startwaarde_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "huidig_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
        "pct_ingelopen_tekst": pa.Column(float, pa.Check(_finite, element_wise=False), nullable=True),
    },
    strict="filter",
)


SAMENVATTING_SCHEMA = pa.DataFrameSchema(
    {
        "pijler": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "totaal_gepubliceerd": pa.Column(float, pa.Check.ge(0), nullable=True),
    },
    strict=False,
)


@dataclass(frozen=True)
class Soort:
    """How a kind of yearly record is read: its numeric columns, identifier columns (normalised), whole-number
    columns and name columns (duplicates that differ only in case or look-alike letters are refused)."""

    numeriek: tuple[str, ...] = ()
    sleutels: tuple[str, ...] = ()
    geheel: tuple[str, ...] = ()
    namen: tuple[str, ...] = ()


#: record kind (an onderdeel's ``soort``, its ``samenvatting``, the printed report's ``indicatorpaginas``) -> reading
SOORTEN = {
    "algemene_indicatoren": Soort(("waarde",), ("indicator_id", "eenheid", "gebied", "symbool")),
    "verhuisbewegingen": Soort(("waarde", "volgorde", "kolom"), ("gebied", "gebied_soort", "kolom_id", "onderdrukt"),
                               ("volgorde", "kolom"), ("gebied",)),
    "interventies": Soort(("volgorde",), ("pijler", "nummer", "kleur_vorig", "kleur", "trend", "gestopt_in_tekst"),
                          ("volgorde",)),
    "financien": Soort(("begroot", "gerealiseerd", "gemeente", "overige_partners"), ("post", "soort")),
    "aandelen": Soort(("waarde", "aandeel_gepubliceerd"), ("regel", "gebied", "leeftijd"), (), ("regel",)),
    "samenvatting": Soort(("totaal_gepubliceerd",), ("pijler",), ("totaal_gepubliceerd",)),
    "indicatorpaginas": Soort(("aandeel_tekst", "doel_tekst", "startwaarde_tekst", "huidig_tekst",
                               "pct_ingelopen_tekst"), ("indicator_id",)),
}


@dataclass(frozen=True)
class Record:
    """One yearly record of a programme: its file name, its kind and what the kind needs from the programme file."""

    naam: str
    soort: str
    periode: str = "jaar"  # aandelen: the period column
    gebieden: tuple[str, ...] = ()  # algemene_indicatoren: the areas it may name


def records(programma) -> list[Record]:
    """Every yearly record the programme file declares (onderdelen and their summaries), then the printed report's
    text figures (``indicatorpaginas.csv``)."""
    uit = []
    for o in programma.onderdelen.values():
        if o.bestand:
            uit.append(Record(o.bestand, o.soort, o.periode, tuple(o.gebieden)))
        if o.samenvatting:
            uit.append(Record(o.samenvatting, "samenvatting"))
    return [*uit, Record(PAGINAS, "indicatorpaginas")]


def record(programma, naam: str) -> Record:
    """The declared record of that file name (a name the programme file does not declare is a code error)."""
    for r in records(programma):
        if r.naam == naam:
            return r
    raise KeyError(f"{naam} is geen jaarbestand van programma {programma.naam}")


def _schema(r: Record, kolommen: list[str]) -> pa.DataFrameSchema:
    if r.soort == "algemene_indicatoren":
        return _algemeen(r.gebieden)
    if r.soort == "aandelen":
        return _teltabel(r.periode, *(["leeftijd"] if "leeftijd" in kolommen else []))
    return {"verhuisbewegingen": VERHUIS_SCHEMA, "interventies": INTERVENTIES_SCHEMA, "financien": FINANCIEN_SCHEMA,
            "samenvatting": SAMENVATTING_SCHEMA, "indicatorpaginas": PAGINA_SCHEMA}[r.soort]


@per_bestandstoestand(maxsize=32)
def _tabel(path: Path, r: Record) -> pd.DataFrame:
    soort = SOORTEN[r.soort]
    file = rel(path)
    raw = read_csv(path)
    sleutels = (r.periode, *soort.sleutels) if r.soort == "aandelen" else soort.sleutels
    df, problems = _typed(raw, list(soort.numeriek), file, sleutels, soort.geheel, soort.namen)
    return validate(df, _schema(r, list(raw.columns)), file, problems)


def pad(programma, jaar: int, naam: str) -> Path:
    """Where the yearly record ``naam`` of ``jaar`` lives."""
    from .registry import jaar_dir

    return jaar_dir(programma, jaar) / naam


def bestaat(programma, jaar: int, naam: str) -> bool:
    """Whether the year has this record (a lagging input has not arrived yet)."""
    return pad(programma, jaar, naam).exists()


def load_tabel(programma, jaar: int, naam: str) -> pd.DataFrame:
    """Load one of the programme's yearly records (:func:`records`) of ``jaar``, validated by its kind."""
    path = pad(programma, jaar, naam)
    if not path.exists():
        raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
    return _tabel(path, record(programma, naam)).copy()


def _pijler_problemen(df: pd.DataFrame, programma, file: str) -> list[Problem]:
    bekend = {p.id for p in programma.pijlers}
    return [Problem(file=file, row=int(i) + 2, field="pijler", value=v,
                    message=f"onbekende pijler (bekend: {', '.join(sorted(bekend))})")
            for i, v in df["pijler"].items() if v not in bekend]


def bereik_problemen(metingen: pd.DataFrame, programma, file: str) -> list[Problem]:
    """Values outside the range of their indicator's unit: a share (pct) lies within 0-100, a count, an amount or an
    area is not negative (``index`` and ``per1000`` are left free)."""
    eenheid = {}
    for ind in programma.indicatoren:
        eenheid.setdefault(ind.meting_id, ind.eenheid)
    problems = []
    for _, r in metingen[metingen["waarde"].notna()].iterrows():
        e, v = eenheid.get(r["indicator"]), r["waarde"]
        if e == "pct" and not 0 <= v <= 100:
            problems.append(Problem(file=file, row=int(r["rij"]), field="waarde", value=f"{v:g}",
                                    message=f"een percentage ligt tussen 0 en 100 (indicator {r['indicator']})"))
        elif e in ("aantal", "eur", "m2") and v < 0:
            problems.append(Problem(file=file, row=int(r["rij"]), field="waarde", value=f"{v:g}",
                                    message=f"een {e}-waarde kan niet negatief zijn (indicator {r['indicator']})"))
    return problems


def validate_all(jaar: int, programma_naam: str) -> None:
    """Validate every input of the programme's report of ``jaar`` and collect all problems before failing.

    Required: the measurements (the programme's ``data`` file). Yearly records and printed figures are checked
    when the year has them (they may lag; their chapter then says so).
    """
    from .gedrukt import load_gedrukt
    from .metingen import load_metingen
    from .registry import data_file, gebiedskolommen, load_programma

    programma = load_programma(programma_naam)
    problems: list[Problem] = []
    try:
        path = data_file(programma)
        if not path.exists():
            raise DataValidationError(f"metingen ontbreken: {rel(path)}", file=rel(path))
        problems += bereik_problemen(load_metingen(path, programma.meting_ids()), programma, rel(path))
    except DataValidationError as exc:
        problems += exc.problems
    for naam in [*(r.naam for r in records(programma)), GEDRUKT]:
        if not bestaat(programma, jaar, naam):
            continue
        try:
            df = (load_gedrukt(pad(programma, jaar, naam), gebiedskolommen(programma)) if naam == GEDRUKT
                  else load_tabel(programma, jaar, naam))
            if "pijler" in df:
                problems += _pijler_problemen(df, programma, rel(pad(programma, jaar, naam)))
        except DataValidationError as exc:
            problems += exc.problems
    if problems:
        raise DataValidationError(problems)


def _verhuis_onderdeel(jaar: int):
    """(programme, onderdeel id) of the verhuisbewegingen the wijkdocumenten show: of the programmes in
    ``params/programmas/`` with such an onderdeel, the first (by name) whose file of ``jaar`` exists, else the first
    one; None when no programme has one."""
    from .registry import load_programma

    gevonden = []
    for pad_yml in sorted((paths.params_dir() / "programmas").glob("*.yml")):
        programma = load_programma(pad_yml.stem)
        oid = next((k for k, o in programma.onderdelen.items() if o.soort == "verhuisbewegingen"), None)
        if oid:
            gevonden.append((programma, oid))
    for programma, oid in gevonden:
        if pad(programma, jaar, programma.onderdelen[oid].bestand).exists():
            return programma, oid
    return gevonden[0] if gevonden else None


def verhuis_pad(jaar: int) -> Path | None:
    """The verhuisbewegingen record of ``jaar`` that the wijkdocumenten show (None when no programme has one); the
    file itself may not exist yet."""
    gevonden = _verhuis_onderdeel(jaar)
    if gevonden is None:
        return None
    programma, oid = gevonden
    return pad(programma, jaar, programma.onderdelen[oid].bestand)


def verhuis_bron(jaar: int) -> str:
    """The source credit of the verhuisbewegingen of ``jaar`` (from the programme file); "" while that year's file
    has not arrived (a credit never names a report that has no such figures)."""
    gevonden = _verhuis_onderdeel(jaar)
    pad = verhuis_pad(jaar)
    if gevonden is None or pad is None or not pad.exists():
        return ""
    programma, oid = gevonden
    return programma.onderdelen[oid].bron.format(jaar=jaar)


def load_verhuisbewegingen(jaar: int) -> pd.DataFrame:
    """The verhuisbewegingen of ``jaar`` (see :func:`verhuis_pad`), validated."""
    path = verhuis_pad(jaar)
    if path is None or not path.exists():
        raise DataValidationError(f"geen verhuisbewegingen voor {jaar}", file=rel(path) if path else "")
    return _tabel(path, Record(path.name, "verhuisbewegingen")).copy()
