"""Meldingen per wijk: per onderwerp (hoofdcategorie) per 1.000 inwoners, trend per kwartaal, share handled in term.

Pure functions on the frame of :func:`wijkrapport.sources.meldingen.load`.
"""

from __future__ import annotations

import math

import pandas as pd


def van_jaar(meldingen: pd.DataFrame, jaar: int) -> pd.DataFrame:
    return meldingen[meldingen["datum_melding"].dt.year == jaar]


def binnen_termijn(meldingen: pd.DataFrame, termijnen: pd.Series) -> pd.Series:
    """Per melding: True (handled within its category's term), False (handled late), NaN (open or cancelled)."""
    dagen = (meldingen["datum_afgehandeld"] - meldingen["datum_melding"]).dt.days
    termijn = meldingen["hoofdcategorie"].map(termijnen)
    out = (dagen <= termijn).astype(object)
    return out.where(meldingen["status"] == "afgehandeld", math.nan)


def per_onderwerp(meldingen: pd.DataFrame, termijnen: pd.Series, slug: str, jaar: int, inwoners: float,
                  inwoners_alle: float) -> pd.DataFrame:
    """One row per hoofdcategorie for the wijk in ``jaar``.

    Columns: hoofdcategorie, aantal, per_1000 (per 1.000 inwoners), alle_per_1000 (all wijken in the data
    together: sum / sum), afgehandeld, binnen_termijn_pct (share of the handled meldingen handled within the
    term, %), termijn_dagen. Categories without meldingen in the wijk have aantal 0.
    """
    jaar_df = van_jaar(meldingen, jaar)
    eigen = jaar_df[jaar_df["wijk_slug"] == slug]
    op_tijd = binnen_termijn(eigen, termijnen)
    rows = []
    for cat in termijnen.index:
        sel = eigen["hoofdcategorie"] == cat
        klaar = op_tijd[sel].dropna()
        alle = int((jaar_df["hoofdcategorie"] == cat).sum())
        rows.append({
            "hoofdcategorie": cat,
            "aantal": int(sel.sum()),
            "per_1000": int(sel.sum()) / inwoners * 1000 if inwoners else math.nan,
            "alle_per_1000": alle / inwoners_alle * 1000 if inwoners_alle else math.nan,
            "afgehandeld": len(klaar),
            "binnen_termijn_pct": klaar.astype(bool).mean() * 100 if len(klaar) else math.nan,
            "termijn_dagen": int(termijnen[cat]),
        })
    return pd.DataFrame(rows).sort_values("aantal", ascending=False, kind="stable").reset_index(drop=True)


def per_kwartaal(meldingen: pd.DataFrame, slug: str, jaar: int, kwartalen: int = 8) -> pd.DataFrame:
    """Meldingen of the wijk per kwartaal (rows, e.g. "2024-K1") and hoofdcategorie (columns), the last
    ``kwartalen`` quarters up to the end of ``jaar``; quarters without meldingen are 0."""
    eigen = meldingen[(meldingen["wijk_slug"] == slug) & (meldingen["datum_melding"].dt.year <= jaar)]
    eind = pd.Period(f"{jaar}Q4", freq="Q")
    periodes = pd.period_range(end=eind, periods=kwartalen, freq="Q")
    kw = eigen["datum_melding"].dt.to_period("Q")
    tabel = (eigen.assign(kwartaal=kw).groupby(["kwartaal", "hoofdcategorie"]).size().unstack(fill_value=0)
             .reindex(periodes, fill_value=0))
    tabel.index = [f"{p.year}-K{p.quarter}" for p in tabel.index]
    tabel.index.name = "kwartaal"
    return tabel.astype(int)


def totaal(meldingen: pd.DataFrame, termijnen: pd.Series, slug: str, jaar: int) -> dict:
    """Totals for the wijk in ``jaar``: aantal, afgehandeld, binnen_termijn_pct, open (not handled, not cancelled)."""
    eigen = van_jaar(meldingen, jaar)
    eigen = eigen[eigen["wijk_slug"] == slug]
    op_tijd = binnen_termijn(eigen, termijnen).dropna()
    return {
        "aantal": len(eigen),
        "afgehandeld": len(op_tijd),
        "binnen_termijn_pct": op_tijd.astype(bool).mean() * 100 if len(op_tijd) else math.nan,
        "open": int(eigen["status"].isin(["gemeld", "in_behandeling"]).sum()),
    }
