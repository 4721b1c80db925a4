"""Measurements as they arrive: one tidy CSV per programme, appended every year, validated on load.

Columns (``docs/metingen.md``): ``indicator,gebied,periode,waarde`` and the
optional ``status``, ``opmerking`` and ``bron``. ``periode`` is one of the forms of
:mod:`wijkrapport.sources.perioden` (``2024``, ``2023/24``, ``2024-01-01``, ``2020-2023``); ``waarde`` is a
number with a decimal point. ``status`` is empty (= ``definitief``) or one of :data:`STATUSSEN`; only
:data:`MET_GETAL` carry a number, ``nihil`` stands for 0 and the others for "no figure". A row with neither
status nor number is "no figure" too (status ``onbekend``), as in the older programme data format; a
status that carries a number, written out, without one is an error.

One key (indicator × gebied × periode) may appear more than once only as a revision, in file order:
each later row must be further along :data:`RANG` than the one before (``voorlopig`` →
``nader_voorlopig`` → ``definitief`` → ``gewijzigd``; ``onbekend`` may be followed by anything;
``gewijzigd`` may follow ``gewijzigd``). Which row counts is decided in :mod:`wijkrapport.domain.metingen`.

Every problem of the file (unknown column, bad cell, unknown status, a number where the status
carries none, inf/nan, unparsable periode, duplicate) is reported at once with file, row and field.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..errors import DataValidationError, Problem
from . import perioden
from .base import FIRST_DATA_LINE, read_csv, rel, validate

VERPLICHT = ["indicator", "gebied", "periode", "waarde"]
OPTIONEEL = ["status", "opmerking", "bron"]

#: Every status word, in CONTRACTS order; an empty cell means ``definitief``.
STATUSSEN = ("definitief", "voorlopig", "nader_voorlopig", "gewijzigd", "geheim", "onbekend", "nihil", "afgerond",
             "twijfelachtig")
#: Statuses that carry a number in ``waarde``.
MET_GETAL = ("definitief", "voorlopig", "nader_voorlopig", "gewijzigd")
#: How final a row is: a later row for the same key must rank higher (``gewijzigd`` may repeat).
RANG = {"onbekend": 0, "voorlopig": 1, "nader_voorlopig": 2, "definitief": 3, "geheim": 3, "nihil": 3, "afgerond": 3,
        "twijfelachtig": 3, "gewijzigd": 4}

#: The typed frame: one row per row of the file, in file order.
KOLOMMEN = ["indicator", "gebied", "periode", "waarde", "status", "opmerking", "bron", "rij", "soort", "rapportjaar",
            "eerste_dag", "laatste_dag", "decimalen"]

_ID = r"^[a-z][a-z0-9_]*$"

RAW_SCHEMA = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(_ID, error="id van kleine letters, cijfers en _ (bijv. "
                                                                     "fundamenteel_niveau)")),
        "gebied": pa.Column(str),
        "periode": pa.Column(str),
        "waarde": pa.Column(str),
        "status": pa.Column(str, required=False),
        "opmerking": pa.Column(str, required=False),
        "bron": pa.Column(str, required=False),
    },
    strict=True,
)


def _problem(file: str, idx: int, field: str, value: object, message: str) -> Problem:
    return Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=field, value=value, message=message)


def _gebied_probleem(tekst: str) -> str | None:
    if not tekst:
        return "gebied is leeg"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in tekst):
        return "gebied bevat een onzichtbaar teken of regeleinde"
    if tekst[0] in "=+-@":
        return "gebied begint met '=', '+', '-' of '@' (een formule?)"
    if len(tekst) > 200:
        return "gebied is langer dan 200 tekens"
    return None


def _getal(tekst: str) -> tuple[float | None, str | None]:
    """(number, problem) for one waarde cell; (None, None) when empty."""
    if tekst == "":
        return None, None
    if "," in tekst:
        return None, "verwacht een getal met decimaalpunt, zonder duizendtalscheiding (komma gevonden)"
    try:
        x = float(tekst)
    except ValueError:
        return None, "verwacht een getal met decimaalpunt"
    if not math.isfinite(x):
        return None, "geen eindig getal (inf of nan)"
    return x, None


def parse_metingen(raw: pd.DataFrame, file: str, indicatoren: Collection[str] | None = None) -> pd.DataFrame:
    """Validate a raw (all-text) measurements frame and return it typed (:data:`KOLOMMEN`).

    ``indicatoren``: the measurement ids the programme knows; others are reported. None: not checked.
    """
    problems: list[Problem] = []
    try:
        validate(raw, RAW_SCHEMA, file)
    except DataValidationError as exc:
        problems += exc.problems
    if not set(VERPLICHT) <= set(raw.columns):
        raise DataValidationError(problems)  # the row checks below need these columns
    df = raw.copy()
    for col in OPTIONEEL:
        if col not in df:
            df[col] = ""
    rows = []
    bekend = set(indicatoren) if indicatoren is not None else None
    for idx, r in df.iterrows():
        indicator, gebied = r["indicator"].strip(), unicodedata.normalize("NFC", r["gebied"].strip())
        status = r["status"].strip()
        if not status:  # empty: definitief with a number, "no figure" (onbekend) without one
            status = "definitief" if r["waarde"].strip() else "onbekend"
        if bekend is not None and indicator and indicator not in bekend:
            problems.append(_problem(file, idx, "indicator", indicator, "onbekende indicator voor dit programma"))
        if (fout := _gebied_probleem(gebied)) is not None:
            problems.append(_problem(file, idx, "gebied", r["gebied"], fout))
        try:
            periode = perioden.parse(r["periode"])
        except perioden.PeriodeFout as exc:
            problems.append(_problem(file, idx, "periode", r["periode"], str(exc)))
            periode = None
        if status not in STATUSSEN:
            problems.append(_problem(file, idx, "status", r["status"],
                                     f"onbekende status; verwacht leeg (= definitief) of een van: {', '.join(STATUSSEN)}"))
        waarde, fout = _getal(r["waarde"].strip())
        if fout:
            problems.append(_problem(file, idx, "waarde", r["waarde"], fout))
        elif status in MET_GETAL and waarde is None:
            problems.append(_problem(file, idx, "waarde", r["waarde"],
                                     f"status {status} vraagt een getal; zonder getal: status onbekend, geheim, ..."))
        elif status in STATUSSEN and status not in MET_GETAL and waarde is not None:
            problems.append(_problem(file, idx, "waarde", r["waarde"],
                                     f"status {status} draagt geen getal (alleen {', '.join(MET_GETAL)}); "
                                     "laat waarde leeg"))
        if status == "nihil":
            waarde = 0.0
        rows.append({
            "indicator": indicator, "gebied": gebied, "periode": periode.tekst if periode else r["periode"],
            "waarde": math.nan if waarde is None else waarde, "status": status,
            "opmerking": r["opmerking"].strip(), "bron": r["bron"].strip(), "rij": int(idx) + FIRST_DATA_LINE,
            "soort": periode.soort if periode else "", "rapportjaar": periode.rapportjaar if periode else -1,
            "eerste_dag": periode.eerste_dag if periode else None, "laatste_dag": periode.laatste_dag if periode else None,
            "decimalen": len(r["waarde"].strip().partition(".")[2]) if waarde is not None else None,
        })
    out = pd.DataFrame(rows, columns=KOLOMMEN)
    problems += _revisie_problemen(out, file)
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.row or 0, p.field or "")))
    out["eerste_dag"] = pd.to_datetime(out["eerste_dag"])
    out["laatste_dag"] = pd.to_datetime(out["laatste_dag"])
    out["waarde"] = out["waarde"].astype(float)
    out["rapportjaar"] = out["rapportjaar"].astype(int)
    return out


def _revisie_problemen(df: pd.DataFrame, file: str) -> list[Problem]:
    """A key repeated other than as a revision (see the module docstring)."""
    problems = []
    geldig = df[df["status"].isin(STATUSSEN) & (df["soort"] != "")]
    for _, groep in geldig.groupby(["indicator", "gebied", "periode"], sort=False):
        vorige = None
        for _, r in groep.iterrows():
            if vorige is not None:
                nieuw, oud = RANG[r["status"]], RANG[vorige["status"]]
                herhaald_gewijzigd = r["status"] == vorige["status"] == "gewijzigd"
                if not (nieuw > oud or herhaald_gewijzigd):
                    if r["status"] == vorige["status"]:
                        tekst = (f"dubbele rij: {r['indicator']}, {r['gebied']}, {r['periode']} staat al op rij "
                                 f"{vorige['rij']} met status {vorige['status']}; een herziening krijgt een verdere "
                                 "status (voorlopig → nader_voorlopig → definitief → gewijzigd)")
                    else:
                        tekst = (f"status {r['status']} kan {vorige['status']} van rij {vorige['rij']} niet vervangen "
                                 "(voorlopig → nader_voorlopig → definitief → gewijzigd); klopt de periode?")
                    problems.append(Problem(file=file, row=int(r["rij"]), field="status", value=r["status"],
                                            message=tekst))
                    continue
            vorige = r
    return problems


def load_metingen(path: Path, indicatoren: Collection[str] | None = None) -> pd.DataFrame:
    """Read and validate a measurements file (see :func:`parse_metingen`)."""
    path = Path(path)
    return parse_metingen(read_csv(path), rel(path), indicatoren)
