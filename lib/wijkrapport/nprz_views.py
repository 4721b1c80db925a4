"""Building blocks of the NPRZ voortgangsrapportage chapters (called from notebooks)."""

from __future__ import annotations

from html import escape

import pandas as pd

from . import format as fmt
from . import teksten
from .charts import start_nu_chart
from .progress import status_telling
from .publish import toon_figuur, toon_html, toon_lijst, toon_tabel, toon_tekst
from .registry import load_programma
from .tables import Kolom

REF_KORT = {"G4": "G4", "Rotterdam": "Rdam", "vast": "vast"}


def effect_kolommen(jaar: int) -> list[Kolom]:
    return [
        Kolom("indicator", "Indicator"),
        Kolom("soort", "Soort"),
        Kolom("referentie", "T.o.v.", opmaak=lambda v: REF_KORT.get(v, "–")),
        Kolom("zuid_start", "Zuid start", numeriek=True),
        Kolom("zuid_huidig", "Zuid nu", numeriek=True),
        Kolom("referentie_huidig", "Referentie nu", numeriek=True),
        Kolom("pct_ingelopen", "% ingelopen", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("pct_ingelopen_gepubliceerd", "% gedrukt", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        Kolom("doel_jaar", f"Doel {jaar}", numeriek=True),
        Kolom("doel_2031", "Doel 2031", numeriek=True),
        Kolom("status", "Status", opmaak=lambda v: fmt.status_html(v, kort=True), html=True),
    ]


def _rij_klasse(row: pd.Series) -> str:
    return "afwijking" if row.get("reproductie") == "wijkt af" else ""


def toon_effecttabel(tabel: pd.DataFrame, jaar: int, caption: str, naam: str | None, tabellen_dir: str,
                     kop: str = "") -> None:
    """The effect table as published, with our computation beside the printed % (landscape in print)."""
    toon_tabel(
        tabel,
        effect_kolommen(jaar),
        caption=caption,
        bron="NPRZ Voortgangsrapportage 2024, tabellen 'Stand t.a.v. doelstelling 2024'; berekening wijkrapport.",
        naam=naam,
        tabellen_dir=tabellen_dir,
        eenheid_kolom="eenheid",
        rij_klasse=_rij_klasse,
        voetnoot="% ingelopen is berekend uit de gedrukte cijfers; '% gedrukt' is het percentage in de gedrukte "
        "tabel. Rijen met een gekleurde achtergrond wijken af.",
        data=tabel[[c for c in EXPORT_DATA if c in tabel]],
        klasse="breed",
        kop=kop,
    )


EXPORT_DATA = [
    "indicator_id", "indicator", "pijler", "soort", "eenheid", "referentie", "startjaar", "g4_start", "g4_huidig",
    "rotterdam_start", "rotterdam_huidig", "zuid_start", "zuid_huidig", "referentie_huidig", "pct_ingelopen",
    "pct_ingelopen_gepubliceerd", "aandeel", "doel_jaar", "doel_2031", "status", "reproductie",
]


def toon_indicator(row: pd.Series, jaar: int) -> None:
    """Heading, sentence, printed-difference warning and chart for one indicator."""
    toon_html(f"<h3>{escape(row['indicator'])}</h3>")
    soort = {"doel": "Doelstelling", "indicator": "Indicator"}.get(row["soort"], row["soort"])
    toon_html(f'<p class="meta">{escape(soort)} · {fmt.status_html(row["status"])}</p>')
    toon_tekst(teksten.indicator_zin(row, jaar))
    if row.get("opmerkingen"):
        toon_tekst("Let op: " + row["opmerkingen"], klasse="kader let-op")
    series = [
        ("Zuid", row.get("zuid_start"), row.get("zuid_huidig")),
        ("Rotterdam", row.get("rotterdam_start"), row.get("rotterdam_huidig")),
        ("G4", row.get("g4_start"), row.get("g4_huidig")),
    ]
    if all(fmt.is_missing(s) and fmt.is_missing(n) for _, s, n in series):
        toon_tekst("Geen cijfers in de bron om een grafiek te tekenen.")
        return
    doelen = []
    if not fmt.is_missing(row.get("doel_jaar")):
        doelen = [(f"Doel {jaar}", row["doel_jaar"]), ("Doel 2031", row["doel_2031"])]
    fig = start_nu_chart(series, row["eenheid"], doelen, start_label=f"start ({row.get('startjaar') or 'start'})",
                         nu_label=f"nu ({row.get('peildatum') or jaar})")
    eenheid = row["eenheid"]
    data = pd.DataFrame(
        [{"gebied": g, "start": s, "nu": n, "eenheid": row["eenheid"]} for g, s, n in series]
    )
    toon_figuur(
        fig,
        alt=teksten.grafiek_alt(row, jaar),
        titel=f"{row['indicator']}: start en nu.",
        bron=row.get("opmerking") or row.get("bron") or "NPRZ Voortgangsrapportage 2024",
        data=data,
        data_kolommen=[Kolom("gebied", "Gebied"),
                       Kolom("start", "Start", numeriek=True, opmaak=lambda v: fmt.waarde(v, eenheid, missing="–")),
                       Kolom("nu", "Nu", numeriek=True, opmaak=lambda v: fmt.waarde(v, eenheid, missing="–"))],
    )


def toon_pijler(tabel: pd.DataFrame, jaar: int, pijler: str, tabellen_dir: str) -> None:
    """Status summary, one section per indicator and the effect table of a pijler."""
    programma = load_programma("nprz")
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
        toon_indicator(row, jaar)
    toon_effecttabel(sub, jaar, caption=f"Stand t.a.v. doelstelling {jaar}, pijler {label}",
                     naam=f"effecttabel_{pijler}", tabellen_dir=tabellen_dir, kop="Tabel: stand t.a.v. doelstelling")


def status_overzicht(tabel: pd.DataFrame) -> pd.DataFrame:
    """Counts per pijler (all pijlers of the programme, also those without indicators)."""
    programma = load_programma("nprz")
    sub = tabel[(tabel["soort"] != "demografie") & (tabel["regime"] != "")]
    telling = status_telling(sub)
    telling = telling.reindex([p.id for p in programma.pijlers], fill_value=0)
    telling.insert(0, "pijler", [programma.pijler_label(p) for p in telling.index])
    return telling.reset_index(drop=True)


def toon_pijlerkop(pijler: str) -> None:
    programma = load_programma("nprz")
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


def toon_regimes(jaar: int, tabellen_dir: str) -> None:
    """The trajectory tables of the registry: year -> share of the gap."""
    programma = load_programma("nprz")
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
               bron="NPRZ Voortgangsrapportage 2024, toelichting Stand t.a.v. doelstelling; register params/programmas/nprz.yml",
               naam="trajecten", tabellen_dir=tabellen_dir)


def toon_status_overzicht(tabel: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    overzicht = status_overzicht(tabel)
    programma = load_programma("nprz")
    labels = {p.id: p.label for p in programma.pijlers}
    telling = overzicht.set_index(pd.Index([p.id for p in programma.pijlers]))
    toon_lijst(teksten.status_samenvatting(telling, labels))
    kolommen = [Kolom("pijler", "Pijler")] + [
        Kolom(s, f"{fmt.STATUS_SYMBOOL[s]} {fmt.STATUS_LABEL[s]}", numeriek=True) for s in ("groen", "oranje", "rood", "grijs")
    ] + [Kolom("totaal", "Totaal", numeriek=True)]
    toon_tabel(overzicht, kolommen, caption=f"Status van de doelen en indicatoren per pijler, {jaar}",
               bron="berekend uit de tabellen Stand t.a.v. doelstelling 2024 (NPRZ Voortgangsrapportage 2024)",
               naam="status_per_pijler", tabellen_dir=tabellen_dir)


def toon_demografie(tabel: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    demo = tabel[tabel["soort"] == "demografie"]
    kolommen = [
        Kolom("indicator", "Indicator"),
        Kolom("peildatum", "Peildatum"),
        Kolom("zuid_start", "Zuid start", numeriek=True),
        Kolom("zuid_huidig", "Zuid nu", numeriek=True),
        Kolom("rotterdam_huidig", "Rotterdam nu", numeriek=True),
        Kolom("g4_huidig", "G4 nu", numeriek=True),
    ]
    toon_tabel(demo, kolommen, caption="Demografie: Zuid naast Rotterdam en de G4",
               bron="NPRZ Voortgangsrapportage 2024 (CBS Statline en Publiekszaken Rotterdam, bewerking OBI)",
               naam="demografie", tabellen_dir=tabellen_dir, eenheid_kolom="eenheid",
               data=demo[["indicator_id", "indicator", "peildatum", "eenheid", "g4_start", "g4_huidig",
                          "rotterdam_start", "rotterdam_huidig", "zuid_start", "zuid_huidig"]])


def toon_alle_effecten(tabel: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    from .nprz import met_doel

    sub = met_doel(tabel)
    toon_effecttabel(sub, jaar, caption=f"Stand t.a.v. doelstelling {jaar}: alle doelen en indicatoren",
                     naam="effecttabel", tabellen_dir=tabellen_dir, kop="Overzicht van alle indicatoren")


def toon_afwijkingen(tabel: pd.DataFrame, jaar: int, tabellen_dir: str) -> None:
    """Where the printed report is inconsistent: with its formula, its own text or its trajectory."""
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
                   bron="NPRZ Voortgangsrapportage 2024 (tabellen en toelichtende teksten); berekening wijkrapport",
                   naam="afwijkingen", tabellen_dir=tabellen_dir,
                   data=fout[["indicator_id", "indicator", "pct_ingelopen_gepubliceerd", "pct_ingelopen",
                              "doel_2024_gepubliceerd", "doel_jaar", "reproductie", "opmerkingen"]])
    if not afronding.empty:
        namen = ", ".join(afronding["indicator"].str.slice(0, 60))
        toon_tekst(f"Bij {len(afronding)} indicatoren verschilt het gedrukte percentage iets van onze berekening, "
                   f"maar dat kan door afronding van de gedrukte cijfers komen: {namen}.")


def toon_aanvullend(jaar: int, pijler: str, tabellen_dir: str) -> None:
    """Extra tables the report shows with a pijler (thuiszitters and huisuitzettingen with Thuisbasis)."""
    if pijler == "thuisbasis":
        toon_thuiszitters(jaar, tabellen_dir)
        toon_huisuitzettingen(jaar, tabellen_dir)


# --- the other chapters --------------------------------------------------------------------

BRON_VGR = "NPRZ Voortgangsrapportage 2024"


def toon_algemene_indicatoren(jaar: int, tabellen_dir: str) -> None:
    """Zuid and the focuswijken beside Rotterdam, the G4 cities, the G4 and Nederland."""
    from .sources.nprz import GEBIEDEN_ALGEMEEN, load_tabel

    alg = load_tabel(jaar, "algemene_indicatoren.csv")
    order = alg.drop_duplicates("indicator_id")[["indicator_id", "indicator", "peildatum", "eenheid"]]
    wide = alg.pivot(index="indicator_id", columns="gebied", values="waarde").reset_index()
    wide = order.merge(wide, on="indicator_id", how="left")
    gebieden = [g for g in GEBIEDEN_ALGEMEEN if g in wide]
    kolommen = [Kolom("indicator", "Indicator"), Kolom("peildatum", "Peildatum")] + [
        Kolom(g, g, numeriek=True) for g in gebieden
    ]
    toon_tabel(wide, kolommen, caption="Zuid en de focuswijken naast Rotterdam, de andere grote steden, de G4 en Nederland",
               eenheid_kolom="eenheid", kop="Algemene indicatoren",
               bron=f"{BRON_VGR} (CBS, UWV en DUO, bewerking OBI)", klasse="breed",
               voetnoot="'–': geen cijfer in de bron (in de gedrukte tabel 'x'). Rotterdam lokaal: lokale bron.",
               naam="algemene_indicatoren", tabellen_dir=tabellen_dir, data=alg)


def _verhuis_wide(jaar: int) -> pd.DataFrame:
    from .sources.nprz import load_tabel

    v = load_tabel(jaar, "verhuisbewegingen.csv")
    v["tekst"] = v.apply(lambda r: "<5" if r["onderdrukt"] == "true" else fmt.getal(
        r["waarde"], 1 if r["kolom_id"] == "mobiliteit_pct" else 0, missing="–"), axis=1)
    keys = ["volgorde", "gebied", "gebied_soort"]
    wide = v.pivot_table(index=keys, columns="kolom_id", values="tekst", aggfunc="first").reset_index()
    return wide.sort_values("volgorde").reset_index(drop=True), v


def toon_verhuisbewegingen(jaar: int, tabellen_dir: str) -> None:
    wide, long = _verhuis_wide(jaar)
    cols = [("vestigers_totaal", "Vestigers"), ("vertrekkers_totaal", "Vertrekkers"), ("saldo", "Saldo"),
            ("inwoners", "Inwoners"), ("mobiliteit_pct", "Mobiliteit (%)")]
    kolommen = [Kolom("gebied", "Wijk of gebied")] + [Kolom(c, k, numeriek=True) for c, k in cols if c in wide]
    toon_tabel(wide, kolommen, caption=f"Verhuisbewegingen op Zuid in {jaar}", bron=f"{BRON_VGR} (cijfers OBI)",
               voetnoot="Saldo = vestigers min vertrekkers. Mobiliteit = alle verhuisbewegingen als % van de inwoners. "
               "'<5': minder dan 5, in de bron afgeschermd.",
               rij_klasse=lambda r: "totaal" if r["gebied_soort"] != "wijk" else "",
               naam="verhuisbewegingen", tabellen_dir=tabellen_dir, data=long)
    saldo = long[(long["kolom_id"] == "saldo") & (long["gebied_soort"] == "wijk")].sort_values("waarde")
    if saldo.empty:
        return
    from .charts import bar_chart

    colors = ["#1e7b34" if v >= 0 else "#c0392b" for v in saldo["waarde"]]
    fig = bar_chart(list(saldo["gebied"]), list(saldo["waarde"]), "aantal", colors=colors)
    hi, lo = saldo.iloc[-1], saldo.iloc[0]
    alt = (f"Vestigingssaldo per wijk in {jaar}. Het grootste overschot had {hi['gebied']} "
           f"({fmt.getal(hi['waarde'])}), het grootste tekort {lo['gebied']} ({fmt.getal(lo['waarde'])}).")
    toon_figuur(fig, alt=alt, titel="Saldo van vestigers en vertrekkers per wijk.", bron=BRON_VGR,
                data=saldo, data_kolommen=[Kolom("gebied", "Wijk"), Kolom("waarde", "Saldo", numeriek=True)])


def toon_thuiszitters(jaar: int, tabellen_dir: str) -> None:
    from .sources.nprz import load_tabel

    t = load_tabel(jaar, "thuiszitters.csv")
    _toon_aandelen(t, "schooljaar", "Thuiszitters: Rotterdam en NPRZ-gebied", "thuiszitters", tabellen_dir,
                   bron=f"{BRON_VGR} (MO, gemeente Rotterdam)", kop="Thuiszitters")


def toon_huisuitzettingen(jaar: int, tabellen_dir: str) -> None:
    from .sources.nprz import load_tabel

    t = load_tabel(jaar, "huisuitzettingen.csv")
    _toon_aandelen(t, "jaar", "Meldpunt preventie huisuitzettingen: Rotterdam en NPRZ-gebied", "huisuitzettingen",
                   tabellen_dir, bron=f"{BRON_VGR} (MO, gemeente Rotterdam)", kop="Huisuitzettingen")


def _toon_aandelen(t: pd.DataFrame, periode: str, caption: str, naam: str, tabellen_dir: str, bron: str,
                   kop: str = "") -> None:
    """Counts for Rotterdam and NPRZ per period (rows in document order) with the NPRZ share computed.

    Where the printed share does not follow from the printed counts, a note names the row.
    """
    t = t.copy()
    t["regel_tekst"] = t["regel"] + t.get("leeftijd", pd.Series("", index=t.index)).map(
        lambda v: f" ({v} jaar)" if v not in (None, "", "totaal") and not str(v).endswith("jaar") else
        (f" ({v})" if v not in (None, "", "totaal") else ""))
    order = list(dict.fromkeys(t["regel_tekst"]))
    periodes = list(dict.fromkeys(t[periode]))
    wide = t.pivot_table(index="regel_tekst", columns=[periode, "gebied"], values="waarde", aggfunc="first")
    printed = t[t["gebied"] == "NPRZ"].set_index(["regel_tekst", periode])["aandeel_nprz_gepubliceerd"]
    rows, notes = [], []
    for regel in order:
        is_pct = regel.startswith("%")  # a row of percentages, not counts: no share to compute
        row = {"regel": regel, "is_pct": is_pct}
        for p in periodes:
            r_val = wide.get((p, "Rotterdam"), pd.Series(dtype=float)).get(regel)
            n_val = wide.get((p, "NPRZ"), pd.Series(dtype=float)).get(regel)
            share = float("nan")
            if not is_pct and r_val and not fmt.is_missing(r_val) and not fmt.is_missing(n_val):
                share = n_val / r_val * 100
            row[f"{p}_rotterdam"], row[f"{p}_nprz"], row[f"{p}_aandeel"] = r_val, n_val, share
            pub = printed.get((regel, p))
            if pub is not None and not fmt.is_missing(pub) and not fmt.is_missing(share) and abs(pub - share) > 0.15:
                notes.append(f"{regel}, {p}: gedrukt {fmt.procent(pub)}, uit de aantallen volgt {fmt.procent(share)}.")
        rows.append(row)
    notes += leeftijd_som_afwijkingen(t, periode)
    df = pd.DataFrame(rows)
    for p in periodes:
        for col in (f"{p}_rotterdam", f"{p}_nprz"):
            df[col + "_tekst"] = [fmt.procent(v, missing="–") if pct else fmt.getal(v, missing="–")
                                  for v, pct in zip(df[col], df["is_pct"], strict=True)]
    kolommen = [Kolom("regel", "Regel")]
    for p in periodes:
        kolommen += [
            Kolom(f"{p}_rotterdam_tekst", f"{p} Rotterdam", numeriek=True),
            Kolom(f"{p}_nprz_tekst", f"{p} NPRZ", numeriek=True),
            Kolom(f"{p}_aandeel", f"{p} aandeel NPRZ", numeriek=True, opmaak=lambda v: fmt.procent(v, missing="–")),
        ]
    toon_tabel(df, kolommen, caption=caption, bron=bron, naam=naam, tabellen_dir=tabellen_dir, klasse="breed",
               kop=kop, voetnoot="Aandeel NPRZ is berekend uit de aantallen.", data=t.drop(columns=["regel_tekst"]))
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


def toon_interventies(jaar: int, tabellen_dir: str) -> None:
    """Counts per pijler against the published totals, and per pijler the list of interventies."""
    from .sources.nprz import load_tabel

    iv = load_tabel(jaar, "interventies.csv")
    programma = load_programma("nprz")
    samen = _interventies_samenvatting(jaar)
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
    toon_tekst(f"Het uitvoeringsplan telt {fmt.getal(overzicht['gepubliceerd'].iloc[-1])} interventies. "
               f"In de tabellen van de bron staan er {fmt.getal(overzicht['in_data'].iloc[-1])}.")
    toon_tabel(overzicht, [Kolom("pijler", "Pijler"), Kolom("in_data", "Interventies in de tabellen", numeriek=True),
                           Kolom("gepubliceerd", "Volgens de samenvatting", numeriek=True),
                           Kolom("verschil", "Verschil", numeriek=True)],
               caption="Aantal interventies per pijler", bron=BRON_VGR, naam="interventies_per_pijler",
               tabellen_dir=tabellen_dir, rij_klasse=lambda r: "totaal" if r["pijler"] == "Totaal" else "")
    kleuren = (iv["kleur_2024"] != "").sum()
    trends = (iv["trend"] != "").sum()
    toon_tekst(f"De kleur van 2024 staat voor {fmt.getal(kleuren)} interventies als tekst in de bron, de trend voor "
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
            Kolom("kleur_2023", "Kleur 2023", opmaak=_kleur, html=True),
            Kolom("kleur_2024", "Kleur 2024", opmaak=_kleur, html=True),
            Kolom("trend", "Trend", opmaak=lambda v: TREND_LABEL.get(str(v), fmt.NIET_IN_BRON)),
            Kolom("gestopt_in_tekst", "Gestopt volgens tekst", opmaak=lambda v: "ja" if v == "true" else "–"),
        ]
        toon_tabel(sub, kolommen, caption=f"Interventies pijler {pijler.label} ({len(sub)})", bron=BRON_VGR,
                   naam=f"interventies_{pijler.id}", tabellen_dir=tabellen_dir, klasse="breed",
                   kop=f"Pijler {pijler.label}")


def _interventies_samenvatting(jaar: int) -> dict[str, int]:
    from .sources.nprz import load_tabel

    df = load_tabel(jaar, "interventies_samenvatting.csv")
    return {r["pijler"]: int(r["totaal_gepubliceerd"]) for _, r in df.iterrows() if pd.notna(r["totaal_gepubliceerd"])}


def toon_financien(jaar: int, tabellen_dir: str) -> None:
    from .sources.nprz import load_tabel

    f = load_tabel(jaar, "financien.csv")
    kolommen = [
        Kolom("post", "Post"), Kolom("omschrijving", "Omschrijving"),
        Kolom("begroot", "Begroot", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gerealiseerd", "Gerealiseerd", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("gemeente", "Gemeente", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
        Kolom("overige_partners", "Overige partners", numeriek=True, opmaak=lambda v: fmt.euro(v, missing="–")),
    ]
    toon_tabel(f, kolommen, caption="Financiën programmabureau NPRZ", bron=BRON_VGR, naam="financien",
               tabellen_dir=tabellen_dir, rij_klasse=lambda r: "totaal" if r["soort"] == "totaal" else "")
    posten = f[f["soort"] == "post"]
    if not posten.empty:
        begroot, real = posten["begroot"].sum(), posten["gerealiseerd"].sum()
        zin = (f"Opgeteld uit de posten: begroot {fmt.euro(begroot)}, gerealiseerd {fmt.euro(real)}"
               f" ({fmt.procent(real / begroot * 100) if begroot else 'geen gegevens'} van de begroting).")
        toon_tekst(zin)
