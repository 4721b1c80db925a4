"""NPRZ voortgangsrapportage tables: the effect table joined with the registry and computed."""

from __future__ import annotations

import math

import pandas as pd

from . import format  # noqa: F401  (used in opmerkingen)
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
    paginas = src.load_tabel(jaar, "indicatorpaginas.csv")
    tabel = tabel.merge(
        paginas[["indicator_id", "aandeel_tekst", "doel_tekst", "pct_ingelopen_tekst"]],
        on="indicator_id", how="left", validate="one_to_one",
    )
    out = voortgang(tabel, programma, jaar)
    out["reproductie"] = out.apply(_reproductie, axis=1)
    out["opmerkingen"] = out.apply(lambda r: opmerkingen(r, jaar), axis=1)
    return out


def _same(a: float, b: float) -> bool:
    return round_half_up(a, 1) == round_half_up(b, 1)


def _reproductie(row: pd.Series) -> str:
    """Does the printed % ingelopen follow from the printed inputs?

    "klopt" (same to one decimal), "binnen afronding" (differs, but rounded
    inputs allow it), "wijkt af" (rounded inputs cannot give it, or the
    document's own narrative page gives our value: a misprint in the table).
    """
    pub = row.get("pct_ingelopen_gepubliceerd")
    ours = row.get("pct_ingelopen")
    if row["soort"] == "demografie":
        return ""
    if pd.isna(ours) or pd.isna(pub):
        return "niet te berekenen"
    if _same(ours, pub):
        return "klopt"
    tekst = row.get("pct_ingelopen_tekst")
    if pd.notna(tekst) and _same(tekst, ours):
        return "wijkt af"
    lo, hi = pct_ingelopen_bereik(row["zuid_start"], row["zuid_huidig"], row["referentie_huidig"], _halve_eenheid(row))
    if not math.isnan(lo) and lo - AFRONDING <= pub <= hi + AFRONDING:
        return "binnen afronding"
    return "wijkt af"


def gedrukt_aandeel(row: pd.Series) -> float:
    """The trajectory share (in %) that the printed doel implies."""
    gap = row.get("referentie_huidig") - row.get("zuid_start")
    pub = row.get("doel_2024_gepubliceerd")
    if pd.isna(gap) or pd.isna(pub) or gap == 0:
        return math.nan
    return (pub - row["zuid_start"]) / gap * 100.0


def opmerkingen(row: pd.Series, jaar: int) -> str:
    """Plain-language notes where the printed report is inconsistent with itself or with its formula."""
    from . import format as fmt

    notes = []
    eenheid = row["eenheid"]
    if row.get("reproductie") == "wijkt af":
        notes.append(f"De tabel drukt {fmt.procent(row['pct_ingelopen_gepubliceerd'])} ingelopen; uit de gedrukte "
                     f"cijfers volgt {fmt.procent(row['pct_ingelopen'])}.")
    tekst = row.get("pct_ingelopen_tekst")
    pub = row.get("pct_ingelopen_gepubliceerd")
    if pd.notna(tekst) and pd.notna(pub) and not _same(tekst, pub):
        notes.append(f"De toelichtende tekst noemt {fmt.procent(tekst)} ingelopen, de tabel {fmt.procent(pub)}.")
    doel_pub = row.get("doel_2024_gepubliceerd")
    ours = row.get("doel_jaar")
    if jaar == 2024 and pd.notna(doel_pub) and pd.notna(ours):
        printed = 0.5 * 10 ** -int(row.get("doel_2024_decimalen", 1))
        if abs(doel_pub - ours) > _halve_eenheid(row) + printed + 1e-9:
            implied = gedrukt_aandeel(row)
            notes.append(
                f"Het gedrukte doel {jaar} ({fmt.waarde(doel_pub, eenheid)}) hoort bij een aandeel van "
                f"{fmt.procent(implied)}; het traject van deze indicator geeft {fmt.procent(row['aandeel'])} "
                f"en dus doel {fmt.waarde(ours, eenheid)}."
            )
    aandeel_tekst = row.get("aandeel_tekst")
    if pd.notna(aandeel_tekst) and pd.notna(row.get("aandeel")) and abs(aandeel_tekst - row["aandeel"]) > 0.05:
        notes.append(f"De toelichtende tekst rekent met een aandeel van {fmt.procent(aandeel_tekst)}; "
                     f"het traject geeft {fmt.procent(row['aandeel'])} voor {jaar}.")
    return " ".join(notes)


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
