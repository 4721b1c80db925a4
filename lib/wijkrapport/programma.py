"""Any programme from its YAML and tidy data: progress per indicator under its regime. Pure functions.

``data`` is the frame of :func:`wijkrapport.sources.programma.load` (indicator, gebied, periode, waarde).
The "current" value of an indicator is its latest figure in a period up to the report year.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from . import progress, regimes
from .registry import Indicator, Programma

REGIME_NAAM = {
    "traject": "Verschil inlopen langs een traject",
    "ambitie": "Ambitie per horizon",
    "drempels": "Drempels per gebied",
    "monitoring": "Alleen volgen",
}


def reeks(data: pd.DataFrame, indicator: str, gebied: str, jaar: int | None = None) -> pd.Series:
    """Values by periode for one indicator and area (up to ``jaar``), without missing figures."""
    sub = data[(data["indicator"] == indicator) & (data["gebied"] == gebied)].dropna(subset=["waarde"])
    if jaar is not None:
        sub = sub[sub["periode"] <= jaar]
    return sub.set_index("periode")["waarde"].sort_index()


def laatste(data: pd.DataFrame, indicator: str, gebied: str, jaar: int) -> tuple[float, int | None]:
    """(value, periode) of the latest figure up to ``jaar``; (nan, None) when there is none."""
    r = reeks(data, indicator, gebied, jaar)
    return (float(r.iloc[-1]), int(r.index[-1])) if len(r) else (math.nan, None)


def gebieden(programma: Programma, data: pd.DataFrame) -> list[str]:
    """The areas that are scored: the listed ones, or every area in the data except comparison areas."""
    if programma.gebieden:
        return list(programma.gebieden)
    overig = set(programma.vergelijkingsgebieden) | {programma.doelgebied}
    return sorted(g for g in data["gebied"].unique() if g not in overig)


def peildatum(programma: Programma, jaar: int) -> date:
    return programma.peildatum or date(jaar, 12, 31)


def _traject(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int) -> dict:
    gebied = programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    start_jaar = int(str(ind.startjaar)[:4]) if ind.startjaar is not None else None
    start = reeks(data, ind.id, gebied).get(start_jaar, math.nan) if start_jaar else math.nan
    if ind.referentie == "vast":
        ref_nu = float(ind.referentie_waarde)
    else:
        ref_nu, _ = laatste(data, ind.id, ind.referentie or "", jaar)
    share = programma.regimes[ind.regime].share(jaar)
    share = math.nan if share is None else share
    return {
        "gebied": gebied, "periode": periode, "waarde_nu": nu, "startjaar": start_jaar, "waarde_start": start,
        "referentie": ind.referentie, "referentie_nu": ref_nu,
        "doel": progress.doel(start, ref_nu, share),
        "pct_ingelopen": progress.pct_ingelopen(start, nu, ref_nu),
        "status": progress.status(start, nu, ref_nu, share, ind.polariteit),
    }


def _ambitie(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int) -> dict:
    amb = ind.ambitie
    gebied = amb.gebied or programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    peil = peildatum(programma, jaar)
    volgende = regimes.volgende_horizon(amb.horizonten, peil)
    return {
        "gebied": gebied, "periode": periode, "waarde_nu": nu,
        "startjaar": amb.nulmeting.datum.year, "waarde_start": amb.nulmeting.waarde,
        "doel": regimes.ambitie_op(amb.nulmeting, amb.horizonten, peil),
        "volgende_horizon": volgende.naam if volgende else "",
        "volgende_richting": (volgende.richting or "") if volgende else "",
        "status": regimes.ambitie_status(amb.nulmeting, amb.horizonten, peil, nu, ind.polariteit),
    }


def _vergelijking(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int) -> dict:
    """Monitoring and threshold rows: the comparison area's (or target area's) latest value."""
    ref = ind.referentie or (ind.drempels.referentie if ind.drempels else None)
    gebied = ref or programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    return {"gebied": gebied, "periode": periode, "waarde_nu": nu, "status": ""}


def overzicht(programma: Programma, data: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """One row per indicator: regime, current value, target for the report date and status.

    For threshold indicators the counts of areas per score are added (aantal_rood, aantal_neutraal,
    aantal_groen, aantal_grijs); for monitoring there is no status.
    """
    hoofdstukken = {p.id: p.label for p in programma.pijlers}
    scores, _ = drempel_scores(programma, data, jaar)
    rows = []
    for ind in programma.indicatoren:
        row = {"indicator_id": ind.id, "indicator": ind.label, "pijler": ind.pijler, "hoofdstuk": hoofdstukken[ind.pijler],
               "eenheid": ind.eenheid, "polariteit": ind.polariteit or "", "voortgang": ind.voortgang,
               "regime": REGIME_NAAM[ind.voortgang], "bron": ind.bron}
        if ind.voortgang == "traject":
            row.update(_traject(ind, programma, data, jaar))
        elif ind.voortgang == "ambitie":
            row.update(_ambitie(ind, programma, data, jaar))
        else:
            row.update(_vergelijking(ind, programma, data, jaar))
        if ind.voortgang == "drempels" and ind.id in scores:
            telling = scores[ind.id].value_counts()
            for s in regimes.SCORES:
                row[f"aantal_{s}"] = int(telling.get(s, 0))
        rows.append(row)
    return pd.DataFrame(rows)


def grenzen(programma: Programma, data: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """Per threshold indicator: negatief, positief, polariteit, the period scored and the reference value.

    Fixed bounds score every area's latest figure (``periode`` is then the latest period of any area).
    Bounds around a reference area use the latest period in which that area has a figure, and every
    area is scored on that same period.
    """
    rows = []
    for ind in programma.indicatoren:
        d = ind.drempels
        if d is None:
            continue
        if d.referentie is None:
            rij = (data["indicator"] == ind.id) & (data["periode"] <= jaar) & data["waarde"].notna()
            periodes = data.loc[rij, "periode"]
            rows.append({"indicator_id": ind.id, "negatief": d.negatief, "positief": d.positief, "vast": True,
                         "polariteit": ind.polariteit, "periode": int(periodes.max()) if len(periodes) else None,
                         "referentie": "", "referentie_waarde": math.nan})
            continue
        ref, periode = laatste(data, ind.id, d.referentie, jaar)
        neg, pos = regimes.grenzen_rond(ref, d.marge_pct, ind.polariteit)
        rows.append({"indicator_id": ind.id, "negatief": neg, "positief": pos, "polariteit": ind.polariteit, "vast": False,
                     "periode": periode, "referentie": d.referentie, "referentie_waarde": ref})
    return pd.DataFrame(rows, columns=["indicator_id", "negatief", "positief", "polariteit", "vast", "periode", "referentie",
                                       "referentie_waarde"]).set_index("indicator_id")


def drempel_waarden(programma: Programma, data: pd.DataFrame, jaar: int, g: pd.DataFrame | None = None) -> pd.DataFrame:
    """Areas × threshold indicators: the value each area is scored on."""
    g = grenzen(programma, data, jaar) if g is None else g
    areas = gebieden(programma, data)
    out = pd.DataFrame(index=pd.Index(areas, name="gebied"))
    for ind_id, gr in g.iterrows():
        if gr["vast"] or pd.isna(gr["periode"]):
            out[ind_id] = [laatste(data, ind_id, a, jaar)[0] for a in areas]
        else:
            per = int(gr["periode"])
            out[ind_id] = [reeks(data, ind_id, a).get(per, math.nan) for a in areas]
    return out


def drempel_scores(programma: Programma, data: pd.DataFrame, jaar: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores, values): areas × threshold indicators with rood/neutraal/groen/grijs and the counts.

    Areas are ordered by the number of rood scores (most first), then by name.
    """
    g = grenzen(programma, data, jaar)
    if g.empty:
        return pd.DataFrame(), pd.DataFrame()
    waarden = drempel_waarden(programma, data, jaar, g)
    scores = regimes.drempel_tabel(waarden, g, programma.aandachtsgebied_vanaf)
    scores = scores.sort_values(["aantal_rood", "aantal_groen"], ascending=[False, True], kind="stable")
    return scores, waarden.loc[scores.index]


def status_per_hoofdstuk(programma: Programma, tabel: pd.DataFrame) -> pd.DataFrame:
    """Per chapter: counts of indicators per status (traject and ambitie), threshold and monitoring indicators."""
    rows = []
    for p in programma.pijlers:
        sub = tabel[tabel["pijler"] == p.id]
        met_doel = sub[sub["voortgang"].isin(["traject", "ambitie"])]
        row = {"pijler": p.id, "hoofdstuk": p.label, "indicatoren": len(sub)}
        for s in progress.STATUSSEN:
            row[s] = int((met_doel["status"] == s).sum())
        row["drempels"] = int((sub["voortgang"] == "drempels").sum())
        row["monitoring"] = int((sub["voortgang"] == "monitoring").sum())
        rows.append(row)
    return pd.DataFrame(rows)
