"""Open-data downloads next to each report: the CSV tables and one xlsx workbook with a sheet per table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def workbook(data_dir: Path, name: str) -> Path | None:
    """Write ``<data_dir>/<name>.xlsx`` with one sheet per CSV in ``data_dir`` (sorted by file name)."""
    csvs = sorted(data_dir.glob("*.csv"))
    if not csvs:
        return None
    target = data_dir / f"{name}.xlsx"
    with pd.ExcelWriter(target, engine="openpyxl") as xl:
        for csv in csvs:
            df = pd.read_csv(csv, encoding="utf-8", keep_default_na=False, na_values=[""])
            df.to_excel(xl, sheet_name=csv.stem[:31], index=False)
    return target
