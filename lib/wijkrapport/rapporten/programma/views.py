"""Building blocks of the generic programme report (any programme YAML + tidy data), called from notebooks.

The notebooks write the story: headings, explanations, captions and the sentence templates (``{naam}`` fields,
filled with :meth:`Programmacontext.vul`); a view computes, formats and shows, and takes its texts as keyword
arguments. Where a sentence differs per case the notebook gives a set of templates (a dict) and the view picks
one (``teksten.kies``); each view's docstring lists the keys and the fields it offers, besides the programme's
words of :attr:`Programmacontext.woorden`.

Every value of an indicator is printed with the indicator's decimals (``programma.decimalen``: the precision of
its source, or its ``decimalen`` key), the same precision its status and scores are computed with. Every area
keeps one colour in every chart of the report (:func:`wijkrapport.rendering.charts.gebiedkleuren`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import doelen
from wijkrapport.domain import programma as pr
from wijkrapport.rendering.charts import PALET, ambitie_chart, bar_chart, drempel_chart, line_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_lijst, toon_tekst
from wijkrapport.rendering.tables import Kolom, html_table
from wijkrapport.sources.registry import Indicator, Programma
from wijkrapport.taal import aantal

from . import doelen_views as dv
from . import teksten
from .context import Programmacontext

__all__ = ["Programmacontext", "toon_inleiding", "toon_samenvatting", "toon_hoofdstuk",
           "toon_gebieden", "toon_rangorde", "verwachte_perioden", "delen", "score_html"]

SCORE_KORT = {"rood": "Negatief", "wit": "Neutraal", "groen": "Positief", "grijs": "Geen cijfer"}
_SCORE_KEY = {"rood": "rood", "neutraal": "wit", "groen": "groen", "grijs": "grijs"}
GEEN_CIJFERS = "geen cijfers"
NIET_VASTGESTELD = "nog niet vastgesteld"
Sjablonen = Mapping[str, str]

#: At most this many indicator columns in one part of the scores-per-area table: with the area and its
#: counts they fit a landscape A4 page at the print size; more indicators continue in a next part.
KOLOMMEN_PER_DEEL = 8

toon_rangorde = dv.toon_rangorde


def score_html(score: str) -> str:
    """A threshold score as symbol + short word + colour (neutraal is the outlined 'wit' badge)."""
    return fmt.status_html(_SCORE_KEY.get(score, "grijs"), labels=SCORE_KORT)


def _w(value: object, row: pd.Series | dict, missing: str = "–") -> str:
    """A value of the row's indicator in its unit and decimals (a free unit with its label)."""
    return dv.w(value, row, missing=missing)


def _periode(value: object) -> str:
    return "–" if fmt.is_missing(value) else str(int(value))


def _zinnen(*delen: str) -> str:
    """Sentences filled from templates, one space between them (an empty part is left out)."""
    return " ".join(d for d in delen if d)


# --- summary -------------------------------------------------------------------------------------------------------

def toon_inleiding(pc: Programmacontext, *, inleiding: str, soort: str, drempels: str, geen_cijfers: str) -> None:
    """What the programme is, its kinds of indicators as a list, how thresholds score and what has no figures.

    Fields: ``inleiding`` {aantal_hoofdstukken} {aantal_indicatoren}; ``soort`` (one list item per kind of
    indicator) {indicatoren} {regime}; ``drempels`` (only with threshold indicators) {gebieden}; ``geen_cijfers``
    (a box, only when an indicator has no figures yet) {indicatoren}.
    """
    programma, tabel = pc.prog, pc.overzicht
    soorten = tabel["voortgang"].value_counts()
    toon_tekst(pc.vul(inleiding, aantal_indicatoren=aantal(len(tabel), "indicator", "indicatoren"),
                      aantal_hoofdstukken=aantal(len(programma.pijlers), programma.hoofdstukwoord,
                                                 programma.hoofdstukken_woord)))
    toon_lijst([pc.vul(soort, indicatoren=aantal(n, "indicator", "indicatoren"), regime=pr.REGIME_NAAM[v].lower())
                for v, n in soorten.items()])
    if (tabel["voortgang"] == "drempels").any():
        toon_tekst(pc.vul(drempels, gebieden=len(pr.gebieden(programma, pc.data))))
    if (~tabel["heeft_cijfers"]).any():
        namen = fmt.opsomming(tabel.loc[~tabel["heeft_cijfers"], "indicator"].tolist())
        toon_tekst(pc.vul(geen_cijfers, indicatoren=namen), klasse="kader let-op")


STATUS_KOLOMMEN = [
    Kolom("hoofdstuk", "Hoofdstuk"),
    Kolom("indicatoren", "Indicatoren", numeriek=True),
    Kolom("groen", "Doel gehaald", numeriek=True),
    Kolom("oranje", "Goede richting", numeriek=True),
    Kolom("rood", "Verkeerde richting", numeriek=True),
    Kolom("grijs", "Niet te bepalen", numeriek=True),
    Kolom("drempels", "Met drempels", numeriek=True),
    Kolom("monitoring", "Alleen volgen", numeriek=True),
]


def toon_samenvatting(pc: Programmacontext, *, caption: str, bron: str, doelen_caption: str, doelen_voetnoot: str,
                      indicatoren_caption: str, aandacht: Sjablonen) -> None:
    """Status per chapter, the goals (when the programme has them), all indicators and, for threshold
    indicators, the areas that need attention.

    Columns for a kind of indicator the programme does not have (targets, thresholds, monitoring) are left out.
    ``aandacht`` (a box; only when the programme sets ``aandachtsgebied_vanaf``) has the keys ``geen``, ``een``
    (one area) and ``meer``, with the fields {aantal} {gebieden} {grens} {namen}.
    """
    programma, tabel = pc.prog, pc.overzicht
    telling = pr.status_per_hoofdstuk(programma, tabel)
    soorten = set(tabel["voortgang"])
    weg = set()
    if not soorten & {"traject", "ambitie", "opgave", "gebiedsambitie"}:
        weg |= {"groen", "oranje", "rood", "grijs"}
    if "drempels" not in soorten:
        weg.add("drempels")
    if "monitoring" not in soorten:
        weg.add("monitoring")
    kolommen = [k if k.naam != "hoofdstuk" else Kolom("hoofdstuk", programma.hoofdstukwoord.capitalize())
                for k in STATUS_KOLOMMEN if k.naam not in weg]
    pc.tabel(telling, kolommen, caption=pc.vul(caption), bron=pc.vul(bron), naam="status_per_hoofdstuk")
    dv.toon_doelen(pc, caption=doelen_caption, voetnoot=doelen_voetnoot)
    pc.tabel(tabel, [Kolom("indicator", "Indicator"), Kolom("hoofdstuk", programma.hoofdstukwoord.capitalize()),
                     *([Kolom("hoofddoel", "Hoofddoel")] if programma.doelen else []),
                     *([Kolom("niveau", "Niveau", opmaak=lambda v: doelen.NIVEAU_LABEL.get(v, v))]
                       if (tabel["niveau"] != "").any() else []),
                     Kolom("regime", "Hoe gemeten")],
             caption=pc.vul(indicatoren_caption), naam="indicatoren", data=tabel.drop(columns=["bron"]))
    scores, _ = pc.drempel_scores
    grens = programma.aandachtsgebied_vanaf
    if scores.empty or not grens:
        return
    teksten.sjablonen_compleet(aandacht, ("geen", "een", "meer"), "aandacht")
    namen = scores.index[scores["aandachtsgebied"]].tolist()
    geval = "geen" if not namen else "een" if len(namen) == 1 else "meer"
    toon_tekst(pc.vul(aandacht[geval], aantal=len(namen), gebieden=aantal(len(scores), "gebied"),
                      grens=teksten.een_of_aantal(grens, "negatieve score", "negatieve scores"),
                      namen=fmt.opsomming(namen)), klasse="kader")


# --- a chapter -----------------------------------------------------------------------------------------------------

def _doel_kop(sub: pd.DataFrame, programma: Programma, jaar: int) -> str:
    """The heading of the target column: a trajectory's target for the year, an ambition for the peildatum."""
    traject, ambitie = (sub["voortgang"] == "traject").any(), (sub["voortgang"] == "ambitie").any()
    peil = fmt.datum(pr.peildatum(programma, jaar))
    if sub["voortgang"].isin(["opgave", "gebiedsambitie"]).any():
        return "Doel of ambitie"
    if traject and ambitie:
        return f"Doel {jaar} of ambitie op {peil}"
    return f"Ambitie op {peil}" if ambitie else f"Doel {jaar}"


def _vergelijking_tekst(row: pd.Series) -> str:
    """The comparison area's latest value, shown beside the indicator's own (area, year and value)."""
    ref = row.get("referentie")
    if not isinstance(ref, str) or not ref or ref in ("vast", row["gebied"]):
        return "–"
    if fmt.is_missing(row.get("referentie_nu")):
        return f"{ref}: {GEEN_CIJFERS}"
    return f"{ref} in {int(row['referentie_periode'])}: {_w(row['referentie_nu'], row)}"


def _nu_tekst(row: pd.Series) -> str:
    return _w(row["waarde_nu"], row, missing="–" if row["heeft_cijfers"] else GEEN_CIJFERS)


def _indicator_kolommen(sub: pd.DataFrame, programma: Programma, jaar: int) -> list[Kolom]:
    """The chapter table's columns: only those that say something for this chapter's indicators."""
    kolommen = [Kolom("indicator", "Indicator"), Kolom("regime", "Hoe gemeten"), Kolom("gebied", "Gebied"),
                Kolom("periode", "Jaar", opmaak=_periode), Kolom("nu_tekst", "Nu", numeriek=True, opmaak=str)]
    if (sub["vergelijking_tekst"] != "–").any():
        kolommen.append(Kolom("vergelijking_tekst", "Ter vergelijking", opmaak=str))
    if sub["voortgang"].isin(["traject", "ambitie", "opgave", "gebiedsambitie"]).any():
        # an output target or an ambition per area is a phrase, not a figure: that column wraps
        tekst = sub["voortgang"].isin(["opgave", "gebiedsambitie"]).any()
        kolommen += [Kolom("doel_tekst", _doel_kop(sub, programma, jaar), numeriek=not tekst, opmaak=str),
                     Kolom("status_html", "Status", html=True, opmaak=str)]
    if (sub["voortgang"] == "drempels").any():
        kolommen.append(Kolom("scores", "Gebieden negatief / neutraal / positief", numeriek=True, opmaak=str))
    return kolommen


def _scores_tekst(row: pd.Series) -> str:
    if row.get("voortgang") != "drempels":
        return "–"
    if not row.get("heeft_cijfers"):
        return GEEN_CIJFERS
    return " / ".join(str(int(row.get(f"aantal_{s}", 0) or 0)) for s in ("rood", "neutraal", "groen"))


def _doel_tekst(row: pd.Series, programma: Programma | None = None) -> str:
    if row["voortgang"] == "opgave":
        return dv.opgave_doel_tekst(row)
    if row["voortgang"] == "gebiedsambitie" and programma is not None:
        return dv.gebiedsambitie_doel_tekst(programma.indicator(row["indicator_id"]), kort=True)
    if row["voortgang"] not in ("traject", "ambitie"):
        return "–"
    if fmt.is_missing(row.get("doel")):
        if row["voortgang"] == "ambitie" and row.get("volgende_richting"):
            return f"een {row['volgende_richting']}"
        return NIET_VASTGESTELD if row["voortgang"] == "ambitie" else "–"
    return _w(row["doel"], row)


def _status_html(row: pd.Series) -> str:
    if not row.get("status"):
        return "–"
    return fmt.status_html(row["status"], labels={row["status"]: row["status_tekst"]})


#: The templates each kind of indicator needs from the chapter notebook (keyword -> keys).
HOOFDSTUK_SJABLONEN = {
    "doelkop": ("hoofddoel", "subdoel", "overig"),
    "niveau": ("effect", "inspanning"),
    "reeks": ("geen", "nu", "nu_zonder_periode", "vergelijking", "monitoring", "doel", "doellabel",
              "alt_lijn", "alt_gat", "alt_staaf", "alt_staven"),
    "ambitie": ("nu", "doel", "richting", "niet_vastgesteld", "zonder_ambitie", "geen_cijfers", "niet_gemeten",
                "caption", "alt", "alt_zonder_metingen"),
    "drempels": ("geen", "telling", "zonder_cijfer", "vast", "rond", "rond_zonder_cijfers", "groepen",
                 "groepen_zonder_cijfers", "gewogen", "ongewogen", "alt"),
    "opgave": ("geen", "wel", "per_periode", "stand", "doellabel", "titel", "alt"),
    "gebiedsambitie": ("zin", "zonder_oordeel_nulmeting", "zonder_oordeel_vergelijking", "caption"),
}


def toon_hoofdstuk(pc: Programmacontext, pijler: str, *, kop: str, geen_indicatoren: str, caption: str,
                   status: str, doelkop: Sjablonen, niveau: Sjablonen, reeks: Sjablonen, ambitie: Sjablonen,
                   drempels: Sjablonen, opgave: Sjablonen, gebiedsambitie: Sjablonen) -> None:
    """Chapter heading, its indicator table, and per indicator its heading, a sentence and a chart.

    ``kop``, ``geen_indicatoren`` and ``caption`` have the field {hoofdstuk} (the chapter's label); ``status``
    {status}. The sets per kind of indicator (keys in :data:`HOOFDSTUK_SJABLONEN`; every template also has
    {indicator} and {gebied}; the ``status`` sentence follows where the indicator has a status):

    - ``doelkop`` (``hoofddoel``, ``subdoel``, ``overig`` for indicators without a goal) {doel}; ``niveau``
      (per level of an indicator) {niveau}.
    - ``reeks`` (a trajectory or monitoring): ``nu`` {periode} {waarde}, ``nu_zonder_periode`` {waarde},
      ``vergelijking`` {vergelijking}, ``doel`` {doel} {ingelopen} {referentie}, ``doellabel`` {doel} (on the
      chart), ``alt_lijn`` {gebieden}, ``alt_gat`` (per area with gaps) {jaren}, ``alt_staaf`` (one period)
      {periode} {waarden}, ``alt_staven`` (areas measured in different periods) {waarden}.
    - ``ambitie``: {nuldatum} {nulwaarde} in all; ``nu`` {periode} {waarde}, ``doel`` {doel}, ``richting`` and
      ``niet_vastgesteld`` {horizon} {richting}, ``geen_cijfers`` / ``niet_gemeten`` {horizon} {datum} {was_is},
      ``caption``, ``alt`` {gebieden} {horizonten}, ``alt_zonder_metingen`` {horizonten}.
    - ``drempels``: {negatief} {positief} (the bounds) and {beter} (hoger/lager) in the explanations;
      ``telling`` {aantal_negatief} {scoort_scoren} {aantal_neutraal} {aantal_positief}, ``zonder_cijfer``
      {gebieden}, ``rond`` {referentie} {waarde} {periode}, ``rond_zonder_cijfers`` {referentie}, ``groepen``
      {weging} {groep_negatief} {leden_negatief} {groep_positief} {leden_positief} {periode},
      ``groepen_zonder_cijfers`` {weging} {groep_negatief} {groep_positief}, ``gewogen`` {gewicht}, ``alt``.
    - ``opgave``: {doel} in all; ``geen`` {begin}, ``wel`` {begin} {einde} {perioden} {hoe} {waarde}
      {gerealiseerd} {tijd} (``hoe`` is ``per_periode`` or ``stand``), ``doellabel``, ``titel``, ``alt``.
    - ``gebiedsambitie``: ``zin`` {ambitie} {beter} {gehaald} {gebieden} {haalt_halen} {niet_gehaald},
      ``zonder_oordeel_*`` {gebieden}, ``caption`` {ambitie}.
    """
    gegeven = {"doelkop": doelkop, "niveau": niveau, "reeks": reeks, "ambitie": ambitie, "drempels": drempels,
               "opgave": opgave, "gebiedsambitie": gebiedsambitie}
    for naam, sleutels in HOOFDSTUK_SJABLONEN.items():
        teksten.sjablonen_compleet(gegeven[naam], sleutels, naam)
    programma = pc.prog
    label = programma.pijler_label(pijler)
    toon_html(f"<h2>{escape(pc.vul(kop, hoofdstuk=label))}</h2>")
    sub = pc.overzicht[pc.overzicht["pijler"] == pijler]
    if sub.empty:
        toon_tekst(pc.vul(geen_indicatoren, hoofdstuk=label))
        return
    for col in ("doel", "periode", "waarde_nu", "referentie", "referentie_nu", "referentie_periode"):
        if col not in sub:
            sub = sub.assign(**{col: float("nan")})
    sub = sub.assign(
        scores=sub.apply(_scores_tekst, axis=1),
        nu_tekst=sub.apply(_nu_tekst, axis=1),
        vergelijking_tekst=sub.apply(_vergelijking_tekst, axis=1),
        doel_tekst=sub.apply(_doel_tekst, axis=1, programma=programma),
        status_html=sub.apply(_status_html, axis=1),
    )
    export = sub.drop(columns=["bron", "nu_tekst", "vergelijking_tekst", "doel_tekst", "status_html"])
    pc.tabel(sub, _indicator_kolommen(sub, programma, pc.jaar), caption=pc.vul(caption, hoofdstuk=label),
             bron="; ".join(dict.fromkeys(b for b in sub["bron"] if b)), naam=f"indicatoren_{pijler}", data=export)
    structuur = doelen.structuur(programma, pijler)  # hoofddoel -> subdoel -> indicator (effect before inspanning)
    niveaus = dv.indicator_niveau(structuur)
    rijen = sub.set_index("indicator_id", drop=False)
    for groep in structuur:
        if groep.label:
            soort = {1: "hoofddoel", 2: "subdoel"}[groep.niveau] if groep.id else "overig"
            toon_html(dv.kop(groep, "doel", pc.vul(doelkop[soort], doel=groep.label)))
        for _, row in rijen.loc[list(groep.indicatoren)].iterrows():
            _toon_indicator(pc, row, niveaus[row["indicator_id"]], gegeven, status)


def _toon_indicator(pc: Programmacontext, row: pd.Series, niveau: int, sjablonen: dict[str, Sjablonen],
                    status: str) -> None:
    toon_html(f"<h{niveau}>{escape(row['indicator'])}</h{niveau}>")
    ind = pc.prog.indicator(row["indicator_id"])
    if row.get("niveau"):
        toon_tekst(pc.vul(sjablonen["niveau"][row["niveau"]], niveau=doelen.NIVEAU_LABEL[row["niveau"]].lower()),
                   klasse="niveau")
    soort = row["voortgang"]
    zin = _Zinnen(pc, row, status, sjablonen[{"traject": "reeks", "monitoring": "reeks"}.get(soort, soort)])
    if soort == "opgave":
        dv.toon_opgave(pc, ind, row, zin)
    elif soort == "gebiedsambitie":
        dv.toon_gebiedsambitie(pc, ind, row, zin)
    elif soort == "drempels":
        _toon_drempels(pc, row, zin)
    elif soort == "ambitie":
        _toon_ambitie(pc, ind, row, zin)
    else:
        _toon_reeks(pc, row, zin)


class _Zinnen:
    """The templates of one kind of indicator, filled for one indicator row: ``zin("nu", waarde=...)``."""

    def __init__(self, pc: Programmacontext, row: pd.Series, status: str, sjablonen: Sjablonen) -> None:
        self.pc, self.sjablonen = pc, sjablonen
        self.velden = {"indicator": row["indicator"], "gebied": row["gebied"]}
        self.status = pc.vul(status, status=row["status_tekst"].lower()) if row.get("status") else ""

    def __call__(self, sleutel: str, **velden: object) -> str:
        return self.pc.vul(self.sjablonen[sleutel], **{**self.velden, **velden})


# --- trajectories and monitoring -----------------------------------------------------------------------------------

def _reeks_zin(row: pd.Series, zin: _Zinnen) -> str:
    """The sentence of a trajectory or monitoring indicator: the latest figure, the comparison and the target."""
    if not row["heeft_cijfers"]:
        return zin("geen")
    nu = _w(row.get("waarde_nu"), row, missing=GEEN_CIJFERS)
    delen = [zin("nu_zonder_periode", waarde=nu) if fmt.is_missing(row.get("periode"))
             else zin("nu", periode=int(row["periode"]), waarde=nu)]
    ref = _vergelijking_tekst(row)
    if ref != "–":
        delen.append(zin("vergelijking", vergelijking=ref))
    if row["voortgang"] == "monitoring":
        return _zinnen(*delen, zin("monitoring"))
    return _zinnen(*delen, zin("doel", doel=_w(row.get("doel"), row), referentie=row.get("referentie"),
                               ingelopen=fmt.procent(row.get("pct_ingelopen"), missing="–")), zin.status)


def verwachte_perioden(data: pd.DataFrame, indicator: str, jaar: int) -> list[int]:
    """The periods an indicator's line runs over, with the missing ones in between.

    The rhythm of an indicator is the smallest step between its periods (1 for yearly figures, 2 for a
    survey every other year); a step larger than that is a missing period, where the line breaks. A period
    with a row but no figure is missing too.
    """
    perioden = sorted({int(p) for p in data.loc[data["indicator"] == indicator, "periode"] if p <= jaar})
    if len(perioden) < 2:
        return perioden
    stap = min(b - a for a, b in zip(perioden, perioden[1:], strict=False))
    return sorted(set(perioden) | set(range(perioden[0], perioden[-1] + 1, stap)))


def _reeksen(programma: Programma, data: pd.DataFrame, row: pd.Series, jaar: int) -> pd.DataFrame:
    """Periode × areas (the row's area first, then the comparison areas), missing periods as NaN."""
    namen = list(dict.fromkeys([row["gebied"], *programma.vergelijkingsgebieden,
                                *([row["referentie"]] if isinstance(row.get("referentie"), str) and row["referentie"]
                                  and row["referentie"] != "vast" else [])]))
    frame = pd.concat({g: pr.reeks(data, row["indicator_id"], g, jaar) for g in namen}, axis=1)
    frame = frame.dropna(axis=1, how="all")
    if frame.empty:
        return frame
    frame = frame.reindex(verwachte_perioden(data, row["indicator_id"], jaar))
    met_cijfer = frame.dropna(axis=0, how="all").index
    return frame.loc[met_cijfer.min():met_cijfer.max()].rename_axis("periode").reset_index()


def _figuur_kolommen(frame: pd.DataFrame, row: pd.Series) -> list[Kolom]:
    return [Kolom("periode", "Jaar", opmaak=lambda v: str(int(v)))] + [
        Kolom(c, c, numeriek=True, opmaak=lambda v, r=row: _w(v, r)) for c in frame.columns if c != "periode"]


def _gaten(frame: pd.DataFrame, gebied: str) -> list[str]:
    """The periods without a figure between an area's first and last figure."""
    r = frame.set_index("periode")[gebied]
    geldig = r.dropna().index
    if len(geldig) < 2:
        return []
    binnen = r.loc[geldig.min():geldig.max()]
    return [str(int(p)) for p in binnen.index[binnen.isna()]]


def _toon_reeks(pc: Programmacontext, row: pd.Series, zin: _Zinnen) -> None:
    """The sentence and a chart: lines over the periods, or bars when no area has more than one figure."""
    toon_tekst(_reeks_zin(row, zin))
    frame = _reeksen(pc.prog, pc.data, row, pc.jaar)
    if frame.empty:
        return
    frame["periode"] = frame["periode"].astype(int)
    gebieden = [c for c in frame.columns if c != "periode"]
    doel = row.get("doel")
    doel_label = "" if fmt.is_missing(doel) else zin("doellabel", doel=_w(doel, row))
    kleuren = pc.kleuren
    if all(frame[g].notna().sum() < 2 for g in gebieden):  # one figure per area: bars with their value, no line
        laatste = {g: frame.loc[frame[g].notna(), ["periode", g]].iloc[-1] for g in gebieden}
        een_periode = len({int(v["periode"]) for v in laatste.values()}) == 1
        namen = [g if een_periode else f"{g} ({int(laatste[g]['periode'])})" for g in gebieden]
        waarden = [float(laatste[g][g]) for g in gebieden]
        fig = bar_chart(namen, waarden, row["eenheid"], colors=[kleuren.get(g, PALET[0]) for g in gebieden],
                        decimalen=int(row["decimalen"]), referentielijn=None if fmt.is_missing(doel) else float(doel),
                        referentielabel=doel_label)
        genoemd = fmt.opsomming([f"{n} {_w(v, row)}" for n, v in zip(namen, waarden, strict=True)])
        alt = zin("alt_staaf", periode=int(frame["periode"].iloc[-1]), waarden=genoemd) if een_periode \
            else zin("alt_staven", waarden=genoemd)
    else:
        fig = line_chart(frame, "periode", gebieden, row["eenheid"],
                         referentielijn=None if fmt.is_missing(doel) else float(doel), referentielabel=doel_label,
                         kleuren=kleuren, decimalen=int(row["decimalen"]))
        alt = _zinnen(zin("alt_lijn", gebieden=fmt.opsomming(gebieden)),
                      *(zin("alt_gat", gebied=g, jaren=fmt.opsomming(gaten)) for g in gebieden
                        if (gaten := _gaten(frame, g))))
    toon_figuur(fig, alt=alt, titel=row["indicator"], bron=row["bron"], data=frame,
                data_kolommen=_figuur_kolommen(frame, row))


# --- ambitions -----------------------------------------------------------------------------------------------------

def _horizon_tekst(waarde: float | None, richting: str | None, row: pd.Series) -> str:
    if waarde is not None:
        return _w(waarde, row)
    return f"een {richting}" if richting else NIET_VASTGESTELD


def _ambitie_zin(ind: Indicator, row: pd.Series, zin: _Zinnen) -> str:
    amb = ind.ambitie
    nul = {"nuldatum": fmt.datum(amb.nulmeting.datum), "nulwaarde": _w(amb.nulmeting.waarde, row)}
    if row["status_reden"] in ("nog_niet_gemeten", "geen_cijfers"):
        geval = "geen_cijfers" if fmt.is_missing(row.get("waarde_nu")) else "niet_gemeten"
        return zin(geval, **nul, horizon=row["eerste_horizon"], datum=fmt.datum(row["eerste_horizon_datum"]),
                   was_is=teksten.was_of_is(row["eerste_horizon_datum"] <= row["peildatum"]))
    delen = [zin("nu", **nul, periode=int(row["periode"]), waarde=_w(row["waarde_nu"], row))]
    if not fmt.is_missing(row.get("doel")):
        delen.append(zin("doel", **nul, doel=_w(row["doel"], row), peildatum=fmt.datum(row["peildatum"])))
    if row.get("volgende_richting"):
        delen.append(zin("richting", **nul, horizon=row["volgende_horizon"], richting=row["volgende_richting"]))
    elif row.get("volgende_horizon") and not row.get("volgende_vastgesteld", True):
        delen.append(zin("niet_vastgesteld", **nul, horizon=row["volgende_horizon"], richting=""))
    if row["status_reden"] == "ambitie_niet_vastgesteld":
        delen.append(zin("zonder_ambitie", **nul))
    return _zinnen(*delen, zin.status)


def _meetdatum(periode: int, programma: Programma, ind: Indicator, jaar: int) -> date:
    """Where a yearly figure stands on the ambition chart's time axis: at the peildatum's day of that year (the
    moment it is compared with the ambition), the nulmeting's year at the nulmeting itself."""
    nul = ind.ambitie.nulmeting.datum
    if periode == nul.year:
        return nul
    peil = pr.peildatum(programma, jaar)
    return date(periode, peil.month, min(peil.day, 28) if peil.month == 2 else peil.day)


def _toon_ambitie(pc: Programmacontext, ind: Indicator, row: pd.Series, zin: _Zinnen) -> None:
    """The ambition sentence, the table of ambitions per horizon and a chart with each horizon at its date."""
    amb = ind.ambitie
    nul = {"nuldatum": fmt.datum(amb.nulmeting.datum), "nulwaarde": _w(amb.nulmeting.waarde, row)}
    toon_tekst(_ambitie_zin(ind, row, zin))
    rijen = [{"moment": "Nulmeting", "datum": amb.nulmeting.datum, "ambitie": _w(amb.nulmeting.waarde, row),
              "waarde": amb.nulmeting.waarde, "richting": ""}]
    rijen += [{"moment": h.naam, "datum": h.datum, "ambitie": _horizon_tekst(h.waarde, h.richting, row),
               "waarde": math.nan if h.waarde is None else h.waarde, "richting": h.richting or ""}
              for h in amb.horizonten]
    ambities = pd.DataFrame(rijen)
    pc.tabel(ambities, [Kolom("moment", "Moment"), Kolom("datum", "Datum", opmaak=fmt.datum),
                        Kolom("ambitie", "Ambitie", numeriek=True, opmaak=str)],
             caption=zin("caption", **nul), naam=f"ambities_{ind.id}", data=ambities.drop(columns=["ambitie"]),
             klasse="samen")
    frame = _reeksen(pc.prog, pc.data, row, pc.jaar)
    reeksen = {}
    if not frame.empty:
        datums = [_meetdatum(int(p), pc.prog, ind, pc.jaar) for p in frame["periode"]]
        reeksen = {g: pd.Series(frame[g].to_numpy(), index=datums) for g in frame.columns if g != "periode"}
    fig = ambitie_chart(reeksen, (amb.nulmeting.datum, amb.nulmeting.waarde),
                        [(h.naam, h.datum, h.waarde, h.richting) for h in amb.horizonten], row["eenheid"],
                        decimalen=int(row["decimalen"]), kleuren=pc.kleuren)
    horizonten = fmt.opsomming([f"{h.naam} ({fmt.datum(h.datum)}): {_horizon_tekst(h.waarde, h.richting, row)}"
                                for h in amb.horizonten])
    if frame.empty:
        toon_figuur(fig, alt=zin("alt_zonder_metingen", **nul, horizonten=horizonten), titel=row["indicator"],
                    bron=row["bron"])
    else:
        toon_figuur(fig, alt=zin("alt", **nul, gebieden=fmt.opsomming(list(reeksen)), horizonten=horizonten),
                    titel=row["indicator"], bron=row["bron"], data=frame, data_kolommen=_figuur_kolommen(frame, row))


# --- thresholds ----------------------------------------------------------------------------------------------------

def _grens_tekst(waarde: float, grens: pd.Series, eenheid: str) -> str:
    """A bound: a fixed one as the programme gives it, a computed one with the indicator's decimals."""
    d = int(grens["decimalen"])
    if grens["vast"]:
        d = max(d, fmt.decimalen_van(waarde))
    return fmt.waarde(waarde, eenheid, d, missing="–")


def _drempel_uitleg(pc: Programmacontext, grens: pd.Series, eenheid: str, decimalen: int, zin: _Zinnen) -> str:
    """How the bounds were set: fixed, around a reference area's figure, or from two groups' means."""
    neg, pos = _grens_tekst(grens["negatief"], grens, eenheid), _grens_tekst(grens["positief"], grens, eenheid)
    grenzen = {"negatief": neg, "positief": pos, "beter": "hoger" if grens["polariteit"] != "lager" else "lager"}
    if isinstance(grens.get("negatief_groep"), str):
        return dv.groep_uitleg(pc.prog, grens, grenzen, zin)
    if grens["vast"]:
        return zin("vast", **grenzen)
    if fmt.is_missing(grens["referentie_waarde"]):
        return zin("rond_zonder_cijfers", **grenzen, referentie=grens["referentie"])
    return zin("rond", **grenzen, referentie=grens["referentie"], periode=int(grens["periode"]),
               waarde=fmt.waarde(grens["referentie_waarde"], eenheid, decimalen))


def _toon_drempels(pc: Programmacontext, row: pd.Series, zin: _Zinnen) -> None:
    scores, waarden = pc.drempel_scores
    ind, eenheid, d = row["indicator_id"], row["eenheid"], int(row["decimalen"])
    grens = pc.grenzen.loc[ind]
    if not row["heeft_cijfers"] or not waarden[ind].notna().any():
        toon_tekst(zin("geen"))
        return
    rood, geen = int(row["aantal_rood"]), int(row.get("aantal_grijs", 0) or 0)
    telling = zin("telling", aantal_negatief=aantal(rood, "gebied"), scoort_scoren=teksten.getal(rood, "scoort", "scoren"),
                  aantal_neutraal=int(row["aantal_neutraal"]), aantal_positief=int(row["aantal_groen"]))
    toon_tekst(_zinnen(telling, zin("zonder_cijfer", gebieden=aantal(geen, "gebied")) if geen else "",
                       _drempel_uitleg(pc, grens, eenheid, d, zin)))
    order = waarden[ind].sort_values(ascending=grens["polariteit"] == "lager", na_position="last").index
    frame = pd.DataFrame({"gebied": order, "waarde": waarden.loc[order, ind].to_numpy(),
                          "score": scores.loc[order, ind].to_numpy()})
    fig = drempel_chart(frame["gebied"].tolist(), frame["waarde"].tolist(), frame["score"].tolist(), eenheid,
                        float(grens["negatief"]), float(grens["positief"]), decimalen=d,
                        grens_decimalen=max(d, fmt.decimalen_van(grens["negatief"]), fmt.decimalen_van(grens["positief"]))
                        if grens["vast"] else d)
    kolommen = [Kolom("gebied", "Gebied"), Kolom("waarde", "Waarde", numeriek=True,
                                                 opmaak=lambda v: fmt.waarde(v, eenheid, d, missing="–")),
                Kolom("score", "Score", html=True, opmaak=score_html)]
    alt = zin("alt", negatief=_grens_tekst(grens["negatief"], grens, eenheid),
              positief=_grens_tekst(grens["positief"], grens, eenheid))
    toon_figuur(fig, alt=alt, titel=row["indicator"], bron=row["bron"], data=frame, data_kolommen=kolommen)


# --- scores per area -----------------------------------------------------------------------------------------------

def delen(ids: list[str], per_deel: int = KOLOMMEN_PER_DEEL) -> list[list[str]]:
    """Indicator columns split into parts of at most ``per_deel``, as evenly as possible (9 -> 5 + 4, not 8 + 1)."""
    if not ids:
        return []
    n = math.ceil(len(ids) / per_deel)
    grootte = math.ceil(len(ids) / n)
    return [ids[i:i + grootte] for i in range(0, len(ids), grootte)]


def toon_gebieden(pc: Programmacontext, *, kop: str, geen_drempels: str, legenda: Sjablonen, uitleg: str,
                  aandacht: str, delen_uitleg: str, caption: str, deel: str) -> None:
    """Areas × threshold indicators: the score of each area, its counts and whether it is an aandachtsgebied.

    The counts come right after the area: they are the chapter's result. With more indicators than fit a page
    the table continues in parts, each repeating the area column; the CSV holds the whole table. In print the
    chapter, its heading included, is set on landscape pages.

    ``legenda`` has a label per score (``rood``, ``neutraal``, ``groen``); ``aandacht`` (added to ``uitleg`` when
    the programme sets ``aandachtsgebied_vanaf``) has {grens}; ``delen_uitleg`` (added when the table has parts)
    {indicatoren} {delen}; ``caption`` {deel}, filled with ``deel`` when the table has parts: {nummer} {delen}
    {eerste} {laatste} {indicatoren}. ``geen_drempels`` is shown under ``kop`` for a programme without thresholds.
    """
    programma = pc.prog
    scores, waarden = pc.drempel_scores
    if scores.empty:
        toon_html(f"<h2>{escape(pc.vul(kop))}</h2>")
        toon_tekst(pc.vul(geen_drempels))
        return
    teksten.sjablonen_compleet(legenda, ("rood", "neutraal", "groen"), "legenda")
    labels = {i.id: i.label for i in programma.indicatoren}
    eenheden = {i.id: i.eenheid for i in programma.indicatoren}
    dec = pc.grenzen["decimalen"].to_dict()
    ids = list(waarden.columns)
    tabel = scores.reset_index()
    for i in ids:
        tabel[f"{i}__waarde"] = waarden[i].to_numpy()
        # one cell: symbol + value in the score's colour (the symbol carries the score without colour)
        tabel[f"{i}__cel"] = [
            fmt.status_html(_SCORE_KEY.get(sc, "grijs"),
                            labels={k: fmt.waarde(v, eenheden[i], int(dec[i]), missing="–") for k in fmt.STATUS_LABEL})
            for sc, v in zip(tabel[i], tabel[f"{i}__waarde"], strict=True)]
    tellingen = [Kolom("aantal_rood", "Aantal negatief", numeriek=True, klasse="telling"),
                 Kolom("aantal_groen", "Aantal positief", numeriek=True, klasse="telling")]
    if programma.aandachtsgebied_vanaf:
        tellingen.append(Kolom("aandachtsgebied", "Aandachtsgebied", opmaak=lambda v: "Ja" if v else "Nee",
                               klasse="aandacht"))
    labels_legenda = {_SCORE_KEY[k]: pc.vul(legenda[k]) for k in ("rood", "neutraal", "groen")}
    items = "".join(f"<li>{fmt.status_html(_SCORE_KEY[k], labels=labels_legenda)}</li>" for k in ("rood", "neutraal", "groen"))
    stukken = delen(ids)
    tekst = _zinnen(pc.vul(uitleg),
                    pc.vul(aandacht, grens=aantal(programma.aandachtsgebied_vanaf, "negatieve score", "negatieve scores"))
                    if programma.aandachtsgebied_vanaf else "",
                    pc.vul(delen_uitleg, indicatoren=len(ids), delen=len(stukken)) if len(stukken) > 1 else "")
    bron = "; ".join(dict.fromkeys(i.bron for i in programma.indicatoren if i.drempels))
    onderdelen = [f"<h2>{escape(pc.vul(kop))}</h2>", f'<ul class="legenda">{items}</ul>', f"<p>{escape(tekst)}</p>"]
    for n, stuk in enumerate(stukken, start=1):
        kolommen = [Kolom("gebied", "Gebied", klasse="gebied"), *(tellingen if n == 1 else [])]
        kolommen += [Kolom(f"{i}__cel", labels[i], html=True) for i in stuk]
        welk = "" if len(stukken) == 1 else pc.vul(deel, nummer=n, delen=len(stukken), indicatoren=len(ids),
                                                   eerste=ids.index(stuk[0]) + 1, laatste=ids.index(stuk[-1]) + 1)
        onderdelen.append(html_table(tabel, kolommen, caption=pc.vul(caption, deel=welk),
                                     bron=bron if n == len(stukken) else "", klasse="vast"))
    toon_html(f'<div class="breed">{"".join(onderdelen)}</div>')
    export = tabel.drop(columns=[f"{i}__cel" for i in ids]).rename(columns={i: f"{i}__score" for i in ids})
    pc.csv(export, "scores_per_gebied")
