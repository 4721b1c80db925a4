"""Building blocks of the wijkraad edition (called from notebooks/wijkraad.ipynb): the raad's wijken side by side,
its documents (adviezen, brieven) and the college's toezeggingen about its wijken."""

from __future__ import annotations

import math
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import wijkdata, wijkraden, wijkteksten
from wijkrapport.rendering.show import toon_html, toon_lijst, toon_tabel, toon_tekst
from wijkrapport.rendering.tables import Kolom


def _bron():
    from wijkrapport.sources import raadzoeker

    return raadzoeker.load_bron()


def _lijst(wijken: str) -> list[str]:
    return [w.strip() for w in wijken.split(";") if w.strip()]


def _namen(slugs: list[str]) -> list[str]:
    namen = wijkdata.wijknamen()
    return [namen.get(s, s) for s in slugs]


def toon_titel(naam: str, wijken: str, jaar: int) -> None:
    slugs = _lijst(wijken)
    gebieden = list(dict.fromkeys(wijkdata.wijk(s)["gebied_naam"] for s in slugs))
    toon_html(f"<h2>{escape(naam)}</h2>"
              f'<p class="meta">{"Wijk" if len(slugs) == 1 else "Wijken"}: {escape(fmt.opsomming(_namen(slugs)))} · '
              f"gebied {escape(fmt.opsomming(gebieden))} · cijfers en stukken tot en met {jaar}</p>")


def toon_inleiding(naam: str, wijken: str, jaar: int) -> None:
    slugs = _lijst(wijken)
    inw = wijkdata.inwoners_samen(slugs, _laatste_inwonersjaar(slugs, jaar))
    zinnen = [f"Dit document is voor de {naam[:1].lower()}{naam[1:]} en de bewoners. Het zet de cijfers van "
              f"{fmt.opsomming(_namen(slugs))} naast elkaar en naast heel Rotterdam."]
    if not fmt.is_missing(inw):
        zinnen.append(f"In {'deze wijk' if len(slugs) == 1 else 'deze wijken samen'} wonen {fmt.getal(inw)} mensen "
                      f"(1 januari {_laatste_inwonersjaar(slugs, jaar)}).")
    zinnen.append("Daarna volgen de adviezen en brieven van de raad en wat het college heeft toegezegd, met de stand "
                  "daarvan. Zo heeft de raad alles bij de hand voor het jaarlijkse gesprek met de gemeente.")
    toon_html('<div class="kader samenvatting">' + "".join(f"<p>{escape(z)}</p>" for z in zinnen) + "</div>")


def _laatste_inwonersjaar(slugs: list[str], jaar: int) -> int:
    jaren = [int(j) for s in slugs for j in wijkdata.inwoners_per_jaar(s).index if j <= jaar]
    return max(jaren) if jaren else jaar


def _met_jaar(waarde: str, jaar, gewoon) -> str:
    """A value with its year in brackets when it is of another year than the row's."""
    if fmt.is_missing(jaar) or jaar == gewoon or waarde == fmt.waarde(math.nan, "aantal"):
        return waarde
    return f"{waarde} ({int(jaar)})"


def toon_kerncijfers(wijken: str, jaar: int, tabellen_dir: str) -> None:
    """The kerncijfers of every wijk side by side, with Rotterdam (computed from all wijken)."""
    slugs = _lijst(wijken)
    tabellen = {s: wijkdata.kerncijfers(s, jaar) for s in slugs}
    eerste = tabellen[slugs[0]]
    rows = []
    for i, r in eerste.iterrows():
        row = {"variabele": r["variabele"], "label": r["label"], "eenheid": r["eenheid"], "jaar": r["jaar"]}
        for s in slugs:
            t = tabellen[s].iloc[i]
            row[s] = t["wijk"]
            row[f"{s}__tekst"] = _met_jaar(_w(t["eenheid"])(t["wijk"]), t["jaar"], r["jaar"])
        row["rotterdam"] = r["rotterdam"]
        row["rotterdam__tekst"] = _w(r["eenheid"])(r["rotterdam"])
        rows.append(row)
    tabel = pd.DataFrame(rows)
    namen = _namen(slugs)
    kolommen = [Kolom("label", "Onderwerp"),
                Kolom("jaar", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v)))]
    kolommen += [Kolom(f"{s}__tekst", n, numeriek=True) for s, n in zip(slugs, namen, strict=True)]
    kolommen.append(Kolom("rotterdam__tekst", "Rotterdam", numeriek=True))
    toon_tabel(tabel, kolommen, caption=f"Kerncijfers {fmt.opsomming(namen)} en Rotterdam",
               bron=f"{_bron().bronvermelding.cbs}; peildatum 1 januari van het jaar (inkomen: jaar zelf).",
               voetnoot=wijkdata.methode_kerncijfers(eerste) + wijkteksten.rotterdam_dekking_noten(eerste)
               + " Een jaar tussen haakjes: dat cijfer is van een ander jaar. 'geen gegevens': de bron heeft dit cijfer niet.",
               naam="kerncijfers", tabellen_dir=tabellen_dir,
               data=tabel[["variabele", "label", "eenheid", "jaar", *slugs, "rotterdam"]])


def _w(eenheid: str):
    return lambda v: fmt.waarde(v, eenheid, decimals=0 if eenheid in ("pct", "eur", "aantal") else 1)


def toon_wijkprofiel(wijken: str, jaar: int, tabellen_dir: str) -> None:
    """The three Wijkprofiel indices of every wijk, latest edition up to ``jaar`` and the one before."""
    slugs = _lijst(wijken)
    editie = wijkdata.wijkprofiel_editie(jaar)
    if editie is None:
        toon_tekst("Er zijn geen gegevens van het Wijkprofiel tot en met dit jaar.")
        return
    rows = []
    for s, n in zip(slugs, _namen(slugs), strict=True):
        wp = wijkdata.wijkprofiel(s, jaar).set_index("editie")
        vorige = [e for e in wp.index if e < editie]
        for col in ("Fysieke index", "Veiligheidsindex", "Sociale index"):
            nu = wp.at[editie, col] if editie in wp.index else math.nan
            vorig = wp.at[max(vorige), col] if vorige else math.nan
            rows.append({"wijk_slug": s, "wijk": n, "index": col, "editie": editie, "waarde": nu,
                         "vorige_editie": max(vorige) if vorige else None, "vorige_waarde": vorig})
    tabel = pd.DataFrame(rows)
    breed = tabel.pivot(index="index", columns="wijk_slug", values="waarde").reindex(
        ["Fysieke index", "Veiligheidsindex", "Sociale index"])[slugs].reset_index()
    toon_tekst(wijkteksten.INDEX_UITLEG)
    vorige_editie = tabel["vorige_editie"].dropna()
    voetnoot = ""
    if len(vorige_editie):
        ve = int(vorige_editie.max())
        veranderd = [f"{r.wijk}: {r.index[:1].lower()}{r.index[1:]} {fmt.getal(r.vorige_waarde)} → {fmt.getal(r.waarde)}"
                     for r in tabel.itertuples() if not (fmt.is_missing(r.waarde) or fmt.is_missing(r.vorige_waarde))
                     and abs(r.waarde - r.vorige_waarde) >= wijkteksten.DREMPEL_INDEX]
        voetnoot = (f"Veranderd sinds {ve} ({wijkteksten.DREMPEL_INDEX} punten of meer): "
                    + (("; ".join(veranderd) + ".") if veranderd else "geen."))
    toon_tabel(breed, [Kolom("index", "Index")] + [
        Kolom(s, n, numeriek=True, opmaak=lambda v: fmt.getal(v, missing="geen gegevens"))
        for s, n in zip(slugs, _namen(slugs), strict=True)],
        caption=f"Wijkprofiel {editie}", bron=_bron().bronvermelding.wijkprofiel, voetnoot=voetnoot,
        naam="wijkprofiel", tabellen_dir=tabellen_dir, data=tabel)
    for s, n in zip(slugs, _namen(slugs), strict=True):
        _, detail, _ = wijkdata.wijkprofiel_detail(s, jaar)
        zinnen = wijkteksten.beleving_zinnen(detail)
        if zinnen:
            toon_html(f"<h4>{escape(n)}: waar beleving en cijfers sterk verschillen</h4>")
            toon_lijst(zinnen)


def toon_politie(wijken: str, jaar: int, tabellen_dir: str) -> None:
    """Registrations per 1.000 inhabitants per category, every wijk beside Rotterdam, latest year with figures."""
    slugs = _lijst(wijken)
    per_wijk = {s: wijkdata.politie_categorieen(s, jaar) for s in slugs}
    met = {s: t for s, t in per_wijk.items() if not t.empty}
    if not met:
        toon_tekst("Er is geen jaar met politiecijfers én inwoners voor deze wijken.")
        return
    laatste = max(int(t["jaar"].iloc[0]) for t in met.values())
    eerste = next(t for t in met.values() if int(t["jaar"].iloc[0]) == laatste)
    tabel = eerste[["categorie", "rotterdam_per_1000"]].copy()
    for s, t in per_wijk.items():
        t = t[t["jaar"] == laatste] if not t.empty else t
        tabel[s] = tabel["categorie"].map(t.set_index("categorie")["per_1000"]) if not t.empty else math.nan
    p1 = lambda v: fmt.getal(v, 1, missing="–")  # noqa: E731
    zinnen = [wijkteksten.politie_zin(n, per_wijk[s][per_wijk[s]["jaar"] == laatste])
              for s, n in zip(slugs, _namen(slugs), strict=True) if not per_wijk[s].empty]
    toon_lijst([z for z in zinnen if z])
    toon_tabel(tabel, [Kolom("categorie", "Soort misdrijf")]
               + [Kolom(s, n, numeriek=True, opmaak=p1) for s, n in zip(slugs, _namen(slugs), strict=True)]
               + [Kolom("rotterdam_per_1000", "Rotterdam", numeriek=True, opmaak=p1)],
               caption=f"Misdrijven per 1.000 inwoners, {laatste}", bron=_bron().bronvermelding.politie,
               voetnoot=wijkdata.politie_methode(), naam="politie_per_1000", tabellen_dir=tabellen_dir)


def _link_html(titel: str, link: str) -> str:
    """The title as a link, and the address as text (readable on paper; never fetched)."""
    return f'<a href="{escape(link)}">{escape(titel.strip())}</a><br><span class="link-tekst">{escape(link)}</span>'


def _stukken_data():
    from wijkrapport.sources import raadzoeker

    return raadzoeker.load_wijkraad_stukken(), raadzoeker.load_toezeggingen(), raadzoeker.load_bron()


def toon_stukken(naam: str, wijken: str, jaar: int, tabellen_dir: str) -> None:
    """The raad's most recent adviezen, letters and other documents up to the end of ``jaar``."""
    slugs = _lijst(wijken)
    stukken, _, bron = _stukken_data()
    lijst = wijkraden.stukken_van(stukken, slugs, jaar, bron.max_stukken_per_wijk)
    rijen = lijst.rijen
    if rijen.empty:
        toon_tekst(f"De bron heeft geen stukken van of over de raad tot en met {wijkraden.datum_tekst(lijst.tot)}.")
    else:
        adviezen = rijen[rijen["soort"] == "advies"]
        telling = [f"{(adviezen['advies'] == a).sum()} {a}" for a in (wijkraden.GEVRAAGD, wijkraden.ONGEVRAAGD)
                   if (adviezen["advies"] == a).any()]
        zonder = int((adviezen["advies"] == "").sum())
        zin = f"In deze lijst staan {len(rijen)} stukken, waarvan {len(adviezen)} adviezen"
        if telling or zonder:
            delen = telling + ([f"{zonder} waarvan de titel niet zegt of het gevraagd was"] if zonder else [])
            zin += f" ({', '.join(delen)})"
        toon_tekst(zin + ". Gevraagd of ongevraagd staat er alleen als de titel het zegt.")
        tabel = rijen.assign(
            datum_tekst=rijen["datum"].map(wijkraden.datum_tekst),
            stuk=[_link_html(t, link) for t, link in zip(rijen["titel"], rijen["link"], strict=True)],
            soort_tekst=[s + (f" ({a})" if a else "") for s, a in zip(rijen["soort"], rijen["advies"], strict=True)],
            reactie=rijen["status"].map(lambda s: s or "–"),
        )
        toon_tabel(tabel, [Kolom("datum_tekst", "Datum"), Kolom("stuk", "Stuk", html=True, klasse="tekst-breed"),
                           Kolom("soort_tekst", "Soort"), Kolom("reactie", "Reactie")],
                   caption=f"Adviezen, brieven en andere stukken van of over de {naam[:1].lower()}{naam[1:]}",
                   bron=bron.bronvermelding.wijkraden, voetnoot=wijkraden.afkapping_zin(lijst),
                   naam="stukken", tabellen_dir=tabellen_dir,
                   data=rijen.drop(columns=[c for c in ("beantwoord_op",) if c not in rijen]))
        return
    toon_tekst(wijkraden.afkapping_zin(lijst))


def toon_toezeggingen(wijken: str, jaar: int, tabellen_dir: str) -> None:
    """The college's toezeggingen about the raad's wijken, with their state at the end of ``jaar``."""
    slugs = _lijst(wijken)
    _, toez, bron = _stukken_data()
    lijst = wijkraden.toezeggingen_van(toez, slugs, jaar, bron.max_toezeggingen_per_wijk)
    rijen = lijst.rijen
    zin = wijkraden.afkapping_zin(lijst, "toezeggingen", "toezegging")
    if rijen.empty:
        toon_tekst(f"De bron heeft geen toezeggingen van het college over deze wijken tot en met "
                   f"{wijkraden.datum_tekst(lijst.tot)}. {zin}")
        return
    stand = rijen["stand_eind_jaar"].value_counts()
    toon_tekst(f"Het college deed {len(rijen)} toezeggingen over deze wijken die in deze lijst staan. Op "
               f"{wijkraden.datum_tekst(lijst.tot)} waren er {stand.get('afgedaan', 0)} afgedaan en "
               f"{stand.get('later afgedaan', 0) + stand.get('nog niet afgedaan', 0)} nog niet.")
    tabel = rijen.assign(datum_tekst=rijen["datum"].map(wijkraden.datum_tekst),
                         toezegging=[_link_html(t, link) for t, link in zip(rijen["titel"], rijen["link"], strict=True)])
    toon_tabel(tabel, [Kolom("datum_tekst", "Datum"), Kolom("toezegging", "Toezegging", html=True, klasse="tekst-breed"),
                       Kolom("portefeuillehouder", "Wethouder"), Kolom("stand_tekst", "Stand")],
               caption="Toezeggingen van het college over deze wijken", bron=bron.bronvermelding.wijkraden,
               voetnoot=zin, naam="toezeggingen", tabellen_dir=tabellen_dir)


def toon_verantwoording(wijken: str, jaar: int) -> None:
    b = _bron()
    items = [b.bronvermelding.cbs + ". Peildatum: 1 januari van het jaar.",
             b.bronvermelding.wijkprofiel + ".",
             b.bronvermelding.politie + ". Geregistreerde misdrijven in het kalenderjaar.",
             b.bronvermelding.wijkraden + ". Links staan als tekst in het document; ze worden niet opgehaald.",
             f"Stand van de bron: {b.stand}.",
             "Rotterdam: berekend uit alle wijken van de stad (zie de zin onder elke tabel).",
             "'geen gegevens' betekent: de bron heeft dit cijfer niet. Wij vullen niets zelf in."]
    toon_lijst(items)
