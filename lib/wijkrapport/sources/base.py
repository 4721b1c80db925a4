"""Reading CSV files as published and validating them with pandera (lazy mode).

Every problem of a file is collected before failing, then raised as one
``DataValidationError`` that lists file, row, column, value and expectation.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from ..errors import DataValidationError, Problem

#: Row number in the file of the first data row (header is line 1).
FIRST_DATA_LINE = 2
#: No input of this project comes near this; a larger file is a mistake (a wrong export, a runaway append).
MAX_MB = 100


def rel(path: Path) -> str:
    """Path as shown in messages: relative to the project root when possible."""
    from .. import paths

    try:
        return str(Path(path).resolve().relative_to(paths.project_root()))
    except ValueError:
        return str(path)


def read_csv(path: Path, *, encoding: str = "utf-8-sig", decimal: str = ".", sep: str = ",", **kwargs) -> pd.DataFrame:
    """Read a CSV as text columns (dtype str); the schema does the typing.

    A missing, empty or undecodable file is a data validation error naming it.
    """
    path = Path(path)
    if not path.exists():
        raise DataValidationError(f"bestand ontbreekt: {rel(path)}", file=rel(path))
    size = path.stat().st_size
    if size == 0:
        raise DataValidationError("bestand is leeg", file=rel(path))
    if size > MAX_MB * 1024 * 1024:
        raise DataValidationError(f"bestand is {size / 1024 / 1024:.0f} MB, meer dan de grens van {MAX_MB} MB: "
                                  "is dit het goede bestand?", file=rel(path))
    try:
        return pd.read_csv(path, encoding=encoding, sep=sep, dtype=str, keep_default_na=False, **kwargs)
    except UnicodeDecodeError as exc:
        raise DataValidationError(
            [Problem(file=rel(path), message=f"tekstcodering is geen {encoding} (byte {exc.start}: {exc.reason})")]
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataValidationError([Problem(file=rel(path), message=f"geen leesbare CSV: {exc}")]) from exc


def to_number(series: pd.Series, decimal: str = ".") -> pd.Series:
    """Parse numbers; empty cells become NaN, anything else unparsable stays as NaN-marked failure.

    Returns floats; cells that are not empty and not numbers become NaN and
    are reported by :func:`numeric_problems`.
    """
    text = series.astype(str).str.strip()
    if decimal == ",":
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(text.where(text != "", None), errors="coerce")


def numeric_problems(raw: pd.DataFrame, columns: list[str], file: str, decimal: str = ".") -> list[Problem]:
    """Problems for non-empty cells in ``columns`` that are not numbers."""
    problems = []
    for col in columns:
        if col not in raw:
            continue
        text = raw[col].astype(str).str.strip()
        parsed = to_number(raw[col], decimal)
        bad = (text != "") & parsed.isna()
        for idx in raw.index[bad]:
            problems.append(
                Problem(file=file, row=int(idx) + FIRST_DATA_LINE, field=col, value=raw.at[idx, col],
                        message=f"verwacht een getal met decimaalpunt ({'komma' if decimal == ',' else 'punt'})")
            )
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
