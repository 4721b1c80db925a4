"""Which measurement counts: revisions, the current figure for a report year, the figure of a period. Pure functions.

``metingen`` is the typed frame of :func:`wijkrapport.sources.metingen.parse_metingen` (one row per row of
the file, in file order, with ``rij``, ``rapportjaar``, ``eerste_dag`` and ``laatste_dag``).

* **Revisions.** A key (indicator × gebied × periode) that appears more than once counts with its most
  final row (:data:`~wijkrapport.sources.metingen.RANG`; among ``gewijzigd`` rows the last in the file).
  The figure is *herzien* (revised) when an earlier row of the key carried a number; ``vorige_waarde`` and
  ``vorige_status`` are that earlier figure (the latest one before the counting row).
* **Current figure.** For report year ``R`` the current ("nu") figure of an indicator in an area is the
  counting figure of the latest period with report year ``R`` or earlier (:mod:`wijkrapport.sources.perioden`).
  Rows whose status carries no number (``onbekend``, ``geheim``, ...) are no figure: they stay in the
  series (:func:`reeks`) but are never the current figure; ``nihil`` is the figure 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from wijkrapport.sources.metingen import MET_GETAL, RANG

SLEUTEL = ["indicator", "gebied", "periode"]


@dataclass(frozen=True)
class Meting:
    """The figure that counts for one indicator, area and period."""

    indicator: str
    gebied: str
    periode: str
    waarde: float
    status: str
    herzien: bool = False
    vorige_waarde: float = math.nan
    vorige_status: str = ""
    opmerking: str = ""
    bron: str = ""


def geldend(metingen: pd.DataFrame) -> pd.DataFrame:
    """One row per key: the row that counts, with ``herzien``, ``vorige_waarde`` and ``vorige_status``.

    >>> m = _voorbeeld([("18.8", "voorlopig"), ("18.6", "definitief")], "2023")
    >>> geldend(m)[["periode", "waarde", "status", "herzien", "vorige_waarde", "vorige_status"]].to_dict("records")
    [{'periode': '2023', 'waarde': 18.6, 'status': 'definitief', 'herzien': True, 'vorige_waarde': 18.8, 'vorige_status': 'voorlopig'}]
    """
    if metingen.empty:
        return metingen.assign(herzien=pd.Series(dtype=bool), vorige_waarde=pd.Series(dtype=float),
                               vorige_status=pd.Series(dtype=str))
    df = metingen.assign(_rang=metingen["status"].map(RANG))
    df = df.sort_values(SLEUTEL + ["_rang", "rij"], kind="stable")
    telt = df.groupby(SLEUTEL, sort=False).tail(1).copy()
    telt["herzien"] = False
    telt["vorige_waarde"] = math.nan
    telt["vorige_status"] = ""
    herhaald = df[df.duplicated(SLEUTEL, keep=False)]
    for _, groep in herhaald.groupby(SLEUTEL, sort=False):
        # groep is in order of finality; the last row counts, the latest earlier row with a number is the previous
        eerder = groep.iloc[:-1]
        eerder = eerder[eerder["status"].isin(MET_GETAL)]
        if len(eerder):
            idx = groep.index[-1]
            telt.loc[idx, ["herzien", "vorige_waarde", "vorige_status"]] = [
                True, float(eerder["waarde"].iloc[-1]), eerder["status"].iloc[-1]]
    out = telt.drop(columns="_rang")
    out["herzien"] = out["herzien"].astype(bool)
    return out.sort_values("rij", kind="stable").reset_index(drop=True)


def reeks(metingen: pd.DataFrame, indicator: str, gebied: str, jaar: int | None = None) -> pd.DataFrame:
    """The counting rows of one indicator in one area in period order (up to report year ``jaar``).

    Rows without a figure (status onbekend, geheim, ...) are included, with ``waarde`` NaN.
    """
    sub = metingen[(metingen["indicator"] == indicator) & (metingen["gebied"] == gebied)]
    if jaar is not None:
        sub = sub[sub["rapportjaar"] <= int(jaar)]
    return geldend(sub).sort_values(["laatste_dag", "eerste_dag"], kind="stable").reset_index(drop=True)


def _meting(r: pd.Series) -> Meting:
    return Meting(indicator=r["indicator"], gebied=r["gebied"], periode=r["periode"], waarde=float(r["waarde"]),
                  status=r["status"], herzien=bool(r["herzien"]), vorige_waarde=float(r["vorige_waarde"]),
                  vorige_status=r["vorige_status"], opmerking=r["opmerking"], bron=r["bron"])


def nu(metingen: pd.DataFrame, indicator: str, gebied: str, jaar: int) -> Meting | None:
    """The current figure for report year ``jaar``: the latest period with a figure; None when there is none.

    >>> m = pd.concat([_voorbeeld([("18.8", "voorlopig")], "2023"), _voorbeeld([("9.9", "")], "2025-01-01")])
    >>> nu(m, "x", "Gebied", 2024).periode, nu(m, "x", "Gebied", 2023).periode
    ('2025-01-01', '2023')
    """
    r = reeks(metingen, indicator, gebied, jaar)
    r = r[r["waarde"].notna()]
    return _meting(r.iloc[-1]) if len(r) else None


def op(metingen: pd.DataFrame, indicator: str, gebied: str, periode: str) -> Meting | None:
    """The counting row of one period (with or without a figure); None when the data do not hold it.

    ``periode`` must be written as in the data (the canonical form of :func:`wijkrapport.sources.perioden.parse`).
    """
    r = reeks(metingen, indicator, gebied)
    r = r[r["periode"] == periode]
    return _meting(r.iloc[0]) if len(r) else None


def stand(metingen: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """Per indicator × gebied the current figure for report year ``jaar`` (one row each, file order of keys).

    Columns: indicator, gebied, periode, waarde, status, herzien, vorige_waarde, vorige_status, opmerking,
    bron, rapportjaar. Pairs without any figure up to ``jaar`` are left out.
    """
    g = geldend(metingen[metingen["rapportjaar"] <= int(jaar)])
    g = g[g["waarde"].notna()]
    cols = ["indicator", "gebied", "periode", "waarde", "status", "herzien", "vorige_waarde", "vorige_status",
            "opmerking", "bron", "rapportjaar"]
    if g.empty:
        return pd.DataFrame(columns=cols)
    laatste = g.sort_values(["laatste_dag", "eerste_dag"], kind="stable").groupby(["indicator", "gebied"]).tail(1)
    volgorde = {k: i for i, k in enumerate(dict.fromkeys(zip(metingen["indicator"], metingen["gebied"], strict=True)))}
    laatste = laatste.assign(_v=[volgorde[k] for k in zip(laatste["indicator"], laatste["gebied"], strict=True)])
    return laatste.sort_values("_v")[cols].reset_index(drop=True)


def _voorbeeld(rijen: list[tuple[str, str]], periode: str) -> pd.DataFrame:
    """A small typed frame for the doctests: one key (x, Gebied, ``periode``) with the given (waarde, status) rows."""
    from wijkrapport.sources.metingen import parse_metingen

    raw = pd.DataFrame([{"indicator": "x", "gebied": "Gebied", "periode": periode, "waarde": w, "status": s}
                        for w, s in rijen])
    return parse_metingen(raw, "voorbeeld.csv")
