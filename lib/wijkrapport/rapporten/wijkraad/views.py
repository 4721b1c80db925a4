"""Building blocks of the wijkraad edition (called from notebooks/wijkraad.ipynb): the raad's wijken side by side,
its documents (adviezen, brieven) and the college's toezeggingen about its wijken.

The notebook makes one :class:`Wijkraadcontext` and passes it to every view. A view computes, formats the Dutch way
and shows; its words come from the notebook: captions, footnotes and sentence templates are keyword arguments
(required) with plain ``{naam}`` fields, which each view lists; every template may also use ``{gemeente}`` and
``{gemeente_bijvoeglijk}`` (the city of ``data/wijken/bestanden.yml``: its name, and the adjective "het ...
gemiddelde"). Where a sentence differs by case, the notebook gives a dict of templates and the view picks one;
words that depend on the data (singular or plural, more or less) come from :mod:`.teksten`. Credits come from the data's ``bron.yml``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import wijkdata, wijkraden, wijkteksten
from wijkrapport.rendering.context import Rapportcontext
from wijkrapport.rendering.show import toon_html, toon_lijst, toon_markdown, toon_tekst
from wijkrapport.rendering.tables import Kolom
from wijkrapport.sources import gemeente

from . import teksten
from .teksten import vul_zin

_INDEXEN = ("Fysieke index", "Veiligheidsindex", "Sociale index")


@dataclass(frozen=True, kw_only=True)
class Wijkraadcontext(Rapportcontext):
    """One wijkraad edition: the raad (slug and printed name) and its wijken, each looked up once.

    ``wijken`` takes the notebook parameter as it comes (slugs separated by ";") and holds the slugs.
    """

    wijkraad: str
    naam: str
    wijken: tuple[str, ...]

    def __post_init__(self) -> None:
        delen = self.wijken.split(";") if isinstance(self.wijken, str) else self.wijken
        slugs = tuple(s.strip() for s in delen if s.strip())
        if not slugs:
            raise ValueError(f"wijkraad {self.wijkraad!r}: parameter 'wijken' noemt geen wijk ({self.wijken!r})")
        object.__setattr__(self, "wijken", slugs)

    @cached_property
    def namen(self) -> tuple[str, ...]:
        """The wijken's names as printed, in the raad's order."""
        namen = wijkdata.wijknamen()
        return tuple(namen.get(s, s) for s in self.wijken)

    @cached_property
    def gebieden(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(wijkdata.wijk(s)["gebied_naam"] for s in self.wijken))

    @cached_property
    def stad(self) -> str:
        """The city's name as printed (``gemeente.naam`` in ``data/wijken/bestanden.yml``)."""
        return gemeente.gemeente().naam

    @cached_property
    def velden(self) -> dict[str, str]:
        """The fields every template may use: ``{gemeente}`` and ``{gemeente_bijvoeglijk}``."""
        g = gemeente.gemeente()
        return {"gemeente": g.naam, "gemeente_bijvoeglijk": g.bijvoeglijk}

    def vul(self, sjabloon: str, **waarden: object) -> str:
        """A template of the notebook filled (``teksten.vul_zin``) with :attr:`velden` and ``waarden``."""
        return vul_zin(sjabloon, **{**self.velden, **waarden})

    def markdown(self, sjabloon: str, **waarden: object) -> None:
        """Show notebook markdown whose ``{fields}`` are filled with :attr:`velden` and ``waarden`` (as a markdown
        cell would look)."""
        toon_markdown(sjabloon, **{**self.velden, **waarden})

    @cached_property
    def raad(self) -> str:
        """The raad's name inside a sentence."""
        return teksten.kleine_letter(self.naam)

    @cached_property
    def bron(self):
        """The raadzoeker's ``bron.yml``: credits, state of the source and its caps per wijk."""
        from wijkrapport.sources import raadzoeker

        return raadzoeker.load_bron()

    @cached_property
    def inwonersjaar(self) -> int:
        """The latest year up to ``jaar`` with an inhabitant figure for one of the wijken."""
        jaren = [int(j) for s in self.wijken for j in wijkdata.inwoners_per_jaar(s).index if j <= self.jaar]
        return max(jaren) if jaren else self.jaar

    def bronnen(self) -> dict[str, str]:
        """The credits of ``bron.yml`` as template fields: ``{cbs}``, ``{wijkprofiel}``, ``{politie}``,
        ``{wijkraden}`` and ``{stand}`` (the state of the source)."""
        b = self.bron.bronvermelding
        return {"cbs": b.cbs, "wijkprofiel": b.wijkprofiel, "politie": b.politie, "wijkraden": b.wijkraden,
                "stand": self.bron.stand}

    def per_wijk(self):
        """(slug, name) of every wijk of the raad."""
        return zip(self.wijken, self.namen, strict=True)


def toon_titel(wr: Wijkraadcontext, *, regel: str) -> None:
    """The raad's name and a line under it. Fields: ``{wijk_of_wijken}`` ('Wijk' or 'Wijken'), ``{wijken}``,
    ``{gebieden}``, ``{jaar}``."""
    tekst = wr.vul(regel, wijk_of_wijken=teksten.woord(len(wr.wijken), "Wijk", "Wijken"), wijken=fmt.opsomming(wr.namen),
                gebieden=fmt.opsomming(wr.gebieden), jaar=wr.jaar)
    toon_html(f'<h2>{escape(wr.naam)}</h2><p class="meta">{escape(tekst)}</p>')


def toon_inleiding(wr: Wijkraadcontext, *, opening: str, inwoners: Mapping[str, str], afsluiting: str) -> None:
    """The box at the start: ``opening``, the inhabitants and ``afsluiting``, one paragraph each. ``inwoners`` is a
    dict with the cases ``een`` (the raad has one wijk) and ``meer`` (several); that paragraph is left out when the
    inhabitants are not known. Fields of all: ``{naam}``, ``{raad}`` (the name inside a sentence), ``{wijken}``,
    ``{inwoners}``, ``{peiljaar}``."""
    inw = wijkdata.inwoners_samen(list(wr.wijken), wr.inwonersjaar)
    waarden = {"naam": wr.naam, "raad": wr.raad, "wijken": fmt.opsomming(wr.namen), "peiljaar": wr.inwonersjaar,
               "inwoners": fmt.getal(inw, missing="geen gegevens")}
    midden = [] if fmt.is_missing(inw) else [teksten.kies(inwoners, "een" if len(wr.wijken) == 1 else "meer", "inwoners")]
    toon_html('<div class="kader samenvatting">'
              + "".join(f"<p>{escape(wr.vul(s, **waarden))}</p>" for s in [opening, *midden, afsluiting]) + "</div>")


def _met_jaar(waarde: str, jaar, gewoon) -> str:
    """A value with its year in brackets when it is of another year than the row's."""
    if fmt.is_missing(jaar) or jaar == gewoon or waarde == fmt.waarde(math.nan, "aantal"):
        return waarde
    return f"{waarde} ({int(jaar)})"


def _w(eenheid: str):
    return lambda v: fmt.waarde(v, eenheid, decimals=0 if eenheid in ("pct", "eur", "aantal") else 1)


def toon_kerncijfers(wr: Wijkraadcontext, *, caption: str, bron: str, voetnoot: str, stadmethode: Mapping[str, str],
                     benaderd: str, cbs_buurt: str, dekking: str) -> None:
    """The kerncijfers of every wijk side by side, with the city (computed from all wijken).

    Fields: ``caption``: ``{wijken}``; ``bron``: the credits of :meth:`Wijkraadcontext.bronnen`; ``voetnoot``:
    ``{stad}`` (the ``stadmethode`` templates, ``teksten.stad_zin``), ``{benaderd}`` (the ``benaderd`` sentence when
    some city figures are approximations, ``{onderwerpen}``), ``{cbs_buurt}`` (the ``cbs_buurt`` sentence when some
    rows are the older CBS figures per buurt, ``{onderwerpen}``) and ``{dekking}`` (one ``dekking`` sentence per city
    figure computed from fewer than all wijken, with ``{onderwerp}``, ``{jaar}`` and ``{dekking}``: which part).
    """
    stad = wijkdata.STADKOLOM
    tabellen = {s: wijkdata.kerncijfers(s, wr.jaar) for s in wr.wijken}
    eerste = tabellen[wr.wijken[0]]
    rows = []
    for i, r in eerste.iterrows():
        row = {"variabele": r["variabele"], "label": r["label"], "eenheid": r["eenheid"], "jaar": r["jaar"]}
        for s in wr.wijken:
            t = tabellen[s].iloc[i]
            row[s] = t["wijk"]
            row[f"{s}__tekst"] = _met_jaar(_w(t["eenheid"])(t["wijk"]), t["jaar"], r["jaar"])
        row[stad] = r[stad]
        row[f"{stad}__tekst"] = _w(r["eenheid"])(r[stad])
        rows.append(row)
    tabel = pd.DataFrame(rows)
    kolommen = [Kolom("label", "Onderwerp"),
                Kolom("jaar", "Jaar", opmaak=lambda v: "–" if fmt.is_missing(v) else str(int(v)))]
    kolommen += [Kolom(f"{s}__tekst", n, numeriek=True) for s, n in wr.per_wijk()]
    kolommen.append(Kolom(f"{stad}__tekst", wr.stad, numeriek=True))
    m = wijkdata.kerncijfers_methode(eerste)
    dekkingen = [wr.vul(dekking, onderwerp=teksten.kleine_letter(r.label), jaar=int(r.jaar), dekking=r.rotterdam_dekking)
                 for r in eerste.itertuples() if r.rotterdam_dekking]
    noot = wr.vul(voetnoot, stad=teksten.stad_zin(m, stadmethode, **wr.velden), dekking=" ".join(dekkingen),
                  benaderd=wr.vul(benaderd, onderwerpen=fmt.opsomming(list(m.benaderd)))
                  if m.benaderd else "",
                  cbs_buurt=wr.vul(cbs_buurt, onderwerpen=fmt.opsomming(list(m.cbs_eigen))) if m.cbs_eigen else "")
    wr.tabel(tabel, kolommen, caption=wr.vul(caption, wijken=fmt.opsomming(wr.namen)), bron=wr.vul(bron, **wr.bronnen()),
             voetnoot=noot, naam="kerncijfers", data=tabel[["variabele", "label", "eenheid", "jaar", *wr.wijken, stad]])


def toon_wijkprofiel(wr: Wijkraadcontext, *, geen: str, uitleg: str, caption: str, veranderd: Mapping[str, str],
                     verandering: str) -> None:
    """The three Wijkprofiel indices of every wijk, latest edition up to ``jaar``, and what changed since the one
    before.

    Fields: ``geen`` (no edition up to the year): ``{jaar}``; ``uitleg``: ``{basisjaar}`` (index 100);
    ``caption``: ``{editie}``; ``veranderd``, a dict with the cases ``wel`` and ``geen`` (no index changed by the
    threshold): ``{vorige_editie}``, ``{drempel}``, ``{veranderingen}`` (the ``verandering`` of each index that did,
    joined by '; ', with ``{wijk}``, ``{index}``, ``{van}``, ``{naar}``).
    """
    editie = wijkdata.wijkprofiel_editie(wr.jaar)
    if editie is None:
        toon_tekst(wr.vul(geen, jaar=wr.jaar))
        return
    rows = []
    for s, n in wr.per_wijk():
        wp = wijkdata.wijkprofiel(s, wr.jaar).set_index("editie")
        vorige = [e for e in wp.index if e < editie]
        for col in _INDEXEN:
            nu = wp.at[editie, col] if editie in wp.index else math.nan
            vorig = wp.at[max(vorige), col] if vorige else math.nan
            rows.append({"wijk_slug": s, "wijk": n, "index": col, "editie": editie, "waarde": nu,
                         "vorige_editie": max(vorige) if vorige else None, "vorige_waarde": vorig})
    tabel = pd.DataFrame(rows)
    breed = tabel.pivot(index="index", columns="wijk_slug", values="waarde").reindex(_INDEXEN)[list(wr.wijken)].reset_index()
    toon_tekst(wr.vul(uitleg, basisjaar=wijkteksten.basisjaar()))
    vorige_editie = tabel["vorige_editie"].dropna()
    voetnoot = ""
    if len(vorige_editie):
        drempel = wijkteksten.DREMPEL_INDEX
        veranderingen = [wr.vul(verandering, wijk=r.wijk, index=teksten.kleine_letter(r.index), van=fmt.getal(r.vorige_waarde),
                            naar=fmt.getal(r.waarde))
                         for r in tabel.itertuples() if not (fmt.is_missing(r.waarde) or fmt.is_missing(r.vorige_waarde))
                         and abs(r.waarde - r.vorige_waarde) >= drempel]
        voetnoot = wr.vul(teksten.kies(veranderd, "wel" if veranderingen else "geen", "veranderd"),
                      vorige_editie=int(vorige_editie.max()), drempel=drempel, veranderingen="; ".join(veranderingen))
    wr.tabel(breed, [Kolom("index", "Index")] + [
        Kolom(s, n, numeriek=True, opmaak=lambda v: fmt.getal(v, missing="geen gegevens")) for s, n in wr.per_wijk()],
        caption=wr.vul(caption, editie=editie), bron=wr.bron.bronvermelding.wijkprofiel, voetnoot=voetnoot,
        naam="wijkprofiel", data=tabel)


def toon_beleving(wr: Wijkraadcontext, *, kop: str, zin: str) -> None:
    """Per wijk, the sub-indices of the latest Wijkprofiel edition where residents' experience and the
    registrations differ sharply (``teksten.beleving_verschillen``); nothing for a wijk without such a difference.

    Fields: ``kop``: ``{wijk}``; ``zin`` (one list item per sub-index): ``{onderdeel}``, ``{meer_minder}`` ('meer'
    or 'minder' positive than the registrations), ``{beleving}`` and ``{cijfers}`` (the two index figures).
    """
    for s, n in wr.per_wijk():
        _, detail, _ = wijkdata.wijkprofiel_detail(s, wr.jaar)
        verschillen = teksten.beleving_verschillen(detail)
        if len(verschillen):
            toon_html(f"<h4>{escape(wr.vul(kop, wijk=n))}</h4>")
            toon_lijst([wr.vul(zin, onderdeel=r.onderdeel, meer_minder=teksten.meer_minder(r.verschil),
                           beleving=fmt.getal(r.subjectief), cijfers=fmt.getal(r.objectief))
                        for r in verschillen.itertuples()])


def toon_politie(wr: Wijkraadcontext, *, geen: str, zin: Mapping[str, str], caption: str, voetnoot: str,
                 stadmethode: Mapping[str, str]) -> None:
    """Registrations per 1.000 inhabitants per category, every wijk beside the city, latest year with figures.

    Fields: ``geen`` (no year with police figures and inhabitants): ``{jaar}``; ``zin``, a dict with the cases
    ``wel`` (categories much more frequent than in the city) and ``geen``: ``{jaar}``, ``{wijk}``, ``{factor}``,
    ``{soorten}`` (those categories); ``caption``: ``{jaar}``; ``voetnoot``: ``{stad}`` (the ``stadmethode``
    templates, ``teksten.stad_zin``).
    """
    per_wijk = {s: wijkdata.politie_categorieen(s, wr.jaar) for s in wr.wijken}
    met = {s: t for s, t in per_wijk.items() if not t.empty}
    if not met:
        toon_tekst(wr.vul(geen, jaar=wr.jaar))
        return
    laatste = max(int(t["jaar"].iloc[0]) for t in met.values())
    eerste = next(t for t in met.values() if int(t["jaar"].iloc[0]) == laatste)
    tabel = eerste[["categorie", "rotterdam_per_1000"]].copy()
    zinnen = []
    for s, n in wr.per_wijk():
        t = per_wijk[s]
        t = t[t["jaar"] == laatste] if not t.empty else t
        tabel[s] = tabel["categorie"].map(t.set_index("categorie")["per_1000"]) if not t.empty else math.nan
        if not t.empty:
            soorten = teksten.veel_vaker(t)
            zinnen.append(wr.vul(teksten.kies(zin, "wel" if soorten else "geen", "zin"), jaar=laatste, wijk=n,
                             factor=fmt.getal(teksten.VEEL_VAKER, 1), soorten=fmt.opsomming(soorten)))
    toon_lijst(zinnen)
    p1 = lambda v: fmt.getal(v, 1, missing="–")  # noqa: E731
    wr.tabel(tabel, [Kolom("categorie", "Soort misdrijf")]
             + [Kolom(s, n, numeriek=True, opmaak=p1) for s, n in wr.per_wijk()]
             + [Kolom("rotterdam_per_1000", wr.stad, numeriek=True, opmaak=p1)],
             caption=wr.vul(caption, jaar=laatste), bron=wr.bron.bronvermelding.politie,
             voetnoot=wr.vul(voetnoot, stad=teksten.stad_zin(wijkdata.politie_stadmethode(), stadmethode, **wr.velden)),
             naam="politie_per_1000")


def _link_html(titel: str, link: str) -> str:
    """The title as a link, and the address as text (readable on paper; never fetched)."""
    return f'<a href="{escape(link)}">{escape(titel.strip())}</a><br><span class="link-tekst">{escape(link)}</span>'


def _lijst_tabel(wr: Wijkraadcontext, lijst: wijkraden.Lijst, kolom: Kolom, kolommen: list[Kolom], *, caption: str,
                 voetnoot: str, naam: str, **extra: list) -> None:
    """A list of the raad's documents or toezeggingen: the date, the title as a link (``kolom``), then ``kolommen``
    (``extra`` holds their values where they are made for the table). The CSV holds the list's own columns."""
    rijen = lijst.rijen
    tabel = rijen.assign(datum_tekst=rijen["datum"].map(wijkraden.datum_tekst), **extra,
                         **{kolom.naam: [_link_html(t, link) for t, link in zip(rijen["titel"], rijen["link"], strict=True)]})
    wr.tabel(tabel, [Kolom("datum_tekst", "Datum"), kolom, *kolommen], caption=caption,
             bron=wr.bron.bronvermelding.wijkraden, voetnoot=voetnoot, naam=naam, data=rijen)


def toon_stukken(wr: Wijkraadcontext, *, geen: str, telling: str, onbekend: str, caption: str,
                 afkapping: Mapping[str, str], woorden: Sequence[str]) -> None:
    """The raad's most recent adviezen, letters and other documents up to the end of ``jaar``.

    Fields: ``geen`` (the source has none): ``{tot}``, ``{afkapping}``; ``telling``: ``{stukken}`` and
    ``{adviezen}`` (counted), ``{staan}`` ('staat' or 'staan'), ``{uitsplitsing}`` (the adviezen by kind in brackets,
    among them the ``onbekend`` ones whose title does not say: ``{aantal}``); ``caption``: ``{raad}``; ``afkapping``
    and ``woorden`` (singular, plural): what the list covers (``teksten.afkapping``).
    """
    from wijkrapport.sources import raadzoeker

    lijst = wijkraden.stukken_van(raadzoeker.load_wijkraad_stukken(), wr.wijken, wr.jaar, wr.bron.max_stukken_per_wijk)
    rijen = lijst.rijen
    onder = teksten.afkapping(lijst, afkapping, woorden, **wr.velden)
    if rijen.empty:
        toon_tekst(wr.vul(geen, tot=wijkraden.datum_tekst(lijst.tot), afkapping=onder))
        return
    adviezen = rijen[rijen["soort"] == "advies"]
    delen = [f"{(adviezen['advies'] == a).sum()} {a}" for a in (wijkraden.GEVRAAGD, wijkraden.ONGEVRAAGD)
             if (adviezen["advies"] == a).any()]
    zonder = int((adviezen["advies"] == "").sum())
    delen += [wr.vul(onbekend, aantal=zonder)] if zonder else []
    toon_tekst(wr.vul(telling, staan=teksten.woord(len(rijen), "staat", "staan"),
                   stukken=teksten.aantal(len(rijen), *woorden), adviezen=teksten.aantal(len(adviezen), "advies", "adviezen"),
                   uitsplitsing=f" ({', '.join(delen)})" if delen else ""))
    _lijst_tabel(wr, lijst, Kolom("stuk", "Stuk", html=True, klasse="tekst-breed"),
                 [Kolom("soort_tekst", "Soort"), Kolom("reactie", "Reactie")],
                 caption=wr.vul(caption, raad=wr.raad), voetnoot=onder, naam="stukken",
                 soort_tekst=[s + (f" ({a})" if a else "") for s, a in zip(rijen["soort"], rijen["advies"], strict=True)],
                 reactie=rijen["status"].map(lambda s: s or "–"))


def toon_toezeggingen(wr: Wijkraadcontext, *, geen: str, telling: str, caption: str, afkapping: Mapping[str, str],
                      woorden: Sequence[str]) -> None:
    """The college's toezeggingen about the raad's wijken, with their state at the end of ``jaar``.

    Fields: ``geen`` (the source has none): ``{tot}``, ``{afkapping}``; ``telling``: ``{toezeggingen}`` (counted),
    ``{staan}`` ('staat' or 'staan'), ``{tot}``, ``{was_waren}`` (agreeing with ``{afgedaan}``), ``{afgedaan}`` and
    ``{open}`` (numbers); ``caption``: ``{raad}``; ``afkapping`` and ``woorden`` (singular, plural): what the list
    covers (``teksten.afkapping``).
    """
    from wijkrapport.sources import raadzoeker

    lijst = wijkraden.toezeggingen_van(raadzoeker.load_toezeggingen(), wr.wijken, wr.jaar, wr.bron.max_toezeggingen_per_wijk)
    rijen = lijst.rijen
    onder = teksten.afkapping(lijst, afkapping, woorden, **wr.velden)
    tot = wijkraden.datum_tekst(lijst.tot)
    if rijen.empty:
        toon_tekst(wr.vul(geen, tot=tot, afkapping=onder))
        return
    stand = rijen["stand_eind_jaar"].value_counts()
    afgedaan = int(stand.get("afgedaan", 0))
    toon_tekst(wr.vul(telling, toezeggingen=teksten.aantal(len(rijen), *woorden), staan=teksten.woord(len(rijen), "staat", "staan"),
                   tot=tot, was_waren=teksten.woord(afgedaan, "was", "waren"), afgedaan=afgedaan,
                   open=int(stand.get("later afgedaan", 0) + stand.get("nog niet afgedaan", 0))))
    _lijst_tabel(wr, lijst, Kolom("toezegging", "Toezegging", html=True, klasse="tekst-breed"),
                 [Kolom("portefeuillehouder", "Wethouder"), Kolom("stand_tekst", "Stand")],
                 caption=wr.vul(caption, raad=wr.raad), voetnoot=onder, naam="toezeggingen")


def toon_verantwoording(wr: Wijkraadcontext, *, punten: Sequence[str]) -> None:
    """A list of the sources and what to know about them, one item per template; fields: the credits of
    :meth:`Wijkraadcontext.bronnen`."""
    toon_lijst([wr.vul(p, **wr.bronnen()) for p in punten])
