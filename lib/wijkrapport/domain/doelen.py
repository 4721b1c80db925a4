"""Goals, output targets and ambitions per area of a programme. Pure functions.

* *Hierarchy*: hoofddoel -> subdoel -> indicator, each indicator an effect (outcome) or an inspanning (output).
  :func:`structuur` orders a chapter's indicators that way.
* *Opgave*: an output target without a baseline ("4.500 woningen gesloopt in 2015"): realised against the target
  and the time elapsed (:func:`opgave_voortgang`).
* *Gebiedsambitie*: every scored area not worse than its own nulmeting, or than a comparison area's rate
  (:func:`gebiedsambitie_tabel`).

Values are compared as printed (rounded to the indicator's decimals), like every other status.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from wijkrapport.sources.registry import Indicator, Programma

from .regimes import afronden

NIVEAU_LABEL = {"effect": "Effect", "inspanning": "Inspanning", "": ""}
OPGAVE_TEKST = {"gehaald": "Gehaald", "op_schema": "Op schema", "achter_op_schema": "Achter op schema",
                "niet_gehaald": "Niet gehaald", "niets_gerealiseerd": "Nog niets gerealiseerd"}
GEBIEDSAMBITIE_TEKST = {"alle_gehaald": "Elk gebied gehaald", "niet_alle_gehaald": "Niet elk gebied"}


# --- hierarchy ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Groep:
    """A heading in a chapter and the indicators right under it: niveau 1 is a hoofddoel, 2 a subdoel."""

    niveau: int
    id: str
    label: str
    indicatoren: tuple[str, ...]


def structuur(programma: Programma, pijler: str) -> list[Groep]:
    """The chapter's goals in file order, each with its indicators (effect before inspanning, then file order).

    A hoofddoel is listed when it or one of its subdoelen has an indicator in the chapter. Indicators without a
    goal follow under "Overige indicatoren" (niveau 1, id ''). Without ``doelen`` there is one group without a
    heading (niveau 0).
    """
    inds = [i for i in programma.indicatoren if i.pijler == pijler]

    def onder(doel_id: str | None) -> tuple[str, ...]:
        sub = [i for i in inds if i.doel == doel_id]
        return tuple(i.id for i in sorted(sub, key=lambda i: i.niveau == "inspanning"))

    if not programma.doelen:
        return [Groep(0, "", "", tuple(i.id for i in inds))]
    out: list[Groep] = []
    for h in programma.doelen:
        subs = [Groep(2, s.id, s.label, onder(s.id)) for s in h.subdoelen]
        subs = [g for g in subs if g.indicatoren]
        eigen = onder(h.id)
        if eigen or subs:
            out += [Groep(1, h.id, h.label, eigen), *subs]
    rest = onder(None)
    if rest:
        out.append(Groep(1, "", "Overige indicatoren" if out else "", rest))
    return out


def doel_kolommen(programma: Programma) -> pd.DataFrame:
    """Per indicator its hoofddoel, subdoel and niveau (labels; '' when not given), index indicator_id."""
    rows = []
    for ind in programma.indicatoren:
        hoofd, sub = "", ""
        for h in programma.doelen:
            if ind.doel == h.id:
                hoofd = h.label
            for s in h.subdoelen:
                if ind.doel == s.id:
                    hoofd, sub = h.label, s.label
        rows.append({"indicator_id": ind.id, "hoofddoel": hoofd, "subdoel": sub, "niveau": ind.niveau or ""})
    return pd.DataFrame(rows).set_index("indicator_id")


# --- output targets ------------------------------------------------------------------------------------------------

def tijd_verstreken(begin: date, eind: date, peil: date) -> float:
    """Percent of the time from ``begin`` to ``eind`` that has passed on ``peil`` (0-100).

    >>> tijd_verstreken(date(2007, 1, 1), date(2007, 1, 11), date(2007, 1, 6))
    50.0
    """
    totaal = (eind - begin).days
    return min(max((peil - begin).days / totaal, 0.0), 1.0) * 100


def gerealiseerd(reeks: pd.Series, begin: date, eind: date, jaar: int, telling: str) -> tuple[float, int | None]:
    """(realised, last period counted) from a series by period: periods from ``begin``'s year up to the report year
    and the target's year. ``per_periode`` adds them up; ``stand`` takes the latest (a running total)."""
    tot = min(jaar, eind.year)
    binnen = reeks[(reeks.index >= begin.year) & (reeks.index <= tot)].dropna()
    if binnen.empty:
        return math.nan, None
    if telling == "stand":
        return float(binnen.iloc[-1]), int(binnen.index[-1])
    return float(binnen.sum()), int(binnen.index[-1])


def opgave_status(realisatie: float, doel: float, pct_tijd: float, voorbij: bool) -> tuple[str, str]:
    """(status, reason): groen gehaald or op schema (share realised at least the share of time passed); oranje
    achter op schema; rood when the date has passed without the target, or nothing is realised; grijs no figure.

    >>> opgave_status(3200, 4500, 80.0, False), opgave_status(3700, 4500, 80.0, False)
    (('oranje', 'achter_op_schema'), ('groen', 'op_schema'))
    >>> opgave_status(4400, 4500, 100.0, True), opgave_status(0, 4500, 20.0, False)
    (('rood', 'niet_gehaald'), ('rood', 'niets_gerealiseerd'))
    """
    if math.isnan(realisatie):
        return "grijs", ""
    if realisatie >= doel:
        return "groen", "gehaald"
    if voorbij:
        return "rood", "niet_gehaald"
    if realisatie <= 0:
        return "rood", "niets_gerealiseerd"
    if realisatie / doel * 100 >= pct_tijd - 1e-9:
        return "groen", "op_schema"
    return "oranje", "achter_op_schema"


def opgave_voortgang(ind: Indicator, reeks: pd.Series, jaar: int, peil: date, d: int) -> dict:
    """The row of an output target: realised (as printed), target, % realised, % of time passed and status."""
    o = ind.opgave
    realisatie, periode = gerealiseerd(reeks, o.begin, o.datum, jaar, o.telling)
    realisatie = afronden(realisatie, d)
    pct_tijd = tijd_verstreken(o.begin, o.datum, peil)
    status, reden = opgave_status(realisatie, o.waarde, pct_tijd, peil > o.datum)
    return {"periode": periode, "waarde_nu": realisatie, "doel": o.waarde, "doel_datum": o.datum,
            "opgave_begin": o.begin, "pct_gerealiseerd": realisatie / o.waarde * 100, "pct_tijd": pct_tijd,
            "status": status, "status_reden": reden}


# --- ambitions per area --------------------------------------------------------------------------------------------

def gebiedsambitie_tabel(ind: Indicator, data: pd.DataFrame, areas: list[str], jaar: int, d: int) -> pd.DataFrame:
    """Per area: its latest value up to ``jaar``, the value it may not be worse than, and groen/rood/grijs.

    Against ``nulmeting``: each area's own figure in that period; an area measured only in the nulmeting's period
    (or not at all) is grijs. Against an area (``Stad``): that area's figure in the same period as the area's value.
    """
    ga = ind.gebiedsambitie
    sub = data[(data["indicator"] == ind.id) & data["waarde"].notna() & (data["periode"] <= jaar)]
    per_gebied = {g: r.set_index("periode")["waarde"].sort_index() for g, r in sub.groupby("gebied")}
    leeg = pd.Series(dtype=float)
    s = -1 if ind.polariteit == "lager" else 1
    rows = []
    for a in areas:
        r = per_gebied.get(a, leeg)
        if ga.niet_slechter_dan == "nulmeting":
            r_na = r[r.index > ga.nulmeting]
            nu, periode = (float(r_na.iloc[-1]), int(r_na.index[-1])) if len(r_na) else (math.nan, None)
            basis = float(r.get(ga.nulmeting, math.nan))
        else:
            nu, periode = (float(r.iloc[-1]), int(r.index[-1])) if len(r) else (math.nan, None)
            basis = float(per_gebied.get(ga.niet_slechter_dan, leeg).get(periode, math.nan))
        nu, basis = afronden(nu, d), afronden(basis, d)
        status = "grijs" if math.isnan(nu) or math.isnan(basis) else ("groen" if s * (nu - basis) >= -1e-9 else "rood")
        rows.append({"gebied": a, "periode": periode, "waarde": nu, "basis": basis, "status": status})
    return pd.DataFrame(rows, columns=["gebied", "periode", "waarde", "basis", "status"])


def gebiedsambitie_voortgang(tabel: pd.DataFrame) -> dict:
    """The indicator's row: groen when every area with a figure meets the ambition, rood when one does not, grijs
    when no area can be judged; with the counts."""
    telling = tabel["status"].value_counts()
    gehaald, niet, grijs = (int(telling.get(k, 0)) for k in ("groen", "rood", "grijs"))
    if gehaald + niet == 0:
        status, reden = "grijs", ""
    else:
        status, reden = ("rood", "niet_alle_gehaald") if niet else ("groen", "alle_gehaald")
    return {"status": status, "status_reden": reden, "aantal_gehaald": gehaald, "aantal_niet_gehaald": niet,
            "aantal_zonder_oordeel": grijs}


# --- units ---------------------------------------------------------------------------------------------------------

