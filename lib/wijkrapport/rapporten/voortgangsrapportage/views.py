"""Building blocks of a programme's voortgangsrapportage chapters (called from notebooks).

Every function takes the programme name (the notebooks' ``programma`` parameter); source credits come from the
programme file (``onderdelen.<id>.bron``) and the data, years from the report year and the files.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain.traject import status_telling
from wijkrapport.rendering.charts import reeks_chart
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_lijst, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import jaarbestanden
from wijkrapport.sources.registry import Programma, load_programma

from . import teksten
from .voortgang import kolom

REF_KORT = {"G4": "G4", "Rotterdam": "Rdam", "vast": "vast"}


def _p(programma: str | Programma) -> Programma:
    return load_programma(programma) if isinstance(programma, str) else programma


def nog_geen_cijfers(jaar: int) -> str:
    return f"Nog geen cijfers over {jaar}."


def _bron(programma: Programma, onderdeel: str, jaar: int) -> str:
    return programma.onderdelen[onderdeel].bron.format(jaar=jaar)


def bron_metingen(programma: Programma) -> str:
    return f"{programma.titel}: metingen in data/{programma.data}; berekening wijkrapport"


def effect_kolommen(jaar: int, eindjaar: int | None, gedrukt: bool) -> list[Kolom]:
    kolommen = [
        Kolom("indicator", "Indicator"),
        Kolom("soort", "Soort"),
        Kolom("referentie", "T.o.v.", opmaak=lambda v: REF_KORT.get(v, "–")),
        Kolom("zuid_start", "Zuid start", numeriek=True),
        Kolom("zuid_huidig", "Zuid nu", numeriek=True),
        Kolom("referentie_huidig", "Referentie nu", numeriek=True),
        Kolom("pct_ingelopen", "% ingelopen", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("pct_ingelopen_gepubliceerd", "% gedrukt", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("doel_jaar", f"Doel {jaar}", numeriek=True),
        Kolom("doel_eind", f"Doel {eindjaar}", numeriek=True),
        Kolom("status", "Status", opmaak=lambda v: fmt.status_html(v, kort=True), html=True),
    ]
    return [k for k in kolommen if gedrukt or k.naam != "pct_ingelopen_gepubliceerd"]


def _rij_klasse(row: pd.Series) -> str:
    return "afwijking" if row.get("reproductie") == "wijkt af" else ""


def toon_effecttabel(tabel: pd.DataFrame, jaar: int, caption: str, naam: str | None, tabellen_dir: str,
                     programma: str | Programma, kop: str = "") -> None:
    """The effect table, with the printed % beside ours for a year that has a printed report (landscape in print)."""
    from .voortgang import eindjaar

    programma = _p(programma)
    gedrukt = bool(tabel["gedrukt"].any()) if "gedrukt" in tabel else False
    voetnoot = "% ingelopen is berekend uit de metingen."
    if gedrukt:
        voetnoot += (f" '% gedrukt' is het percentage in de gedrukte rapportage over {jaar}. Rijen met een gekleurde "
                     "achtergrond wijken af.")
    toon_tabel(
        tabel,
        effect_kolommen(jaar, eindjaar(programma), gedrukt),
        caption=caption,
        bron=bron_metingen(programma) + ".",
        naam=naam,
        tabellen_dir=tabellen_dir,
        eenheid_kolom="eenheid",
        rij_klasse=_rij_klasse,
        voetnoot=voetnoot,
        data=tabel[[c for c in EXPORT_DATA if c in tabel]],
        klasse="breed",
        kop=kop,
    )


EXPORT_DATA = [
    "indicator_id", "indicator", "pijler", "soort", "eenheid", "referentie", "startjaar", "g4_start", "g4_huidig",
    "rotterdam_start", "rotterdam_huidig", "zuid_start", "zuid_huidig", "referentie_huidig", "pct_ingelopen",
    "pct_ingelopen_gepubliceerd", "aandeel", "doel_jaar", "doel_eind", "status", "reproductie", "peildatum", "herzien",
]


def _reeksen(row: pd.Series, programma: Programma, jaar: int) -> dict[str, pd.DataFrame]:
    """Every period up to ``jaar`` of the indicator's series, per area of the table."""
    from wijkrapport.domain import metingen as mt

    from .voortgang import metingen

    m = metingen(programma)
    serie = programma.indicator(row["indicator_id"]).meting_id
    uit = {}
    for gebied in (programma.doelgebied, *programma.vergelijkingsgebieden):
        r = mt.reeks(m, serie, gebied, jaar)
        uit[gebied] = r[r["waarde"].notna()]
    return uit


def _doelpad(row: pd.Series, programma: Programma, zuid: pd.DataFrame) -> list[tuple[object, float]]:
    """The regime's target path: start + share(t) x (reference now - start), at the end of every year of the regime."""
    from wijkrapport.domain import traject

    if not row.get("regime") or fmt.is_missing(row.get("doel_jaar")) or zuid.empty:
        return []
    regime = programma.regimes[row["regime"]]
    start = row.get(f"{kolom(programma.doelgebied)}_start")
    return [(pd.Timestamp(year=j, month=12, day=31), traject.doel(start, row["referentie_huidig"], a))
            for j, a in sorted(regime.aandeel.items())]


def toon_indicator(row: pd.Series, jaar: int, programma: str | Programma) -> None:
    """Heading, sentence, printed-difference warning and the trend chart of one indicator."""
    programma = _p(programma)
    toon_html(f"<h3>{escape(row['indicator'])}</h3>")
    soort = {"doel": "Doelstelling", "indicator": "Indicator"}.get(row["soort"], row["soort"])
    toon_html(f'<p class="meta">{escape(soort)} · {fmt.status_html(row["status"])}</p>')
    toon_tekst(teksten.indicator_zin(row, jaar))
    if row.get("herzien"):
        toon_tekst(f"Het cijfer van {row['peildatum']} is herzien: eerder {fmt.waarde(row['vorige_waarde'], row['eenheid'])}.")
    if row.get("opmerkingen"):
        toon_tekst("Let op: " + row["opmerkingen"], klasse="kader let-op")
    reeksen = _reeksen(row, programma, jaar)
    if all(r.empty for r in reeksen.values()):
        toon_tekst("Geen cijfers in de bron om een grafiek te tekenen.")
        return
    eenheid = row["eenheid"]
    zuid = reeksen[programma.doelgebied]
    pad = _doelpad(row, programma, zuid)
    punten = {g: list(zip(r["laatste_dag"], r["waarde"], strict=True)) for g, r in reeksen.items()}
    fig = reeks_chart(punten, eenheid, pad, doel_label="doel (traject)")
    alleen_start_nu = all(len(r) <= 2 for r in reeksen.values())
    data = pd.concat([r.assign(gebied=g)[["gebied", "periode", "waarde", "status"]] for g, r in reeksen.items()],
                     ignore_index=True)
    titel = f"{row['indicator']}: alle periodes in de data."
    if alleen_start_nu:
        titel += " De data bevatten alleen de start en de stand nu, geen cijfers over de jaren daartussen."
    toon_figuur(
        fig,
        alt=teksten.grafiek_alt(row, jaar),
        titel=titel,
        bron=row.get("bron") or bron_metingen(programma),
        data=data,
        data_kolommen=[Kolom("gebied", "Gebied"), Kolom("periode", "Periode"),
                       Kolom("waarde", "Waarde", numeriek=True, opmaak=lambda v: fmt.waarde(v, eenheid, missing="–"))],
    )


def toon_pijler(tabel: pd.DataFrame, jaar: int, pijler: str, tabellen_dir: str, programma: str | Programma) -> None:
    """Status summary, one section per indicator and the effect table of a pijler."""
    programma = _p(programma)
    sub = tabel[(tabel["pijler"] == pijler) & (tabel["soort"] != "demografie")]
    label = programma.pijler_label(pijler)
    if sub.empty:
        toon_html(f'<p class="meta">{fmt.status_html("grijs")}</p>')
        toon_tekst(f"Voor de pijler {label} staan in de bron geen effectindicatoren met cijfers voor Zuid. "
                   "De voortgang op effect is daarom niet te bepalen.")
        return
    telling = status_telling(sub.assign(pijler=pijler))
    toon_lijst(teksten.status_samenvatting(telling, {pijler: label}))
    for _, row in sub.iterrows():
        toon_indicator(row, jaar, programma)
    toon_effecttabel(sub, jaar, caption=f"Stand t.a.v. doelstelling {jaar}, pijler {label}",
                     naam=f"effecttabel_{pijler}", tabellen_dir=tabellen_dir, programma=programma,
                     kop="Tabel: stand t.a.v. doelstelling")


def status_overzicht(tabel: pd.DataFrame, programma: str | Programma) -> pd.DataFrame:
    """Counts per pijler (all pijlers of the programme, also those without indicators)."""
    programma = _p(programma)
    sub = tabel[(tabel["soort"] != "demografie") & (tabel["regime"] != "")]
    telling = status_telling(sub)
    telling = telling.reindex([p.id for p in programma.pijlers], fill_value=0)
    telling.insert(0, "pijler", [programma.pijler_label(p) for p in telling.index])
    return telling.reset_index(drop=True)


def toon_pijlerkop(pijler: str, programma: str | Programma) -> None:
    programma = _p(programma)
    toon_html(f"<h2>Pijler {escape(programma.pijler_label(pijler))}</h2>")


def toon_statuslegenda() -> None:
    uitleg = {
        "groen": "Zuid heeft het doel van dit jaar gehaald.",
        "oranje": "Zuid beweegt naar de referentie toe, maar het doel van dit jaar is nog niet gehaald.",
        "rood": "Zuid is niet vooruitgegaan of van de referentie af bewogen.",
        "grijs": "Niet te bepalen, omdat cijfers ontbreken.",
    }
    items = "".join(f"<li>{fmt.status_html(s)} {escape(t)}</li>" for s, t in uitleg.items())
    toon_html(f'<ul class="legenda">{items}</ul>')


def toon_regimes(jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    """The trajectory tables of the registry: year -> share of the gap."""
    programma = _p(programma)
    jaren = sorted({j for r in programma.regimes.values() for j in r.aandeel})
    rows = []
    for rid, regime in programma.regimes.items():
        row = {"regime": regime.omschrijving or rid}
        for j in jaren:
            row[str(j)] = regime.share(j)
        rows.append(row)
    df = pd.DataFrame(rows)
    kolommen = [Kolom("regime", "Traject")] + [
        Kolom(str(j), str(j), numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")) for j in jaren
    ]
    toon_tabel(df, kolommen, caption="Aandeel van het verschil dat per jaar ingelopen moet zijn",
               bron=f"{programma.titel}: trajecten in params/programmas/{programma.naam}.yml",
               naam="trajecten", tabellen_dir=tabellen_dir)


def toon_status_overzicht(tabel: pd.DataFrame, jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    programma = _p(programma)
    overzicht = status_overzicht(tabel, programma)
    labels = {p.id: p.label for p in programma.pijlers}
    telling = overzicht.set_index(pd.Index([p.id for p in programma.pijlers]))
    toon_lijst(teksten.status_samenvatting(telling, labels))
    kolommen = [Kolom("pijler", "Pijler")] + [
        Kolom(s, f"{fmt.STATUS_SYMBOOL[s]} {fmt.STATUS_LABEL[s]}", numeriek=True) for s in ("groen", "oranje", "rood", "grijs")
    ] + [Kolom("totaal", "Totaal", numeriek=True)]
    toon_tabel(overzicht, kolommen, caption=f"Status van de doelen en indicatoren per pijler, {jaar}",
               bron=bron_metingen(programma),
               naam="status_per_pijler", tabellen_dir=tabellen_dir)


def toon_demografie(tabel: pd.DataFrame, jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    programma = _p(programma)
    onderdeel = next((o for o in programma.onderdelen.values() if o.soort == "demografie"), None)
    if onderdeel is None:
        return
    demo = tabel[tabel["soort"] == "demografie"]
    kolommen = [
        Kolom("indicator", "Indicator"),
        Kolom("peildatum", "Peildatum"),
        Kolom("zuid_start", "Zuid start", numeriek=True),
        Kolom("zuid_huidig", "Zuid nu", numeriek=True),
        Kolom("rotterdam_huidig", "Rotterdam nu", numeriek=True),
        Kolom("g4_huidig", "G4 nu", numeriek=True),
    ]
    toon_tabel(demo, kolommen, caption=onderdeel.titel or "Demografie",
               bron=f"{onderdeel.bron}; {bron_metingen(programma)}",
               naam="demografie", tabellen_dir=tabellen_dir, eenheid_kolom="eenheid",
               data=demo[["indicator_id", "indicator", "peildatum", "eenheid", "g4_start", "g4_huidig",
                          "rotterdam_start", "rotterdam_huidig", "zuid_start", "zuid_huidig"]])


def toon_alle_effecten(tabel: pd.DataFrame, jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    from .voortgang import met_doel

    sub = met_doel(tabel)
    toon_effecttabel(sub, jaar, caption=f"Stand t.a.v. doelstelling {jaar}: alle doelen en indicatoren",
                     naam="effecttabel", tabellen_dir=tabellen_dir, programma=programma,
                     kop="Overzicht van alle indicatoren")


def toon_afwijkingen(tabel: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """Where the printed report is inconsistent: with its formula, its own text or its trajectory.

    Only for a year that has a printed report; otherwise one sentence says there is none to compare with.
    """
    if not tabel["gedrukt"].any():
        toon_tekst(f"Over {jaar} is er (nog) geen gedrukte rapportage om mee te vergelijken.")
        return
    fout = tabel[tabel["opmerkingen"] != ""]
    afronding = tabel[(tabel["opmerkingen"] == "") & (tabel["reproductie"] == "binnen afronding")]
    if fout.empty:
        toon_tekst("Alle gedrukte percentages en doelen volgen uit de gedrukte cijfers.")
    else:
        toon_tekst(f"Bij {len(fout)} indicatoren is de gedrukte rapportage niet consistent:")
        kolommen = [
            Kolom("indicator", "Indicator"),
            Kolom("pct_ingelopen_gepubliceerd", "% gedrukt", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
            Kolom("pct_ingelopen", "% berekend", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
            Kolom("opmerkingen", "Wat klopt niet"),
        ]
        toon_tabel(fout, kolommen, caption="Afwijkingen in de gedrukte rapportage",
                   bron=f"gedrukte rapportage over {jaar} (tabellen en toelichtende teksten); berekening wijkrapport",
                   naam="afwijkingen", tabellen_dir=tabellen_dir,
                   data=fout[["indicator_id", "indicator", "pct_ingelopen_gepubliceerd", "pct_ingelopen",
                              "doel_jaar_gepubliceerd", "doel_jaar", "reproductie", "opmerkingen"]])
    if not afronding.empty:
        namen = ", ".join(afronding["indicator"].str.slice(0, 60))
        toon_tekst(f"Bij {len(afronding)} indicatoren verschilt het gedrukte percentage iets van onze berekening, "
                   f"maar dat kan door afronding van de gedrukte cijfers komen: {namen}.")


def toon_aanvullend(jaar: int, pijler: str, tabellen_dir: str, programma: str | Programma) -> None:
    """The count tables the programme shows with this pijler (``onderdelen`` of soort ``aandelen``)."""
    programma = _p(programma)
    for oid, o in programma.onderdelen.items():
        if o.soort == "aandelen" and o.pijler == pijler:
            if not jaarbestanden.bestaat(programma, jaar, o.bestand):
                toon_html(f"<h3>{escape(oid.capitalize())}</h3>")
                toon_tekst(nog_geen_cijfers(jaar))
                continue
            t = jaarbestanden.load_tabel(programma, jaar, o.bestand)
            _toon_aandelen(t, o, oid, tabellen_dir, bron=_bron(programma, oid, jaar))


def _jaarbestand(programma: Programma, soort: str, jaar: int):
    """(id, onderdeel, table) of the programme's chapter kind ``soort`` for ``jaar``; table None when it lags."""
    for oid, o in programma.onderdelen.items():
        if o.soort == soort:
            if not jaarbestanden.bestaat(programma, jaar, o.bestand):
                return oid, o, None
            return oid, o, jaarbestanden.load_tabel(programma, jaar, o.bestand)
    return None, None, None


def toon_algemene_indicatoren(jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    """The doelgebied and its parts beside the city, other cities and the country (as the file orders the areas)."""
    programma = _p(programma)
    oid, o, alg = _jaarbestand(programma, "algemene_indicatoren", jaar)
    if o is None:
        return
    if alg is None:
        toon_html("<h3>Algemene indicatoren</h3>")
        toon_tekst(nog_geen_cijfers(jaar))
        return
    order = alg.drop_duplicates("indicator_id")[["indicator_id", "indicator", "peildatum", "eenheid"]]
    wide = alg.pivot(index="indicator_id", columns="gebied", values="waarde").reset_index()
    wide = order.merge(wide, on="indicator_id", how="left")
    gebieden = list(dict.fromkeys(alg["gebied"]))
    kolommen = [Kolom("indicator", "Indicator"), Kolom("peildatum", "Peildatum")] + [
        Kolom(g, g, numeriek=True) for g in gebieden
    ]
    toon_tabel(wide, kolommen, caption=o.titel, eenheid_kolom="eenheid", kop="Algemene indicatoren",
               bron=_bron(programma, oid, jaar), klasse="breed",
               voetnoot="'–': geen cijfer in de bron (in de gedrukte tabel 'x'). Rotterdam lokaal: lokale bron.",
               naam="algemene_indicatoren", tabellen_dir=tabellen_dir, data=alg)


def _verhuis_wide(v: pd.DataFrame) -> pd.DataFrame:
    v["tekst"] = v.apply(lambda r: "<5" if r["onderdrukt"] == "true" else fmt.getal(
        r["waarde"], 1 if r["kolom_id"] == "mobiliteit_pct" else 0, missing="–"), axis=1)
    keys = ["volgorde", "gebied", "gebied_soort"]
    wide = v.pivot_table(index=keys, columns="kolom_id", values="tekst", aggfunc="first").reset_index()
    return wide.sort_values("volgorde").reset_index(drop=True)


def toon_verhuisbewegingen(jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    programma = _p(programma)
    oid, o, long = _jaarbestand(programma, "verhuisbewegingen", jaar)
    if o is None:
        return
    if long is None:
        toon_tekst(nog_geen_cijfers(jaar))
        return
    wide = _verhuis_wide(long)
    bron = _bron(programma, oid, jaar)
    cols = [("vestigers_totaal", "Vestigers"), ("vertrekkers_totaal", "Vertrekkers"), ("saldo", "Saldo"),
            ("inwoners", "Inwoners"), ("mobiliteit_pct", "Mobiliteit (%)")]
    kolommen = [Kolom("gebied", "Wijk of gebied")] + [Kolom(c, k, numeriek=True) for c, k in cols if c in wide]
    toon_tabel(wide, kolommen, caption=f"{o.titel or 'Verhuisbewegingen'} in {jaar}", bron=bron,
               voetnoot="Saldo = vestigers min vertrekkers. Mobiliteit = alle verhuisbewegingen als % van de inwoners. "
               "'<5': minder dan 5, in de bron afgeschermd.",
               rij_klasse=lambda r: "totaal" if r["gebied_soort"] != "wijk" else "",
               naam="verhuisbewegingen", tabellen_dir=tabellen_dir, data=long.drop(columns=["tekst"]))
    saldo = long[(long["kolom_id"] == "saldo") & (long["gebied_soort"] == "wijk")].sort_values("waarde")
    if saldo.empty:
        return
    from wijkrapport.rendering.charts import bar_chart

    colors = ["#1e7b34" if v >= 0 else "#c0392b" for v in saldo["waarde"]]
    fig = bar_chart(list(saldo["gebied"]), list(saldo["waarde"]), "aantal", colors=colors)
    hi, lo = saldo.iloc[-1], saldo.iloc[0]
    alt = (f"Vestigingssaldo per wijk in {jaar}. Het grootste overschot had {hi['gebied']} "
           f"({fmt.getal(hi['waarde'])}), het grootste tekort {lo['gebied']} ({fmt.getal(lo['waarde'])}).")
    toon_figuur(fig, alt=alt, titel="Saldo van vestigers en vertrekkers per wijk.", bron=bron,
                data=saldo, data_kolommen=[Kolom("gebied", "Wijk"), Kolom("waarde", "Saldo", numeriek=True)])


def _toon_aandelen(t: pd.DataFrame, o, naam: str, tabellen_dir: str, bron: str) -> None:
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
                notes.append(f"{regel}, {p}: gedrukt {fmt.procent(pub)}, uit de aantallen volgt {fmt.procent(share)}.")
        rows.append(row)
    notes += leeftijd_som_afwijkingen(t, periode)
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
    toon_tabel(df, kolommen, caption=caption, bron=bron, naam=naam, tabellen_dir=tabellen_dir, klasse="breed",
               kop=kop, voetnoot=f"Aandeel {gebied} is berekend uit de aantallen.", data=t.drop(columns=["regel_tekst"]))
    if notes:
        toon_tekst("Let op: bij deze regels volgt het gedrukte aandeel niet uit de gedrukte aantallen.", klasse="kader let-op")
        toon_lijst(notes)


def leeftijd_som_afwijkingen(t: pd.DataFrame, periode: str) -> list[str]:
    """Where a total row does not equal the sum of its age rows (same regel, period and area)."""
    if "leeftijd" not in t:
        return []
    notes = []
    for (regel, p, gebied), grp in t.groupby(["regel", periode, "gebied"], sort=False):
        total = grp.loc[grp["leeftijd"] == "totaal", "waarde"]
        parts = grp.loc[grp["leeftijd"] != "totaal", "waarde"]
        if len(total) == 1 and len(parts) >= 2 and parts.notna().all() and not fmt.is_missing(total.iloc[0]):
            if abs(parts.sum() - total.iloc[0]) > 0.5:
                notes.append(f"{regel}, {p}, {gebied}: totaal {fmt.getal(total.iloc[0])}, maar de leeftijdsgroepen "
                             f"tellen op tot {fmt.getal(parts.sum())}.")
    return notes


TREND_LABEL = {"nieuw": "Nieuw", "vooruit": "Vooruit", "gelijk": "Gelijk", "achteruit": "Achteruit", "gestopt": "Gestopt"}


def _kleur(v: object) -> str:
    """A colour as printed (symbol + word + colour), or 'niet in bron'."""
    if not v:
        return f'<span class="niet-in-bron">{fmt.NIET_IN_BRON}</span>'
    key = str(v)
    return (f'<span class="status status-{key}"><span aria-hidden="true">{fmt.STATUS_SYMBOOL.get(key, "?")}</span> '
            f"{key.capitalize()}</span>")


def toon_interventies(jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    """Counts per pijler against the published totals, and per pijler the list of interventies."""
    programma = _p(programma)
    oid, o, iv = _jaarbestand(programma, "interventies", jaar)
    if o is None:
        return
    if iv is None:
        toon_tekst(nog_geen_cijfers(jaar))
        return
    bron = _bron(programma, oid, jaar)
    samen = {}
    if o.samenvatting and jaarbestanden.bestaat(programma, jaar, o.samenvatting):
        df = jaarbestanden.load_tabel(programma, jaar, o.samenvatting)
        samen = {r["pijler"]: int(r["totaal_gepubliceerd"]) for _, r in df.iterrows() if pd.notna(r["totaal_gepubliceerd"])}
    telling = iv.groupby("pijler").size().reindex([p.id for p in programma.pijlers], fill_value=0)
    overzicht = pd.DataFrame({
        "pijler": [programma.pijler_label(p) for p in telling.index],
        "in_data": telling.to_numpy(),
        "gepubliceerd": [samen.get(p) for p in telling.index],
    })
    overzicht["verschil"] = overzicht["in_data"] - overzicht["gepubliceerd"]
    totaal = pd.DataFrame([{"pijler": "Totaal", "in_data": overzicht["in_data"].sum(),
                            "gepubliceerd": overzicht["gepubliceerd"].sum(),
                            "verschil": overzicht["in_data"].sum() - overzicht["gepubliceerd"].sum()}])
    overzicht = pd.concat([overzicht, totaal], ignore_index=True)
    if samen:
        toon_tekst(f"Het uitvoeringsplan telt {fmt.getal(overzicht['gepubliceerd'].iloc[-1])} interventies. "
                   f"In de tabellen van de bron staan er {fmt.getal(overzicht['in_data'].iloc[-1])}.")
    toon_tabel(overzicht, [Kolom("pijler", "Pijler"), Kolom("in_data", "Interventies in de tabellen", numeriek=True),
                           Kolom("gepubliceerd", "Volgens de samenvatting", numeriek=True),
                           Kolom("verschil", "Verschil", numeriek=True)],
               caption="Aantal interventies per pijler", bron=bron, naam="interventies_per_pijler",
               tabellen_dir=tabellen_dir, rij_klasse=lambda r: "totaal" if r["pijler"] == "Totaal" else "")
    kleuren = (iv["kleur"] != "").sum()
    trends = (iv["trend"] != "").sum()
    toon_tekst(f"De kleur van {jaar} staat voor {fmt.getal(kleuren)} interventies als tekst in de bron, de trend voor "
               f"{fmt.getal(trends)}. Voor de andere staat hieronder '{fmt.NIET_IN_BRON}': de gedrukte rapportage gaf "
               "die alleen als gekleurd vlak. Een telling van kleuren en trends per pijler maken we daarom niet.")
    for pijler in programma.pijlers:
        sub = iv[iv["pijler"] == pijler.id]
        if sub.empty:
            continue
        kolommen = [Kolom("naam", "Interventie"), Kolom("nummer", "Nr.")]
        if (sub["initiatiefnemer"] != "").any():
            kolommen.append(Kolom("initiatiefnemer", "Initiatiefnemer"))
        kolommen += [
            Kolom("financiering", "Financiering"),
            Kolom("kleur_vorig", f"Kleur {jaar - 1}", opmaak=_kleur, html=True),
            Kolom("kleur", f"Kleur {jaar}", opmaak=_kleur, html=True),
            Kolom("trend", "Trend", opmaak=lambda v: TREND_LABEL.get(str(v), fmt.NIET_IN_BRON)),
            Kolom("gestopt_in_tekst", "Gestopt volgens tekst", opmaak=lambda v: "ja" if v == "true" else "–"),
        ]
        toon_tabel(sub, kolommen, caption=f"Interventies pijler {pijler.label} ({len(sub)})", bron=bron,
                   naam=f"interventies_{pijler.id}", tabellen_dir=tabellen_dir, klasse="breed",
                   kop=f"Pijler {pijler.label}")


def toon_financien(jaar: int, tabellen_dir: str, programma: str | Programma) -> None:
    programma = _p(programma)
    oid, o, f = _jaarbestand(programma, "financien", jaar)
    if o is None:
        return
    if f is None:
        toon_tekst(nog_geen_cijfers(jaar))
        return
    kolommen = [
        Kolom("post", "Post"), Kolom("omschrijving", "Omschrijving"),
        Kolom("begroot", "Begroot", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gerealiseerd", "Gerealiseerd", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gemeente", "Gemeente", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("overige_partners", "Overige partners", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
    ]
    toon_tabel(f, kolommen, caption=o.titel or "Financiën", bron=_bron(programma, oid, jaar), naam="financien",
               tabellen_dir=tabellen_dir, rij_klasse=lambda r: "totaal" if r["soort"] == "totaal" else "")
    posten = f[f["soort"] == "post"]
    if not posten.empty:
        begroot, real = posten["begroot"].sum(), posten["gerealiseerd"].sum()
        zin = (f"Opgeteld uit de posten: begroot {fmt.euro(begroot)}, gerealiseerd {fmt.euro(real)}"
               f" ({fmt.procent(real / begroot * 100) if begroot else 'geen gegevens'} van de begroting).")
        toon_tekst(zin)
