"""Scores of areas beyond one pair of bounds. Pure functions.

* *Bounds from groups of areas*: negatief when worse than the mean of one named group, positief when better than
  the mean of another (unweighted, or weighted by an indicator such as inwoners): :func:`groepsgemiddelde`,
  :func:`groepsgrenzen`.
* *Score sets with weights*: the negative scores of each set counted per area, a weight per set, a total and a
  ranking in which equal totals share a rank: :func:`rangorde`.
* *Areas with codes and labels*: the data is keyed by code, the report prints labels; two areas sharing a label
  stay distinct (:func:`weergavenamen`, :func:`met_labels`).
"""

from __future__ import annotations

import math

import pandas as pd

from wijkrapport.sources.registry import Indicator, Programma

from .regimes import afronden

# --- bounds from groups --------------------------------------------------------------------------------------------

def groepsgemiddelde(waarden: dict[str, float], gewichten: dict[str, float] | None = None) -> float:
    """The mean of the areas with a figure; weighted by ``gewichten`` when given (NaN when an area lacks a weight).

    >>> groepsgemiddelde({"A": 10.0, "B": 20.0, "C": math.nan})
    15.0
    >>> groepsgemiddelde({"A": 10.0, "B": 20.0}, {"A": 1000, "B": 3000})
    17.5
    """
    geldig = {g: v for g, v in waarden.items() if not math.isnan(v)}
    if not geldig:
        return math.nan
    if gewichten is None:
        return sum(geldig.values()) / len(geldig)
    w = {g: gewichten.get(g, math.nan) for g in geldig}
    if any(math.isnan(x) for x in w.values()) or sum(w.values()) <= 0:
        return math.nan
    return sum(v * w[g] for g, v in geldig.items()) / sum(w.values())


def _op(data: pd.DataFrame, indicator: str, periode: int, tot: bool = False) -> dict[str, float]:
    """Area -> value of an indicator in ``periode`` (with ``tot``: the latest up to it)."""
    sub = data[(data["indicator"] == indicator) & data["waarde"].notna()]
    sub = sub[sub["periode"] <= periode] if tot else sub[sub["periode"] == periode]
    return sub.sort_values("periode").groupby("gebied")["waarde"].last().astype(float).to_dict()


def groepsperiode(data: pd.DataFrame, ind: Indicator, programma: Programma, jaar: int) -> int | None:
    """The latest period up to ``jaar`` in which both groups have at least one figure."""
    d = ind.drempels
    sub = data[(data["indicator"] == ind.id) & data["waarde"].notna() & (data["periode"] <= jaar)]
    perioden = None
    for groep in (d.negatief_groep, d.positief_groep):
        p = set(sub.loc[sub["gebied"].isin(programma.gebiedsgroepen[groep]), "periode"])
        perioden = p if perioden is None else perioden & p
    return max(perioden) if perioden else None


def groepsgrenzen(ind: Indicator, programma: Programma, data: pd.DataFrame, jaar: int, dec: int) -> dict:
    """The row of :func:`wijkrapport.domain.programma.grenzen` for bounds from two groups' means (rounded as printed).

    The weights are the ``gewogen_met`` indicator's figures in the same period (or the latest before it).
    """
    d = ind.drempels
    periode = groepsperiode(data, ind, programma, jaar)
    neg = pos = math.nan
    if periode is not None:
        waarden = _op(data, ind.id, periode)
        gewichten = _op(data, d.gewogen_met, periode, tot=True) if d.gewogen_met else None
        neg, pos = (afronden(groepsgemiddelde({g: waarden.get(g, math.nan) for g in programma.gebiedsgroepen[groep]},
                                              gewichten), dec)
                    for groep in (d.negatief_groep, d.positief_groep))
    return {"indicator_id": ind.id, "negatief": neg, "positief": pos, "polariteit": ind.polariteit, "vast": False,
            "periode": periode, "referentie": "", "referentie_waarde": math.nan, "decimalen": dec,
            "negatief_groep": d.negatief_groep, "positief_groep": d.positief_groep, "gewogen_met": d.gewogen_met or ""}


# --- score sets ----------------------------------------------------------------------------------------------------

def rangorde(programma: Programma, scores: pd.DataFrame) -> pd.DataFrame:
    """Per area: the negative scores per score set, the weighted total and its rank (1 = most negative).

    Columns ``negatief_<set>`` per set, ``totaal`` (sum of weight × count), ``rang`` (equal totals share the
    lowest rank: 1, 2, 2, 4) and ``gedeeld`` (True when another area has the same rank). Sorted by rank, then name.
    """
    if not programma.scoresets or scores.empty:
        return pd.DataFrame()
    out = pd.DataFrame(index=scores.index)
    totaal = pd.Series(0.0, index=scores.index)
    for s in programma.scoresets:
        ids = [i.id for i in programma.indicatoren if i.scoreset == s.id and i.id in scores.columns]
        out[f"negatief_{s.id}"] = (scores[ids] == "rood").sum(axis=1).astype(int) if ids else 0
        totaal += s.gewicht * out[f"negatief_{s.id}"]
    out["totaal"] = totaal
    out["rang"] = out["totaal"].rank(method="min", ascending=False).astype(int)
    out["gedeeld"] = out["rang"].duplicated(keep=False)
    out = out.rename_axis("gebied").reset_index()
    return out.sort_values(["rang", "gebied"], kind="stable").reset_index(drop=True)


def rang_tekst(rang: int, gedeeld: bool) -> str:
    """'3' or '3 (gedeeld)'."""
    return f"{rang} (gedeeld)" if gedeeld else str(rang)


# --- areas with codes and labels -----------------------------------------------------------------------------------

def weergavenamen(programma: Programma, codes: list[str]) -> dict[str, str]:
    """Code -> the name to print: its label; a label shared by several codes gets its gemeente (when that tells
    them apart) or its code in brackets. Codes without a label print as themselves.

    >>> from wijkrapport.sources.registry_concepten import GebiedLabel
    >>> p = Programma.model_construct(gebiedslabels={"A1": "Centrum", "B1": GebiedLabel(label="Centrum", gemeente="Delft"),
    ...                                              "C1": GebiedLabel(label="Centrum", gemeente="Gouda"), "D1": "Noord"})
    >>> weergavenamen(p, ["A1", "B1", "C1", "D1", "E1"])
    {'A1': 'Centrum (A1)', 'B1': 'Centrum (B1)', 'C1': 'Centrum (C1)', 'D1': 'Noord', 'E1': 'E1'}
    """
    def label(c: str) -> tuple[str, str | None]:
        x = programma.gebiedslabels.get(c)
        if x is None:
            return c, None
        return (x, None) if isinstance(x, str) else (x.label, x.gemeente)

    info = {c: label(c) for c in dict.fromkeys(codes)}
    per_label: dict[str, list[str]] = {}
    for c, (lab, _) in info.items():
        per_label.setdefault(lab, []).append(c)
    out = {}
    for lab, cs in per_label.items():
        if len(cs) == 1:
            out[cs[0]] = lab
            continue
        gemeenten = [info[c][1] for c in cs]
        uniek = None not in gemeenten and len(set(gemeenten)) == len(cs)
        for c in cs:
            out[c] = f"{lab} ({info[c][1]})" if uniek else f"{lab} ({c})"
    if len(set(out.values())) < len(out):  # a label equal to another area's code: fall back to label (code)
        out = {c: (n if c == n else f"{n} ({c})") for c, n in out.items()}
    return out


def met_labels(programma: Programma, data: pd.DataFrame) -> tuple[Programma, pd.DataFrame]:
    """The programme and data with every area code replaced by its printed name (one-to-one, so every figure and
    score stays the same); unchanged without ``gebiedslabels``."""
    if not programma.gebiedslabels:
        return programma, data
    codes = [programma.doelgebied, *programma.gebieden, *programma.vergelijkingsgebieden,
             *(g for leden in programma.gebiedsgroepen.values() for g in leden), *data["gebied"].unique()]
    namen = weergavenamen(programma, codes)

    def n(x):
        return namen.get(x, x) if isinstance(x, str) else x

    raw = programma.model_dump(exclude_none=True)
    raw.update(doelgebied=n(raw["doelgebied"]), gebieden=[n(g) for g in raw["gebieden"]],
               vergelijkingsgebieden=[n(g) for g in raw["vergelijkingsgebieden"]], gebiedslabels={},
               gebiedsgroepen={k: [n(g) for g in v] for k, v in raw["gebiedsgroepen"].items()})
    for ind in raw["indicatoren"]:
        if "referentie" in ind:
            ind["referentie"] = n(ind["referentie"])
        for sleutel, veld in (("ambitie", "gebied"), ("drempels", "referentie"), ("gebiedsambitie", "niet_slechter_dan")):
            if veld in ind.get(sleutel, {}):
                ind[sleutel][veld] = n(ind[sleutel][veld])
    return Programma.model_validate(raw), data.assign(gebied=data["gebied"].map(n))
