"""Derive the wijkscan programme data (``../waarden.csv``) from the open data in ``data/wijken/``.

Run from the project root: ``.venv/bin/python data/programmas/wijkscan/bron/maak_waarden.py``.
A test regenerates the file and compares, so it cannot drift from ``data/wijken/``.

Output: tidy CSV ``indicator,gebied,periode,waarde`` for the 25 wijken of Zuid and Hoogvliet (the scan's
``GEBIEDEN``; ``data/wijken/`` has all of Rotterdam) and the comparison area "Alle scanwijken":

* fysieke_index, veiligheidsindex, sociale_index: Wijkprofiel, as published (Rotterdam 2014 = 100);
  the comparison area has no index (the Wijkprofiel publishes none for this group of wijken).
* bijstand_per_1000: persons with bijstand per 1.000 inhabitants (CBS counts); comparison = sum / sum.
* laag_inkomen: households in the lowest 40% of national income (%, CBS); comparison = inhabitant-weighted mean.
* misdrijven_per_1000: registered crimes (Politie) per 1.000 inhabitants (CBS); comparison = sum / sum.
* woz_waarde: average WOZ value in euros (CBS); comparison = inhabitant-weighted mean.

Wijken that share one CBS buurt (Groot-IJsselmonde noord/zuid) carry the same CBS figures; in the
comparison area each buurt counts once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from wijkrapport.domain import wijkdata

VERGELIJKING = "Alle scanwijken"
UIT = Path(__file__).resolve().parents[1] / "waarden.csv"
#: the gebieden whose wijken the scan covers (crosswalk ``gebied_naam``): Zuid and Hoogvliet
GEBIEDEN = ("Charlois", "Feijenoord", "IJsselmonde", "Hoogvliet")


def _rijen() -> pd.DataFrame:
    cw = wijkdata.src.load_crosswalk()
    cw = cw[cw["gebied_naam"].isin(GEBIEDEN)]
    namen = cw.set_index("wijk_slug")["wijk_naam"]
    recent = wijkdata.recent_long()
    recent = recent[recent["wijk_slug"].isin(namen.index)]
    wide = recent.pivot_table(index=["wijk_slug", "cbs_buurtcode", "jaar"], columns="variabele", values="waarde").reset_index()
    pol = wijkdata.src.load_politie()[["wijk_slug", "jaar", "totaal_misdrijven"]]
    pol = pol[pol["wijk_slug"].isin(namen.index)]
    wide = wide.merge(pol, on=["wijk_slug", "jaar"], how="left")
    wide["bijstand_per_1000"] = wide["bijstand"] / wide["inwoners"] * 1000
    wide["misdrijven_per_1000"] = wide["totaal_misdrijven"] / wide["inwoners"] * 1000
    rows = []
    for var, ind in (("bijstand_per_1000", "bijstand_per_1000"), ("pct_laagste_40_huishoudens", "laag_inkomen"),
                     ("misdrijven_per_1000", "misdrijven_per_1000"), ("woz", "woz_waarde")):
        for r in wide.itertuples():
            rows.append((ind, namen[r.wijk_slug], r.jaar, getattr(r, var)))
    # comparison area: every CBS buurt once, and only in years where every buurt has the figure
    uniek = wide.drop_duplicates(subset=["cbs_buurtcode", "jaar"])
    n_buurten = uniek["cbs_buurtcode"].nunique()
    for jaar, g in uniek.groupby("jaar"):
        inw = g["inwoners"]
        if len(g) < n_buurten or inw.isna().any():
            continue
        for ind, teller, gewogen in (("bijstand_per_1000", "bijstand", False),
                                     ("misdrijven_per_1000", "totaal_misdrijven", False),
                                     ("laag_inkomen", "pct_laagste_40_huishoudens", True),
                                     ("woz_waarde", "woz", True)):
            if g[teller].isna().any():
                continue
            waarde = (g[teller] * inw).sum() / inw.sum() if gewogen else g[teller].sum() / inw.sum() * 1000
            rows.append((ind, VERGELIJKING, jaar, waarde))
    wp = wijkdata.src.load_wijkprofiel()
    wp = wp[wp["wijk_slug"].isin(namen.index)]
    for col in ("fysieke_index", "veiligheidsindex", "sociale_index"):
        for r in wp.itertuples():
            rows.append((col, namen[r.wijk_slug], r.editie, getattr(r, col)))
    out = pd.DataFrame(rows, columns=["indicator", "gebied", "periode", "waarde"]).dropna(subset=["waarde"])
    out["periode"] = out["periode"].astype(int)
    return out.sort_values(["indicator", "gebied", "periode"]).reset_index(drop=True)


def tekst() -> str:
    """The CSV text as committed (values rounded to 4 significant decimals)."""
    df = _rijen()
    df["waarde"] = df["waarde"].round(4)
    return df.to_csv(index=False, lineterminator="\n")


if __name__ == "__main__":
    UIT.write_text(tekst(), encoding="utf-8")
    print(f"{UIT}: {len(tekst().splitlines()) - 1} rijen", file=sys.stderr)
