"""Building blocks of the wijkdocument (called from notebooks/wijkdocument.ipynb)."""

from __future__ import annotations

from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import wijkdata, wijkteksten
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import schrijf_csv, toon_figuur, toon_html, toon_lijst, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources.jaarbestanden import verhuis_bron


class _Bron:
    """The credit lines the data's bron.yml requires (``data/wijken/rotterdam-raadzoeker-71-wijken/bron.yml``)."""

    def __getattr__(self, naam: str) -> str:
        from wijkrapport.sources import raadzoeker

        return getattr(raadzoeker.load_bron().bronvermelding, naam)


_BRON = _Bron()


def __getattr__(naam: str) -> str:  # BRON_CBS, BRON_WP, ...: read from the data, never typed here
    veld = {"BRON_CBS": "cbs", "BRON_WP": "wijkprofiel", "BRON_POLITIE": "politie", "BRON_WIJKRADEN": "wijkraden"}
    if naam in veld:
        return getattr(_BRON, veld[naam])
    raise AttributeError(naam)


def _herberekend() -> str:
    """The footnote on recomputed Wijkprofiel editions (``data/wijken/bestanden.yml``)."""
    from wijkrapport.inputs import wijkbronnen

    jaren = [str(j) for j in wijkbronnen().get("wijkprofiel_herberekend") or []]
    if not jaren:
        return ""
    return f"De sociale index van {fmt.opsomming(jaren)} is later herberekend; de cijfers hier zijn de herberekende."


def _w(eenheid: str):
    return lambda v: fmt.waarde(v, eenheid, decimals=0 if eenheid in ("pct", "eur", "aantal") else 1)


def toon_titel(slug: str, jaar: int) -> None:
    w = wijkdata.wijk(slug)
    toon_html(f"<h2>{escape(w['wijk_naam'])} in cijfers</h2>"
              f'<p class="meta">Wijk in het gebied {escape(w["gebied_naam"])} · cijfers tot en met {jaar}</p>')


def toon_samenvatting(slug: str, jaar: int) -> None:
    w = wijkdata.wijk(slug)
    kern = wijkdata.kerncijfers(slug, jaar)
    zinnen = wijkteksten.samenvatting(w["wijk_naam"], w["gebied_naam"], kern, wijkdata.inwoners_per_jaar(slug),
                                      wijkdata.wijkprofiel(slug, jaar), wijkdata.criminaliteit(slug, jaar))
    toon_html('<div class="kader samenvatting">' + "".join(f"<p>{escape(z)}</p>" for z in zinnen) + "</div>")


def toon_kerncijfers(slug: str, jaar: int, tabellen_dir: str) -> None:
    w = wijkdata.wijk(slug)
    kern = wijkdata.kerncijfers(slug, jaar)
    kern["waarde_wijk"] = kern.apply(lambda r: _w(r["eenheid"])(r["wijk"]), axis=1)
    kern["waarde_gebied"] = kern.apply(lambda r: _w(r["eenheid"])(r["gebied"]), axis=1)
    kern["waarde_rotterdam"] = kern.apply(lambda r: _w(r["eenheid"])(r["rotterdam"]), axis=1)
    kolommen = [
        Kolom("label", "Onderwerp"),
        Kolom("jaar", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v))),
        Kolom("waarde_wijk", w["wijk_naam"], numeriek=True),
        Kolom("waarde_gebied", w["gebied_naam"], numeriek=True),
        Kolom("waarde_rotterdam", "Rotterdam", numeriek=True),
    ]
    toon_tabel(
        kern, kolommen, caption=f"Kerncijfers {w['wijk_naam']}, {w['gebied_naam']} en Rotterdam",
        bron=f"{_BRON.cbs}; peildatum 1 januari van het jaar (inkomen: jaar zelf).",
        voetnoot="Gebied: berekend uit alle wijken van het gebied (aantallen opgeteld, percentages en bedragen "
        "gewogen naar inwoners). " + wijkdata.methode_kerncijfers(kern) + wijkteksten.rotterdam_dekking_noten(kern)
        + " 'geen gegevens': de bron heeft dit cijfer niet voor dit jaar.",
        naam="kerncijfers", tabellen_dir=tabellen_dir,
        data=kern[["variabele", "label", "eenheid", "jaar", "wijk", "gebied", "rotterdam", "bron", "rotterdam_bron",
                   "rotterdam_dekking"]],
    )


def toon_wijkprofiel(slug: str, jaar: int, tabellen_dir: str) -> None:
    w = wijkdata.wijk(slug)
    wp = wijkdata.wijkprofiel(slug, jaar)
    if wp.empty:
        toon_tekst("Er zijn geen gegevens van het Wijkprofiel voor deze wijk.")
        return
    toon_tekst(wijkteksten.wijkprofiel_zin(wp))
    toon_tekst(wijkteksten.index_uitleg())
    basis = wijkteksten.basisjaar()
    series = ["Fysieke index", "Veiligheidsindex", "Sociale index"]
    fig = line_chart(wp, "editie", series, "index", referentielijn=100, referentielabel=f"100 = Rotterdam {basis}")
    last = wp.iloc[-1]
    alt = (f"Wijkprofiel {w['wijk_naam']}, {int(wp['editie'].min())} tot {int(last['editie'])}. In {int(last['editie'])}: "
           + ", ".join(f"{s.lower()} {fmt.getal(last[s])}" for s in series) + f". 100 is het Rotterdamse gemiddelde van {basis}.")
    toon_figuur(fig, alt=alt, titel=f"Wijkprofiel {w['wijk_naam']}.",
                bron=_BRON.wijkprofiel + f"; index 100 = Rotterdam {basis}. De cijfers staan in de tabel hieronder.")
    toon_tabel(wp, [Kolom("editie", "Editie", opmaak=lambda v: str(int(v)))]
               + [Kolom(s, s, numeriek=True, opmaak=lambda v: fmt.getal(v)) for s in series],
               caption=f"Wijkprofiel {w['wijk_naam']} per editie", bron=_BRON.wijkprofiel,
               voetnoot=_herberekend(),
               naam="wijkprofiel", tabellen_dir=tabellen_dir)


def toon_veiligheid(slug: str, jaar: int, tabellen_dir: str) -> None:
    w = wijkdata.wijk(slug)
    crim = wijkdata.criminaliteit(slug, jaar)
    if crim.empty:
        toon_tekst("Er zijn geen politiecijfers voor deze wijk.")
        return
    rates = crim.dropna(subset=["misdrijven_per_1000"])
    if len(rates):
        # every year, so that years without inhabitants (no rate) break the line instead of being bridged
        frame = crim.rename(columns={"misdrijven_per_1000": w["wijk_naam"],
                                     "rotterdam_misdrijven_per_1000": "Rotterdam"})
        series = [w["wijk_naam"]] + (["Rotterdam"] if frame["Rotterdam"].notna().any() else [])
        fig = line_chart(frame, "jaar", series, "per1000")
        last = rates.iloc[-1]
        alt = (f"Misdrijven per 1.000 inwoners in {w['wijk_naam']}: {fmt.getal(rates.iloc[0]['misdrijven_per_1000'], 0)} "
               f"in {int(rates.iloc[0]['jaar'])} en {fmt.getal(last['misdrijven_per_1000'], 0)} in {int(last['jaar'])}.")
        if not fmt.is_missing(last["rotterdam_misdrijven_per_1000"]):
            alt += f" Heel Rotterdam in {int(last['jaar'])}: {fmt.getal(last['rotterdam_misdrijven_per_1000'], 0)}."
        open_jaren = [(str(int(j)), n == 0) for j, n in zip(crim["jaar"], crim["inwoners"], strict=True)
                      if rates["jaar"].min() < j < rates["jaar"].max() and j not in set(rates["jaar"])]
        onbekend = [j for j, nul in open_jaren if not nul]
        nul = [j for j, nul in open_jaren if nul]
        if onbekend:
            alt += f" Voor {fmt.opsomming(onbekend)} is het aantal inwoners niet bekend; daar loopt de lijn niet door."
        if nul:
            alt += f" In {fmt.opsomming(nul)} woonden er geen mensen; daar loopt de lijn niet door."
        toon_figuur(fig, alt=alt, titel="Misdrijven per 1.000 inwoners.", bron=_BRON.politie + "; inwoners: CBS",
                    data=rates, data_kolommen=[
                        Kolom("jaar", "Jaar", opmaak=lambda v: str(int(v))),
                        Kolom("misdrijven_per_1000", "Wijk", numeriek=True, opmaak=lambda v: fmt.getal(v, 1)),
                        Kolom("rotterdam_misdrijven_per_1000", "Rotterdam", numeriek=True,
                              opmaak=lambda v: fmt.getal(v, 1, missing="–")),
                    ])
    kolommen = [
        Kolom("jaar", "Jaar", opmaak=lambda v: str(int(v))),
        Kolom("misdrijven", "Misdrijven", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("misdrijven_per_1000", "Per 1.000 inwoners", numeriek=True, opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("woninginbraak", "Woninginbraken", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("woninginbraak_per_1000", "Woninginbraken per 1.000", numeriek=True,
              opmaak=lambda v: fmt.getal(v, 1, missing="–")),
        Kolom("rotterdam_misdrijven_per_1000", "Rotterdam: misdrijven per 1.000", numeriek=True,
              opmaak=lambda v: fmt.getal(v, 1, missing="–")),
    ]
    leeg = [str(int(j)) for j, n in zip(crim["jaar"], crim["inwoners"], strict=True) if n == 0]
    geen_inwoners = (f" In {fmt.opsomming(leeg)} woonden er volgens het CBS geen mensen in {w['wijk_naam']}: een cijfer "
                     "per 1.000 inwoners bestaat dan niet ('–')." if leeg else "")
    toon_tabel(crim, kolommen, caption=f"Geregistreerde misdrijven in {w['wijk_naam']}", bron=_BRON.politie,
               voetnoot="Per 1.000 inwoners alleen voor jaren waarin het aantal inwoners bekend is (voor Rotterdam: "
               "van alle wijken). " + wijkdata.politie_methode() + geen_inwoners,
               naam="veiligheid", tabellen_dir=tabellen_dir)
    toon_politie_categorieen(slug, jaar, tabellen_dir)


def toon_politie_categorieen(slug: str, jaar: int, tabellen_dir: str) -> None:
    """Per kind of crime: the wijk and Rotterdam per 1.000 inhabitants in the latest year with both."""
    w = wijkdata.wijk(slug)
    tabel = wijkdata.politie_categorieen(slug, jaar)
    if tabel.empty:
        toon_tekst(f"Voor {w['wijk_naam']} is geen jaar met politiecijfers én inwoners: per soort misdrijf is er geen "
                   "vergelijking met Rotterdam.")
        return
    laatste = int(tabel["jaar"].iloc[0])
    toon_tekst(wijkteksten.politie_zin(w["wijk_naam"], tabel))
    p1 = lambda v: fmt.getal(v, 1, missing="–")  # noqa: E731
    toon_tabel(tabel, [
        Kolom("categorie", "Soort misdrijf"),
        Kolom("aantal", f"Aantal {laatste}", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("vorig_per_1000", f"{w['wijk_naam']} per 1.000, {laatste - 1}", numeriek=True, opmaak=p1),
        Kolom("per_1000", f"{w['wijk_naam']} per 1.000, {laatste}", numeriek=True, opmaak=p1),
        Kolom("rotterdam_per_1000", f"Rotterdam per 1.000, {laatste}", numeriek=True, opmaak=p1),
    ], caption=f"Misdrijven per soort in {w['wijk_naam']} en Rotterdam, per 1.000 inwoners", bron=_BRON.politie,
        voetnoot="Elke soort is een deel van het totaal. " + wijkdata.politie_methode(),
        naam="veiligheid_per_soort", tabellen_dir=tabellen_dir)


def toon_wijkprofiel_detail(slug: str, jaar: int, tabellen_dir: str) -> None:
    """The latest edition's sub-indices: how residents experience each theme beside what the registrations say."""
    w = wijkdata.wijk(slug)
    editie, detail, met_detail = wijkdata.wijkprofiel_detail(slug, jaar)
    if editie is None:
        return
    if detail.empty:
        later = [str(e) for e in met_detail if e > editie]
        toon_tekst(f"De deelscores (wat bewoners ervaren en wat de registraties zeggen) staan in de bron niet bij het "
                   f"Wijkprofiel {editie}." + (f" De bron heeft ze alleen voor {fmt.opsomming(later)}; dat valt na "
                                               f"{jaar} en staat daarom niet in dit document." if later else ""))
        return
    toon_tekst(f"Het Wijkprofiel {editie} kijkt per onderwerp op twee manieren: wat bewoners zelf ervaren (subjectief, "
               "uit de enquête) en wat de registraties zeggen (objectief, bijvoorbeeld politiecijfers en CBS). "
               + wijkteksten.INDEX_UITLEG)
    zinnen = wijkteksten.beleving_zinnen(detail)
    if zinnen:
        toon_html('<div class="kader"><p><strong>Waar beleving en cijfers sterk verschillen</strong> '
                  f"({wijkteksten.DREMPEL_BELEVING} punten of meer):</p>"
                  + "".join(f"<p>{escape(z)}</p>" for z in zinnen) + "</div>")
    else:
        toon_tekst(f"Bij geen onderwerp verschillen beleving en cijfers {wijkteksten.DREMPEL_BELEVING} punten of meer.")
    idx = lambda v: fmt.getal(v, missing="–")  # noqa: E731
    toon_tabel(detail, [
        Kolom("index_naam", "Index"), Kolom("onderdeel", "Onderwerp"),
        Kolom("subjectief", "Beleving bewoners", numeriek=True, opmaak=idx),
        Kolom("objectief", "Registraties", numeriek=True, opmaak=idx),
        Kolom("verschil", "Verschil", numeriek=True, opmaak=lambda v: "–" if fmt.is_missing(v)
              else ("+" if v > 0 else "") + fmt.getal(v)),
    ], caption=f"Wijkprofiel {editie} {w['wijk_naam']}: beleving en registraties per onderwerp",
        bron=_BRON.wijkprofiel,
        voetnoot="Verschil: beleving min registraties. Een min betekent dat bewoners het slechter ervaren dan de "
        f"registraties laten zien. Sterk verschil: {wijkteksten.DREMPEL_BELEVING} punten of meer.",
        naam="wijkprofiel_deelscores", tabellen_dir=tabellen_dir)


def toon_signalen(slug: str, jaar: int) -> None:
    w = wijkdata.wijk(slug)
    goed, aandacht = wijkteksten.signalen(w["wijk_naam"], wijkdata.kerncijfers(slug, jaar),
                                          wijkdata.wijkprofiel(slug, jaar), wijkdata.criminaliteit(slug, jaar))
    toon_html("<h4>Wat gaat goed</h4>")
    toon_lijst(goed or ["Geen grote verbeteringen in de cijfers van deze wijk."])
    toon_html("<h4>Wat vraagt aandacht</h4>")
    toon_lijst(aandacht or ["Geen grote achteruitgang in de cijfers van deze wijk."])


def toon_vergelijkbaar(slug: str, jaar: int, tabellen_dir: str) -> None:
    w = wijkdata.wijk(slug)
    tabel = wijkdata.vergelijkbare_wijken(slug, jaar)
    if len(tabel) <= 1:
        toon_tekst("Er zijn te weinig gegevens om vergelijkbare wijken te vinden.")
        return
    namen = wijkdata.src.load_crosswalk().set_index("wijk_slug")["wijk_naam"]
    tabel["wijk"] = tabel["wijk_slug"].map(namen)
    andere = ", ".join(tabel["wijk"].iloc[1:])
    toon_tekst(f"De wijken die het meest op {w['wijk_naam']} lijken (naar leeftijd, huur, WOZ-waarde en Wijkprofiel) "
               f"zijn {andere}.")
    cols = [("pct_0_15", "0-15 jaar", "pct"), ("pct_65_plus", "65+", "pct"), ("pct_huur", "Huur", "pct"),
            ("woz", "WOZ", "eur"), ("fysieke_index", "Fysiek", "index"), ("veiligheidsindex", "Veiligheid", "index"),
            ("sociale_index", "Sociaal", "index")]
    kolommen = [Kolom("wijk", "Wijk")] + [
        Kolom(c, k, numeriek=True, opmaak=_w(e)) for c, k, e in cols if c in tabel
    ]
    toon_tabel(tabel, kolommen, caption=f"{w['wijk_naam']} en de drie meest vergelijkbare wijken",
               bron=f"{_BRON.cbs}; {_BRON.wijkprofiel}", naam="vergelijkbare_wijken", tabellen_dir=tabellen_dir,
               voetnoot="Vergelijkbaar: de kleinste afstand over de gestandaardiseerde cijfers in de tabel.")


def toon_verhuisbewegingen(slug: str, jaar: int, tabellen_dir: str) -> None:
    """Vestigers, vertrekkers, saldo and mobility from the NPRZ table (NPRZ wijken only); '<5' stays '<5'."""
    tabel = wijkdata.verhuisbewegingen(slug, jaar)
    w = wijkdata.wijk(slug)
    if tabel is None:
        toon_tekst(f"Voor {w['wijk_naam']} zijn geen cijfers over verhuizingen beschikbaar. De verhuiscijfers komen "
                   "uit de voortgangsrapportage en gaan alleen over wijken op Zuid.")
        return
    kolommen = [Kolom("gebied", "Gebied"), Kolom("vestigers_totaal", "Kwamen wonen", numeriek=True),
                Kolom("vertrekkers_totaal", "Vertrokken", numeriek=True), Kolom("saldo", "Saldo", numeriek=True),
                Kolom("mobiliteit_pct", "Mobiliteit", numeriek=True)]
    eigen = tabel[tabel["soort"] == "wijk"]
    if len(eigen) == 1:
        e = eigen.iloc[0]
        toon_tekst(f"In {jaar} kwamen {e['vestigers_totaal']} mensen in {w['wijk_naam']} wonen en vertrokken er "
                   f"{e['vertrekkers_totaal']}. Het saldo is {e['saldo']}.")
    else:
        toon_tekst(f"De verhuistabel telt {w['wijk_naam']} als {len(eigen)} aparte delen: "
                   + ", ".join(eigen["gebied"]) + ".")
    toon_tabel(tabel, kolommen, caption=f"Verhuisbewegingen {w['wijk_naam']} {jaar}",
               bron=verhuis_bron(jaar),
               voetnoot="Mobiliteit: alle verhuisbewegingen als % van de inwoners. '<5': minder dan 5 (afgeschermd).",
               naam="verhuisbewegingen", tabellen_dir=tabellen_dir)


def toon_verantwoording(slug: str, jaar: int) -> None:
    w = wijkdata.wijk(slug)
    items = [
        f"{_BRON.cbs}. Peildatum: 1 januari van het jaar. Inkomen en laag inkomen gaan over het jaar zelf.",
        f"{_BRON.wijkprofiel}. Index 100 = gemiddelde van Rotterdam in {wijkteksten.basisjaar()}.",
        f"{_BRON.politie}. Geregistreerde misdrijven in het kalenderjaar.",
        f"Verhuisbewegingen (alleen wijken op Zuid): {verhuis_bron(jaar) or f'nog geen cijfers over {jaar}'}.",
        f"{_BRON.wijkraden}: stukken van de wijkraad en toezeggingen van het college.",
        "Rotterdam: berekend uit alle wijken van de stad (zie de zin onder elke tabel).",
        "'geen gegevens' betekent: de bron heeft dit cijfer niet. Wij vullen niets zelf in.",
    ]
    if str(w.get("opmerking", "")).strip():
        items.append(f"Let op bij deze wijk: {w['opmerking']}")
    toon_lijst(items)


def toon_kaart(slug: str, jaar: int) -> None:
    from wijkrapport.rendering.maps import wijk_kaart

    w = wijkdata.wijk(slug)
    codes = [c for c in str(w["cbs_buurtcodes"]).split(";") if c]
    fig, buren = wijk_kaart(codes, w["gebied_naam"])
    alt = (f"Kaart van het gebied {w['gebied_naam']} met {w['wijk_naam']} in blauw."
           + (f" Andere wijken in het gebied: {', '.join(buren)}." if buren else ""))
    toon_figuur(fig, alt=alt, titel=f"{w['wijk_naam']} in {w['gebied_naam']}.",
                bron="Gemeente Rotterdam, gebiedsindeling (TIR)")


def toon_actieplan(slug: str, jaar: int, tabellen_dir: str) -> None:
    """The wijkactieplan chapter for every plan that covers this wijk (nothing when there is none)."""
    from wijkrapport.domain.actieplan import ACTIE_STATUS, STATUS_VOLGORDE, consistentie, status_telling
    from wijkrapport.sources.actieplan import plans_for_wijk

    plans = plans_for_wijk(slug, jaar)
    if not plans:
        return
    for plan, acties in plans:
        toon_html(f"<h3>Wijkactieplan: {escape(plan.titel)}</h3>")
        concept = str(plan.status).lower() == "concept"
        toon_tekst(f"De wijkraad{' ' + plan.wijkraad if plan.wijkraad else ''} maakte dit plan voor {plan.jaar}. "
                   f"Het plan heeft {len(acties)} acties"
                   + (". Het is een concept: de acties zijn nog niet beoordeeld." if concept else "."))
        telling = status_telling(acties)
        delen = [f"{int(telling.iloc[0][s])} {ACTIE_STATUS[s].lower()}" for s in STATUS_VOLGORDE if telling.iloc[0][s]]
        toon_tekst("Stand van de acties: " + ", ".join(delen) + ".")
        betwist = acties[acties["gemeente_reactie"] == "betwist"]
        if len(betwist):
            toon_html('<div class="kader let-op"><p><strong>Acties waar de gemeente het niet mee eens is:</strong></p><ul>'
                      + "".join(f"<li><strong>{escape(r['actie_nummer'])}</strong> {escape(r['actie'])} — "
                                f"{escape(r['gemeente_reactie_toelichting'] or 'reden niet vermeld')}</li>"
                                for _, r in betwist.iterrows()) + "</ul></div>")
        per_doel = status_telling(acties, "doel_nummer").reset_index()
        titels = {str(d.nummer): d.titel for d in plan.doelen}
        per_doel["doel"] = [f"{n}. {titels.get(str(n), '')}".strip() for n in per_doel["doel_nummer"]]
        toon_tabel(per_doel, [Kolom("doel", "Doel")] + [
            Kolom(s, f"{fmt.STATUS_SYMBOOL[s]} {ACTIE_STATUS[s]}", numeriek=True) for s in STATUS_VOLGORDE
        ] + [Kolom("totaal", "Totaal", numeriek=True)], caption="Acties per doel en status",
                   bron=f"Wijkactieplan {plan.titel}", naam=f"actieplan_{plan.plan_id}_telling", tabellen_dir=tabellen_dir)
        doelen = {d.nummer: d for d in plan.doelen}
        met_planning = acties["planning_maanden"].ne("").any()
        if not met_planning:
            toon_tekst("In dit plan is bij geen enkele actie de planning (4, 8 of 12 maanden) ingevuld.")
        for nummer, groep in acties.groupby("doel_nummer", sort=False):
            toon_html(f"<h4>Doel {escape(str(nummer))}: {escape(groep['doel'].iloc[0])}</h4>")
            oordeel = consistentie(list(groep["status"]), _uitkomsten(slug, jaar, doelen.get(int(nummer))))
            toon_tekst(oordeel.zin, klasse="kader let-op" if oordeel.soort == "tegenstrijdig" else "kader")
            resultaten = groep.drop_duplicates("resultaat_nummer")
            toon_html('<ul class="resultaten">' + "".join(
                f"<li><strong>Resultaat {escape(r['resultaat_nummer'])}</strong>: {escape(r['resultaat'])}</li>"
                for _, r in resultaten.iterrows()) + "</ul>")
            toon_tabel(groep.assign(gemeente=groep.apply(_gemeente_oordeel, axis=1)), [
                Kolom("actie_nummer", "Nr."), Kolom("actie", "Actie"),
                Kolom("status", "Status", opmaak=lambda v: fmt.status_html(v, labels=ACTIE_STATUS), html=True),
                *([Kolom("planning_maanden", "Planning", opmaak=lambda v: f"{v} maanden" if v else "–")]
                  if met_planning else []),
                Kolom("door_wie", "Door wie"), Kolom("gemeente", "Uitvoerbaar volgens de gemeente"),
            ], caption=f"Acties bij doel {nummer}", bron=f"Wijkactieplan {plan.titel}",
                rij_klasse=lambda r: "afwijking" if r["gemeente_reactie"] == "betwist" else "")
        schrijf_csv(acties, f"actieplan_{plan.plan_id}", tabellen_dir)


#: outcome figures older than this many years before the report year are too old to judge a current plan
MAX_OUDERDOM = 4


def _uitkomsten(slug: str, jaar: int, doel) -> list:
    """The last change of each outcome indicator linked to ``doel`` with two recent years of data."""
    from wijkrapport.domain.actieplan import Uitkomst, laatste_verandering

    found = []
    for ind in doel.uitkomstindicatoren if doel else []:
        label, eenheid, pol = wijkdata.UITKOMSTEN[ind]
        change = laatste_verandering(wijkdata.uitkomst_reeks(slug, ind, jaar))
        if change and change[2] >= jaar - MAX_OUDERDOM:
            found.append(Uitkomst(label, change[1], change[3], change[0], change[2], doel.beter_als.get(ind, pol), eenheid))
    return found


def _gemeente_oordeel(row: pd.Series) -> str:
    """Feasibility as the gemeente judged it, with disputed actions spelled out."""
    if row["gemeente_reactie"] == "betwist":
        return "⚠ Nee – betwist: de wijkraad houdt de actie in het plan"
    return {"ja": "Ja", "nee": "Nee"}.get(row["uitvoerbaar"], "Niet ingevuld")
