"""Any programme from its YAML and tidy data: progress per indicator under its regime. Pure functions.

``data`` is the frame of :func:`wijkrapport.sources.programma.load` (indicator, gebied, periode, waarde).
The "current" value of an indicator is its latest figure in a period up to the report year.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.sources import perioden
from wijkrapport.sources.registry import Indicator, Programma

from . import doelen, regimes, traject
from . import scores as groepen

REGIME_NAAM = {
    "traject": "Verschil inlopen langs een traject",
    "ambitie": "Ambitie per horizon",
    "opgave": "Aantal realiseren voor een datum",
    "gebiedsambitie": "Ambitie voor elk gebied",
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


STANDAARD_DECIMALEN = {"pct": 1, "eur": 0, "aantal": 0, "m2": 0, "index": 1, "per1000": 1, "jaar": 1, "cijfer": 1,
                       "vrij": 0}
#: Published figures rarely carry more than 3 decimals; more in a data file are computed values or binary float
#: noise (0.30000000000000004), not a precision to print: such an indicator needs its ``decimalen`` key.
MAX_DECIMALEN_UIT_BRON = 3


def decimalen(ind: Indicator, data: pd.DataFrame) -> int:
    """Decimals to print (and compare) an indicator with: its ``decimalen`` key, else the precision of its source
    (the most decimals among its values in the data file, at most 3), else the unit's usual precision."""
    if ind.decimalen is not None:
        return ind.decimalen
    if "decimalen" in data:
        d = data.loc[(data["indicator"] == ind.id) & data["waarde"].notna(), "decimalen"].dropna()
        if len(d):
            return min(int(d.max()), MAX_DECIMALEN_UIT_BRON)
    return STANDAARD_DECIMALEN.get(ind.eenheid, 1)


def heeft_cijfers(data: pd.DataFrame, indicator: str) -> bool:
    """Whether the data file holds at least one figure for the indicator."""
    return bool(((data["indicator"] == indicator) & data["waarde"].notna()).any())


def _r(value: object, d: int) -> float:
    return regimes.afronden(value, d)


def traject_status(start: float, nu: float, ref_nu: float, share: float, polariteit: str | None, d: int) -> str:
    """The trajectory status of :func:`progress.status` on the values as printed with ``d`` decimals.

    The target is compared after rounding, like the figures beside it: a value printed equal to its target
    has reached it.
    """
    zs, zn, rn = _r(start, d), _r(nu, d), _r(ref_nu, d)
    doel = _r(traject.doel(zs, rn, share), d)
    if any(math.isnan(x) for x in (zs, zn, rn, doel)):
        return "grijs"
    s = -1 if polariteit == "lager" else 1
    if traject.start_voorbij_referentie(zs, rn, polariteit):
        return "groen" if s * (zn - rn) >= 0 else "rood"
    if s * (zn - doel) >= -1e-9:
        return "groen"
    return "oranje" if s * (zn - zs) > 0 else "rood"


def _traject(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int, d: int) -> dict:
    gebied = programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    start_jaar = perioden.rapportjaar(str(ind.startjaar)) if ind.startjaar is not None else None
    start = reeks(data, ind.id, gebied).get(start_jaar, math.nan) if start_jaar else math.nan
    if ind.referentie == "vast":
        ref_nu, ref_periode = float(ind.referentie_waarde), None
    else:
        ref_nu, ref_periode = laatste(data, ind.id, ind.referentie or "", jaar)
    share = programma.regimes[ind.regime].share(jaar)
    share = math.nan if share is None else share
    return {
        "gebied": gebied, "periode": periode, "waarde_nu": nu, "startjaar": start_jaar, "waarde_start": start,
        "referentie": ind.referentie, "referentie_nu": ref_nu, "referentie_periode": ref_periode,
        **traject_uitkomst(start, nu, ref_nu, share, ind.polariteit, d),
    }


def traject_uitkomst(start: float, nu: float, ref_nu: float, share: float, polariteit: str | None,
                     d: int | None) -> dict:
    """The one trajectory arithmetic of every programme: ``doel`` (target of the year, as printed with ``d``
    decimals), ``pct_ingelopen`` and ``status``. Where the area started at or beyond its reference there is no gap
    to close: no % ingelopen and no target; the status says whether it stayed on the good side."""
    voorbij = traject.start_voorbij_referentie(_r(start, d), _r(ref_nu, d), polariteit)
    return {
        "doel": math.nan if voorbij else _r(traject.doel(_r(start, d), _r(ref_nu, d), share), d),
        "pct_ingelopen": math.nan if voorbij else traject.pct_ingelopen(start, nu, ref_nu),
        "status": traject_status(start, nu, ref_nu, share, polariteit, d),
        "start_voorbij_referentie": voorbij,
    }


def _ambitie(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int, d: int) -> dict:
    """The ambition row. A figure for the nulmeting's year is the nulmeting itself: without a later figure nothing
    has been measured yet and the status is grijs ("nog niet te bepalen"), with the first horizon as the moment
    the first measurement is due."""
    amb = ind.ambitie
    gebied = amb.gebied or programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    peil = peildatum(programma, jaar)
    volgende = regimes.volgende_horizon(amb.horizonten, peil)
    doel = _r(regimes.ambitie_op(amb.nulmeting, amb.horizonten, peil), d)
    gemeten = periode is not None and periode > amb.nulmeting.datum.year
    status = regimes.ambitie_status(amb.nulmeting, amb.horizonten, peil, nu, ind.polariteit, d) if gemeten else "grijs"
    if not gemeten:
        reden = "nog_niet_gemeten"
    elif status == "grijs":
        reden = "ambitie_niet_vastgesteld"
    else:
        reden = ""
    return {
        "gebied": gebied, "periode": periode, "waarde_nu": nu,
        "startjaar": amb.nulmeting.datum.year, "waarde_start": amb.nulmeting.waarde,
        "doel": doel, "peildatum": peil,
        "volgende_horizon": volgende.naam if volgende else "",
        "volgende_richting": (volgende.richting or "") if volgende else "",
        "volgende_vastgesteld": volgende.vastgesteld if volgende else True,
        "eerste_horizon": amb.horizonten[0].naam, "eerste_horizon_datum": amb.horizonten[0].datum,
        "status": status, "status_reden": reden,
    }


def _vergelijking(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int) -> dict:
    """Monitoring and threshold rows: the doelgebied's own latest value (the comparison area is added beside it)."""
    gebied = programma.doelgebied
    nu, periode = laatste(data, ind.id, gebied, jaar)
    return {"gebied": gebied, "periode": periode, "waarde_nu": nu, "status": ""}


def vergelijkingsgebied(ind: Indicator) -> str | None:
    """The area an indicator is compared with: its ``referentie`` or its thresholds' reference (never 'vast')."""
    if ind.referentie and ind.referentie != "vast":
        return ind.referentie
    return ind.drempels.referentie if ind.drempels and ind.drempels.referentie else None


STATUS_TEKST = {"geen_cijfers": "Geen cijfers", "nog_niet_gemeten": "Nog niet te bepalen",
                "ambitie_niet_vastgesteld": "Nog niet te bepalen", **doelen.OPGAVE_TEKST, **doelen.GEBIEDSAMBITIE_TEKST}


def overzicht(programma: Programma, data: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """One row per indicator: regime, the doelgebied's current value, its comparison area's value beside it,
    target for the report date and status.

    For threshold indicators the counts of areas per score are added (aantal_rood, aantal_neutraal,
    aantal_groen, aantal_grijs); for monitoring there is no status. ``decimalen`` is the precision every value of
    the indicator is printed and compared with; ``status_tekst`` the status in words.
    """
    hoofdstukken = {p.id: p.label for p in programma.pijlers}
    scores, _ = drempel_scores(programma, data, jaar)
    rows = []
    for ind in programma.indicatoren:
        d = decimalen(ind, data)
        row = {"indicator_id": ind.id, "indicator": ind.label, "pijler": ind.pijler, "hoofdstuk": hoofdstukken[ind.pijler],
               "eenheid": ind.eenheid, "decimalen": d, "polariteit": ind.polariteit or "", "voortgang": ind.voortgang,
               "regime": REGIME_NAAM[ind.voortgang], "bron": ind.bron, "heeft_cijfers": heeft_cijfers(data, ind.id),
               "status_reden": ""}
        if ind.voortgang == "traject":
            row.update(_traject(ind, programma, data, jaar, d))
        elif ind.voortgang == "ambitie":
            row.update(_ambitie(ind, programma, data, jaar, d))
        elif ind.voortgang == "opgave":
            row.update(_vergelijking(ind, programma, data, jaar))
            row.update(doelen.opgave_voortgang(ind, reeks(data, ind.id, programma.doelgebied), jaar,
                                               peildatum(programma, jaar), d))
        elif ind.voortgang == "gebiedsambitie":
            row.update(_vergelijking(ind, programma, data, jaar))
            row.update(doelen.gebiedsambitie_voortgang(gebiedsambitie(programma, data, jaar, ind)))
        else:
            row.update(_vergelijking(ind, programma, data, jaar))
        ref = vergelijkingsgebied(ind)
        if ref and "referentie_nu" not in row:
            ref_nu, ref_periode = laatste(data, ind.id, ref, jaar)
            row.update({"referentie": ref, "referentie_nu": ref_nu, "referentie_periode": ref_periode})
        if not row["heeft_cijfers"] and not row["status_reden"]:
            row["status_reden"] = "geen_cijfers"
            if row["status"]:
                row["status"] = "grijs"
        if row["status"]:
            row["status_tekst"] = STATUS_TEKST.get(row["status_reden"]) or fmt.STATUS_KORT[row["status"]]
        if ind.voortgang == "drempels" and ind.id in scores:
            telling = scores[ind.id].value_counts()
            for s in regimes.SCORES:
                row[f"aantal_{s}"] = int(telling.get(s, 0))
        rows.append(row)
    out = pd.DataFrame(rows)
    return out.join(doelen.doel_kolommen(programma), on="indicator_id").assign(
        eenheid_label=[i.eenheid_label or "" for i in programma.indicatoren])


def gebiedsambitie(programma: Programma, data: pd.DataFrame, jaar: int, ind: Indicator) -> pd.DataFrame:
    """Per scored area the check of an indicator's ``gebiedsambitie`` (:func:`programma_doelen.gebiedsambitie_tabel`)."""
    return doelen.gebiedsambitie_tabel(ind, data, gebieden(programma, data), jaar, decimalen(ind, data))


def grenzen(programma: Programma, data: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """Per threshold indicator: negatief, positief, polariteit, the period scored, the reference value and the
    decimals the indicator is printed and compared with.

    Fixed bounds score every area's latest figure (``periode`` is then the latest period of any area).
    Bounds around a reference area use the latest period in which that area has a figure, and every
    area is scored on that same period. They are computed from the reference value as printed and rounded
    like the values, so the printed figures and the scores agree.
    """
    rows = []
    for ind in programma.indicatoren:
        d = ind.drempels
        if d is None:
            continue
        dec = decimalen(ind, data)
        if d.negatief_groep is not None:
            rows.append(groepen.groepsgrenzen(ind, programma, data, jaar, dec))
            continue
        if d.referentie is None:
            rij = (data["indicator"] == ind.id) & (data["periode"] <= jaar) & data["waarde"].notna()
            periodes = data.loc[rij, "periode"]
            rows.append({"indicator_id": ind.id, "negatief": d.negatief, "positief": d.positief, "vast": True,
                         "polariteit": ind.polariteit, "periode": int(periodes.max()) if len(periodes) else None,
                         "referentie": "", "referentie_waarde": math.nan, "decimalen": dec})
            continue
        ref, periode = laatste(data, ind.id, d.referentie, jaar)
        ref = _r(ref, dec)
        neg, pos = (_r(g, dec) for g in regimes.grenzen_rond(ref, d.marge_pct, ind.polariteit))
        rows.append({"indicator_id": ind.id, "negatief": neg, "positief": pos, "polariteit": ind.polariteit, "vast": False,
                     "periode": periode, "referentie": d.referentie, "referentie_waarde": ref, "decimalen": dec})
    return pd.DataFrame(rows, columns=["indicator_id", "negatief", "positief", "polariteit", "vast", "periode", "referentie",
                                       "referentie_waarde", "decimalen", "negatief_groep", "positief_groep",
                                       "gewogen_met"]).set_index("indicator_id")


def drempel_waarden(programma: Programma, data: pd.DataFrame, jaar: int, g: pd.DataFrame | None = None) -> pd.DataFrame:
    """Areas × threshold indicators: the value each area is scored on, as printed (rounded to the indicator's
    decimals)."""
    g = grenzen(programma, data, jaar) if g is None else g
    areas = gebieden(programma, data)
    out = pd.DataFrame(index=pd.Index(areas, name="gebied"))
    for ind_id, gr in g.iterrows():
        dec = int(gr["decimalen"])
        if gr["vast"] or pd.isna(gr["periode"]):
            out[ind_id] = [_r(laatste(data, ind_id, a, jaar)[0], dec) for a in areas]
        else:
            per = int(gr["periode"])
            out[ind_id] = [_r(reeks(data, ind_id, a).get(per, math.nan), dec) for a in areas]
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
        met_doel = sub[sub["voortgang"].isin(["traject", "ambitie", "opgave", "gebiedsambitie"])]
        row = {"pijler": p.id, "hoofdstuk": p.label, "indicatoren": len(sub)}
        for s in traject.STATUSSEN:
            row[s] = int((met_doel["status"] == s).sum())
        row["drempels"] = int((sub["voortgang"] == "drempels").sum())
        row["monitoring"] = int((sub["voortgang"] == "monitoring").sum())
        rows.append(row)
    return pd.DataFrame(rows)
