"""Report blocks for goals, output targets, ambitions per area, group bounds and score sets (called from
``programma_views``). Dutch text, Dutch number formatting; every figure comes from ``programma_doelen`` /
``programma_scores``.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import doelen
from wijkrapport.domain import programma as pr
from wijkrapport.domain import scores as scores_mod
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources.registry import Indicator, Programma
from wijkrapport.taal import aantal

GEBIEDSAMBITIE_LABELS = {"groen": "Gehaald", "rood": "Niet gehaald", "grijs": "Geen oordeel"}


def w(value: object, row: pd.Series | dict, missing: str = "–") -> str:
    """A value of the row's indicator in its unit and decimals; a free unit with its label ("4.500 woningen")."""
    tekst = fmt.waarde(value, row["eenheid"], int(row["decimalen"]), missing=missing)
    label = row.get("eenheid_label") if hasattr(row, "get") else None
    if row["eenheid"] == "vrij" and isinstance(label, str) and label and tekst != missing:
        tekst += f" {label}"
    return tekst


# --- hierarchy -----------------------------------------------------------------------------------------------------

def kop(groep: doelen.Groep, woord: str) -> str:
    """The heading of a goal in a chapter: h3 for a hoofddoel, h4 for a subdoel."""
    if not groep.label:
        return ""
    soort = {1: "Hoofddoel", 2: "Subdoel"}[groep.niveau] if groep.id else ""
    tekst = f"{soort}: {groep.label}" if soort else groep.label
    return f"<h{groep.niveau + 2} class=\"{woord}\">{escape(tekst)}</h{groep.niveau + 2}>"


def indicator_niveau(groepen: list[doelen.Groep]) -> dict[str, int]:
    """Indicator id -> heading level of its title (one below its goal's heading; h3 without goals)."""
    return {i: (3 if g.niveau == 0 or not g.label else g.niveau + 3) for g in groepen for i in g.indicatoren}


def toon_doelen(programma: Programma, tabel: pd.DataFrame, tabellen_dir: str) -> None:
    """The summary's table of goals: per hoofddoel and subdoel its effect and inspanning indicators and statuses."""
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
    toon_tabel(frame, [Kolom("doel", "Hoofddoel – subdoel"), Kolom("effect", "Effect", numeriek=True),
                       Kolom("inspanning", "Inspanning", numeriek=True), Kolom("groen", "Gehaald of op schema", numeriek=True),
                       Kolom("oranje", "Goede richting of achter", numeriek=True),
                       Kolom("rood", "Verkeerde richting of niet gehaald", numeriek=True),
                       Kolom("grijs", "Niet te bepalen", numeriek=True)],
               caption="Doelen van het programma: indicatoren per niveau en hun status", naam="status_per_doel",
               tabellen_dir=tabellen_dir,
               bron="Effect: wat verandert voor bewoners (outcome); inspanning: wat het programma doet (output).")


# --- output targets ------------------------------------------------------------------------------------------------

def opgave_doel_tekst(row: pd.Series) -> str:
    return f"{w(row['doel'], row)} op {fmt.datum(row['doel_datum'])}"


def toon_opgave(programma: Programma, data: pd.DataFrame, ind: Indicator, row: pd.Series, jaar: int,
                kleuren: dict[str, str]) -> None:
    """The sentence (realised against target and time passed) and a chart of the running total with the target."""
    o = ind.opgave
    periode = f"{o.begin.year} tot en met {int(row['periode'])}" if not fmt.is_missing(row.get("periode")) else ""
    if fmt.is_missing(row["waarde_nu"]):
        toon_tekst(f"Doel: {opgave_doel_tekst(row)}, te tellen vanaf {fmt.datum(o.begin)}. Er zijn nog geen cijfers "
                   "over wat er gerealiseerd is.")
        return
    hoe = "opgeteld per jaar" if o.telling == "per_periode" else "de stand"
    toon_tekst(f"Gerealiseerd in {row['gebied']} ({periode}, {hoe}): {w(row['waarde_nu'], row)} van de "
               f"{opgave_doel_tekst(row)}, dat is {fmt.procent(row['pct_gerealiseerd'])}. Van de tijd van "
               f"{fmt.datum(o.begin)} tot {fmt.datum(o.datum)} is op {fmt.datum(pr.peildatum(programma, jaar))} "
               f"{fmt.procent(row['pct_tijd'])} verstreken. Status: {row['status_tekst'].lower()}.")
    reeks = pr.reeks(data, ind.id, row["gebied"], min(jaar, o.datum.year))
    reeks = reeks[reeks.index >= o.begin.year]
    totaal = reeks.cumsum() if o.telling == "per_periode" else reeks
    frame = pd.DataFrame({"periode": totaal.index.astype(int), "Gerealiseerd": totaal.to_numpy()})
    fig = line_chart(frame, "periode", ["Gerealiseerd"], row["eenheid"], referentielijn=float(row["doel"]),
                     referentielabel=f"doel: {opgave_doel_tekst(row)}", kleuren={"Gerealiseerd": kleuren.get(
                         row["gebied"], "#00689e")}, decimalen=int(row["decimalen"]))
    toon_figuur(fig, alt=f"Lijngrafiek van wat er van {row['indicator']} in totaal gerealiseerd is per jaar, met het "
                f"doel ({opgave_doel_tekst(row)}) als stippellijn.", titel=f"{row['indicator']}: gerealiseerd in totaal",
                bron=row["bron"], data=frame,
                data_kolommen=[Kolom("periode", "Jaar", opmaak=lambda v: str(int(v))),
                               Kolom("Gerealiseerd", "Gerealiseerd in totaal", numeriek=True, opmaak=lambda v: w(v, row))])


# --- ambitions per area --------------------------------------------------------------------------------------------

def gebiedsambitie_doel_tekst(ind: Indicator, kort: bool = False) -> str:
    """The ambition in words; ``kort`` for a table cell ("niet slechter dan nulmeting 2021")."""
    ga = ind.gebiedsambitie
    if kort:
        return f"niet slechter dan {'nulmeting ' + str(ga.nulmeting) if ga.niet_slechter_dan == 'nulmeting' else ga.niet_slechter_dan}"
    tegen = f"de eigen nulmeting ({ga.nulmeting})" if ga.niet_slechter_dan == "nulmeting" else ga.niet_slechter_dan
    return f"elk gebied niet slechter dan {tegen}"


def toon_gebiedsambitie(programma: Programma, data: pd.DataFrame, ind: Indicator, row: pd.Series, jaar: int,
                        tabellen_dir: str) -> None:
    """The sentence with the counts and a table per area: its value, what it may not be worse than, the verdict."""
    tabel = pr.gebiedsambitie(programma, data, jaar, ind)
    ga = ind.gebiedsambitie
    n = len(tabel)
    tekst = (f"De ambitie: {gebiedsambitie_doel_tekst(ind)} (een {ind.polariteit} cijfer is beter). "
             f"{int(row['aantal_gehaald'])} van de {aantal(n, 'gebied')} {'haalt' if row['aantal_gehaald'] == 1 else 'halen'} "
             f"de ambitie, {int(row['aantal_niet_gehaald'])} niet.")
    if row["aantal_zonder_oordeel"]:
        waarom = "geen meting na de nulmeting" if ga.niet_slechter_dan == "nulmeting" else "geen cijfer om te vergelijken"
        tekst += f" Voor {aantal(int(row['aantal_zonder_oordeel']), 'gebied')} is er {waarom}."
    toon_tekst(tekst + f" Status: {row['status_tekst'].lower()}.")
    basis_kop = f"Nulmeting {ga.nulmeting}" if ga.niet_slechter_dan == "nulmeting" else ga.niet_slechter_dan
    volgorde = tabel.assign(_o=tabel["status"].map({"rood": 0, "groen": 1, "grijs": 2})).sort_values(
        ["_o", "gebied"], kind="stable").drop(columns="_o")
    toon_tabel(volgorde, [Kolom("gebied", "Gebied"),
                          Kolom("periode", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v))),
                          Kolom("waarde", "Nu", numeriek=True, opmaak=lambda v: w(v, row)),
                          Kolom("basis", basis_kop, numeriek=True, opmaak=lambda v: w(v, row)),
                          Kolom("status", "Ambitie", html=True, opmaak=lambda s: fmt.status_html(
                              s, labels=GEBIEDSAMBITIE_LABELS))],
               caption=f"{row['indicator']} per gebied: {gebiedsambitie_doel_tekst(ind)}", bron=row["bron"],
               naam=f"gebiedsambitie_{ind.id}", tabellen_dir=tabellen_dir)


# --- bounds from groups and score sets -----------------------------------------------------------------------------

def groep_uitleg(programma: Programma, grens: pd.Series, eenheid: str, neg: str, pos: str) -> str:
    """How bounds from two groups' means were set, with the members and the period."""
    weging = (f"het gemiddelde gewogen naar {programma.indicator(grens['gewogen_met']).label.lower()}"
              if grens["gewogen_met"] else "het ongewogen gemiddelde")
    if fmt.is_missing(grens["periode"]) or fmt.is_missing(grens["negatief"]) or fmt.is_missing(grens["positief"]):
        return (f"De grenzen zijn {weging} van de groepen {grens['negatief_groep']} en {grens['positief_groep']}, "
                "maar daarvoor zijn (nog) niet genoeg cijfers; geen gebied heeft een score.")
    leden = {g: fmt.opsomming(programma.gebiedsgroepen[g]) for g in (grens["negatief_groep"], grens["positief_groep"])}
    return (f"Negatief is slechter dan {weging} van groep {grens['negatief_groep']} ({leden[grens['negatief_groep']]}): "
            f"{neg}; positief is beter dan dat van groep {grens['positief_groep']} ({leden[grens['positief_groep']]}): "
            f"{pos}. Alle gebieden zijn gescoord op {int(grens['periode'])}.")


def toon_rangorde(programma: Programma, scores: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """The negative scores per score set, the weighted total and the ranking (equal totals share a rank)."""
    tabel = scores_mod.rangorde(programma, scores)
    if tabel.empty:
        return
    weging = fmt.opsomming([f"{s.label} telt {fmt.getal(s.gewicht, fmt.decimalen_van(s.gewicht))} keer" for s in
                            programma.scoresets])
    gedeeld = int(tabel["gedeeld"].sum())
    uitleg = (f"Per gebied het aantal negatieve scores per set indicatoren. Het totaal weegt de sets: {weging}. Het "
              "gebied met het hoogste totaal staat op 1.")
    if gedeeld:
        uitleg += " Gebieden met hetzelfde totaal delen hun plaats."
    tabel = tabel.assign(rang_tekst=[scores_mod.rang_tekst(r, g) for r, g in zip(tabel["rang"], tabel["gedeeld"],
                                                                                 strict=True)])
    kolommen = [Kolom("rang_tekst", "Plaats"), Kolom("gebied", "Gebied")]
    kolommen += [Kolom(f"negatief_{s.id}", f"Negatief: {s.label} (× {fmt.getal(s.gewicht, fmt.decimalen_van(s.gewicht))})",
                       numeriek=True) for s in programma.scoresets]
    kolommen.append(Kolom("totaal", "Totaal", numeriek=True, opmaak=lambda v: fmt.getal(v, fmt.decimalen_van(v))))
    toon_html("<h3>Totaal en rangorde</h3>")
    toon_tekst(uitleg)
    toon_tabel(tabel, kolommen, caption=f"Rangorde van de gebieden in {jaar}", naam="rangorde",
               tabellen_dir=tabellen_dir, data=tabel.drop(columns=["rang_tekst"]))
