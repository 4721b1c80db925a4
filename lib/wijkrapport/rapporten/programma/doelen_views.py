"""Report blocks for goals, output targets, ambitions per area, group bounds and score sets (called from
``views``). Dutch number formatting; every figure comes from ``domain.doelen`` / ``domain.scores``; the sentences
are the notebooks' templates (see ``views``).
"""

from __future__ import annotations

from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import doelen
from wijkrapport.domain import programma as pr
from wijkrapport.domain import scores as scores_mod
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources.registry import Indicator, Programma
from wijkrapport.taal import aantal

from . import teksten
from .context import Programmacontext

GEBIEDSAMBITIE_LABELS = {"groen": "Gehaald", "rood": "Niet gehaald", "grijs": "Geen oordeel"}


def w(value: object, row: pd.Series | dict, missing: str = "–") -> str:
    """A value of the row's indicator in its unit and decimals; a free unit with its label ("4.500 woningen")."""
    tekst = fmt.waarde(value, row["eenheid"], int(row["decimalen"]), missing=missing)
    label = row.get("eenheid_label") if hasattr(row, "get") else None
    if row["eenheid"] == "vrij" and isinstance(label, str) and label and tekst != missing:
        tekst += f" {label}"
    return tekst


# --- hierarchy -----------------------------------------------------------------------------------------------------

def kop(groep: doelen.Groep, woord: str, tekst: str) -> str:
    """The heading of a goal in a chapter: h3 for a hoofddoel, h4 for a subdoel."""
    if not groep.label:
        return ""
    return f"<h{groep.niveau + 2} class=\"{woord}\">{escape(tekst)}</h{groep.niveau + 2}>"


def indicator_niveau(groepen: list[doelen.Groep]) -> dict[str, int]:
    """Indicator id -> heading level of its title (one below its goal's heading; h3 without goals)."""
    return {i: (3 if g.niveau == 0 or not g.label else g.niveau + 3) for g in groepen for i in g.indicatoren}


def toon_doelen(pc: Programmacontext, *, caption: str, voetnoot: str) -> None:
    """The summary's table of goals: per hoofddoel and subdoel its effect and inspanning indicators and statuses."""
    programma, tabel = pc.prog, pc.overzicht
    if not programma.doelen:
        return
    rows = []
    for h in programma.doelen:
        for niveau, doel_id, label in [(1, h.id, h.label)] + [(2, s.id, s.label) for s in h.subdoelen]:
            sub = tabel[tabel["indicator_id"].isin([i.id for i in programma.indicatoren if i.doel == doel_id])]
            rows.append({"doel_id": doel_id, "doel": label if niveau == 1 else f"– {label}", "niveau": niveau,
                         "effect": int((sub["niveau"] == "effect").sum()),
                         "inspanning": int((sub["niveau"] == "inspanning").sum()),
                         **{s: int((sub["status"] == s).sum()) for s in ("groen", "oranje", "rood", "grijs")}})
    frame = pd.DataFrame(rows)
    pc.tabel(frame, [Kolom("doel", "Hoofddoel – subdoel"), Kolom("effect", "Effect", numeriek=True),
                     Kolom("inspanning", "Inspanning", numeriek=True),
                     Kolom("groen", "Gehaald of op schema", numeriek=True),
                     Kolom("oranje", "Goede richting of achter", numeriek=True),
                     Kolom("rood", "Verkeerde richting of niet gehaald", numeriek=True),
                     Kolom("grijs", "Niet te bepalen", numeriek=True)],
             caption=pc.vul(caption), naam="status_per_doel", bron=pc.vul(voetnoot))


# --- output targets ------------------------------------------------------------------------------------------------

def opgave_doel_tekst(row: pd.Series) -> str:
    return f"{w(row['doel'], row)} op {fmt.datum(row['doel_datum'])}"


def toon_opgave(pc: Programmacontext, ind: Indicator, row: pd.Series, zin) -> None:
    """The sentence (realised against target and time passed) and a chart of the running total with the target."""
    o = ind.opgave
    doel, begin = opgave_doel_tekst(row), fmt.datum(o.begin)
    if fmt.is_missing(row["waarde_nu"]):
        toon_tekst(zin("geen", doel=doel, begin=begin))
        return
    perioden = f"{o.begin.year} tot en met {int(row['periode'])}" if not fmt.is_missing(row.get("periode")) else ""
    toon_tekst(" ".join(d for d in (zin(
        "wel", doel=doel, begin=begin, einde=fmt.datum(o.datum), perioden=perioden, waarde=w(row["waarde_nu"], row),
        hoe=zin("per_periode" if o.telling == "per_periode" else "stand"),
        gerealiseerd=fmt.procent(row["pct_gerealiseerd"]), tijd=fmt.procent(row["pct_tijd"])), zin.status) if d))
    reeks = pr.reeks(pc.data, ind.id, row["gebied"], min(pc.jaar, o.datum.year))
    reeks = reeks[reeks.index >= o.begin.year]
    totaal = reeks.cumsum() if o.telling == "per_periode" else reeks
    frame = pd.DataFrame({"periode": totaal.index.astype(int), "Gerealiseerd": totaal.to_numpy()})
    fig = line_chart(frame, "periode", ["Gerealiseerd"], row["eenheid"], referentielijn=float(row["doel"]),
                     referentielabel=zin("doellabel", doel=doel), kleuren={"Gerealiseerd": pc.kleuren.get(
                         row["gebied"], "#00689e")}, decimalen=int(row["decimalen"]))
    toon_figuur(fig, alt=zin("alt", doel=doel), titel=zin("titel", doel=doel), bron=row["bron"], data=frame,
                data_kolommen=[Kolom("periode", "Jaar", opmaak=lambda v: str(int(v))),
                               Kolom("Gerealiseerd", "Gerealiseerd in totaal", numeriek=True, opmaak=lambda v: w(v, row))])


# --- ambitions per area --------------------------------------------------------------------------------------------

def gebiedsambitie_doel_tekst(ind: Indicator, kort: bool = False) -> str:
    """The ambition in words; ``kort`` for a table cell."""
    ga = ind.gebiedsambitie
    if kort:
        return f"niet slechter dan {'nulmeting ' + str(ga.nulmeting) if ga.niet_slechter_dan == 'nulmeting' else ga.niet_slechter_dan}"
    tegen = f"de eigen nulmeting ({ga.nulmeting})" if ga.niet_slechter_dan == "nulmeting" else ga.niet_slechter_dan
    return f"elk gebied niet slechter dan {tegen}"


def toon_gebiedsambitie(pc: Programmacontext, ind: Indicator, row: pd.Series, zin) -> None:
    """The sentence with the counts and a table per area: its value, what it may not be worse than, the verdict."""
    tabel = pr.gebiedsambitie(pc.prog, pc.data, pc.jaar, ind)
    ga = ind.gebiedsambitie
    gehaald, zonder = int(row["aantal_gehaald"]), int(row["aantal_zonder_oordeel"])
    ambitie = gebiedsambitie_doel_tekst(ind)
    delen = [zin("zin", ambitie=ambitie, beter=ind.polariteit, gehaald=gehaald, gebieden=aantal(len(tabel), "gebied"),
                 haalt_halen=teksten.getal(gehaald, "haalt", "halen"), niet_gehaald=int(row["aantal_niet_gehaald"]))]
    if zonder:
        geval = "zonder_oordeel_nulmeting" if ga.niet_slechter_dan == "nulmeting" else "zonder_oordeel_vergelijking"
        delen.append(zin(geval, gebieden=aantal(zonder, "gebied")))
    toon_tekst(" ".join([*delen, zin.status]))
    basis_kop = f"Nulmeting {ga.nulmeting}" if ga.niet_slechter_dan == "nulmeting" else ga.niet_slechter_dan
    volgorde = tabel.assign(_o=tabel["status"].map({"rood": 0, "groen": 1, "grijs": 2})).sort_values(
        ["_o", "gebied"], kind="stable").drop(columns="_o")
    pc.tabel(volgorde, [Kolom("gebied", "Gebied"),
                        Kolom("periode", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v))),
                        Kolom("waarde", "Nu", numeriek=True, opmaak=lambda v: w(v, row)),
                        Kolom("basis", basis_kop, numeriek=True, opmaak=lambda v: w(v, row)),
                        Kolom("status", "Ambitie", html=True, opmaak=lambda s: fmt.status_html(
                            s, labels=GEBIEDSAMBITIE_LABELS))],
             caption=zin("caption", ambitie=ambitie), bron=row["bron"], naam=f"gebiedsambitie_{ind.id}")


# --- bounds from groups and score sets -----------------------------------------------------------------------------

def groep_uitleg(programma: Programma, grens: pd.Series, grenzen: dict[str, str], zin) -> str:
    """How bounds from two groups' means were set, with the members and the period."""
    weging = zin("gewogen", gewicht=programma.indicator(grens["gewogen_met"]).label.lower()) \
        if grens["gewogen_met"] else zin("ongewogen")
    groepen = {"weging": weging, "groep_negatief": grens["negatief_groep"], "groep_positief": grens["positief_groep"]}
    if fmt.is_missing(grens["periode"]) or fmt.is_missing(grens["negatief"]) or fmt.is_missing(grens["positief"]):
        return zin("groepen_zonder_cijfers", **grenzen, **groepen)
    return zin("groepen", **grenzen, **groepen, periode=int(grens["periode"]),
               leden_negatief=fmt.opsomming(programma.gebiedsgroepen[grens["negatief_groep"]]),
               leden_positief=fmt.opsomming(programma.gebiedsgroepen[grens["positief_groep"]]))


def toon_rangorde(pc: Programmacontext, *, kop: str, uitleg: str, gedeeld: str, weging: str, caption: str) -> None:
    """The negative scores per score set, the weighted total and the ranking (equal totals share a rank); only
    for a programme with score sets.

    ``uitleg`` has {weging}: the sets as a list of ``weging`` {set} {gewicht}; ``gedeeld`` is added to it when
    areas share a rank.
    """
    programma = pc.prog
    tabel = scores_mod.rangorde(programma, pc.drempel_scores[0])
    if tabel.empty:
        return
    sets = fmt.opsomming([pc.vul(weging, set=s.label, gewicht=fmt.getal(s.gewicht, fmt.decimalen_van(s.gewicht)))
                          for s in programma.scoresets])
    tekst = pc.vul(uitleg, weging=sets)
    if int(tabel["gedeeld"].sum()):
        tekst += " " + pc.vul(gedeeld)
    tabel = tabel.assign(rang_tekst=[scores_mod.rang_tekst(r, g) for r, g in zip(tabel["rang"], tabel["gedeeld"],
                                                                                 strict=True)])
    kolommen = [Kolom("rang_tekst", "Plaats"), Kolom("gebied", "Gebied")]
    kolommen += [Kolom(f"negatief_{s.id}", f"Negatief: {s.label} (× {fmt.getal(s.gewicht, fmt.decimalen_van(s.gewicht))})",
                       numeriek=True) for s in programma.scoresets]
    kolommen.append(Kolom("totaal", "Totaal", numeriek=True, opmaak=lambda v: fmt.getal(v, fmt.decimalen_van(v))))
    toon_html(f"<h3>{escape(pc.vul(kop))}</h3>")
    toon_tekst(tekst)
    pc.tabel(tabel, kolommen, caption=pc.vul(caption), naam="rangorde", data=tabel.drop(columns=["rang_tekst"]))
