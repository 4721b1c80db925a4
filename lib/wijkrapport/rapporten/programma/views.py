"""Building blocks of the generic programme report (any programme YAML + tidy data), called from notebooks.

Every value of an indicator is printed with the indicator's decimals (``programma.decimalen``: the precision of
its source, or its ``decimalen`` key), the same precision its status and scores are computed with. Every area
keeps one colour in every chart of the report (:func:`gebiedkleuren`).
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import doelen
from wijkrapport.domain import programma as pr
from wijkrapport.domain import scores as groepen
from wijkrapport.rendering.charts import ambitie_chart, bar_chart, drempel_chart, line_chart
from wijkrapport.rendering.show import schrijf_csv, toon_figuur, toon_html, toon_lijst, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom, html_table
from wijkrapport.sources import programma as src
from wijkrapport.sources.registry import Indicator, Programma, load_programma
from wijkrapport.taal import aantal

from . import doelen_views as dv

SCORE_LABEL = {"rood": "Slechter dan de negatieve grens", "wit": "Tussen de grenzen",
               "groen": "Beter dan de positieve grens", "grijs": "Geen cijfer"}
SCORE_KORT = {"rood": "Negatief", "wit": "Neutraal", "groen": "Positief", "grijs": "Geen cijfer"}
_SCORE_KEY = {"rood": "rood", "neutraal": "wit", "groen": "groen", "grijs": "grijs"}
GEEN_CIJFERS = "geen cijfers"
NIET_VASTGESTELD = "nog niet vastgesteld"

#: Colours for the areas of a programme, in the order doelgebied, comparison areas, other named areas.
#: None of them is a status colour (groen, oranje, rood), so an area's line is never read as a verdict.
PALET = ("#00689e", "#7b3f98", "#4d4d4d", "#8c6d1f", "#007a78", "#a83e6c", "#3d5a99", "#6b5d3f")
#: At most this many indicator columns in one part of the scores-per-area table: with the area and its
#: counts they fit a landscape A4 page at the print size; more indicators continue in a next part.
KOLOMMEN_PER_DEEL = 8


def score_html(score: str, kort: bool = True) -> str:
    """A threshold score as symbol + word + colour (neutraal is the outlined 'wit' badge)."""
    return fmt.status_html(_SCORE_KEY.get(score, "grijs"), labels=SCORE_KORT if kort else SCORE_LABEL)


def laad(naam: str) -> tuple[Programma, pd.DataFrame]:
    """The programme and its validated data."""
    programma = load_programma(naam)
    return groepen.met_labels(programma, src.load(programma))  # areas keyed by code are printed by their label


def gebiedkleuren(programma: Programma) -> dict[str, str]:
    """One colour per area for the whole report: doelgebied, comparison areas, then the areas of ambitions."""
    namen = [programma.doelgebied, *programma.vergelijkingsgebieden]
    namen += [i.ambitie.gebied for i in programma.indicatoren if i.ambitie and i.ambitie.gebied]
    namen += [i.referentie for i in programma.indicatoren if i.referentie and i.referentie != "vast"]
    return {g: PALET[n % len(PALET)] for n, g in enumerate(dict.fromkeys(namen))}


def _w(value: object, row: pd.Series | dict, missing: str = "–") -> str:
    """A value of the row's indicator in its unit and decimals (a free unit with its label)."""
    return dv.w(value, row, missing=missing)


def _periode(value: object) -> str:
    return "–" if fmt.is_missing(value) else str(int(value))


def toon_inleiding(programma: Programma, data: pd.DataFrame, jaar: int) -> None:
    toon_html("<h2>Samenvatting</h2>")
    tabel = pr.overzicht(programma, data, jaar)
    soorten = tabel["voortgang"].value_counts()
    delen = [f"{aantal(n, 'indicator', 'indicatoren')}: {pr.REGIME_NAAM[v].lower()}" for v, n in soorten.items()]
    toon_tekst(f"Dit rapport volgt het programma ‘{programma.titel}’ in {programma.gemeente} over {jaar}. Het "
               f"programma heeft {aantal(len(programma.pijlers), programma.hoofdstukwoord, programma.hoofdstukken_woord)}"
               f" en {aantal(len(tabel), 'indicator', 'indicatoren')}.")
    toon_lijst(delen)
    if (tabel["voortgang"] == "drempels").any():
        toon_tekst(f"Bij drempels krijgt elk gebied ({len(pr.gebieden(programma, data))} in totaal) per indicator een "
                   "score: negatief als het cijfer slechter is dan de negatieve grens, positief als het beter is dan "
                   "de positieve grens, en anders neutraal.")
    if (~tabel["heeft_cijfers"]).any():
        namen = fmt.opsomming(tabel.loc[~tabel["heeft_cijfers"], "indicator"].tolist())
        toon_tekst(f"Nog geen cijfers in de data: {namen}.", klasse="kader let-op")


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


def toon_samenvatting(programma: Programma, data: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """Status per chapter and, for threshold indicators, the areas that need attention.

    Columns for a kind of indicator the programme does not have (targets, thresholds, monitoring) are left out.
    """
    tabel = pr.overzicht(programma, data, jaar)
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
    toon_tabel(telling, kolommen, caption=f"Stand per {programma.hoofdstukwoord} in {jaar}",
               bron=f"{programma.titel}; berekening wijkrapport", naam="status_per_hoofdstuk", tabellen_dir=tabellen_dir)
    dv.toon_doelen(programma, tabel, tabellen_dir)
    toon_tabel(tabel, [Kolom("indicator", "Indicator"), Kolom("hoofdstuk", programma.hoofdstukwoord.capitalize()),
                       *([Kolom("hoofddoel", "Hoofddoel")] if programma.doelen else []),
                       *([Kolom("niveau", "Niveau", opmaak=lambda v: doelen.NIVEAU_LABEL.get(v, v))]
                         if (tabel["niveau"] != "").any() else []),
                       Kolom("regime", "Hoe gemeten")],
               caption="Alle indicatoren en hoe de voortgang wordt gemeten", naam="indicatoren",
               tabellen_dir=tabellen_dir, data=tabel.drop(columns=["bron"]))
    scores, _ = pr.drempel_scores(programma, data, jaar)
    if scores.empty:
        return
    grens = programma.aandachtsgebied_vanaf
    if grens:
        aandacht = scores.index[scores["aandachtsgebied"]].tolist()
        meer = f"{aantal(grens, 'negatieve score', 'negatieve scores')} of meer" if grens > 1 else \
            "een negatieve score of meer"
        if aandacht:
            werkwoord = "heeft" if len(aandacht) == 1 else "hebben"
            wie = "Dat gebied is" if len(aandacht) == 1 else "Zij zijn"
            toon_tekst(f"{len(aandacht)} van de {aantal(len(scores), 'gebied')} {werkwoord} {meer}. "
                       f"{wie} aandachtsgebied: {fmt.opsomming(aandacht)}.", klasse="kader")
        else:
            toon_tekst(f"Geen van de {aantal(len(scores), 'gebied')} heeft {meer}.", klasse="kader")


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
    """The comparison area's latest value, shown beside the indicator's own ("Nederland in 2023: 3,0%")."""
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


def toon_hoofdstuk(programma: Programma, data: pd.DataFrame, jaar: int, pijler: str, tabellen_dir: str) -> None:
    """Chapter heading, its indicator table, and per indicator a sentence and a chart."""
    label = programma.pijler_label(pijler)
    toon_html(f"<h2>{escape(programma.hoofdstukwoord.capitalize())} {escape(label)}</h2>")
    tabel = pr.overzicht(programma, data, jaar)
    sub = tabel[tabel["pijler"] == pijler]
    if sub.empty:
        toon_tekst(f"Bij {programma.hoofdstukwoord} {label} horen nog geen indicatoren.")
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
    toon_tabel(sub, _indicator_kolommen(sub, programma, jaar), caption=f"Indicatoren van {programma.hoofdstukwoord} {label}",
               bron="; ".join(dict.fromkeys(b for b in sub["bron"] if b)), naam=f"indicatoren_{pijler}",
               tabellen_dir=tabellen_dir, data=export)
    scores, waarden = pr.drempel_scores(programma, data, jaar)
    grenzen = pr.grenzen(programma, data, jaar)
    kleuren = gebiedkleuren(programma)
    structuur = doelen.structuur(programma, pijler)  # hoofddoel -> subdoel -> indicator (effect before inspanning)
    niveaus = dv.indicator_niveau(structuur)
    rijen = sub.set_index("indicator_id", drop=False)
    for groep in structuur:
        if groep.label:
            toon_html(dv.kop(groep, "doel"))
        for _, row in rijen.loc[list(groep.indicatoren)].iterrows():
            _toon_indicator(programma, data, row, jaar, scores, waarden, grenzen, kleuren, tabellen_dir,
                            niveaus[row["indicator_id"]])


def _toon_indicator(programma: Programma, data: pd.DataFrame, row: pd.Series, jaar: int, scores, waarden, grenzen,
                    kleuren: dict[str, str], tabellen_dir: str, niveau: int = 3) -> None:
    toon_html(f"<h{niveau}>{escape(row['indicator'])}</h{niveau}>")
    ind = programma.indicator(row["indicator_id"])
    if row.get("niveau"):
        toon_tekst(f"Niveau: {doelen.NIVEAU_LABEL[row['niveau']].lower()}"
                   + (" (wat verandert voor bewoners)." if row["niveau"] == "effect" else " (wat het programma doet)."),
                   klasse="niveau")
    if row["voortgang"] == "opgave":
        dv.toon_opgave(programma, data, ind, row, jaar, kleuren)
    elif row["voortgang"] == "gebiedsambitie":
        dv.toon_gebiedsambitie(programma, data, ind, row, jaar, tabellen_dir)
    elif row["voortgang"] == "drempels":
        _toon_drempels(row, scores, waarden, grenzen.loc[row["indicator_id"]], programma)
    elif row["voortgang"] == "ambitie":
        _toon_ambitie(programma, data, ind, row, jaar, kleuren, tabellen_dir)
    else:
        _toon_reeks(programma, data, row, jaar, kleuren)


def _horizon_tekst(waarde: float | None, richting: str | None, row: pd.Series) -> str:
    if waarde is not None:
        return _w(waarde, row)
    return f"een {richting}" if richting else NIET_VASTGESTELD


def _status_zin(row: pd.Series) -> str:
    return f" Status: {row['status_tekst'].lower()}." if row.get("status") else ""


def _ambitie_zin(ind: Indicator, row: pd.Series) -> str:
    amb = ind.ambitie
    nul = f"Bij de nulmeting ({fmt.datum(amb.nulmeting.datum)}) was het {_w(amb.nulmeting.waarde, row)}."
    peil = fmt.datum(row["peildatum"])
    if row["status_reden"] in ("nog_niet_gemeten", "geen_cijfers"):
        eerste, wanneer = row["eerste_horizon"], fmt.datum(row["eerste_horizon_datum"])
        voorzien = "was voorzien" if row["eerste_horizon_datum"] <= row["peildatum"] else "is voorzien"
        gemeten = "Er zijn nog geen cijfers" if fmt.is_missing(row.get("waarde_nu")) else \
            "Na de nulmeting is nog niet gemeten"
        return (f"In {row['gebied']} was het bij de nulmeting ({fmt.datum(amb.nulmeting.datum)}) "
                f"{_w(amb.nulmeting.waarde, row)}. {gemeten}, dus de voortgang is nog niet te bepalen. De eerste meting "
                f"na de nulmeting {voorzien} bij ‘{eerste}’ ({wanneer}).")
    tekst = f"{row['gebied']} in {int(row['periode'])}: {_w(row['waarde_nu'], row)}. {nul}"
    if not fmt.is_missing(row.get("doel")):
        tekst += f" De ambitie op {peil} is {_w(row['doel'], row)}."
    if row.get("volgende_richting"):
        tekst += f" Voor ‘{row['volgende_horizon']}’ is alleen de richting afgesproken: een {row['volgende_richting']}."
    elif row.get("volgende_horizon") and not row.get("volgende_vastgesteld", True):
        tekst += f" De ambitie voor ‘{row['volgende_horizon']}’ is nog niet vastgesteld."
    if row["status_reden"] == "ambitie_niet_vastgesteld":
        tekst += " Zonder ambitie is de voortgang nog niet te bepalen."
    return tekst + _status_zin(row)


def _zin(row: pd.Series, jaar: int) -> str:
    if not row["heeft_cijfers"]:
        return "Voor deze indicator zijn nog geen cijfers."
    nu = _w(row.get("waarde_nu"), row, missing=GEEN_CIJFERS)
    periode = "" if fmt.is_missing(row.get("periode")) else f" in {int(row['periode'])}"
    basis = f"{row['gebied']}{periode}: {nu}."
    ref = _vergelijking_tekst(row)
    if ref != "–":
        basis += f" Ter vergelijking: {ref}."
    if row["voortgang"] == "monitoring":
        return basis + " Voor deze indicator is geen doel afgesproken; we volgen hem alleen."
    doel = _w(row.get("doel"), row)
    return (f"{basis} Het doel voor {jaar} is {doel} ({fmt.procent(row.get('pct_ingelopen'), missing='–')} van het "
            f"verschil met {row.get('referentie')} is ingelopen).{_status_zin(row)}")


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


def _toon_reeks(programma: Programma, data: pd.DataFrame, row: pd.Series, jaar: int, kleuren: dict[str, str]) -> None:
    """The sentence and a chart: lines over the periods, or bars when no area has more than one figure."""
    toon_tekst(_zin(row, jaar))
    frame = _reeksen(programma, data, row, jaar)
    if frame.empty:
        return
    frame["periode"] = frame["periode"].astype(int)
    gebieden = [c for c in frame.columns if c != "periode"]
    doel = row.get("doel")
    doel_label = "" if fmt.is_missing(doel) else f"doel {jaar}: {_w(doel, row)}"
    if all(frame[g].notna().sum() < 2 for g in gebieden):  # one figure per area: bars with their value, no line
        laatste = {g: frame.loc[frame[g].notna(), ["periode", g]].iloc[-1] for g in gebieden}
        een_periode = len({int(v["periode"]) for v in laatste.values()}) == 1
        namen = [g if een_periode else f"{g} ({int(laatste[g]['periode'])})" for g in gebieden]
        waarden = [float(laatste[g][g]) for g in gebieden]
        fig = bar_chart(namen, waarden, row["eenheid"], colors=[kleuren.get(g, PALET[0]) for g in gebieden],
                        decimalen=int(row["decimalen"]), referentielijn=None if fmt.is_missing(doel) else float(doel),
                        referentielabel=doel_label)
        wanneer = f" in {int(frame['periode'].iloc[-1])}" if een_periode else ""
        alt = (f"Staafdiagram van {row['indicator']}{wanneer}: "
               f"{fmt.opsomming([f'{n} {_w(v, row)}' for n, v in zip(namen, waarden, strict=True)])}. "
               "Er is per gebied één meting; een lijn over de tijd volgt als er meer zijn.")
    else:
        fig = line_chart(frame, "periode", gebieden, row["eenheid"],
                         referentielijn=None if fmt.is_missing(doel) else float(doel), referentielabel=doel_label,
                         kleuren=kleuren, decimalen=int(row["decimalen"]))
        alt = f"Lijngrafiek van {row['indicator']} per jaar voor {fmt.opsomming(gebieden)}."
        for g in gebieden:
            if gaten := _gaten(frame, g):
                alt += f" Voor {g} ontbreken cijfers over {fmt.opsomming(gaten)}; daar loopt de lijn niet door."
    toon_figuur(fig, alt=alt, titel=row["indicator"], bron=row["bron"], data=frame,
                data_kolommen=_figuur_kolommen(frame, row))


def _meetdatum(periode: int, programma: Programma, ind: Indicator, jaar: int) -> date:
    """Where a yearly figure stands on the ambition chart's time axis: at the peildatum's day of that year (the
    moment it is compared with the ambition), the nulmeting's year at the nulmeting itself."""
    nul = ind.ambitie.nulmeting.datum
    if periode == nul.year:
        return nul
    peil = pr.peildatum(programma, jaar)
    return date(periode, peil.month, min(peil.day, 28) if peil.month == 2 else peil.day)


def _toon_ambitie(programma: Programma, data: pd.DataFrame, ind: Indicator, row: pd.Series, jaar: int,
                  kleuren: dict[str, str], tabellen_dir: str) -> None:
    """The ambition sentence, the table of ambitions per horizon and a chart with each horizon at its date."""
    amb = ind.ambitie
    toon_tekst(_ambitie_zin(ind, row))
    rijen = [{"moment": "Nulmeting", "datum": amb.nulmeting.datum, "ambitie": _w(amb.nulmeting.waarde, row),
              "waarde": amb.nulmeting.waarde, "richting": ""}]
    rijen += [{"moment": h.naam, "datum": h.datum, "ambitie": _horizon_tekst(h.waarde, h.richting, row),
               "waarde": math.nan if h.waarde is None else h.waarde, "richting": h.richting or ""}
              for h in amb.horizonten]
    ambities = pd.DataFrame(rijen)
    toon_tabel(ambities, [Kolom("moment", "Moment"), Kolom("datum", "Datum", opmaak=fmt.datum),
                          Kolom("ambitie", "Ambitie", numeriek=True, opmaak=str)],
               caption=f"Afgesproken ambities: {row['indicator']} ({row['gebied']})", naam=f"ambities_{ind.id}",
               tabellen_dir=tabellen_dir, data=ambities.drop(columns=["ambitie"]), klasse="samen")
    frame = _reeksen(programma, data, row, jaar)
    reeksen = {}
    if not frame.empty:
        datums = [_meetdatum(int(p), programma, ind, jaar) for p in frame["periode"]]
        reeksen = {g: pd.Series(frame[g].to_numpy(), index=datums) for g in frame.columns if g != "periode"}
    fig = ambitie_chart(reeksen, (amb.nulmeting.datum, amb.nulmeting.waarde),
                        [(h.naam, h.datum, h.waarde, h.richting) for h in amb.horizonten], row["eenheid"],
                        decimalen=int(row["decimalen"]), kleuren=kleuren)
    horizonten = fmt.opsomming([f"{h.naam} ({fmt.datum(h.datum)}): {_horizon_tekst(h.waarde, h.richting, row)}"
                                for h in amb.horizonten])
    gemeten = "geen metingen" if frame.empty else f"de metingen van {fmt.opsomming(list(reeksen))}"
    alt = (f"Grafiek over de tijd van {row['indicator']}: {gemeten}, de nulmeting "
           f"({fmt.datum(amb.nulmeting.datum)}: {_w(amb.nulmeting.waarde, row)}) en de ambities op hun datum: "
           f"{horizonten}.")
    if frame.empty:
        toon_figuur(fig, alt=alt, titel=row["indicator"], bron=row["bron"])
    else:
        toon_figuur(fig, alt=alt, titel=row["indicator"], bron=row["bron"], data=frame,
                    data_kolommen=_figuur_kolommen(frame, row))


def _grens_tekst(waarde: float, grens: pd.Series, eenheid: str) -> str:
    """A bound: a fixed one as the programme gives it, a computed one with the indicator's decimals."""
    d = int(grens["decimalen"])
    if grens["vast"]:
        d = max(d, fmt.decimalen_van(waarde))
    return fmt.waarde(waarde, eenheid, d, missing="–")


def _toon_drempels(row: pd.Series, scores: pd.DataFrame, waarden: pd.DataFrame, grens: pd.Series,
                   programma: Programma | None = None) -> None:
    ind, eenheid, d = row["indicator_id"], row["eenheid"], int(row["decimalen"])
    neg, pos = _grens_tekst(grens["negatief"], grens, eenheid), _grens_tekst(grens["positief"], grens, eenheid)
    beter = "hoger" if grens["polariteit"] != "lager" else "lager"
    if not row["heeft_cijfers"] or not waarden[ind].notna().any():
        toon_tekst("Voor deze indicator zijn nog geen cijfers: geen enkel gebied heeft een score.")
        return
    if isinstance(grens.get("negatief_groep"), str) and programma is not None:
        uitleg = dv.groep_uitleg(programma, grens, eenheid, neg, pos)
    elif grens["vast"]:
        uitleg = f"De grenzen liggen vast: negatief bij {neg}, positief bij {pos} (een {beter} cijfer is beter)."
    elif fmt.is_missing(grens["referentie_waarde"]):
        uitleg = f"De grenzen liggen rond {grens['referentie']}, maar daarvoor zijn nog geen cijfers."
    else:
        ref = fmt.waarde(grens["referentie_waarde"], eenheid, d)
        uitleg = (f"De grenzen liggen rond {grens['referentie']} ({ref} in {int(grens['periode'])}): negatief bij {neg}, "
                  f"positief bij {pos} (een {beter} cijfer is beter). Alle gebieden zijn gescoord op {int(grens['periode'])}.")
    telling = [aantal(int(row["aantal_rood"]), "gebied") + (" scoort" if int(row["aantal_rood"]) == 1 else " scoren")
               + " negatief", f"{int(row['aantal_neutraal'])} neutraal", f"{int(row['aantal_groen'])} positief"]
    geen = int(row.get("aantal_grijs", 0) or 0)
    tekst = f"{telling[0]}, {telling[1]} en {telling[2]}."
    if geen:
        tekst += f" {aantal(geen, 'gebied')} zonder cijfer."
    toon_tekst(f"{tekst} {uitleg}")
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
    toon_figuur(fig, alt=f"Stippendiagram van {row['indicator']} per gebied, van best naar slechtst, met de negatieve "
                f"grens ({neg}) en de positieve grens ({pos}) als stippellijn.", titel=row["indicator"],
                bron=row["bron"], data=frame, data_kolommen=kolommen)


def delen(ids: list[str], per_deel: int = KOLOMMEN_PER_DEEL) -> list[list[str]]:
    """Indicator columns split into parts of at most ``per_deel``, as evenly as possible (9 -> 5 + 4, not 8 + 1)."""
    if not ids:
        return []
    n = math.ceil(len(ids) / per_deel)
    grootte = math.ceil(len(ids) / n)
    return [ids[i:i + grootte] for i in range(0, len(ids), grootte)]


def toon_gebieden(programma: Programma, data: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """Areas × threshold indicators: the score of each area, its counts and whether it is an aandachtsgebied.

    The counts come right after the area: they are the chapter's result. With more indicators than fit a page
    the table continues in parts, each repeating the area column; the CSV holds the whole table. In print the
    chapter, its heading included, is set on landscape pages.
    """
    scores, waarden = pr.drempel_scores(programma, data, jaar)
    if scores.empty:
        toon_html("<h2>Scores per gebied</h2>")
        toon_tekst("Dit programma heeft geen indicatoren met drempels.")
        return
    labels = {i.id: i.label for i in programma.indicatoren}
    eenheden = {i.id: i.eenheid for i in programma.indicatoren}
    dec = pr.grenzen(programma, data, jaar)["decimalen"].to_dict()
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
    legenda = "".join(f"<li>{fmt.status_html(_SCORE_KEY[k], labels=SCORE_LABEL)}</li>" for k in ("rood", "neutraal", "groen"))
    uitleg = ("Per gebied en indicator: negatief (slechter dan de negatieve grens), neutraal of positief. De gebieden "
              "met de meeste negatieve scores staan bovenaan.")
    if programma.aandachtsgebied_vanaf:
        uitleg += (f" Een gebied met {aantal(programma.aandachtsgebied_vanaf, 'negatieve score', 'negatieve scores')} "
                   "of meer is aandachtsgebied.")
    bron = "; ".join(dict.fromkeys(i.bron for i in programma.indicatoren if i.drempels))
    stukken = delen(ids)
    if len(stukken) > 1:
        uitleg += (f" De {len(ids)} indicatoren staan in {len(stukken)} delen van de tabel; elk deel begint met het "
                   "gebied.")
    onderdelen = ["<h2>Scores per gebied</h2>", f'<ul class="legenda">{legenda}</ul>', f"<p>{escape(uitleg)}</p>"]
    for n, stuk in enumerate(stukken, start=1):
        kolommen = [Kolom("gebied", "Gebied", klasse="gebied"), *(tellingen if n == 1 else [])]
        kolommen += [Kolom(f"{i}__cel", labels[i], html=True) for i in stuk]
        caption = f"Scores per gebied in {jaar}"
        if len(stukken) > 1:
            eerste, laatste = ids.index(stuk[0]) + 1, ids.index(stuk[-1]) + 1
            caption += f" (deel {n} van {len(stukken)}: indicator {eerste} tot en met {laatste} van {len(ids)})"
        onderdelen.append(html_table(tabel, kolommen, caption=caption, bron=bron if n == len(stukken) else "",
                                     klasse="vast"))
    toon_html(f'<div class="breed">{"".join(onderdelen)}</div>')
    export = tabel.drop(columns=[f"{i}__cel" for i in ids]).rename(columns={i: f"{i}__score" for i in ids})
    schrijf_csv(export, "scores_per_gebied", tabellen_dir)
    dv.toon_rangorde(programma, scores, jaar, tabellen_dir)
