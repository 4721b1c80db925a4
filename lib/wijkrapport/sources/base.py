"""Reading CSV files as published and validating them with pandera (lazy mode).

Every problem of a file is collected before failing, then raised as one
``DataValidationError`` that lists file, row, column, value and expectation.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from ..errors import DataValidationError, Problem
from ..incremental import MAX_MB  # one limit for hashing and reading an input  # noqa: F401
from ..paths import rel
from . import sleutels

#: Row number in the file of the first data row (header is line 1).
FIRST_DATA_LINE = 2


def controleer_bestand(path: Path, max_mb: float = MAX_MB) -> int:
    """A declared input before it is read: present, a file (not a folder) and not over ``max_mb``; its size.

    The size comes from the file system: an oversized file is refused without reading a byte of it.
    """
    path = Path(path)
    if not path.exists():
        raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
    if not path.is_file():
        soort = "een map" if path.is_dir() else "geen gewoon bestand (een apparaat, pijp of koppeling daarheen)"
        raise DataValidationError(f"is {soort}; verwacht een bestand", file=rel(path))
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise DataValidationError(f"bestand is {size / 1024 / 1024:.0f} MB, meer dan de grens van {max_mb:g} MB: "
                                  "is dit het goede bestand?", file=rel(path))
    return size


def lees_bytes(path: Path, max_mb: float = MAX_MB) -> bytes:
    """The content of a declared input (checked first with :func:`controleer_bestand`); errors name the file."""
    controleer_bestand(path, max_mb)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise DataValidationError(f"niet te lezen: {exc.strerror or exc}", file=rel(path)) from exc


def read_csv(path: Path, *, encoding: str = "utf-8-sig", sep: str = ",") -> pd.DataFrame:
    """Read a CSV as text columns (dtype str, empty cells ""); the schema does the typing.

    A missing, empty, oversized or undecodable file, a folder in its place, a header naming a column twice and
    a row with more or fewer fields than the header are data validation errors naming file and row. (pandas
    would silently take a surplus field in every row as the index and shift all columns by one.)
    Column names are normalised like identifiers (``sleutels.normaal``); cell values are left as written.
    """
    path = Path(path)
    name = rel(path)
    if controleer_bestand(path) == 0:
        raise DataValidationError("bestand is leeg", file=name)
    data = lees_bytes(path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataValidationError(
            [Problem(file=name, message=f"tekstcodering is geen {encoding} (byte {exc.start}: {exc.reason})")]
        ) from exc
    if "\x00" in text:
        raise DataValidationError([Problem(file=name, message="bevat NUL-tekens: geen tekstbestand (CSV)")])
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True) if r]
    except csv.Error as exc:
        raise DataValidationError([Problem(file=name, message=f"geen leesbare CSV: {exc}")]) from exc
    if not rows:
        raise DataValidationError("bestand is leeg", file=name)
    header = [sleutels.normaal(c) for c in rows[0]]
    problems = []
    for i, col in enumerate(header):
        teken = sleutels.onzichtbaar(col)
        if teken:
            problems.append(Problem(file=name, row=1, field=col, message=f"onzichtbaar teken {teken} in de kolomnaam"))
        elif col == "":
            problems.append(Problem(file=name, row=1, message=f"kolom {i + 1} heeft geen naam"))
        elif col in header[:i]:
            problems.append(Problem(file=name, row=1, field=col, message="kolom staat twee keer in de kopregel"))
    for i, r in enumerate(rows[1:]):
        if len(r) != len(header):
            problems.append(Problem(file=name, row=i + FIRST_DATA_LINE,
                                    message=f"rij heeft {len(r)} velden, de kopregel {len(header)}: "
                                    "een scheidingsteken te veel of te weinig?"))
    if len(rows) == 1:
        problems.append(Problem(file=name, message="alleen een kopregel, geen gegevens"))
    if problems:
        raise DataValidationError(problems[:50] + ([Problem(file=name, message=f"en nog {len(problems) - 50} problemen")]
                                                  if len(problems) > 50 else []))
    return pd.DataFrame(rows[1:], columns=header, dtype=str)


def _parse(series: pd.Series, decimal: str = ".") -> pd.Series:
    text = series.astype(str).str.strip()
    if decimal == ",":
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    # only plain decimal notation: pandas also reads "inf", "Infinity", "nan" and "1e400" (= inf)
    plain = text.str.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
    return pd.to_numeric(text.where(plain & (text != ""), None), errors="coerce")


def to_number(series: pd.Series, decimal: str = ".") -> pd.Series:
    """Parse numbers; empty cells become NaN, and so does anything that is not a finite number.

    Returns floats; cells that are not empty and not (finite) numbers become NaN and
    are reported by :func:`numeric_problems`.
    """
    parsed = _parse(series, decimal).astype(float)
    return parsed.where(np.isfinite(parsed))


def numeric_problems(raw: pd.DataFrame, columns: list[str], file: str, decimal: str = ".",
                     geheel: tuple[str, ...] = ()) -> list[Problem]:
    """Problems for non-empty cells in ``columns`` that are not finite numbers (``inf``, ``nan`` and ``1e400``
    are not), and for values in ``geheel`` (years, sequence numbers) that are not whole numbers."""
    problems = []
    for col in columns:
        if col not in raw:
            continue
        text = raw[col].astype(str).str.strip()
        parsed = to_number(raw[col], decimal)
        ruw = _parse(raw[col], decimal)
        for idx in raw.index[(text != "") & parsed.isna()]:
            oneindig = text[idx].lower().lstrip("+-") in ("inf", "infinity", "nan") or pd.notna(ruw[idx])
            message = ("geen eindig getal (oneindig, NaN of te groot)" if oneindig else
                       f"verwacht een getal met decimaal{'komma' if decimal == ',' else 'punt'}")
            problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col, value=raw.at[idx, col],
                                    message=message))
        if col in geheel:
            for idx in raw.index[parsed.notna() & (parsed != parsed.round())]:
                problems.append(Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col, value=raw.at[idx, col],
                                        message="verwacht een geheel getal (een jaar of volgnummer)"))
    return problems


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, file: str, extra: list[Problem] | None = None) -> pd.DataFrame:
    """Validate lazily; raise one DataValidationError with every problem found."""
    problems = list(extra or [])
    try:
        df = schema.validate(df, lazy=True)
    except SchemaErrors as exc:
        problems.extend(schema_problems(exc, file))
    if problems:
        raise DataValidationError(problems)
    return df


def schema_problems(exc: SchemaErrors, file: str) -> list[Problem]:
    problems = []
    fc = exc.failure_cases
    for _, case in fc.iterrows():
        index = case.get("index")
        row = int(index) + FIRST_DATA_LINE if index is not None and not pd.isna(index) else None
        column = case.get("column")
        column = None if column is None or pd.isna(column) else str(column)
        check = str(case.get("check"))
        value = case.get("failure_case")
        if check.startswith("column_in_dataframe"):
            problems.append(Problem(file=file, field=str(value), message="kolom ontbreekt"))
            continue
        if check.startswith("column_in_schema"):
            problems.append(Problem(file=file, field=str(value), message="onbekende kolom"))
            continue
        problems.append(Problem(file=file, row=row, field=column, value=value, message=f"voldoet niet aan {check}"))
    return problems


def lees_yaml_model(path: Path, model):
    """A YAML description file of a data folder (e.g. its ``bron.yml``) validated as ``model``: every problem is a
    data error naming the file and the key (the description is part of the data, not configuration)."""
    from pydantic import ValidationError

    from ..errors import ConfigError
    from ..yamlio import load_yaml, pydantic_problems

    try:
        return model.model_validate(load_yaml(path) or {})
    except ConfigError as exc:
        raise DataValidationError(exc.problems) from exc
    except ValidationError as exc:
        raise DataValidationError(pydantic_problems(Path(rel(path)), exc)) from exc
