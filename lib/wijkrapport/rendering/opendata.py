"""Open-data downloads next to each report: the CSV tables and one xlsx workbook with a sheet per table.

The CSV files are the raw data, written as they are (a text cell may begin with ``=``, ``+``, ``-`` or ``@``):
spreadsheet users import them as text (docs/open-data.md). In the workbook every text cell is a text cell,
never a formula: a remark ``=HYPERLINK(...)`` in the data stays that text, it does not become a live link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

#: a number as this package writes it in a CSV (``float_format="%.6g"``): no leading zeros ("0123" is a code)
_GETAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?(e[+-][0-9]+)?")


def _kolom(waarden: pd.Series) -> pd.Series:
    """A column as numbers when every filled cell is a plain number, otherwise as text exactly as in the CSV."""
    gevuld = waarden[waarden != ""]
    if len(gevuld) and gevuld.str.fullmatch(_GETAL.pattern).all():
        return pd.to_numeric(waarden.where(waarden != ""), errors="raise")
    return waarden


def tabel(csv: Path) -> pd.DataFrame:
    """One published CSV for the workbook: read as text, numbers only where a whole column is numeric."""
    df = pd.read_csv(csv, encoding="utf-8", dtype=str, keep_default_na=False)
    return df.apply(_kolom) if len(df.columns) else df


def workbook(data_dir: Path, name: str) -> Path | None:
    """Write ``<data_dir>/<name>.xlsx`` with one sheet per CSV in ``data_dir`` (sorted by file name)."""
    csvs = sorted(data_dir.glob("*.csv"))
    if not csvs:
        return None
    target = data_dir / f"{name}.xlsx"
    with pd.ExcelWriter(target, engine="openpyxl") as xl:
        for csv in csvs:
            tabel(csv).to_excel(xl, sheet_name=csv.stem[:31], index=False)
        for sheet in xl.book.worksheets:
            als_tekst(sheet)
    return target


def als_tekst(sheet) -> None:
    """Every text cell of ``sheet`` stored as text: openpyxl turns a string beginning with '=' into a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    cell.quotePrefix = True  # Excel also keeps it text when the cell is edited
