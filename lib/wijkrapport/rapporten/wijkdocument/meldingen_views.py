"""The meldingen chapter of the wijkdocument: per onderwerp, per kwartaal, within term. Labels voorbeelddata."""

from __future__ import annotations

from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import meldingen as mld
from wijkrapport.domain import wijkdata
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import schrijf_csv, toon_figuur, toon_html, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import meldingen as src

VOORBEELD = "voorbeelddata"


def _inwoners(slug: str, jaar: int) -> float:
    reeks = wijkdata.inwoners_per_jaar(slug)
    return float(reeks.get(jaar, float("nan")))


def samenvatting_zin(naam: str, jaar: int, tot: dict, onderwerpen: pd.DataFrame, inwoners: float,
                     voorbeeld: bool = False) -> str:
    """Plain-language summary of the wijk's meldingen in ``jaar`` (saying so when they are voorbeelddata)."""
    if tot["aantal"] == 0:
        waar = f" in de {VOORBEELD}" if voorbeeld else ""
        return f"In {jaar} zijn er{waar} geen meldingen over de openbare ruimte in {naam} geregistreerd."
    top = onderwerpen[onderwerpen["aantal"] > 0].head(2)
    over = fmt.opsomming([f"{r.hoofdcategorie.lower()} ({fmt.getal(r.aantal)})" for r in top.itertuples()])
    per = "" if fmt.is_missing(inwoners) or not inwoners else f": {fmt.getal(tot['aantal'] / inwoners * 1000, 1)} per 1.000 inwoners"
    begin = f"In de {VOORBEELD} kwamen er in {jaar}" if voorbeeld else f"In {jaar} kwamen er"
    zin = f"{begin} {fmt.getal(tot['aantal'])} meldingen binnen over de openbare ruimte in {naam}{per}. "
    zin += f"De meeste gingen over {over}. "
    if tot["afgehandeld"]:
        zin += (f"Van de afgehandelde meldingen was {fmt.procent(tot['binnen_termijn_pct'], 0)} binnen de afgesproken "
                "termijn klaar. ")
    if tot["open"]:
        zin += f"Aan het eind van {jaar} waren er nog {fmt.getal(tot['open'])} niet afgehandeld."
    return zin.strip()


def buiten_bron_zin(naam: str, gebied: str, gebieden: list[str] | None, voorbeeld: bool = False) -> str:
    """The sentence for a wijk the export does not cover (its gebied is not among ``gebieden``), else ""."""
    if gebieden is None or gebied in gebieden:
        return ""
    welke = f"De {VOORBEELD}" if voorbeeld else "De meldingen in deze bron"
    return (f"{welke} gaan alleen over wijken in {fmt.opsomming(list(gebieden))}. Over {naam} staan er geen "
            "meldingen in: hier staat daarom geen cijfer, ook geen 0.")


def toon_meldingen(slug: str, jaar: int, tabellen_dir: str) -> None:
    """The chapter, when ``data/meldingen/bron.yml`` exists; "voorbeelddata" in every heading, caption and source."""
    if not src.beschikbaar():
        return
    bron, meldingen, termijnen = src.load()
    label = f" ({VOORBEELD})" if bron.voorbeelddata else ""
    w = wijkdata.wijk(slug)
    toon_html(f"<h3>Meldingen over de openbare ruimte{escape(label)}</h3>")
    if bron.voorbeelddata:
        toon_tekst("Let op: dit zijn voorbeelddata, geen echte meldingen. Ze laten zien hoe dit hoofdstuk eruitziet "
                   "als de gemeente de meldingen (bijvoorbeeld uit Meld'R) per wijk deelt.", klasse="kader let-op")
    buiten = buiten_bron_zin(w["wijk_naam"], w["gebied_naam"], bron.gebieden, bron.voorbeelddata)
    if buiten:  # the export does not cover this wijk: no figures, not zeros
        toon_tekst(buiten)
        return
    laatste = meldingen["datum_melding"].max()
    if pd.isna(laatste) or laatste.year < jaar:  # the export does not reach the report year: it lags, not 0
        tot = "" if pd.isna(laatste) else f" De meldingen in de bron lopen tot {laatste.day}-{laatste.month}-{laatste.year}."
        toon_tekst(f"Nog geen cijfers over {jaar}.{tot}")
        return
    inwoners = _inwoners(slug, jaar)
    alle = wijkdata.inwoners_samen(list(meldingen["wijk_slug"].unique()), jaar)
    onderwerpen = mld.per_onderwerp(meldingen, termijnen, slug, jaar, inwoners, alle)
    tot = mld.totaal(meldingen, termijnen, slug, jaar)
    toon_tekst(samenvatting_zin(w["wijk_naam"], jaar, tot, onderwerpen, inwoners, bron.voorbeelddata))
    bron_tekst = bron.bron
    kolommen = [
        Kolom("hoofdcategorie", "Onderwerp"),
        Kolom("aantal", "Aantal", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("per_1000", "Per 1.000 inwoners", numeriek=True, opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("alle_per_1000", "Alle wijken per 1.000", numeriek=True, opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("binnen_termijn_pct", "Binnen termijn klaar", numeriek=True, opmaak=lambda v: fmt.procent(v, 0, missing="–")),
        Kolom("termijn_dagen", "Termijn (dagen)", numeriek=True, opmaak=lambda v: fmt.getal(v)),
    ]
    toon_tabel(onderwerpen, kolommen, caption=f"Meldingen per onderwerp in {w['wijk_naam']}, {jaar}{label}",
               bron=bron_tekst, naam="meldingen_per_onderwerp", tabellen_dir=tabellen_dir,
               voetnoot="Binnen termijn: het deel van de afgehandelde meldingen dat klaar was binnen de termijn van "
               "het onderwerp. Alle wijken: alle meldingen in deze data gedeeld door alle inwoners van die wijken."
               + (f" In {jaar} woonden er volgens het CBS geen mensen in {w['wijk_naam']}: een cijfer per 1.000 inwoners "
                  "bestaat dan niet ('–')." if inwoners == 0 else ""))
    kwartalen = mld.per_kwartaal(meldingen, slug, jaar)
    top = [c for c in onderwerpen["hoofdcategorie"].head(3) if c in kwartalen.columns]
    frame = kwartalen.assign(Totaal=kwartalen.sum(axis=1))[["Totaal", *top]].reset_index()
    eerste, laatste = frame.iloc[0], frame.iloc[-1]
    alt = (f"Meldingen per kwartaal in {w['wijk_naam']}{label}: {fmt.getal(eerste['Totaal'])} in {eerste['kwartaal']} en "
           f"{fmt.getal(laatste['Totaal'])} in {laatste['kwartaal']}; ook de drie grootste onderwerpen apart.")
    fig = line_chart(frame, "kwartaal", ["Totaal", *top], "aantal")
    toon_figuur(fig, alt=alt, titel=f"Meldingen per kwartaal{label}.", bron=bron_tekst, data=frame,
                data_kolommen=[Kolom("kwartaal", "Kwartaal")] + [
                    Kolom(c, c, numeriek=True, opmaak=lambda v: fmt.getal(v)) for c in ["Totaal", *top]])
    schrijf_csv(kwartalen.reset_index(), "meldingen_per_kwartaal", tabellen_dir)
