"""The meldingen chapter of the wijkdocument: per onderwerp, per kwartaal, within term. Labels voorbeelddata.

The texts are templates written in the notebook (see :mod:`.views`); besides ``{wijk}``, ``{gebied}`` and
``{jaar}`` every template of the chapter may use ``{label}``: `` (voorbeelddata)`` when the data are an example,
else empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import meldingen as mld
from wijkrapport.domain import wijkdata
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import meldingen as src

from .views import Wijkcontext, _kies

VOORBEELD = "voorbeelddata"


def _inwoners(slug: str, jaar: int) -> float:
    reeks = wijkdata.inwoners_per_jaar(slug)
    return float(reeks.get(jaar, float("nan")))


def soort(voorbeeld: bool) -> str:
    """The key of the template for example data ('voorbeeld') or real meldingen ('echt')."""
    return "voorbeeld" if voorbeeld else "echt"


def samenvatting_zin(wd: Wijkcontext, tot: dict, onderwerpen: pd.DataFrame, inwoners: float, voorbeeld: bool, *,
                     geen: Mapping[str, str], aantal: Mapping[str, str], per_inwoners: str, meeste: str,
                     termijn: str, nog_open: str) -> str:
    """Plain-language summary of the wijk's meldingen in the report year (saying so when they are voorbeelddata).

    Fields: ``geen`` and ``aantal`` per 'voorbeeld'/'echt'; ``aantal`` {aantal} {per_inwoners} (``per_inwoners``
    {per_1000}, empty when the number of inhabitants is unknown or 0); ``meeste`` {onderwerpen}; ``termijn``
    {pct} (when meldingen were handled); ``nog_open`` {open} (when meldingen were still open).
    """
    if tot["aantal"] == 0:
        return wd.vul(_kies(geen, soort(voorbeeld), "geen"))
    top = onderwerpen[onderwerpen["aantal"] > 0].head(2)
    over = fmt.opsomming([f"{r.hoofdcategorie.lower()} ({fmt.getal(r.aantal)})" for r in top.itertuples()])
    per = ("" if fmt.is_missing(inwoners) or not inwoners else
           wd.vul(per_inwoners, per_1000=fmt.getal(tot["aantal"] / inwoners * 1000, 1)))
    return wd.zinnen(
        wd.vul(_kies(aantal, soort(voorbeeld), "aantal"), aantal=fmt.getal(tot["aantal"]), per_inwoners=per),
        wd.vul(meeste, onderwerpen=over),
        wd.vul(termijn, pct=fmt.procent(tot["binnen_termijn_pct"], 0)) if tot["afgehandeld"] else "",
        wd.vul(nog_open, open=fmt.getal(tot["open"])) if tot["open"] else "")


def toon_meldingen(wd: Wijkcontext, *, kop: str, waarschuwing: str, buiten_bron: Mapping[str, str],
                   nog_niet: str, loopt_tot: str, samenvatting: Mapping[str, object], caption: str, voetnoot: str,
                   geen_inwoners: str, titel: str, alt: str) -> None:
    """The chapter, when ``data/meldingen/bron.yml`` exists; "voorbeelddata" in every heading, caption and source.

    Fields: ``waarschuwing`` is shown for example data; ``buiten_bron`` per 'voorbeeld'/'echt' {gebieden} (the
    export covers only those; shown instead of figures for a wijk outside them); ``nog_niet``, and ``loopt_tot``
    {datum}, when the export does not reach the report year; ``samenvatting``: the keyword arguments of
    :func:`samenvatting_zin`; ``voetnoot`` {geen_inwoners} (``geen_inwoners`` {jaren} after a space, when CBS counts
    no inhabitants); ``alt`` {eerste} {eerste_kwartaal} {laatste} {laatste_kwartaal}.
    """
    if not src.beschikbaar():
        return
    bron, meldingen, termijnen = src.load()
    label = f" ({VOORBEELD})" if bron.voorbeelddata else ""

    def vul(sjabloon: str, **velden) -> str:
        return wd.vul(sjabloon, label=label, **velden)

    toon_html(f"<h3>{escape(vul(kop))}</h3>")
    if bron.voorbeelddata:
        toon_tekst(vul(waarschuwing), klasse="kader let-op")
    if bron.gebieden is not None and wd.gebied not in bron.gebieden:  # not covered: no figures, not zeros
        toon_tekst(vul(_kies(buiten_bron, soort(bron.voorbeelddata), "buiten_bron"),
                       gebieden=fmt.opsomming(list(bron.gebieden))))
        return
    laatste = meldingen["datum_melding"].max()
    if pd.isna(laatste) or laatste.year < wd.jaar:  # the export does not reach the report year: it lags, not 0
        toon_tekst(wd.zinnen(vul(nog_niet), "" if pd.isna(laatste) else
                             vul(loopt_tot, datum=f"{laatste.day}-{laatste.month}-{laatste.year}")))
        return
    inwoners = _inwoners(wd.wijk, wd.jaar)
    alle = wijkdata.inwoners_samen(list(meldingen["wijk_slug"].unique()), wd.jaar)
    onderwerpen = mld.per_onderwerp(meldingen, termijnen, wd.wijk, wd.jaar, inwoners, alle)
    tot = mld.totaal(meldingen, termijnen, wd.wijk, wd.jaar)
    toon_tekst(samenvatting_zin(wd, tot, onderwerpen, inwoners, bron.voorbeelddata, **samenvatting))
    kolommen = [
        Kolom("hoofdcategorie", "Onderwerp"),
        Kolom("aantal", "Aantal", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("per_1000", "Per 1.000 inwoners", numeriek=True, opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("alle_per_1000", "Alle wijken per 1.000", numeriek=True, opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("binnen_termijn_pct", "Binnen termijn klaar", numeriek=True, opmaak=lambda v: fmt.procent(v, 0, missing="–")),
        Kolom("termijn_dagen", "Termijn (dagen)", numeriek=True, opmaak=lambda v: fmt.getal(v)),
    ]
    wd.tabel(onderwerpen, kolommen, caption=vul(caption), bron=bron.bron, naam="meldingen_per_onderwerp",
             voetnoot=vul(voetnoot, geen_inwoners=" " + vul(geen_inwoners, jaren=wd.jaar) if inwoners == 0 else ""))
    kwartalen = mld.per_kwartaal(meldingen, wd.wijk, wd.jaar)
    top = [c for c in onderwerpen["hoofdcategorie"].head(3) if c in kwartalen.columns]
    frame = kwartalen.assign(Totaal=kwartalen.sum(axis=1))[["Totaal", *top]].reset_index()
    eerste, laatste = frame.iloc[0], frame.iloc[-1]
    fig = line_chart(frame, "kwartaal", ["Totaal", *top], "aantal")
    toon_figuur(fig, alt=vul(alt, eerste=fmt.getal(eerste["Totaal"]), eerste_kwartaal=eerste["kwartaal"],
                             laatste=fmt.getal(laatste["Totaal"]), laatste_kwartaal=laatste["kwartaal"]),
                titel=vul(titel), bron=bron.bron, data=frame,
                data_kolommen=[Kolom("kwartaal", "Kwartaal")] + [
                    Kolom(c, c, numeriek=True, opmaak=lambda v: fmt.getal(v)) for c in ["Totaal", *top]])
    wd.csv(kwartalen.reset_index(), "meldingen_per_kwartaal")
