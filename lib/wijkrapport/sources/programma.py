"""Programme data: one tidy CSV per programme (``indicator,gebied,periode,waarde``), validated with pandera."""

from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa

from .. import paths
from ..errors import DataValidationError, Problem
from .base import FIRST_DATA_LINE, numeric_problems, read_csv, rel, to_number, validate
from .registry import Programma, data_file
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
    namen += [g for leden in programma.gebiedsgroepen.values() for g in leden]
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
        "decimalen": decimalen_in_tekst(df["waarde"]),
    })
    controleer_nulmetingen(programma, out, name)
    controleer_eenheden(programma, out, name, FIRST_DATA_LINE)
    return out.reset_index(drop=True)


def decimalen_in_tekst(tekst: pd.Series) -> pd.Series:
    """Decimals as the source writes each value ("73" -> 0, "6.0" -> 1, "5.85" -> 2); NA for an empty cell.

    The report prints an indicator with the precision of its source: the most decimals among its values.
    """
    t = tekst.astype(str).str.strip()
    n = t.str.extract(r"\.(\d+)(?:[eE][-+]?\d+)?$")[0].str.len().fillna(0)
    return n.astype("Int64").where(t != "")


def controleer_nulmetingen(programma: Programma, data: pd.DataFrame, bestand: str) -> None:
    """A nulmeting in the programme file and a figure in the data for the same area and year must agree.

    The nulmeting's year is its period in the data (nulmeting 2022-07-01 <-> periode 2022). Two different
    numbers for one measurement would make the report's starting point depend on where it is read: exit 3,
    naming the programme file's key path and the data file's row.
    """
    yml = paths.rel(paths.programme_file(programma.naam))
    problems = []
    for i, ind in enumerate(programma.indicatoren):
        if ind.ambitie is None:
            continue
        nul = ind.ambitie.nulmeting
        gebied = ind.ambitie.gebied or programma.doelgebied
        rij = (data["indicator"] == ind.id) & (data["gebied"] == gebied) & (data["periode"] == nul.datum.year)
        for idx in data.index[rij]:
            waarde = data.at[idx, "waarde"]
            if pd.notna(waarde) and abs(float(waarde) - nul.waarde) > 1e-9 * max(1.0, abs(nul.waarde)):
                problems.append(Problem(
                    file=bestand, row=int(idx) + FIRST_DATA_LINE, field="waarde", value=f"{waarde:g}",
                    message=f"{gebied} {nul.datum.year} wijkt af van de nulmeting in {yml} "
                            f"(indicatoren.{i}.ambitie.nulmeting.waarde: {nul.waarde:g}, datum {nul.datum.isoformat()}); "
                            "één meting heeft één cijfer: maak ze gelijk"))
    if problems:
        raise DataValidationError(problems)


CIJFER_BEREIK = (1.0, 10.0)


def controleer_eenheden(programma: Programma, data: pd.DataFrame, bestand: str, eerste_regel: int) -> None:
    """A report mark (eenheid cijfer) lies between 1 and 10; a number of years (eenheid jaar) is not negative."""
    problems = []
    for ind in programma.indicatoren:
        if ind.eenheid not in ("cijfer", "jaar"):
            continue
        rij = (data["indicator"] == ind.id) & data["waarde"].notna()
        lo, hi = CIJFER_BEREIK if ind.eenheid == "cijfer" else (0.0, math.inf)
        for idx in data.index[rij & ~data["waarde"].between(lo, hi)]:
            wat = "een rapportcijfer ligt tussen 1 en 10" if ind.eenheid == "cijfer" else "een aantal jaren is niet negatief"
            problems.append(Problem(file=bestand, row=int(idx) + eerste_regel, field="waarde",
                                    value=f"{data.at[idx, 'waarde']:g}",
                                    message=f"{ind.id} heeft eenheid {ind.eenheid}: {wat}"))
    if problems:
        raise DataValidationError(problems)
