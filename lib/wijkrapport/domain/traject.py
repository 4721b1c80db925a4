"""The progress engine: % ingelopen, trajectory targets and status. Pure functions.

Formulas (NPRZ voortgangsrapportage 2024, "Stand tav doelstelling 2024", toelichting):

* % ingelopen = (doelgebied nu - doelgebied start) / (referentie nu - doelgebied start) x 100
* doel(t)     = doelgebied start + aandeel(t) x (referentie nu - doelgebied start)
* doel in the regime's last year = referentie nu

The status of a trajectory (``wijkrapport.domain.programma.traject_status``, the one rule every programme uses):
groen (doel van het jaar gehaald), oranje (richting referentie, doel
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

from wijkrapport.format import is_missing

STATUSSEN = ("groen", "oranje", "rood", "grijs")


def _nan(value: object) -> float:
    return math.nan if is_missing(value) else float(value)  # type: ignore[arg-type]


def pct_ingelopen(start: float, nu: float, ref_nu: float) -> float:
    """Share of the start gap with the reference that has been closed, in %.

    >>> round(pct_ingelopen(91.6, 93.6, 95.0), 1)
    58.8
    """
    zs, zn, rn = _nan(start), _nan(nu), _nan(ref_nu)
    gap = rn - zs
    if math.isnan(gap) or math.isnan(zn) or gap == 0:
        return math.nan
    return (zn - zs) / gap * 100.0


def doel(start: float, ref_nu: float, aandeel_pct: float) -> float:
    """Target value for a year whose trajectory share is ``aandeel_pct`` (0-100).

    >>> round(doel(91.6, 95.0, 47.5), 1)
    93.2
    """
    zs, rn, a = _nan(start), _nan(ref_nu), _nan(aandeel_pct)
    return zs + a / 100.0 * (rn - zs)


def _sign(polariteit: str | None) -> int:
    return -1 if polariteit == "lager" else 1


def start_voorbij_referentie(start: float, ref_nu: float, polariteit: str | None) -> bool:
    """True when the doelgebied started at or on the good side of the reference (no gap to close)."""
    zs, rn = _nan(start), _nan(ref_nu)
    if math.isnan(zs) or math.isnan(rn):
        return False
    return _sign(polariteit) * (rn - zs) <= 0


def pct_ingelopen_bereik(start: float, nu: float, ref_nu: float, halve_eenheid: float) -> tuple[float, float]:
    """Smallest and largest % ingelopen the rounded inputs allow.

    Each published input ``x`` stands for the interval ``x ± halve_eenheid``;
    the formula is monotone in each input on that box (when the gap keeps its
    sign), so the extremes lie on its corners.
    """
    values = []
    for dzs, dzn, drn in product((-1, 1), repeat=3):
        v = pct_ingelopen(start + dzs * halve_eenheid, nu + dzn * halve_eenheid, ref_nu + drn * halve_eenheid)
        if not math.isnan(v):
            values.append(v)
    if not values:
        return (math.nan, math.nan)
    return (min(values), max(values))


def status_telling(tabel: pd.DataFrame, by: str = "pijler") -> pd.DataFrame:
    """Count statuses per group; every status is a column (0 where none)."""
    sub = tabel[tabel["status"].isin(STATUSSEN)]
    counts = sub.groupby([by, "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUSSEN), fill_value=0)
    counts["totaal"] = counts.sum(axis=1)
    return counts
