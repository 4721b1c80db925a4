"""Programme data: one tidy CSV per programme (``indicator,gebied,periode,waarde``), validated with pandera."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..errors import Problem
from ..registry import Programma, data_file
from .base import FIRST_DATA_LINE, numeric_problems, read_csv, rel, to_number, validate

KOLOMMEN = ["indicator", "gebied", "periode", "waarde"]

SCHEMA = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "gebied": pa.Column(str, [pa.Check.str_length(min_value=1, max_value=200)]),
        "periode": pa.Column(str, pa.Check.str_matches(r"^(19|20)\d\d$"), description="jaar, vier cijfers"),
        "waarde": pa.Column(str),
    },
    strict=True,
)


def load(programma: Programma) -> pd.DataFrame:
    """The programme's data, typed: indicator, gebied (str), periode (int), waarde (float, NaN = no figure).

    Every problem (bad cell, unknown indicator, duplicate row) is reported with file, row and field.
    """
    path = data_file(programma)
    name = rel(path)
    raw = read_csv(path)
    problems = numeric_problems(raw, ["waarde"], name)
    bekend = {i.id for i in programma.indicatoren}
    if {"indicator", "gebied", "periode"} <= set(raw.columns):
        for idx in raw.index[~raw["indicator"].isin(bekend)]:
            problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="indicator",
                                    value=raw.at[idx, "indicator"],
                                    message=f"onbekende indicator voor programma '{programma.naam}'"))
        dup = raw.duplicated(subset=["indicator", "gebied", "periode"], keep="first")
        for idx in raw.index[dup]:
            problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="periode",
                                    value=raw.at[idx, "periode"],
                                    message="dubbele rij: deze indicator, dit gebied en deze periode staan er al"))
    df = validate(raw, SCHEMA, name, problems)
    out = pd.DataFrame({
        "indicator": df["indicator"],
        "gebied": df["gebied"].str.strip(),
        "periode": df["periode"].astype(int),
        "waarde": to_number(df["waarde"]),
    })
    return out.reset_index(drop=True)
