"""Programme data: one tidy CSV per programme (``indicator,gebied,periode,waarde``), validated with pandera."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..errors import Problem
from ..registry import Programma, data_file
from .base import FIRST_DATA_LINE, numeric_problems, read_csv, rel, to_number, validate
from .sleutels import dubbel_problemen, normaliseer

KOLOMMEN = ["indicator", "gebied", "periode", "waarde"]

SCHEMA = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "gebied": pa.Column(str, [pa.Check.str_length(min_value=1, max_value=200)]),
        "periode": pa.Column(str, pa.Check.str_matches(r"^(19|20)[0-9][0-9]$"), description="jaar, vier cijfers"),
        "waarde": pa.Column(str),
    },
    strict=True,
)


def genoemde_gebieden(programma: Programma) -> list[str]:
    """Every area the programme file names: the data's area names must match these exactly."""
    namen = [programma.doelgebied, *programma.gebieden, *programma.vergelijkingsgebieden]
    for ind in programma.indicatoren:
        namen += [g for g in (ind.referentie, ind.ambitie and ind.ambitie.gebied, ind.drempels and ind.drempels.referentie)
                  if g and g != "vast"]
    return list(dict.fromkeys(namen))


def load(programma: Programma) -> pd.DataFrame:
    """The programme's data, typed: indicator, gebied (str), periode (int), waarde (float, NaN = no figure).

    Identifiers (indicator, gebied, periode) are normalised first (surrounding white space, Unicode NFC), then
    checked, and the report uses these same values: a row for "Carnisse " is the same area as "Carnisse", so it
    is a duplicate row, never a silent replacement. Area names that differ from one another (or from a name in
    the programme file) only in case or look-alike letters are probable duplicates. Every problem (bad cell,
    unknown indicator, duplicate row) is reported with file, row and field.
    """
    path = data_file(programma)
    name = rel(path)
    raw, problems = normaliseer(read_csv(path), ["indicator", "gebied", "periode"], name)
    problems += numeric_problems(raw, ["waarde"], name)
    problems += dubbel_problemen(raw, ["gebied"], name, bekend={"gebied": genoemde_gebieden(programma)})
    bekend = {i.id for i in programma.indicatoren}
    if {"indicator", "gebied", "periode"} <= set(raw.columns):
        for idx in raw.index[~raw["indicator"].isin(bekend)]:
            problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="indicator",
                                    value=raw.at[idx, "indicator"],
                                    message=f"onbekende indicator voor programma '{programma.naam}'"))
        sleutel = ["indicator", "gebied", "periode"]
        eerste = raw.drop_duplicates(subset=sleutel).reset_index().set_index(sleutel)["index"]
        for idx in raw.index[raw.duplicated(subset=sleutel, keep="first")]:
            rij = int(eerste.loc[tuple(raw.loc[idx, sleutel])]) + FIRST_DATA_LINE
            problems.append(Problem(file=name, row=int(idx) + FIRST_DATA_LINE, field="periode",
                                    value=raw.at[idx, "periode"],
                                    message=f"dubbele rij: deze indicator, dit gebied en deze periode staan er al "
                                    f"(rij {rij}; spaties rond een naam tellen niet mee)"))
    df = validate(raw, SCHEMA, name, problems)
    out = pd.DataFrame({
        "indicator": df["indicator"],
        "gebied": df["gebied"],
        "periode": df["periode"].astype(int),
        "waarde": to_number(df["waarde"]),
    })
    return out.reset_index(drop=True)
