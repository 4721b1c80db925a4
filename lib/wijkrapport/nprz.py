"""NPRZ voortgangsrapportage tables: the effect table joined with the registry and computed."""

from __future__ import annotations

import math

import pandas as pd

from .format import round_half_up
from .progress import pct_ingelopen_bereik, voortgang
from .registry import Programma, load_programma
from .sources import nprz as src

#: Published % and our computation agree when they round to the same tenth.
AFRONDING = 0.05


def _halve_eenheid(row: pd.Series) -> float:
    """Half of the last printed digit of the inputs (0,05 for one decimal)."""
    if row["eenheid"] in ("eur", "aantal", "m2"):
        return 0.5
    return 0.05


def doelstelling(jaar: int, programma: Programma | None = None) -> pd.DataFrame:
    """The effect table with registry metadata and every computed column.

    One row per printed row, in document order; columns from the registry:
    indicator, pijler, soort, polariteit, referentie, startjaar, regime; computed:
    pct_ingelopen, doel_jaar, doel_2031, status, and the reproduction check
    (``reproductie``: "klopt", "binnen afronding", "wijkt af", "niet te berekenen").
    """
    programma = programma or load_programma("nprz")
    tabel = src.load_effecttabel(jaar)
    meta = pd.DataFrame(
        [
            {
                "indicator_id": i.id,
                "indicator": i.label,
                "pijler": i.pijler,
                "pijler_label": programma.pijler_label(i.pijler),
                "polariteit": i.polariteit or "",
                "startjaar": "" if i.startjaar is None else str(i.startjaar),
                "regime": i.regime or "",
                "bron": i.bron,
            }
            for i in programma.indicatoren
        ]
    )
    tabel = tabel.merge(meta, on="indicator_id", how="left", validate="one_to_one")
    out = voortgang(tabel, programma, jaar)
    out["reproductie"] = out.apply(_reproductie, axis=1)
    return out


def _reproductie(row: pd.Series) -> str:
    pub = row.get("pct_ingelopen_gepubliceerd")
    ours = row.get("pct_ingelopen")
    if row["soort"] == "demografie":
        return ""
    if pd.isna(ours) or pd.isna(pub):
        return "niet te berekenen"
    if round_half_up(ours, 1) == round_half_up(pub, 1):
        return "klopt"
    lo, hi = pct_ingelopen_bereik(row["zuid_start"], row["zuid_huidig"], row["referentie_huidig"], _halve_eenheid(row))
    if not math.isnan(lo) and lo - AFRONDING <= pub <= hi + AFRONDING:
        return "binnen afronding"
    return "wijkt af"


def met_doel(tabel: pd.DataFrame) -> pd.DataFrame:
    """Rows that carry a target: doel and indicator rows with a trajectory regime."""
    return tabel[(tabel["soort"] != "demografie") & (tabel["regime"] != "")]


EXPORT_KOLOMMEN = [
    "indicator_id", "indicator", "pijler", "referentie", "startjaar", "zuid_start", "zuid_huidig",
    "referentie_huidig", "pct_ingelopen", "doel_{jaar}", "doel_2031", "status", "soort", "pct_ingelopen_gepubliceerd",
]


def doelstelling_export(jaar: int, programma: Programma | None = None) -> pd.DataFrame:
    """``doelstelling.csv``: the published column names, values in printed units, rounded to 0,1."""
    tabel = met_doel(doelstelling(jaar, programma)).copy()
    tabel[f"doel_{jaar}"] = tabel["doel_jaar"]
    cols = [c.format(jaar=jaar) for c in EXPORT_KOLOMMEN]
    out = tabel[cols].copy()
    for c in ("zuid_start", "zuid_huidig", "referentie_huidig", "pct_ingelopen", f"doel_{jaar}", "doel_2031",
              "pct_ingelopen_gepubliceerd"):
        out[c] = out[c].map(lambda v: round_half_up(v, 1) if pd.notna(v) else v)
    return out.reset_index(drop=True)
