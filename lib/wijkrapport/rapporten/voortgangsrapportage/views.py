"""Building blocks of a programme's voortgangsrapportage chapters (called from notebooks).

Every view takes the notebook's :class:`Voortgangscontext` first (year, programme, where the tables go) and the
fixed text as keyword arguments: headings, captions, footnotes and sentence templates are written in the notebook
(``notebooks/voortgang_*.ipynb``); the views compute, format and display. Templates use ``{fields}``: those of
:attr:`Voortgangscontext.velden` and the ones each view names. Source credits come from the programme file
(``onderdelen.<id>.bron``) and the data, years from the report year and the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain.traject import status_telling
from wijkrapport.rendering.charts import gebiedkleuren, reeks_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_lijst, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import jaarbestanden
from wijkrapport.sources.registry import Programma
from wijkrapport.taal import aantal

from . import teksten
from .context import Voortgangscontext
from .voortgang import kolom, met_doel

__all__ = ["Voortgangscontext"]

def _bron(vc: Voortgangscontext, onderdeel: str) -> str:
    return vc.register.onderdelen[onderdeel].bron.format(jaar=vc.jaar)


def bron_metingen(programma: Programma) -> str:
    return f"{programma.titel}: metingen in data/{programma.data}; berekening wijkrapport"


def kortenaam(programma: Programma, referentie: object) -> str:
    """An indicator's reference as the narrow "T.o.v." column names it (``kortenamen`` in the programme file)."""
    if not isinstance(referentie, str) or not referentie:
        return "–"
    return programma.kortenamen.get(referentie, referentie)


def effect_kolommen(programma: Programma, jaar: int, eindjaar: int | None, gedrukt: bool) -> list[Kolom]:
    """The effect table's columns; the doelgebied's start and current value are headed with its name."""
    doel = programma.doelgebied
    k = kolom(doel)
    kolommen = [
        Kolom("indicator", "Indicator"),
        Kolom("soort", "Soort"),
        Kolom("referentie", "T.o.v.", opmaak=lambda v: kortenaam(programma, v)),
        Kolom(f"{k}_start", f"{doel} start", numeriek=True),
        Kolom(f"{k}_huidig", f"{doel} nu", numeriek=True),
        Kolom("referentie_huidig", "Referentie nu", numeriek=True),
        Kolom("pct_ingelopen", "% ingelopen", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("pct_ingelopen_gepubliceerd", "% gedrukt", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("doel_jaar", f"Doel {jaar}", numeriek=True),
        Kolom("doel_eind", f"Doel {eindjaar}", numeriek=True),
        Kolom("status", "Status", opmaak=lambda v: fmt.status_html(v, kort=True), html=True),
    ]
    return [k for k in kolommen if gedrukt or k.naam != "pct_ingelopen_gepubliceerd"]


def gebied_data_kolommen(programma: Programma) -> list[str]:
    """Start and current value of every area of the effect table, for the CSV downloads: the comparison areas in
    the programme's order, then the doelgebied."""
    namen = [*programma.vergelijkingsgebieden, programma.doelgebied]
    return [f"{kolom(g)}_{w}" for g in namen for w in ("start", "huidig")]


def export_kolommen(programma: Programma) -> list[str]:
    """The columns of the effect table's CSV download."""
    return ["indicator_id", "indicator", "pijler", "soort", "eenheid", "referentie", "startjaar",
            *gebied_data_kolommen(programma), "referentie_huidig", "pct_ingelopen", "pct_ingelopen_gepubliceerd",
            "aandeel", "doel_jaar", "doel_eind", "status", "reproductie", "peildatum", "herzien"]


def _rij_klasse(row: pd.Series) -> str:
    return "afwijking" if row.get("reproductie") == "wijkt af" else ""


def toon_effecttabel(vc: Voortgangscontext, tabel: pd.DataFrame, naam: str, *, caption: str, kop: str,
                     voetnoot: str, voetnoot_gedrukt: str, **velden: object) -> None:
    """The effect table, with the printed % beside ours for a year that has a printed report (landscape in print).

    ``voetnoot_gedrukt`` is added to ``voetnoot`` only then. Fields: those of the context and ``velden``.
    """
    gedrukt = bool(tabel["gedrukt"].any()) if "gedrukt" in tabel else False
    noot = vc.vul(voetnoot, **velden) + (" " + vc.vul(voetnoot_gedrukt, **velden) if gedrukt else "")
    vc.tabel(
        tabel,
        effect_kolommen(vc.register, vc.jaar, vc.eindjaar, gedrukt),
        caption=vc.vul(caption, **velden),
        bron=bron_metingen(vc.register) + ".",
        naam=naam,
        eenheid_kolom="eenheid",
        rij_klasse=_rij_klasse,
        voetnoot=noot,
        data=tabel[[c for c in export_kolommen(vc.register) if c in tabel]],
        klasse="breed",
        kop=vc.vul(kop, **velden),
    )


def _reeksen(row: pd.Series, vc: Voortgangscontext) -> dict[str, pd.DataFrame]:
    """Every period up to the report year of the indicator's series, per area of the table."""
    from wijkrapport.domain import metingen as mt

    from .voortgang import gebieden, metingen

    m = metingen(vc.register)
    serie = vc.register.indicator(row["indicator_id"]).meting_id
    uit = {}
    for gebied in gebieden(vc.register):
        r = mt.reeks(m, serie, gebied, vc.jaar)
        uit[gebied] = r[r["waarde"].notna()]
    return uit


def _midden(reeks: pd.DataFrame) -> pd.Series:
    """The middle of each period: where its point stands on the chart's year axis (a calendar year in its year, a
    school year between its two years, a peildatum on its day)."""
    return reeks["eerste_dag"] + (reeks["laatste_dag"] - reeks["eerste_dag"]) / 2


def _doelpad(row: pd.Series, programma: Programma, doelreeks: pd.DataFrame) -> list[tuple[object, float]]:
    """The regime's target path: start + share(t) x (reference now - start), in the middle of every year of the
    regime (where the chart labels that year)."""
    from wijkrapport.domain import traject

    if not row.get("regime") or fmt.is_missing(row.get("doel_jaar")) or doelreeks.empty:
        return []
    regime = programma.regimes[row["regime"]]
    start = row.get(f"{kolom(programma.doelgebied)}_start")
    return [(pd.Timestamp(year=j, month=7, day=1), traject.doel(start, row["referentie_huidig"], a))
            for j, a in sorted(regime.aandeel.items())]


def referentie_naam(vc: Voortgangscontext, referentie: str | None, vast: str) -> str:
    """The indicator's reference as a sentence names it; ``vast`` (from the notebook) for a fixed target."""
    if referentie == "vast":
        return vast
    return vc.zinsnaam(referentie) if referentie else vast


def toon_indicator(vc: Voortgangscontext, row: pd.Series, t: Mapping) -> None:
    """Heading, sentence, revision and printed-difference notes and the trend chart of one indicator.

    ``t`` holds the notebook's templates: ``soort`` (label per kind), ``zinnen`` (see
    :func:`.teksten.indicator_zin`), ``vast`` (name of a fixed target), ``herzien`` (``{peildatum}``,
    ``{vorige_waarde}``), ``let_op`` (``{opmerkingen}``), ``geen_grafiek``, ``grafiektitel`` and
    ``grafiektitel_start_nu`` (``{indicator}``), ``doel_label`` (chart legend) and ``alt`` (see
    :func:`.teksten.grafiek_alt`).
    """
    p = vc.register
    toon_html(f"<h3>{escape(row['indicator'])}</h3>")
    soort = t["soort"].get(row["soort"], row["soort"])
    toon_html(f'<p class="meta">{escape(soort)} · {fmt.status_html(row["status"])}</p>')
    ref = referentie_naam(vc, row.get("referentie"), t["vast"])
    toon_tekst(teksten.indicator_zin(row, t["zinnen"], vc.vul, ref, kolom(p.doelgebied)))
    if row.get("herzien"):
        toon_tekst(vc.vul(t["herzien"], peildatum=row["peildatum"],
                          vorige_waarde=fmt.waarde(row["vorige_waarde"], row["eenheid"])))
    if row.get("opmerkingen"):
        toon_tekst(vc.vul(t["let_op"], opmerkingen=row["opmerkingen"]), klasse="kader let-op")
    reeksen = _reeksen(row, vc)
    if all(r.empty for r in reeksen.values()):
        toon_tekst(vc.vul(t["geen_grafiek"]))
        return
    eenheid = row["eenheid"]
    pad = _doelpad(row, p, reeksen[p.doelgebied])
    punten = {g: list(zip(_midden(r), r["waarde"], strict=True)) for g, r in reeksen.items()}
    fig = reeks_chart(punten, eenheid, pad, doel_label=vc.vul(t["doel_label"]), kleuren=gebiedkleuren(p))
    alleen_start_nu = all(len(r) <= 2 for r in reeksen.values())
    data = pd.concat([r.assign(gebied=g)[["gebied", "periode", "waarde", "status"]] for g, r in reeksen.items()],
                     ignore_index=True)
    gebieden = {kolom(g): g for g in reeksen}
    toon_figuur(
        fig,
        alt=teksten.grafiek_alt(row, gebieden, t["alt"], vc.vul),
        titel=vc.vul(t["grafiektitel_start_nu" if alleen_start_nu else "grafiektitel"], indicator=row["indicator"]),
        bron=row.get("bron") or bron_metingen(p),
        data=data,
        data_kolommen=[Kolom("gebied", "Gebied"), Kolom("periode", "Periode"),
                       Kolom("waarde", "Waarde", numeriek=True, opmaak=lambda v: fmt.waarde(v, eenheid, missing="–"))],
    )


def toon_pijler(vc: Voortgangscontext, pijler: str, *, geen_indicatoren: str, samenvatting: Mapping[str, str],
                indicator: Mapping, effecttabel: Mapping[str, str]) -> None:
    """Status summary, one section per indicator and the effect table of a pijler.

    ``geen_indicatoren``: the sentence when the pijler has no effect indicators (fields ``{pijler}``: its
    label); ``samenvatting``: see :func:`.teksten.status_samenvatting`; ``indicator``: see :func:`toon_indicator`;
    ``effecttabel``: the keyword arguments of :func:`toon_effecttabel` (field ``{pijler}``).
    """
    tabel = vc.doelstelling
    sub = tabel[(tabel["pijler"] == pijler) & (tabel["soort"] != "demografie")]
    label = vc.register.pijler_label(pijler)
    if sub.empty:
        toon_html(f'<p class="meta">{fmt.status_html("grijs")}</p>')
        toon_tekst(vc.vul(geen_indicatoren, pijler=label))
        return
    telling = status_telling(sub.assign(pijler=pijler))
    toon_lijst(teksten.status_samenvatting(telling, {pijler: label}, samenvatting, vc.vul))
    for _, row in sub.iterrows():
        toon_indicator(vc, row, indicator)
    toon_effecttabel(vc, sub, f"effecttabel_{pijler}", pijler=label, **effecttabel)


def status_overzicht(tabel: pd.DataFrame, programma: Programma) -> pd.DataFrame:
    """Counts per pijler (all pijlers of the programme, also those without indicators)."""
    sub = tabel[(tabel["soort"] != "demografie") & (tabel["regime"] != "")]
    telling = status_telling(sub)
    telling = telling.reindex([p.id for p in programma.pijlers], fill_value=0)
    telling.insert(0, "pijler", [programma.pijler_label(p) for p in telling.index])
    return telling.reset_index(drop=True)


def toon_pijlerkop(vc: Voortgangscontext, pijler: str, *, kop: str) -> None:
    """The chapter heading of a pijler (``kop``: field ``{pijler}``, its label)."""
    toon_html(f"<h2>{escape(vc.vul(kop, pijler=vc.register.pijler_label(pijler)))}</h2>")


def toon_statuslegenda(vc: Voortgangscontext, *, uitleg: Mapping[str, str]) -> None:
    """The status symbols with what each means (``uitleg``: status -> sentence), in the notebook's order."""
    items = "".join(f"<li>{fmt.status_html(s)} {escape(vc.vul(t))}</li>" for s, t in uitleg.items())
    toon_html(f'<ul class="legenda">{items}</ul>')


def toon_regimes(vc: Voortgangscontext, *, caption: str, bron: str) -> None:
    """The trajectory tables of the programme file: year -> share of the gap."""
    p = vc.register
    jaren = sorted({j for r in p.regimes.values() for j in r.aandeel})
    rows = []
    for rid, regime in p.regimes.items():
        row = {"regime": regime.omschrijving or rid}
        for j in jaren:
            row[str(j)] = regime.share(j)
        rows.append(row)
    kolommen = [Kolom("regime", "Traject")] + [
        Kolom(str(j), str(j), numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")) for j in jaren
    ]
    vc.tabel(pd.DataFrame(rows), kolommen, caption=vc.vul(caption), bron=vc.vul(bron), naam="trajecten")


def toon_status_overzicht(vc: Voortgangscontext, *, caption: str, samenvatting: Mapping[str, str]) -> None:
    """One sentence per pijler (``samenvatting``: see :func:`.teksten.status_samenvatting`) and the counts table."""
    p = vc.register
    overzicht = status_overzicht(vc.doelstelling, p)
    labels = {q.id: q.label for q in p.pijlers}
    telling = overzicht.set_index(pd.Index([q.id for q in p.pijlers]))
    toon_lijst(teksten.status_samenvatting(telling, labels, samenvatting, vc.vul))
    kolommen = [Kolom("pijler", "Pijler")] + [
        Kolom(s, f"{fmt.STATUS_SYMBOOL[s]} {fmt.STATUS_LABEL[s]}", numeriek=True) for s in teksten.STATUSSEN
    ] + [Kolom("totaal", "Totaal", numeriek=True)]
    vc.tabel(overzicht, kolommen, caption=vc.vul(caption), bron=bron_metingen(p), naam="status_per_pijler")


def toon_demografie(vc: Voortgangscontext) -> None:
    """Population figures of the doelgebied beside the comparison areas (caption: the programme file's title)."""
    p = vc.register
    onderdeel = next((o for o in p.onderdelen.values() if o.soort == "demografie"), None)
    if onderdeel is None:
        return
    tabel = vc.doelstelling
    demo = tabel[tabel["soort"] == "demografie"]
    k = kolom(p.doelgebied)
    kolommen = [
        Kolom("indicator", "Indicator"),
        Kolom("peildatum", "Peildatum"),
        Kolom(f"{k}_start", f"{p.doelgebied} start", numeriek=True),
        Kolom(f"{k}_huidig", f"{p.doelgebied} nu", numeriek=True),
        *(Kolom(f"{kolom(g)}_huidig", f"{g} nu", numeriek=True) for g in p.vergelijkingsgebieden),
    ]
    vc.tabel(demo, kolommen, caption=onderdeel.titel or "Demografie",
             bron=f"{onderdeel.bron}; {bron_metingen(p)}", naam="demografie", eenheid_kolom="eenheid",
             data=demo[["indicator_id", "indicator", "peildatum", "eenheid", *gebied_data_kolommen(p)]])


def toon_alle_effecten(vc: Voortgangscontext, **effecttabel: str) -> None:
    """The effect table of every target and indicator (keyword arguments: those of :func:`toon_effecttabel`)."""
    toon_effecttabel(vc, met_doel(vc.doelstelling), "effecttabel", **effecttabel)


def toon_afwijkingen(vc: Voortgangscontext, *, zinnen: Mapping[str, str], caption: str, bron: str) -> None:
    """Where the printed report is inconsistent: with its formula, its own text or its trajectory.

    Only for a year that has a printed report; otherwise ``zinnen["geen_gedrukt"]``. Further ``zinnen``:
    ``alles_klopt``, ``fouten`` (before the table; ``{indicatoren}``: '3 indicatoren'), ``afronding``
    (``{indicatoren}``, ``{namen}``).
    """
    tabel = vc.doelstelling
    if not tabel["gedrukt"].any():
        toon_tekst(vc.vul(zinnen["geen_gedrukt"]))
        return
    fout = tabel[tabel["opmerkingen"] != ""]
    afronding = tabel[(tabel["opmerkingen"] == "") & (tabel["reproductie"] == "binnen afronding")]
    if fout.empty:
        toon_tekst(vc.vul(zinnen["alles_klopt"]))
    else:
        toon_tekst(vc.vul(zinnen["fouten"], indicatoren=aantal(len(fout), "indicator")))
        kolommen = [
            Kolom("indicator", "Indicator"),
            Kolom("pct_ingelopen_gepubliceerd", "% gedrukt", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
            Kolom("pct_ingelopen", "% berekend", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
            Kolom("opmerkingen", "Wat klopt niet"),
        ]
        vc.tabel(fout, kolommen, caption=vc.vul(caption), bron=vc.vul(bron), naam="afwijkingen",
                 data=fout[["indicator_id", "indicator", "pct_ingelopen_gepubliceerd", "pct_ingelopen",
                            "doel_jaar_gepubliceerd", "doel_jaar", "reproductie", "opmerkingen"]])
    if not afronding.empty:
        namen = ", ".join(afronding["indicator"].str.slice(0, 60))
        toon_tekst(vc.vul(zinnen["afronding"], indicatoren=aantal(len(afronding), "indicator"), namen=namen))


def _jaarbestand(vc: Voortgangscontext, soort: str, geen_cijfers: str, kop: str = ""):
    """(id, onderdeel, table) of the programme's chapter kind ``soort`` for the year, or None.

    None when the programme has no such chapter, or when its file for the year has not arrived: then
    ``geen_cijfers`` is shown (after ``kop`` as a heading, when given).
    """
    for oid, o in vc.register.onderdelen.items():
        if o.soort == soort:
            if not jaarbestanden.bestaat(vc.register, vc.jaar, o.bestand):
                if kop:
                    toon_html(f"<h3>{escape(vc.vul(kop))}</h3>")
                toon_tekst(vc.vul(geen_cijfers))
                return None
            return oid, o, jaarbestanden.load_tabel(vc.register, vc.jaar, o.bestand)
    return None


def toon_aanvullend(vc: Voortgangscontext, pijler: str, *, geen_cijfers: str, voetnoot: str, let_op: str,
                    afwijking: str, som_afwijking: str) -> None:
    """The count tables the programme shows with this pijler (``onderdelen`` of soort ``aandelen``).

    Templates: ``geen_cijfers`` (file of the year not there), ``voetnoot`` (``{gebied}``), ``let_op`` (above the
    notes), ``afwijking`` (printed share not from the printed counts: ``{regel}``, ``{periode}``, ``{gedrukt}``,
    ``{berekend}``), ``som_afwijking`` (age groups do not add up: ``{regel}``, ``{periode}``, ``{gebied}``,
    ``{totaal}``, ``{som}``).
    """
    p = vc.register
    for oid, o in p.onderdelen.items():
        if o.soort == "aandelen" and o.pijler == pijler:
            if not jaarbestanden.bestaat(p, vc.jaar, o.bestand):
                toon_html(f"<h3>{escape(oid.capitalize())}</h3>")
                toon_tekst(vc.vul(geen_cijfers))
                continue
            t = jaarbestanden.load_tabel(p, vc.jaar, o.bestand)
            _toon_aandelen(vc, t, o, oid, bron=_bron(vc, oid), voetnoot=voetnoot, let_op=let_op,
                           afwijking=afwijking, som_afwijking=som_afwijking)


def toon_algemene_indicatoren(vc: Voortgangscontext, *, kop: str, voetnoot: str, geen_cijfers: str) -> None:
    """The doelgebied and its parts beside the city, other cities and the country (as the file orders the areas)."""
    gevonden = _jaarbestand(vc, "algemene_indicatoren", geen_cijfers, kop=kop)
    if gevonden is None:
        return
    oid, o, alg = gevonden
    order = alg.drop_duplicates("indicator_id")[["indicator_id", "indicator", "peildatum", "eenheid"]]
    wide = alg.pivot(index="indicator_id", columns="gebied", values="waarde").reset_index()
    wide = order.merge(wide, on="indicator_id", how="left")
    gebieden = list(dict.fromkeys(alg["gebied"]))
    kolommen = [Kolom("indicator", "Indicator"), Kolom("peildatum", "Peildatum")] + [
        Kolom(g, g, numeriek=True) for g in gebieden
    ]
    vc.tabel(wide, kolommen, caption=o.titel, eenheid_kolom="eenheid", kop=vc.vul(kop), bron=_bron(vc, oid),
             klasse="breed", voetnoot=vc.vul(voetnoot), naam="algemene_indicatoren", data=alg)


def _verhuis_wide(v: pd.DataFrame) -> pd.DataFrame:
    v["tekst"] = v.apply(lambda r: "<5" if r["onderdrukt"] == "true" else fmt.getal(
        r["waarde"], 1 if r["kolom_id"] == "mobiliteit_pct" else 0, missing="–"), axis=1)
    keys = ["volgorde", "gebied", "gebied_soort"]
    wide = v.pivot_table(index=keys, columns="kolom_id", values="tekst", aggfunc="first").reset_index()
    return wide.sort_values("volgorde").reset_index(drop=True)


def toon_verhuisbewegingen(vc: Voortgangscontext, *, caption: str, voetnoot: str, titel: str, alt: str,
                           geen_cijfers: str) -> None:
    """Movers per wijk and area, and a chart of the balance per wijk.

    Fields: ``caption`` ``{titel}`` (of the programme file's chapter); ``alt`` ``{hoogste}``, ``{hoogste_saldo}``,
    ``{laagste}``, ``{laagste_saldo}`` (the wijken with the largest surplus and deficit).
    """
    gevonden = _jaarbestand(vc, "verhuisbewegingen", geen_cijfers)
    if gevonden is None:
        return
    oid, o, long = gevonden
    wide = _verhuis_wide(long)
    bron = _bron(vc, oid)
    cols = [("vestigers_totaal", "Vestigers"), ("vertrekkers_totaal", "Vertrekkers"), ("saldo", "Saldo"),
            ("inwoners", "Inwoners"), ("mobiliteit_pct", "Mobiliteit (%)")]
    kolommen = [Kolom("gebied", "Wijk of gebied")] + [Kolom(c, k, numeriek=True) for c, k in cols if c in wide]
    vc.tabel(wide, kolommen, caption=vc.vul(caption, titel=o.titel or oid.capitalize()), bron=bron,
             voetnoot=vc.vul(voetnoot), rij_klasse=lambda r: "totaal" if r["gebied_soort"] != "wijk" else "",
             naam="verhuisbewegingen", data=long.drop(columns=["tekst"]))
    saldo = long[(long["kolom_id"] == "saldo") & (long["gebied_soort"] == "wijk")].sort_values("waarde")
    if saldo.empty:
        return
    from wijkrapport.rendering.charts import bar_chart

    colors = ["#1e7b34" if v >= 0 else "#c0392b" for v in saldo["waarde"]]
    fig = bar_chart(list(saldo["gebied"]), list(saldo["waarde"]), "aantal", colors=colors)
    hi, lo = saldo.iloc[-1], saldo.iloc[0]
    toon_figuur(fig, alt=vc.vul(alt, hoogste=hi["gebied"], hoogste_saldo=fmt.getal(hi["waarde"]),
                                laagste=lo["gebied"], laagste_saldo=fmt.getal(lo["waarde"])),
                titel=vc.vul(titel), bron=bron, data=saldo,
                data_kolommen=[Kolom("gebied", "Wijk"), Kolom("waarde", "Saldo", numeriek=True)])


def _toon_aandelen(vc: Voortgangscontext, t: pd.DataFrame, o, naam: str, bron: str, *, voetnoot: str, let_op: str,
                   afwijking: str, som_afwijking: str) -> None:
    """Counts for an area (``o.gebied``) and its total (``o.totaal``) per period (rows in document order) with the
    area's share computed.

    Where the printed share does not follow from the printed counts, a note names the row.
    """
    periode, gebied, totaal, kop, caption = o.periode, o.gebied, o.totaal, naam.capitalize(), o.titel
    t = t.copy()
    t["regel_tekst"] = t["regel"] + t.get("leeftijd", pd.Series("", index=t.index)).map(
        lambda v: f" ({v} jaar)" if v not in (None, "", "totaal") and not str(v).endswith("jaar") else
        (f" ({v})" if v not in (None, "", "totaal") else ""))
    order = list(dict.fromkeys(t["regel_tekst"]))
    periodes = list(dict.fromkeys(t[periode]))
    wide = t.pivot_table(index="regel_tekst", columns=[periode, "gebied"], values="waarde", aggfunc="first")
    printed = t[t["gebied"] == gebied].set_index(["regel_tekst", periode])["aandeel_gepubliceerd"]
    rows, notes = [], []
    for regel in order:
        is_pct = regel.startswith("%")  # a row of percentages, not counts: no share to compute
        row = {"regel": regel, "is_pct": is_pct}
        for p in periodes:
            r_val = wide.get((p, totaal), pd.Series(dtype=float)).get(regel)
            n_val = wide.get((p, gebied), pd.Series(dtype=float)).get(regel)
            share = float("nan")
            if not is_pct and r_val and not fmt.is_missing(r_val) and not fmt.is_missing(n_val):
                share = n_val / r_val * 100
            row[f"{p}_totaal"], row[f"{p}_gebied"], row[f"{p}_aandeel"] = r_val, n_val, share
            pub = printed.get((regel, p))
            if pub is not None and not fmt.is_missing(pub) and not fmt.is_missing(share) and abs(pub - share) > 0.15:
                notes.append(vc.vul(afwijking, regel=regel, periode=p, gedrukt=fmt.procent(pub),
                                    berekend=fmt.procent(share)))
        rows.append(row)
    notes += [vc.vul(som_afwijking, **a) for a in leeftijd_som_afwijkingen(t, periode)]
    df = pd.DataFrame(rows)
    for p in periodes:
        for col in (f"{p}_totaal", f"{p}_gebied"):
            df[col + "_tekst"] = [fmt.procent(v, missing="–") if pct else fmt.getal(v, missing="–")
                                  for v, pct in zip(df[col], df["is_pct"], strict=True)]
    kolommen = [Kolom("regel", "Regel")]
    for p in periodes:
        kolommen += [
            Kolom(f"{p}_totaal_tekst", f"{p} {totaal}", numeriek=True),
            Kolom(f"{p}_gebied_tekst", f"{p} {gebied}", numeriek=True),
            Kolom(f"{p}_aandeel", f"{p} aandeel {gebied}", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        ]
    vc.tabel(df, kolommen, caption=caption, bron=bron, naam=naam, klasse="breed", kop=kop,
             voetnoot=vc.vul(voetnoot, gebied=gebied), data=t.drop(columns=["regel_tekst"]))
    if notes:
        toon_tekst(vc.vul(let_op), klasse="kader let-op")
        toon_lijst(notes)


def leeftijd_som_afwijkingen(t: pd.DataFrame, periode: str) -> list[dict[str, str]]:
    """Where a total row does not equal the sum of its age rows (same regel, period and area): the fields
    ``regel``, ``periode``, ``gebied``, ``totaal`` and ``som`` (Dutch-formatted) of each."""
    if "leeftijd" not in t:
        return []
    notes = []
    for (regel, p, gebied), grp in t.groupby(["regel", periode, "gebied"], sort=False):
        total = grp.loc[grp["leeftijd"] == "totaal", "waarde"]
        parts = grp.loc[grp["leeftijd"] != "totaal", "waarde"]
        if len(total) == 1 and len(parts) >= 2 and parts.notna().all() and not fmt.is_missing(total.iloc[0]):
            if abs(parts.sum() - total.iloc[0]) > 0.5:
                notes.append({"regel": regel, "periode": p, "gebied": gebied, "totaal": fmt.getal(total.iloc[0]),
                              "som": fmt.getal(parts.sum())})
    return notes


TREND_LABEL = {"nieuw": "Nieuw", "vooruit": "Vooruit", "gelijk": "Gelijk", "achteruit": "Achteruit", "gestopt": "Gestopt"}


def _kleur(v: object) -> str:
    """A colour as printed (symbol + word + colour), or 'niet in bron'."""
    if not v:
        return f'<span class="niet-in-bron">{fmt.NIET_IN_BRON}</span>'
    key = str(v)
    return (f'<span class="status status-{key}"><span aria-hidden="true">{fmt.STATUS_SYMBOOL.get(key, "?")}</span> '
            f"{key.capitalize()}</span>")


def _interventie_telling(vc: Voortgangscontext, iv: pd.DataFrame, samenvatting: str | None) -> pd.DataFrame:
    """Interventies per pijler in the data beside the totals the summary table publishes, with a total row."""
    p = vc.register
    samen = {}
    if samenvatting and jaarbestanden.bestaat(p, vc.jaar, samenvatting):
        df = jaarbestanden.load_tabel(p, vc.jaar, samenvatting)
        samen = {r["pijler"]: int(r["totaal_gepubliceerd"]) for _, r in df.iterrows() if pd.notna(r["totaal_gepubliceerd"])}
    telling = iv.groupby("pijler").size().reindex([q.id for q in p.pijlers], fill_value=0)
    overzicht = pd.DataFrame({
        "pijler": [p.pijler_label(q) for q in telling.index],
        "in_data": telling.to_numpy(),
        "gepubliceerd": [samen.get(q) for q in telling.index],
    })
    overzicht["verschil"] = overzicht["in_data"] - overzicht["gepubliceerd"]
    totaal = pd.DataFrame([{"pijler": "Totaal", "in_data": overzicht["in_data"].sum(),
                            "gepubliceerd": overzicht["gepubliceerd"].sum(),
                            "verschil": overzicht["in_data"].sum() - overzicht["gepubliceerd"].sum()}])
    uit = pd.concat([overzicht, totaal], ignore_index=True)
    uit.attrs["gepubliceerd"] = bool(samen)
    return uit


def toon_interventies(vc: Voortgangscontext, *, telling: str, kleuren: str, caption: str, pijler_caption: str,
                      pijler_kop: str, geen_cijfers: str) -> None:
    """Counts per pijler against the published totals, and per pijler the list of interventies.

    Fields: ``telling`` ``{gepubliceerd}``, ``{in_data}`` (shown only when the summary table is there);
    ``kleuren`` ``{kleuren}``, ``{trends}`` ('12 interventies'), ``{niet_in_bron}``; ``pijler_caption``
    ``{pijler}``, ``{aantal}``; ``pijler_kop`` ``{pijler}``.
    """
    gevonden = _jaarbestand(vc, "interventies", geen_cijfers)
    if gevonden is None:
        return
    oid, o, iv = gevonden
    bron = _bron(vc, oid)
    overzicht = _interventie_telling(vc, iv, o.samenvatting)
    if overzicht.attrs["gepubliceerd"]:
        toon_tekst(vc.vul(telling, gepubliceerd=fmt.getal(overzicht["gepubliceerd"].iloc[-1]),
                          in_data=fmt.getal(overzicht["in_data"].iloc[-1])))
    vc.tabel(overzicht, [Kolom("pijler", "Pijler"), Kolom("in_data", "Interventies in de tabellen", numeriek=True),
                         Kolom("gepubliceerd", "Volgens de samenvatting", numeriek=True),
                         Kolom("verschil", "Verschil", numeriek=True)],
             caption=vc.vul(caption), bron=bron, naam="interventies_per_pijler",
             rij_klasse=lambda r: "totaal" if r["pijler"] == "Totaal" else "")
    toon_tekst(vc.vul(kleuren, kleuren=aantal(int((iv["kleur"] != "").sum()), "interventie"),
                      trends=aantal(int((iv["trend"] != "").sum()), "interventie"), niet_in_bron=fmt.NIET_IN_BRON))
    for pijler in vc.register.pijlers:
        sub = iv[iv["pijler"] == pijler.id]
        if sub.empty:
            continue
        kolommen = [Kolom("naam", "Interventie"), Kolom("nummer", "Nr.")]
        if (sub["initiatiefnemer"] != "").any():
            kolommen.append(Kolom("initiatiefnemer", "Initiatiefnemer"))
        kolommen += [
            Kolom("financiering", "Financiering"),
            Kolom("kleur_vorig", f"Kleur {vc.jaar - 1}", opmaak=_kleur, html=True),
            Kolom("kleur", f"Kleur {vc.jaar}", opmaak=_kleur, html=True),
            Kolom("trend", "Trend", opmaak=lambda v: TREND_LABEL.get(str(v), fmt.NIET_IN_BRON)),
            Kolom("gestopt_in_tekst", "Gestopt volgens tekst", opmaak=lambda v: "ja" if v == "true" else "–"),
        ]
        vc.tabel(sub, kolommen, caption=vc.vul(pijler_caption, pijler=pijler.label, aantal=len(sub)), bron=bron,
                 naam=f"interventies_{pijler.id}", klasse="breed", kop=vc.vul(pijler_kop, pijler=pijler.label))


def toon_financien(vc: Voortgangscontext, *, zin: str, geen_cijfers: str) -> None:
    """The budget of the programme office and, under it, ``zin`` (fields ``{begroot}``, ``{gerealiseerd}``,
    ``{aandeel}``: realised as % of the budget) summed from the posts."""
    gevonden = _jaarbestand(vc, "financien", geen_cijfers)
    if gevonden is None:
        return
    oid, o, f = gevonden
    kolommen = [
        Kolom("post", "Post"), Kolom("omschrijving", "Omschrijving"),
        Kolom("begroot", "Begroot", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gerealiseerd", "Gerealiseerd", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gemeente", "Gemeente", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("overige_partners", "Overige partners", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
    ]
    vc.tabel(f, kolommen, caption=o.titel or "Financiën", bron=_bron(vc, oid), naam="financien",
             rij_klasse=lambda r: "totaal" if r["soort"] == "totaal" else "")
    posten = f[f["soort"] == "post"]
    if not posten.empty:
        begroot, real = posten["begroot"].sum(), posten["gerealiseerd"].sum()
        aandeel = fmt.procent(real / begroot * 100) if begroot else fmt.GEEN_GEGEVENS
        toon_tekst(vc.vul(zin, begroot=fmt.euro(begroot), gerealiseerd=fmt.euro(real), aandeel=aandeel))
