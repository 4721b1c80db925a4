"""Building blocks of the wijkdocument (called from notebooks/wijkdocument.ipynb).

Every view takes the notebook's :class:`Wijkcontext` and the texts it shows as keyword arguments: headings,
captions, footnotes and sentence templates are written in the notebook, here only what is computed. Templates
use plain ``{naam}`` fields (:func:`wijkrapport.taal.vul`); each view names the fields it offers. Every template
may also use ``{wijk}``, ``{gebied}``, ``{jaar}`` (the report year) and the city of ``data/wijken/bestanden.yml``:
``{gemeente}`` (its name) and ``{gemeente_bijvoeglijk}`` ("het Rotterdamse gemiddelde"); and, where that file names
the verhuisbewegingen' total row, ``{verhuisgebied}`` (that area). Where a sentence depends on the case
(more or fewer, better or worse), the notebook gives a dict of templates or words keyed by the case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport import taal
from wijkrapport.domain import wijkdata, wijkteksten
from wijkrapport.errors import SjabloonFout
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.context import Rapportcontext
from wijkrapport.rendering.show import toon_figuur, toon_html, toon_lijst, toon_markdown, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import gemeente
from wijkrapport.sources.jaarbestanden import verhuis_bron


def _bronvermelding():
    """The credit lines the data's bron.yml requires (``bron.yml`` of the raadzoeker folder, ``raadzoeker.folder``)."""
    from wijkrapport.sources import raadzoeker

    return raadzoeker.load_bron().bronvermelding


@dataclass(frozen=True, kw_only=True)
class Wijkcontext(Rapportcontext):
    """One wijk in one report year: its crosswalk row and figures, looked up once."""

    wijk: str

    @cached_property
    def rij(self) -> pd.Series:
        return wijkdata.wijk(self.wijk)

    @property
    def naam(self) -> str:
        return self.rij["wijk_naam"]

    @property
    def gebied(self) -> str:
        return self.rij["gebied_naam"]

    @cached_property
    def stad(self) -> str:
        """The city's name as printed (``gemeente.naam`` in ``data/wijken/bestanden.yml``)."""
        return gemeente.gemeente().naam

    @cached_property
    def velden(self) -> dict[str, object]:
        """The fields every template may use (see the module)."""
        g = gemeente.gegevens()
        return {"wijk": self.naam, "gebied": self.gebied, "jaar": self.jaar, "gemeente": g.gemeente.naam,
                "gemeente_bijvoeglijk": g.gemeente.bijvoeglijk,
                **({"verhuisgebied": g.verhuisbewegingen.totaal} if g.verhuisbewegingen else {})}

    @cached_property
    def kern(self) -> pd.DataFrame:
        return wijkdata.kerncijfers(self.wijk, self.jaar)

    @cached_property
    def wijkprofiel(self) -> pd.DataFrame:
        return wijkdata.wijkprofiel(self.wijk, self.jaar)

    @cached_property
    def criminaliteit(self) -> pd.DataFrame:
        return wijkdata.criminaliteit(self.wijk, self.jaar)

    @cached_property
    def bronnen(self) -> dict[str, str]:
        """Credit fields for templates: ``{cbs}``, ``{wijkprofiel}``, ``{politie}``, ``{wijkraden}`` (from bron.yml)."""
        b = _bronvermelding()
        return {"cbs": b.cbs, "wijkprofiel": b.wijkprofiel, "politie": b.politie, "wijkraden": b.wijkraden}

    def vul(self, sjabloon: str, **velden: object) -> str:
        """Fill a notebook template; the fields of :attr:`velden` are always there."""
        return taal.vul(sjabloon, **{**self.velden, **velden})

    def markdown(self, sjabloon: str, **velden: object) -> None:
        """Show notebook markdown whose ``{fields}`` are filled as in :meth:`vul` (as a markdown cell would look)."""
        toon_markdown(sjabloon, **{**self.velden, **velden})

    def zinnen(self, *delen: str) -> str:
        """Filled sentences joined by a space, empty ones left out."""
        return " ".join(d.strip() for d in delen if d and d.strip())


def _kies(sjablonen: Mapping[str, str], geval: str, naam: str) -> str:
    """The template for ``geval`` from a dict the notebook gives, with a clear error when it lacks that case."""
    if geval not in sjablonen:
        raise SjabloonFout(f"{naam}: geen tekst voor het geval {geval!r}; geef " + ", ".join(map(repr, sjablonen))
                           + f" en {geval!r}")
    return sjablonen[geval]


def _stadmethode(wd: Wijkcontext, sjablonen: Mapping[str, str], feiten) -> dict[str, str]:
    """Fields {stad} and {methode}: how a city figure was made (``feiten``: a ``stad.Stadmethode``), worded by
    the notebook's ``stadmethode`` templates: 'stad' {aantal}; 'gedeeld' {wijken} per group of wijken sharing one CBS
    area; 'weging'; 'benaderd' {onderwerpen}; 'buiten'; 'cbs_eigen' {onderwerpen}. {stad} is 'stad' with the
    'gedeeld' sentences; {methode} adds the others (those with {onderwerpen} only when there are any)."""
    def tekst(sleutel: str, **velden) -> str:
        return wd.vul(_kies(sjablonen, sleutel, "stadmethode"), **velden)

    stad = wd.zinnen(tekst("stad", aantal=feiten.wijken), *(tekst("gedeeld", wijken=g) for g in feiten.gedeeld))
    methode = wd.zinnen(
        stad, tekst("weging"),
        tekst("benaderd", onderwerpen=fmt.opsomming(list(feiten.benaderd))) if feiten.benaderd else "",
        tekst("buiten"),
        tekst("cbs_eigen", onderwerpen=fmt.opsomming(list(feiten.cbs_eigen))) if feiten.cbs_eigen else "")
    return {"stad": stad, "methode": methode}


def _w(eenheid: str):
    return lambda v: fmt.waarde(v, eenheid, decimals=0 if eenheid in ("pct", "eur", "aantal") else 1)


def _p1(v) -> str:
    return fmt.getal(v, 1, missing="–")


def toon_titel(wd: Wijkcontext, *, kop: str, meta: str) -> None:
    """The document's heading and the line under it."""
    toon_html(f"<h2>{escape(wd.vul(kop))}</h2><p class=\"meta\">{escape(wd.vul(meta))}</p>")


def toon_samenvatting(wd: Wijkcontext, *, inwoners: str, groei: str, evenveel: str, index: str,
                      onderwerpen: Mapping[str, str], oordelen: Mapping[str, str], index_uitleg: str,
                      huur: Mapping[str, str], misdrijven: str, misdrijven_stad: str) -> None:
    """Five to eight short sentences for the first page, in a box.

    Fields: ``inwoners`` {inwoners} {peiljaar}; ``groei`` {verschil} {meer_minder} {vorig_jaar}; ``evenveel``
    {vorig_jaar}; ``index`` {onderwerp} (from ``onderwerpen`` per index) {oordeel} (from ``oordelen`` per 'hoger',
    'lager', 'gelijk') {editie} {vorige_editie} {nu} {vorig}; ``index_uitleg`` {basisjaar}; ``huur`` per
    'met_gebied'/'zonder_gebied' {huur} {huur_gebied}; ``misdrijven`` {misdrijven_jaar}
    {per_1000} and ``misdrijven_stad`` {stadscijfer}, added when the city has the figure.
    """
    kern, zinnen = wd.kern.set_index("variabele"), []
    if "inwoners" in kern.index and not fmt.is_missing(kern.at["inwoners", "wijk"]):
        inw, peiljaar = kern.at["inwoners", "wijk"], int(kern.at["inwoners", "jaar"])
        zinnen.append(wd.vul(inwoners, inwoners=fmt.getal(inw), peiljaar=peiljaar))
        reeks = wijkdata.inwoners_per_jaar(wd.wijk)
        eerder = reeks[reeks.index < peiljaar].dropna()
        if len(eerder):
            vorig_jaar = int(eerder.index.max())
            verschil = inw - eerder.loc[vorig_jaar]
            woord = wijkteksten.meer_minder(verschil)
            zinnen.append(wd.vul(evenveel, vorig_jaar=vorig_jaar) if woord == "evenveel" else
                          wd.vul(groei, verschil=fmt.getal(abs(verschil)), meer_minder=woord, vorig_jaar=vorig_jaar))
    veranderingen = wijkteksten.index_veranderingen(wd.wijkprofiel)
    for v in veranderingen:
        if v.richting == "onbekend":
            continue
        zinnen.append(wd.vul(index, onderwerp=_kies(onderwerpen, v.index, "onderwerpen"),
                             oordeel=_kies(oordelen, v.richting, "oordelen"), editie=v.editie,
                             vorige_editie=v.vorige_editie, nu=fmt.getal(v.nu), vorig=fmt.getal(v.vorig)))
    if veranderingen:
        zinnen.append(wd.vul(index_uitleg, basisjaar=wijkteksten.basisjaar()))
    if "pct_huur" in kern.index and not fmt.is_missing(kern.at["pct_huur", "wijk"]):
        g = kern.at["pct_huur", "gebied"]
        zinnen.append(wd.vul(_kies(huur, "zonder_gebied" if fmt.is_missing(g) else "met_gebied", "huur"),
                             huur=fmt.procent(kern.at["pct_huur", "wijk"], 0), huur_gebied=fmt.procent(g, 0)))
    rates = wd.criminaliteit.dropna(subset=["misdrijven_per_1000"])
    if len(rates):
        last = rates.iloc[-1]
        stadscijfer = last.get("rotterdam_misdrijven_per_1000")
        zinnen.append(wd.zinnen(
            wd.vul(misdrijven, misdrijven_jaar=int(last["jaar"]), per_1000=fmt.getal(last["misdrijven_per_1000"], 0)),
            "" if fmt.is_missing(stadscijfer) else wd.vul(misdrijven_stad, stadscijfer=fmt.getal(stadscijfer, 0))))
    toon_html('<div class="kader samenvatting">' + "".join(f"<p>{escape(z)}</p>" for z in zinnen) + "</div>")


def signalen(wd: Wijkcontext, *, index_verandering: str, index_niveau: Mapping[str, str], misdrijven: str,
             laag_inkomen: str) -> tuple[list[str], list[str]]:
    """(what goes well, what needs attention): rules over the data, each sentence with its figure.

    Fields: ``index_verandering`` {index} {vorig} {vorige_editie} {nu} {editie} {verschil} (signed), for a change
    of ``DREMPEL_INDEX`` points or more; ``index_niveau`` per 'laag'/'hoog' {index} {nu} {basisjaar}, for an index
    at or beyond 90/110; ``misdrijven`` {vorig} {vorig_jaar} {nu} {nu_jaar}, for a change of 3 or more per 1.000;
    ``laag_inkomen`` {waarde_wijk} {waarde_gebied}, for 5 points or more between wijk and gebied.
    """
    goed, aandacht = [], []
    lijst = {"goed": goed, "aandacht": aandacht}
    veranderingen = wijkteksten.index_veranderingen(wd.wijkprofiel)
    for v in sorted((v for v in veranderingen if v.richting != "onbekend"), key=lambda v: (v.verschil, v.index),
                    reverse=True):
        soort = wijkteksten.signaal(v.verschil, wijkteksten.DREMPEL_INDEX)
        if soort:
            lijst[soort].append(wd.vul(index_verandering, index=v.index, vorig=fmt.getal(v.vorig),
                                       vorige_editie=v.vorige_editie, nu=fmt.getal(v.nu), editie=v.editie,
                                       verschil=wijkteksten.met_teken(v.verschil)))
    for v in veranderingen:
        stand = wijkteksten.niveau(v.nu)
        if stand:
            lijst["aandacht" if stand == "laag" else "goed"].append(
                wd.vul(_kies(index_niveau, stand, "index_niveau"), index=v.index, nu=fmt.getal(v.nu),
                       basisjaar=wijkteksten.basisjaar()))
    rates = wd.criminaliteit.dropna(subset=["misdrijven_per_1000"])
    if len(rates) >= 2:
        a, b = rates.iloc[-2], rates.iloc[-1]
        soort = wijkteksten.signaal(b["misdrijven_per_1000"] - a["misdrijven_per_1000"],
                                    wijkteksten.DREMPEL_MISDRIJVEN, hoger_is_beter=False)
        if soort:
            lijst[soort].append(wd.vul(misdrijven, vorig=fmt.getal(a["misdrijven_per_1000"], 0),
                                       vorig_jaar=int(a["jaar"]), nu=fmt.getal(b["misdrijven_per_1000"], 0),
                                       nu_jaar=int(b["jaar"])))
    kern = wd.kern.set_index("variabele")
    if "pct_laagste_40_huishoudens" in kern.index:
        w, g = kern.at["pct_laagste_40_huishoudens", "wijk"], kern.at["pct_laagste_40_huishoudens", "gebied"]
        soort = wijkteksten.signaal(w - g, wijkteksten.DREMPEL_LAAG_INKOMEN, hoger_is_beter=False)
        if soort and not (fmt.is_missing(w) or fmt.is_missing(g)):
            lijst[soort].append(wd.vul(laag_inkomen, waarde_wijk=fmt.procent(w, 0), waarde_gebied=fmt.procent(g, 0)))
    return goed, aandacht


def toon_signalen(zinnen: list[str], *, geen: str) -> None:
    """A list of :func:`signalen` sentences, or the one sentence ``geen`` when there are none."""
    toon_lijst(zinnen or [geen])


def toon_kerncijfers(wd: Wijkcontext, *, caption: str, bron: str, voetnoot: str, stadmethode: Mapping[str, str],
                     dekking: str) -> None:
    """The kerncijfers table: the wijk beside its gebied and the city.

    Fields: ``bron`` {cbs}; ``voetnoot`` {methode} (how the city column was made, in the words of
    ``stadmethode``: see :func:`_stadmethode`) and {dekking} (``dekking``
    {onderwerp} {cijferjaar} {dekking} per city figure computed from fewer than all wijken, each after a space).
    """
    stad = wijkdata.STADKOLOM
    kern = wd.kern.assign(**{f"waarde_{k}": wd.kern.apply(lambda r, k=k: _w(r["eenheid"])(r[k]), axis=1)
                             for k in ("wijk", "gebied", stad)})
    kolommen = [
        Kolom("label", "Onderwerp"),
        Kolom("jaar", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v))),
        Kolom("waarde_wijk", wd.naam, numeriek=True),
        Kolom("waarde_gebied", wd.gebied, numeriek=True),
        Kolom(f"waarde_{stad}", wd.stad, numeriek=True),
    ]
    noten = "".join(" " + wd.vul(dekking, onderwerp=o, cijferjaar=j, dekking=d)
                     for o, j, d in wijkteksten.rotterdam_dekking(kern))
    wd.tabel(
        kern, kolommen, caption=wd.vul(caption), bron=wd.vul(bron, **wd.bronnen),
        voetnoot=wd.vul(voetnoot, methode=_stadmethode(wd, stadmethode, wijkdata.kerncijfers_methode(kern))["methode"],
                        dekking=noten),
        naam="kerncijfers",
        data=kern[["variabele", "label", "eenheid", "jaar", "wijk", "gebied", stad, "bron", "rotterdam_bron",
                   "rotterdam_dekking"]],
    )


def toon_wijkprofiel(wd: Wijkcontext, *, geen: str, een_meting: str, sinds: str, verandering: str, geen_index: str,
                     bewegingen: Mapping[str, str], uitleg: str, referentie: str, titel: str, alt: str,
                     grafiek_bron: str, caption: str, herberekend: str) -> None:
    """The three Wijkprofiel indices: a sentence on the last change, a chart and the table per edition.

    Fields: ``sinds`` {vorige_editie} {veranderingen} (``verandering`` {index} {beweging} {vorig} {nu} per index,
    ``beweging`` from ``bewegingen`` per 'hoger', 'lager', 'gelijk'; ``geen_index`` {index} where one edition lacks
    it); ``uitleg``, ``referentie``, ``alt`` and ``grafiek_bron`` {basisjaar}; ``alt`` {eerste_editie} {editie}
    {waarden}; ``grafiek_bron`` {wijkprofiel}; ``herberekend`` {edities} (recomputed editions, from
    ``data/wijken/bestanden.yml``; left out when there are none).
    """
    wp = wd.wijkprofiel
    if wp.empty:
        toon_tekst(wd.vul(geen))
        return
    veranderingen = wijkteksten.index_veranderingen(wp)
    if not veranderingen:
        toon_tekst(wd.vul(een_meting))
    else:
        delen = [wd.vul(geen_index, index=v.index.lower()) if v.richting == "onbekend" else
                 wd.vul(verandering, index=v.index.lower(), beweging=_kies(bewegingen, v.richting, "bewegingen"),
                        vorig=fmt.getal(v.vorig), nu=fmt.getal(v.nu)) for v in veranderingen]
        toon_tekst(wd.vul(sinds, vorige_editie=veranderingen[0].vorige_editie, veranderingen="; ".join(delen)))
    basis = wijkteksten.basisjaar()
    toon_tekst(wd.vul(uitleg, basisjaar=basis))
    series = list(wijkteksten.INDEXEN)
    fig = line_chart(wp, "editie", series, "index", referentielijn=100,
                     referentielabel=wd.vul(referentie, basisjaar=basis), tot_jaar=wd.jaar)
    last = wp.iloc[-1]
    waarden = ", ".join(f"{s.lower()} {fmt.getal(last[s])}" for s in series)
    toon_figuur(fig, alt=wd.vul(alt, eerste_editie=int(wp["editie"].min()), editie=int(last["editie"]),
                                waarden=waarden, basisjaar=basis),
                titel=wd.vul(titel), bron=wd.vul(grafiek_bron, basisjaar=basis, **wd.bronnen))
    from wijkrapport.inputs import wijkbronnen

    jaren = [str(j) for j in wijkbronnen().get("wijkprofiel_herberekend") or []]
    wd.tabel(wp, [Kolom("editie", "Editie", opmaak=lambda v: str(int(v)))]
             + [Kolom(s, s, numeriek=True, opmaak=lambda v: fmt.getal(v)) for s in series],
             caption=wd.vul(caption), bron=wd.bronnen["wijkprofiel"],
             voetnoot=wd.vul(herberekend, edities=fmt.opsomming(jaren)) if jaren else "", naam="wijkprofiel")


def _geen_inwoners_jaren(crim: pd.DataFrame) -> list[str]:
    return [str(int(j)) for j, n in zip(crim["jaar"], crim["inwoners"], strict=True) if n == 0]


def toon_veiligheid(wd: Wijkcontext, *, geen: str, titel: str, grafiek_bron: str, alt: str, alt_stad: str,
                    alt_onbekend: str, alt_leeg: str, caption: str, voetnoot: str, geen_inwoners: str,
                    stadmethode: Mapping[str, str]) -> None:
    """Registered crimes per year: a chart per 1.000 inhabitants (wijk and city) and the table.

    Fields: ``alt`` {eerste} {eerste_jaar} {laatste} {laatste_jaar}; ``alt_stad`` {stadscijfer} {laatste_jaar};
    ``alt_onbekend`` and ``alt_leeg`` {jaren} (years inside the line without inhabitants known / without
    inhabitants); ``grafiek_bron`` {politie}; ``voetnoot`` {stad} (which wijken make up the city, in the words of
    ``stadmethode``: see :func:`_stadmethode`) {geen_inwoners} (``geen_inwoners`` {jaren} after a space, when CBS counts
    no inhabitants in some years).
    """
    crim = wd.criminaliteit
    if crim.empty:
        toon_tekst(wd.vul(geen))
        return
    rates = crim.dropna(subset=["misdrijven_per_1000"])
    if len(rates):
        # every year, so that years without inhabitants (no rate) break the line instead of being bridged
        frame = crim.rename(columns={"misdrijven_per_1000": wd.naam, "rotterdam_misdrijven_per_1000": wd.stad})
        series = [wd.naam] + ([wd.stad] if frame[wd.stad].notna().any() else [])
        fig = line_chart(frame, "jaar", series, "per1000", tot_jaar=wd.jaar)  # the axis runs to the report year
        eerste, last = rates.iloc[0], rates.iloc[-1]
        open_jaren = [(str(int(j)), n == 0) for j, n in zip(crim["jaar"], crim["inwoners"], strict=True)
                      if rates["jaar"].min() < j < rates["jaar"].max() and j not in set(rates["jaar"])]
        onbekend = [j for j, nul in open_jaren if not nul]
        nul = [j for j, nul in open_jaren if nul]
        stadscijfer = last["rotterdam_misdrijven_per_1000"]
        tekst = wd.zinnen(
            wd.vul(alt, eerste=fmt.getal(eerste["misdrijven_per_1000"], 0), eerste_jaar=int(eerste["jaar"]),
                   laatste=fmt.getal(last["misdrijven_per_1000"], 0), laatste_jaar=int(last["jaar"])),
            "" if fmt.is_missing(stadscijfer) else wd.vul(alt_stad, stadscijfer=fmt.getal(stadscijfer, 0),
                                                          laatste_jaar=int(last["jaar"])),
            wd.vul(alt_onbekend, jaren=fmt.opsomming(onbekend)) if onbekend else "",
            wd.vul(alt_leeg, jaren=fmt.opsomming(nul)) if nul else "")
        toon_figuur(fig, alt=tekst, titel=wd.vul(titel), bron=wd.vul(grafiek_bron, **wd.bronnen),
                    data=rates, data_kolommen=[
                        Kolom("jaar", "Jaar", opmaak=lambda v: str(int(v))),
                        Kolom("misdrijven_per_1000", "Wijk", numeriek=True, opmaak=lambda v: fmt.getal(v, 1)),
                        Kolom("rotterdam_misdrijven_per_1000", wd.stad, numeriek=True, opmaak=_p1),
                    ])
    kolommen = [
        Kolom("jaar", "Jaar", opmaak=lambda v: str(int(v))),
        Kolom("misdrijven", "Misdrijven", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("misdrijven_per_1000", "Per 1.000 inwoners", numeriek=True, opmaak=_p1),
        Kolom("woninginbraak", "Woninginbraken", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("woninginbraak_per_1000", "Woninginbraken per 1.000", numeriek=True, opmaak=_p1),
        Kolom("rotterdam_misdrijven_per_1000", f"{wd.stad}: misdrijven per 1.000", numeriek=True, opmaak=_p1),
    ]
    leeg = _geen_inwoners_jaren(crim)
    wd.tabel(crim, kolommen, caption=wd.vul(caption), bron=wd.bronnen["politie"],
             voetnoot=wd.vul(voetnoot, stad=_stadmethode(wd, stadmethode, wijkdata.politie_stadmethode())["stad"],
                             geen_inwoners=" " + wd.vul(geen_inwoners, jaren=fmt.opsomming(leeg)) if leeg else ""),
             naam="veiligheid")


def toon_politie_categorieen(wd: Wijkcontext, *, geen: str, veel_vaker: Mapping[str, str], caption: str,
                             voetnoot: str, stadmethode: Mapping[str, str], factor: float = 1.5) -> None:
    """Per kind of crime: the wijk and the city per 1.000 inhabitants in the latest year with both (nothing
    when the wijk has no police figures at all).

    Fields: ``veel_vaker`` per 'wel'/'geen' {cijferjaar} {factor} ({soorten}: the kinds of crime at least
    ``factor`` times as frequent as in the city); ``voetnoot`` {stad} (see :func:`_stadmethode`).
    """
    if wd.criminaliteit.empty:
        return
    tabel = wijkdata.politie_categorieen(wd.wijk, wd.jaar)
    if tabel.empty:
        toon_tekst(wd.vul(geen))
        return
    laatste = int(tabel["jaar"].iloc[0])
    soorten = wijkteksten.veel_vaker(tabel, factor)
    toon_tekst(wd.vul(_kies(veel_vaker, "wel" if soorten else "geen", "veel_vaker"), cijferjaar=laatste,
                      factor=fmt.getal(factor, 1), soorten=fmt.opsomming(soorten)))
    wd.tabel(tabel, [
        Kolom("categorie", "Soort misdrijf"),
        Kolom("aantal", f"Aantal {laatste}", numeriek=True, opmaak=lambda v: fmt.getal(v)),
        Kolom("vorig_per_1000", f"{wd.naam} per 1.000, {laatste - 1}", numeriek=True, opmaak=_p1),
        Kolom("per_1000", f"{wd.naam} per 1.000, {laatste}", numeriek=True, opmaak=_p1),
        Kolom("rotterdam_per_1000", f"{wd.stad} per 1.000, {laatste}", numeriek=True, opmaak=_p1),
    ], caption=wd.vul(caption), bron=wd.bronnen["politie"],
        voetnoot=wd.vul(voetnoot, stad=_stadmethode(wd, stadmethode, wijkdata.politie_stadmethode())["stad"]),
        naam="veiligheid_per_soort")


def toon_wijkprofiel_detail(wd: Wijkcontext, *, geen: str, later: str, uitleg: str, kader_kop: str,
                            kader_drempel: str, verschil: str, geen_verschil: str, caption: str,
                            voetnoot: str) -> None:
    """The latest edition's sub-indices: how residents experience each theme beside what the registrations say.

    Fields: {editie} everywhere; ``later`` {edities} (later editions that have them; added to ``geen``);
    ``uitleg`` {basisjaar}; ``kader_drempel``, ``geen_verschil`` and ``voetnoot`` {drempel}; ``verschil``
    {onderwerp} {minder_meer} {beleving} {registraties} per sharp difference.
    """
    editie, detail, met_detail = wijkdata.wijkprofiel_detail(wd.wijk, wd.jaar)
    if editie is None:
        return
    drempel = wijkteksten.DREMPEL_BELEVING
    if detail.empty:
        na = [str(e) for e in met_detail if e > editie]
        toon_tekst(wd.zinnen(wd.vul(geen, editie=editie),
                             wd.vul(later, editie=editie, edities=fmt.opsomming(na)) if na else ""))
        return
    toon_tekst(wd.vul(uitleg, editie=editie, basisjaar=wijkteksten.basisjaar()))
    scherp = wijkteksten.sterke_verschillen(detail, drempel)
    if len(scherp):
        toon_html(f'<div class="kader"><p><strong>{escape(wd.vul(kader_kop, editie=editie))}</strong> '
                  f"{escape(wd.vul(kader_drempel, editie=editie, drempel=drempel))}</p>"
                  + "".join(f"<p>{escape(wd.vul(verschil, editie=editie, onderwerp=r.onderdeel, beleving=fmt.getal(r.subjectief), registraties=fmt.getal(r.objectief), minder_meer=wijkteksten.minder_meer(r.verschil)))}</p>"  # noqa: E501
                            for r in scherp.itertuples()) + "</div>")
    else:
        toon_tekst(wd.vul(geen_verschil, editie=editie, drempel=drempel))
    idx = lambda v: fmt.getal(v, missing="–")  # noqa: E731
    wd.tabel(detail, [
        Kolom("index_naam", "Index"), Kolom("onderdeel", "Onderwerp"),
        Kolom("subjectief", "Beleving bewoners", numeriek=True, opmaak=idx),
        Kolom("objectief", "Registraties", numeriek=True, opmaak=idx),
        Kolom("verschil", "Verschil", numeriek=True,
              opmaak=lambda v: "–" if fmt.is_missing(v) else wijkteksten.met_teken(v)),
    ], caption=wd.vul(caption, editie=editie), bron=wd.bronnen["wijkprofiel"],
        voetnoot=wd.vul(voetnoot, editie=editie, drempel=drempel), naam="wijkprofiel_deelscores")


def toon_vergelijkbaar(wd: Wijkcontext, *, geen: str, zin: str, caption: str, bron: str, voetnoot: str) -> None:
    """The wijken most alike in profile, in a sentence and a table.

    Fields: ``zin`` {wijken} (the others, in order); ``bron`` {cbs} {wijkprofiel}.
    """
    tabel = wijkdata.vergelijkbare_wijken(wd.wijk, wd.jaar)
    if len(tabel) <= 1:
        toon_tekst(wd.vul(geen))
        return
    tabel["wijk"] = tabel["wijk_slug"].map(wijkdata.wijknamen())
    toon_tekst(wd.vul(zin, wijken=", ".join(tabel["wijk"].iloc[1:])))
    cols = [("pct_0_15", "0-15 jaar", "pct"), ("pct_65_plus", "65+", "pct"), ("pct_huur", "Huur", "pct"),
            ("woz", "WOZ", "eur"), ("fysieke_index", "Fysiek", "index"), ("veiligheidsindex", "Veiligheid", "index"),
            ("sociale_index", "Sociaal", "index")]
    kolommen = [Kolom("wijk", "Wijk")] + [Kolom(c, k, numeriek=True, opmaak=_w(e)) for c, k, e in cols if c in tabel]
    wd.tabel(tabel, kolommen, caption=wd.vul(caption), bron=wd.vul(bron, **wd.bronnen), naam="vergelijkbare_wijken",
             voetnoot=wd.vul(voetnoot))


def toon_verhuisbewegingen(wd: Wijkcontext, *, geen: str, zin: str, delen: str, caption: str,
                           voetnoot: str) -> None:
    """Vestigers, vertrekkers, saldo and mobility from the NPRZ table (NPRZ wijken only); '<5' stays '<5'.

    Fields: ``zin`` {vestigers} {vertrekkers} {saldo}; ``delen`` {aantal} {delen} (when the table has the wijk in
    several parts).
    """
    tabel = wijkdata.verhuisbewegingen(wd.wijk, wd.jaar)
    if tabel is None:
        toon_tekst(wd.vul(geen))
        return
    kolommen = [Kolom("gebied", "Gebied"), Kolom("vestigers_totaal", "Kwamen wonen", numeriek=True),
                Kolom("vertrekkers_totaal", "Vertrokken", numeriek=True), Kolom("saldo", "Saldo", numeriek=True),
                Kolom("mobiliteit_pct", "Mobiliteit", numeriek=True)]
    eigen = tabel[tabel["soort"] == "wijk"]
    if len(eigen) == 1:
        e = eigen.iloc[0]
        toon_tekst(wd.vul(zin, vestigers=e["vestigers_totaal"], vertrekkers=e["vertrekkers_totaal"], saldo=e["saldo"]))
    else:
        toon_tekst(wd.vul(delen, aantal=len(eigen), delen=", ".join(eigen["gebied"])))
    wd.tabel(tabel, kolommen, caption=wd.vul(caption), bron=verhuis_bron(wd.jaar), voetnoot=wd.vul(voetnoot),
             naam="verhuisbewegingen")


def toon_verantwoording(wd: Wijkcontext, *, items: list[str], geen_verhuizingen: str, opmerking: str) -> None:
    """The list of sources and rules at the end.

    Fields: {cbs} {wijkprofiel} {politie} {wijkraden} (from bron.yml), {basisjaar}, {verhuizingen} (the source of
    the verhuisbewegingen, or ``geen_verhuizingen`` when they have not arrived); ``opmerking`` {opmerking} (the
    crosswalk's note on this wijk; added when there is one).
    """
    verhuizingen = verhuis_bron(wd.jaar) or wd.vul(geen_verhuizingen)
    lijst = [wd.vul(i, basisjaar=wijkteksten.basisjaar(), verhuizingen=verhuizingen, **wd.bronnen) for i in items]
    if str(wd.rij.get("opmerking", "")).strip():
        lijst.append(wd.vul(opmerking, opmerking=wd.rij["opmerking"]))
    toon_lijst(lijst)


def toon_kaart(wd: Wijkcontext, *, titel: str, alt: str, alt_buren: str, bron: str) -> None:
    """The gebied with the wijk highlighted. Fields: ``alt_buren`` {buren} (the other wijken of the gebied)."""
    from wijkrapport.rendering.maps import wijk_kaart

    codes = [c for c in str(wd.rij["cbs_buurtcodes"]).split(";") if c]
    fig, buren = wijk_kaart(codes, wd.gebied)
    toon_figuur(fig, alt=wd.zinnen(wd.vul(alt), wd.vul(alt_buren, buren=", ".join(buren)) if buren else ""),
                titel=wd.vul(titel), bron=wd.vul(bron))


def toon_actieplan(wd: Wijkcontext, *, kop: str, inleiding: Mapping[str, str], concept: str, stand: str,
                   betwist_kop: str, geen_reden: str, telling_caption: str, plan_bron: str, geen_planning: str,
                   doel_kop: str, oordelen: Mapping[str, str], uitkomst: str, resultaat: str,
                   acties_caption: str) -> None:
    """The wijkactieplan chapter for every plan that covers this wijk (nothing when there is none).

    Fields: {titel} everywhere (the plan's title); ``inleiding`` per 'met_wijkraad'/'zonder_wijkraad' {wijkraad}
    {planjaar} {aantal} (the number of actions); ``concept`` is added for a plan with status concept; ``stand``
    {telling} (counts per status); ``doel_kop`` and ``acties_caption`` {nummer} {doel}; ``oordelen`` per case of
    :func:`wijkrapport.domain.actieplan.consistentie` (``Oordeel.geval``) {uitkomsten}, each outcome written with
    ``uitkomst`` {naam} {van} {jaar_van} {naar} {jaar_naar}; ``resultaat`` {nummer}.
    """
    from wijkrapport.domain.actieplan import ACTIE_STATUS, STATUS_VOLGORDE, consistentie, status_telling
    from wijkrapport.sources.actieplan import plans_for_wijk

    for plan, acties in plans_for_wijk(wd.wijk, wd.jaar):
        def vul(sjabloon: str, plan=plan, **velden) -> str:
            return wd.vul(sjabloon, titel=plan.titel, **velden)

        toon_html(f"<h3>{escape(vul(kop))}</h3>")
        toon_tekst(wd.zinnen(
            vul(_kies(inleiding, "met_wijkraad" if plan.wijkraad else "zonder_wijkraad", "inleiding"),
                wijkraad=plan.wijkraad or "", planjaar=plan.jaar, aantal=len(acties)),
            vul(concept) if str(plan.status).lower() == "concept" else ""))
        telling = status_telling(acties)
        delen = [f"{int(telling.iloc[0][s])} {ACTIE_STATUS[s].lower()}" for s in STATUS_VOLGORDE if telling.iloc[0][s]]
        toon_tekst(vul(stand, telling=", ".join(delen)))
        betwist = acties[acties["gemeente_reactie"] == "betwist"]
        if len(betwist):
            toon_html(f'<div class="kader let-op"><p><strong>{escape(vul(betwist_kop))}</strong></p><ul>'
                      + "".join(f"<li><strong>{escape(r['actie_nummer'])}</strong> {escape(r['actie'])} — "
                                f"{escape(r['gemeente_reactie_toelichting'] or vul(geen_reden))}</li>"
                                for _, r in betwist.iterrows()) + "</ul></div>")
        per_doel = status_telling(acties, "doel_nummer").reset_index()
        titels = {str(d.nummer): d.titel for d in plan.doelen}
        per_doel["doel"] = [f"{n}. {titels.get(str(n), '')}".strip() for n in per_doel["doel_nummer"]]
        wd.tabel(per_doel, [Kolom("doel", "Doel")] + [
            Kolom(s, f"{fmt.STATUS_SYMBOOL[s]} {ACTIE_STATUS[s]}", numeriek=True) for s in STATUS_VOLGORDE
        ] + [Kolom("totaal", "Totaal", numeriek=True)], caption=vul(telling_caption), bron=vul(plan_bron),
            naam=f"actieplan_{plan.plan_id}_telling")
        doelen = {d.nummer: d for d in plan.doelen}
        met_planning = acties["planning_maanden"].ne("").any()
        if not met_planning:
            toon_tekst(vul(geen_planning))
        for nummer, groep in acties.groupby("doel_nummer", sort=False):
            doel = {"nummer": nummer, "doel": groep["doel"].iloc[0]}
            toon_html(f"<h4>{escape(vul(doel_kop, **doel))}</h4>")
            oordeel = consistentie(list(groep["status"]), _uitkomsten(wd, doelen.get(int(nummer))))
            zin = vul(_kies(oordelen, oordeel.geval, "oordelen"),
                      uitkomsten="; ".join(vul(uitkomst, **u.velden()) for u in oordeel.uitkomsten))
            toon_tekst(zin, klasse="kader let-op" if oordeel.soort == "tegenstrijdig" else "kader")
            resultaten = groep.drop_duplicates("resultaat_nummer")
            toon_html('<ul class="resultaten">' + "".join(
                f"<li><strong>{escape(vul(resultaat, nummer=r['resultaat_nummer']))}</strong>: {escape(r['resultaat'])}</li>"
                for _, r in resultaten.iterrows()) + "</ul>")
            wd.tabel(groep.assign(gemeente=groep.apply(_gemeente_oordeel, axis=1)), [
                Kolom("actie_nummer", "Nr."), Kolom("actie", "Actie"),
                Kolom("status", "Status", opmaak=lambda v: fmt.status_html(v, labels=ACTIE_STATUS), html=True),
                *([Kolom("planning_maanden", "Planning", opmaak=lambda v: f"{v} maanden" if v else "–")]
                  if met_planning else []),
                Kolom("door_wie", "Door wie"), Kolom("gemeente", "Uitvoerbaar volgens de gemeente"),
            ], caption=vul(acties_caption, **doel), bron=vul(plan_bron),
                rij_klasse=lambda r: "afwijking" if r["gemeente_reactie"] == "betwist" else "")
        wd.csv(acties, f"actieplan_{plan.plan_id}")


#: outcome figures older than this many years before the report year are too old to judge a current plan
MAX_OUDERDOM = 4


def _uitkomsten(wd: Wijkcontext, doel) -> list:
    """The last change of each outcome indicator linked to ``doel`` with two recent years of data."""
    from wijkrapport.domain.actieplan import Uitkomst, laatste_verandering

    found = []
    for ind in doel.uitkomstindicatoren if doel else []:
        label, eenheid, pol = wijkdata.UITKOMSTEN[ind]
        change = laatste_verandering(wijkdata.uitkomst_reeks(wd.wijk, ind, wd.jaar))
        if change and change[2] >= wd.jaar - MAX_OUDERDOM:
            found.append(Uitkomst(label, change[1], change[3], change[0], change[2], doel.beter_als.get(ind, pol), eenheid))
    return found


def _gemeente_oordeel(row: pd.Series) -> str:
    """Feasibility as the gemeente judged it, with disputed actions spelled out (table content)."""
    if row["gemeente_reactie"] == "betwist":
        return "⚠ Nee – betwist: de wijkraad houdt de actie in het plan"
    return {"ja": "Ja", "nee": "Nee"}.get(row["uitvoerbaar"], "Niet ingevuld")
