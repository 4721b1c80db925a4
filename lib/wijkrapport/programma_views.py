"""Building blocks of the generic programme report (any programme YAML + tidy data), called from notebooks."""

from __future__ import annotations

from html import escape

import pandas as pd

from . import format as fmt
from . import programma as pr
from .charts import drempel_chart, line_chart
from .publish import toon_figuur, toon_html, toon_lijst, toon_tabel, toon_tekst
from .registry import Programma, load_programma
from .sources import programma as src
from .tables import Kolom

SCORE_LABEL = {"rood": "Slechter dan de negatieve grens", "wit": "Tussen de grenzen",
               "groen": "Beter dan de positieve grens", "grijs": "Geen cijfer"}
SCORE_KORT = {"rood": "Negatief", "wit": "Neutraal", "groen": "Positief", "grijs": "Geen cijfer"}
_SCORE_KEY = {"rood": "rood", "neutraal": "wit", "groen": "groen", "grijs": "grijs"}


def score_html(score: str, kort: bool = True) -> str:
    """A threshold score as symbol + word + colour (neutraal is the outlined 'wit' badge)."""
    return fmt.status_html(_SCORE_KEY.get(score, "grijs"), labels=SCORE_KORT if kort else SCORE_LABEL)


def laad(naam: str) -> tuple[Programma, pd.DataFrame]:
    """The programme and its validated data."""
    programma = load_programma(naam)
    return programma, src.load(programma)


def _hoofdstukwoord(programma: Programma, meervoud: bool = False) -> str:
    woord = programma.hoofdstukwoord
    if not meervoud:
        return woord
    return {"pijler": "pijlers", "tafel": "tafels", "thema": "thema's"}.get(woord, woord + "s")


def toon_inleiding(programma: Programma, data: pd.DataFrame, jaar: int) -> None:
    toon_html("<h2>Samenvatting</h2>")
    tabel = pr.overzicht(programma, data, jaar)
    soorten = tabel["voortgang"].value_counts()
    delen = [f"{n} {'indicator' if n == 1 else 'indicatoren'}: {pr.REGIME_NAAM[v].lower()}" for v, n in soorten.items()]
    toon_tekst(f"Dit rapport volgt {programma.titel} in {programma.gemeente} over {jaar}. Het programma heeft "
               f"{len(programma.pijlers)} {_hoofdstukwoord(programma, True)} en {len(tabel)} indicatoren.")
    toon_lijst(delen)
    if (tabel["voortgang"] == "drempels").any():
        toon_tekst(f"Bij drempels krijgt elk gebied ({len(pr.gebieden(programma, data))} in totaal) per indicator een "
                   "score: negatief als het cijfer slechter is dan de negatieve grens, positief als het beter is dan "
                   "de positieve grens, en anders neutraal.")


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
    """Status per chapter and, for threshold indicators, the areas that need attention."""
    tabel = pr.overzicht(programma, data, jaar)
    telling = pr.status_per_hoofdstuk(programma, tabel)
    kolommen = [k if k.naam != "hoofdstuk" else Kolom("hoofdstuk", programma.hoofdstukwoord.capitalize())
                for k in STATUS_KOLOMMEN]
    toon_tabel(telling, kolommen, caption=f"Stand per {programma.hoofdstukwoord} in {jaar}",
               bron=f"{programma.titel}; berekening wijkrapport", naam="status_per_hoofdstuk", tabellen_dir=tabellen_dir)
    toon_tabel(tabel, [Kolom("indicator", "Indicator"), Kolom("hoofdstuk", programma.hoofdstukwoord.capitalize()),
                       Kolom("regime", "Hoe gemeten")],
               caption="Alle indicatoren en hoe de voortgang wordt gemeten", naam="indicatoren",
               tabellen_dir=tabellen_dir, data=tabel.drop(columns=["bron"]))
    scores, _ = pr.drempel_scores(programma, data, jaar)
    if scores.empty:
        return
    grens = programma.aandachtsgebied_vanaf
    if grens:
        aandacht = scores.index[scores["aandachtsgebied"]].tolist()
        if aandacht:
            toon_tekst(f"{len(aandacht)} van de {len(scores)} gebieden hebben {grens} of meer negatieve scores. "
                       f"Zij zijn aandachtsgebied: {', '.join(aandacht)}.", klasse="kader")
        else:
            toon_tekst(f"Geen van de {len(scores)} gebieden heeft {grens} of meer negatieve scores.", klasse="kader")


def _indicator_kolommen(jaar: int) -> list[Kolom]:
    return [
        Kolom("indicator", "Indicator"),
        Kolom("regime", "Hoe gemeten"),
        Kolom("gebied", "Gebied"),
        Kolom("periode", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v))),
        Kolom("waarde_nu", "Nu", numeriek=True),
        Kolom("doel", f"Doel {jaar}", numeriek=True),
        Kolom("status", "Status", html=True,
              opmaak=lambda v: fmt.status_html(v, kort=True) if v else "–"),
        Kolom("scores", "Gebieden negatief / neutraal / positief"),
    ]


def _scores_tekst(row: pd.Series) -> str:
    if row.get("voortgang") != "drempels":
        return "–"
    return " / ".join(str(int(row.get(f"aantal_{s}", 0) or 0)) for s in ("rood", "neutraal", "groen"))


def toon_hoofdstuk(programma: Programma, data: pd.DataFrame, jaar: int, pijler: str, tabellen_dir: str) -> None:
    """Chapter heading, its indicator table, and per indicator a sentence and a chart."""
    label = programma.pijler_label(pijler)
    toon_html(f"<h2>{escape(programma.hoofdstukwoord.capitalize())} {escape(label)}</h2>")
    tabel = pr.overzicht(programma, data, jaar)
    sub = tabel[tabel["pijler"] == pijler]
    if sub.empty:
        toon_tekst(f"Bij {programma.hoofdstukwoord} {label} horen nog geen indicatoren.")
        return
    for col in ("doel", "periode", "waarde_nu"):
        if col not in sub:
            sub = sub.assign(**{col: float("nan")})
    sub = sub.assign(scores=sub.apply(_scores_tekst, axis=1))
    toon_tabel(sub, _indicator_kolommen(jaar), caption=f"Indicatoren van {programma.hoofdstukwoord} {label}",
               bron="; ".join(dict.fromkeys(b for b in sub["bron"] if b)), naam=f"indicatoren_{pijler}",
               tabellen_dir=tabellen_dir, eenheid_kolom="eenheid", data=sub.drop(columns=["bron"]))
    scores, waarden = pr.drempel_scores(programma, data, jaar)
    grenzen = pr.grenzen(programma, data, jaar)
    for _, row in sub.iterrows():
        toon_html(f"<h3>{escape(row['indicator'])}</h3>")
        if row["voortgang"] == "drempels":
            _toon_drempels(row, scores, waarden, grenzen.loc[row["indicator_id"]])
        else:
            _toon_reeks(programma, data, row, jaar)


def _horizonten(programma: Programma, indicator_id: str, eenheid: str) -> str:
    delen = []
    for h in programma.indicator(indicator_id).ambitie.horizonten:
        doel = fmt.waarde(h.waarde, eenheid) if h.waarde is not None else f"een {h.richting}"
        delen.append(f"{h.naam} ({h.datum.year}): {doel}")
    return "Afgesproken ambities: " + "; ".join(delen) + "."


def _zin(row: pd.Series, jaar: int) -> str:
    nu = fmt.waarde(row.get("waarde_nu"), row["eenheid"])
    periode = "" if fmt.is_missing(row.get("periode")) else f" in {int(row['periode'])}"
    basis = f"{row['gebied']}{periode}: {nu}."
    if row["voortgang"] == "monitoring":
        return basis + " Voor deze indicator is geen doel afgesproken; we volgen hem alleen."
    doel = fmt.waarde(row.get("doel"), row["eenheid"])
    if row["voortgang"] == "ambitie":
        start = fmt.waarde(row.get("waarde_start"), row["eenheid"])
        tekst = f"{basis} Bij de nulmeting ({int(row['startjaar'])}) was het {start}. De ambitie voor eind {jaar} is {doel}."
        if row.get("volgende_richting"):
            tekst += f" Voor '{row['volgende_horizon']}' is alleen de richting afgesproken: een {row['volgende_richting']}."
        return tekst + f" Status: {fmt.STATUS_LABEL.get(row['status'], 'niet te bepalen').lower()}."
    return (f"{basis} Het doel voor {jaar} is {doel} ({fmt.procent(row.get('pct_ingelopen'), missing='–')} van het "
            f"verschil met {row.get('referentie')} is ingelopen). Status: "
            f"{fmt.STATUS_LABEL.get(row['status'], 'niet te bepalen').lower()}.")


def _toon_reeks(programma: Programma, data: pd.DataFrame, row: pd.Series, jaar: int) -> None:
    toon_tekst(_zin(row, jaar))
    if row["voortgang"] == "ambitie":
        toon_tekst(_horizonten(programma, row["indicator_id"], row["eenheid"]))
    namen = list(dict.fromkeys([row["gebied"], *programma.vergelijkingsgebieden]))
    frame = pd.concat({g: pr.reeks(data, row["indicator_id"], g, jaar) for g in namen}, axis=1)
    frame = frame.dropna(axis=1, how="all")
    if frame.empty:
        toon_tekst("Er zijn nog geen cijfers voor deze indicator.")
        return
    frame = frame.rename_axis("periode").reset_index()
    frame["periode"] = frame["periode"].astype(int)
    doel = row.get("doel")
    fig = line_chart(frame, "periode", [c for c in frame.columns if c != "periode"], row["eenheid"],
                     referentielijn=None if fmt.is_missing(doel) else float(doel),
                     referentielabel="" if fmt.is_missing(doel) else f"doel {jaar}: {fmt.waarde(doel, row['eenheid'])}")
    gebieden = ", ".join(c for c in frame.columns if c != "periode")
    kolommen = [Kolom("periode", "Jaar", opmaak=lambda v: str(int(v)))] + [
        Kolom(c, c, numeriek=True, opmaak=lambda v, e=row["eenheid"]: fmt.waarde(v, e, missing="–"))
        for c in frame.columns if c != "periode"]
    toon_figuur(fig, alt=f"Lijngrafiek van {row['indicator']} per jaar voor {gebieden}.", titel=row["indicator"],
                bron=row["bron"], data=frame, data_kolommen=kolommen)


def _toon_drempels(row: pd.Series, scores: pd.DataFrame, waarden: pd.DataFrame, grens: pd.Series) -> None:
    ind, eenheid = row["indicator_id"], row["eenheid"]
    neg, pos = fmt.waarde(grens["negatief"], eenheid), fmt.waarde(grens["positief"], eenheid)
    beter = "hoger" if grens["polariteit"] != "lager" else "lager"
    if grens["vast"]:
        uitleg = f"De grenzen liggen vast: negatief bij {neg}, positief bij {pos} (een {beter} cijfer is beter)."
    else:
        ref = fmt.waarde(grens["referentie_waarde"], eenheid)
        uitleg = (f"De grenzen liggen rond {grens['referentie']} ({ref} in {int(grens['periode'])}): negatief bij {neg}, "
                  f"positief bij {pos} (een {beter} cijfer is beter). Alle gebieden zijn gescoord op {int(grens['periode'])}.")
    toon_tekst(f"{int(row['aantal_rood'])} gebieden scoren negatief, {int(row['aantal_neutraal'])} neutraal en "
               f"{int(row['aantal_groen'])} positief. {uitleg}")
    order = waarden[ind].sort_values(ascending=grens["polariteit"] == "lager", na_position="last").index
    frame = pd.DataFrame({"gebied": order, "waarde": waarden.loc[order, ind].to_numpy(),
                          "score": scores.loc[order, ind].to_numpy()})
    fig = drempel_chart(frame["gebied"].tolist(), frame["waarde"].tolist(), frame["score"].tolist(), eenheid,
                        float(grens["negatief"]), float(grens["positief"]))
    kolommen = [Kolom("gebied", "Gebied"), Kolom("waarde", "Waarde", numeriek=True,
                                                 opmaak=lambda v: fmt.waarde(v, eenheid, missing="–")),
                Kolom("score", "Score", html=True, opmaak=score_html)]
    toon_figuur(fig, alt=f"Stippendiagram van {row['indicator']} per gebied, van best naar slechtst, met de negatieve "
                f"grens ({neg}) en de positieve grens ({pos}) als stippellijn.", titel=row["indicator"],
                bron=row["bron"], data=frame, data_kolommen=kolommen)


def toon_gebieden(programma: Programma, data: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """Areas × threshold indicators: the score of each area, its counts and whether it is an aandachtsgebied."""
    scores, waarden = pr.drempel_scores(programma, data, jaar)
    toon_html("<h2>Scores per gebied</h2>")
    if scores.empty:
        toon_tekst("Dit programma heeft geen indicatoren met drempels.")
        return
    labels = {i.id: i.label for i in programma.indicatoren}
    eenheden = {i.id: i.eenheid for i in programma.indicatoren}
    ids = list(waarden.columns)
    tabel = scores.reset_index()
    for i in ids:
        tabel[f"{i}__waarde"] = waarden[i].to_numpy()
        # one cell: symbol + value in the score's colour (the symbol carries the score without colour)
        tabel[f"{i}__cel"] = [
            fmt.status_html(_SCORE_KEY.get(sc, "grijs"), labels={k: fmt.waarde(v, eenheden[i], missing="–")
                                                                   for k in fmt.STATUS_LABEL})
            for sc, v in zip(tabel[i], tabel[f"{i}__waarde"], strict=True)]
    kolommen = [Kolom("gebied", "Gebied")]
    kolommen += [Kolom(f"{i}__cel", labels[i], html=True) for i in ids]
    kolommen += [Kolom("aantal_rood", "Aantal negatief", numeriek=True),
                 Kolom("aantal_groen", "Aantal positief", numeriek=True)]
    if programma.aandachtsgebied_vanaf:
        kolommen.append(Kolom("aandachtsgebied", "Aandachtsgebied", opmaak=lambda v: "Ja" if v else "Nee"))
    legenda = "".join(f"<li>{fmt.status_html(_SCORE_KEY[k], labels=SCORE_LABEL)}</li>" for k in ("rood", "neutraal", "groen"))
    toon_html(f'<ul class="legenda">{legenda}</ul>')
    toon_tekst("Per gebied en indicator: negatief (slechter dan de negatieve grens), neutraal of positief. De "
               "gebieden met de meeste negatieve scores staan bovenaan."
               + (f" Een gebied met {programma.aandachtsgebied_vanaf} of meer negatieve scores is aandachtsgebied."
                  if programma.aandachtsgebied_vanaf else ""))
    export = tabel.drop(columns=[f"{i}__cel" for i in ids]).rename(columns={i: f"{i}__score" for i in ids})
    toon_tabel(tabel, kolommen, caption=f"Scores per gebied in {jaar}", bron="; ".join(dict.fromkeys(
        i.bron for i in programma.indicatoren if i.drempels)), naam="scores_per_gebied", tabellen_dir=tabellen_dir,
        data=export, klasse="breed")
