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
