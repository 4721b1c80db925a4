"""The progress engine: % ingelopen, trajectory targets and status. Pure functions.

Formulas (NPRZ voortgangsrapportage 2024, "Stand tav doelstelling 2024", toelichting):

* % ingelopen = (Zuid nu - Zuid start) / (referentie nu - Zuid start) x 100
* doel(t)     = Zuid start + aandeel(t) x (referentie nu - Zuid start)
* doel 2031   = referentie nu

Status: groen (doel van het jaar gehaald), oranje (richting referentie, doel
nog niet gehaald), rood (geen vooruitgang of van de referentie af), grijs (niet
te bepalen: gegevens ontbreken). Polarity ("hoger" or "lager is beter") matters
only where Zuid already started at or beyond the reference: then there is no gap
to close, % ingelopen is not defined, and the status says whether Zuid stayed on
the good side of the reference.
"""

from __future__ import annotations

import math
from itertools import product

import pandas as pd

from .format import is_missing
from .registry import Programma

STATUSSEN = ("groen", "oranje", "rood", "grijs")


def _nan(value: object) -> float:
    return math.nan if is_missing(value) else float(value)  # type: ignore[arg-type]


def pct_ingelopen(zuid_start: float, zuid_nu: float, ref_nu: float) -> float:
    """Share of the start gap with the reference that has been closed, in %.

    >>> round(pct_ingelopen(91.6, 93.6, 95.0), 1)
    58.8
    """
    zs, zn, rn = _nan(zuid_start), _nan(zuid_nu), _nan(ref_nu)
    gap = rn - zs
    if math.isnan(gap) or math.isnan(zn) or gap == 0:
        return math.nan
    return (zn - zs) / gap * 100.0


def doel(zuid_start: float, ref_nu: float, aandeel_pct: float) -> float:
    """Target value for a year whose trajectory share is ``aandeel_pct`` (0-100).

    >>> round(doel(91.6, 95.0, 47.5), 1)
    93.2
    """
    zs, rn, a = _nan(zuid_start), _nan(ref_nu), _nan(aandeel_pct)
    return zs + a / 100.0 * (rn - zs)


def _sign(polariteit: str | None) -> int:
    return -1 if polariteit == "lager" else 1


def start_voorbij_referentie(zuid_start: float, ref_nu: float, polariteit: str | None) -> bool:
    """True when Zuid started at or on the good side of the reference (no gap to close)."""
    zs, rn = _nan(zuid_start), _nan(ref_nu)
    if math.isnan(zs) or math.isnan(rn):
        return False
    return _sign(polariteit) * (rn - zs) <= 0


def status(zuid_start: float, zuid_nu: float, ref_nu: float, aandeel_pct: float, polariteit: str | None) -> str:
    """groen / oranje / rood / grijs for one indicator (see module docstring)."""
    zs, zn, rn, a = _nan(zuid_start), _nan(zuid_nu), _nan(ref_nu), _nan(aandeel_pct)
    if any(math.isnan(x) for x in (zs, zn, rn, a)):
        return "grijs"
    s = _sign(polariteit)
    if start_voorbij_referentie(zs, rn, polariteit):
        return "groen" if s * (zn - rn) >= 0 else "rood"
    pct = pct_ingelopen(zs, zn, rn)
    if pct >= a - 1e-9:
        return "groen"
    if pct > 0:
        return "oranje"
    return "rood"


def pct_ingelopen_bereik(zuid_start: float, zuid_nu: float, ref_nu: float, halve_eenheid: float) -> tuple[float, float]:
    """Smallest and largest % ingelopen the rounded inputs allow.

    Each published input ``x`` stands for the interval ``x ± halve_eenheid``;
    the formula is monotone in each input on that box (when the gap keeps its
    sign), so the extremes lie on its corners.
    """
    values = []
    for dzs, dzn, drn in product((-1, 1), repeat=3):
        v = pct_ingelopen(zuid_start + dzs * halve_eenheid, zuid_nu + dzn * halve_eenheid, ref_nu + drn * halve_eenheid)
        if not math.isnan(v):
            values.append(v)
    if not values:
        return (math.nan, math.nan)
    return (min(values), max(values))


REFERENTIE_KOLOMMEN = {"G4": ("g4_start", "g4_huidig"), "Rotterdam": ("rotterdam_start", "rotterdam_huidig")}


def referentie_waarden(row: pd.Series, referentie: str | None, vaste_waarde: float | None) -> tuple[float, float]:
    """(start, huidig) of the reference an indicator is measured against."""
    if referentie == "vast":
        return (math.nan, _nan(vaste_waarde))
    if referentie in REFERENTIE_KOLOMMEN:
        start_col, now_col = REFERENTIE_KOLOMMEN[referentie]
        return (_nan(row.get(start_col)), _nan(row.get(now_col)))
    return (math.nan, math.nan)


def voortgang(effecttabel: pd.DataFrame, programma: Programma, jaar: int) -> pd.DataFrame:
    """Add the computed progress columns to the effect table (one row per indicator).

    Returns a new frame with: referentie, referentie_start, referentie_huidig,
    aandeel (share for ``jaar``), pct_ingelopen, doel_jaar, doel_2031, status,
    pct_verschil (ours minus published), start_voorbij_referentie.
    """
    out = effecttabel.copy()
    rows = []
    for _, row in effecttabel.iterrows():
        ind = programma.indicator(row["indicator_id"])
        ref_start, ref_nu = referentie_waarden(row, ind.referentie, ind.referentie_waarde)
        regime = programma.regimes.get(ind.regime) if ind.regime else None
        share = regime.share(jaar) if regime else None
        share = math.nan if share is None else share
        zs, zn = _nan(row.get("zuid_start")), _nan(row.get("zuid_huidig"))
        voorbij = start_voorbij_referentie(zs, ref_nu, ind.polariteit)
        pct = math.nan if (voorbij or ind.soort == "demografie") else pct_ingelopen(zs, zn, ref_nu)
        rows.append(
            {
                "referentie": ind.referentie or "",
                "referentie_start": ref_start,
                "referentie_huidig": ref_nu,
                "aandeel": share,
                "pct_ingelopen": pct,
                "doel_jaar": doel(zs, ref_nu, share) if not voorbij else math.nan,
                "doel_2031": ref_nu,
                "status": "" if ind.soort == "demografie" else status(zs, zn, ref_nu, share, ind.polariteit),
                "start_voorbij_referentie": voorbij,
            }
        )
    computed = pd.DataFrame(rows, index=effecttabel.index)
    for col in computed.columns:
        out[col] = computed[col]
    if "pct_ingelopen_gepubliceerd" in out:
        out["pct_verschil"] = out["pct_ingelopen"] - pd.to_numeric(out["pct_ingelopen_gepubliceerd"], errors="coerce")
    return out


def status_telling(tabel: pd.DataFrame, by: str = "pijler") -> pd.DataFrame:
    """Count statuses per group; every status is a column (0 where none)."""
    sub = tabel[tabel["status"].isin(STATUSSEN)]
    counts = sub.groupby([by, "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUSSEN), fill_value=0)
    counts["totaal"] = counts.sum(axis=1)
    return counts
