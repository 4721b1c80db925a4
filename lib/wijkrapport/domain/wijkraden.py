"""Wijkraden: which wijken each one covers, and what a wijkraad edition lists (its documents, the toezeggingen).

Pure functions over the frames of ``sources.raadzoeker``; nothing here reads a file.

**Grouping.** The source records, per wijk, every name under which its wijkraad met (``wijkraden.csv``). Wijken
that share a name have the same wijkraad; a wijkraad that was renamed or merged carries several names, so the
wijkraden are the connected groups of wijken and names (the data give 39, the number of wijk- en dorpsraden the
municipality names). **The name** of a group is chosen by these rules, in order:

1. a name recorded for the most wijken of the group (after a merger, the new name covers all wijken);
2. Dorpsraad before Wijkraad before other names (Wijkcomité: the bodies before the wijkraden of 2022). The source's
   documents call Hoek van Holland and Rozenburg "dorpsraden" (26bb001852);
3. the name that the wijkraad itself signs its documents with (``auteur`` of its own documents, compared word for
   word without punctuation: "Blijdorp-Bergpolder-Liskwartier" picks "Wijkraad Blijdorp-Bergpolder-Liskwartier"
   over "Wijkraad Bergpolder-Blijdorp-Liskwartier");
4. alphabetical order.

Every other name is kept (``ook_genoemd``, with the wijken it was recorded for). The slug is made from the name, so
it never equals a wijk slug ("wijkraad-..." / "dorpsraad-...").
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from babel.dates import format_date

from wijkrapport.sources.raadzoeker import STAND_AFGEDAAN, STAND_OPEN

_SOORT_RANG = {"dorpsraad": 0, "wijkraad": 1}
_SOORT_WOORDEN = {"dorpsraad", "wijkraad", "wijkcomite", "wijkraden", "dorpsraden"}


@dataclass(frozen=True)
class Wijkraad:
    slug: str
    naam: str
    wijken: tuple[str, ...]
    #: other names in the source, each with the wijken it was recorded for (a merger or a rename)
    ook_genoemd: tuple[tuple[str, tuple[str, ...]], ...] = ()


def slug(naam: str) -> str:
    """``'Wijkraad Het Lage Land, Prinsenland en ’s Gravenland'`` -> ``'wijkraad-het-lage-land-prinsenland-en-s-gravenland'``.

    >>> slug("Dorpsraad Hoek van Holland")
    'dorpsraad-hoek-van-holland'
    """
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    ascii_ = re.sub(r"['’‘`]", "", ascii_.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:64].strip("-")


def _woorden(naam: str) -> tuple[str, ...]:
    """Words of a name without the kind of body, 'en' and punctuation: how a wijkraad signs and how it is called."""
    words = slug(naam).split("-")
    return tuple(w for w in words if w not in _SOORT_WOORDEN and w != "en")


def _rang(naam: str) -> int:
    eerste = slug(naam).split("-")[0]
    return _SOORT_RANG.get(eerste, len(_SOORT_RANG))


def groepeer(namen: pd.DataFrame, volgorde: Sequence[str], auteurs: Mapping[str, Sequence[str]] | None = None
             ) -> list[Wijkraad]:
    """The wijkraden from the source's wijk -> name rows (rules: module docstring).

    Args:
        namen: ``wijk_slug, wijkraad_naam`` (``load_wijkraad_namen``).
        volgorde: every wijk slug in the order the reports list them (their wijkraad follows its first wijk).
        auteurs: wijk_slug -> the ``auteur`` texts of the wijk's documents (rule 3); optional.
    """
    pos = {s: i for i, s in enumerate(volgorde)}
    onbekend = sorted(set(namen["wijk_slug"]) - set(pos))
    if onbekend:
        raise ValueError(f"wijken met een wijkraad maar niet in de lijst van wijken: {', '.join(onbekend)}")
    ouder: dict[str, str] = {}

    def wortel(x: str) -> str:
        while ouder.setdefault(x, x) != x:
            x = ouder[x]
        return x

    for w, n in zip(namen["wijk_slug"], namen["wijkraad_naam"], strict=True):
        a, b = wortel("w:" + w), wortel("n:" + n)
        if a != b:
            ouder[a] = b
    groepen: dict[str, list[str]] = {}
    for w in volgorde:
        if "w:" + w in ouder:
            groepen.setdefault(wortel("w:" + w), []).append(w)
    raden = []
    for wijken in groepen.values():
        sub = namen[namen["wijk_slug"].isin(wijken)]
        bij = {n: tuple(sorted(g["wijk_slug"], key=pos.__getitem__)) for n, g in sub.groupby("wijkraad_naam")}
        getekend = {_woorden(a) for w in wijken for a in (auteurs or {}).get(w, ()) if a and _woorden(a)}
        naam = min(bij, key=lambda n: (-len(bij[n]), _rang(n), _woorden(n) not in getekend, n))
        raden.append(Wijkraad(slug=slug(naam), naam=naam, wijken=tuple(wijken),
                              ook_genoemd=tuple((n, bij[n]) for n in sorted(bij) if n != naam)))
    dubbel = {r.slug for r in raden if sum(q.slug == r.slug for q in raden) > 1} | {r.slug for r in raden if r.slug in pos}
    if dubbel:
        raise ValueError(f"slug van een wijkraad is niet uniek of gelijk aan een wijk: {', '.join(sorted(dubbel))}")
    return raden


def zonder_wijkraad(namen: pd.DataFrame, volgorde: Sequence[str]) -> list[str]:
    """Wijken for which the source records no wijkraad (``cs-kwartier``)."""
    met = set(namen["wijk_slug"])
    return [w for w in volgorde if w not in met]


def _yaml_tekst(s: str) -> str:
    """A YAML scalar for any text: JSON strings are valid YAML double-quoted scalars."""
    return json.dumps(s, ensure_ascii=False)


def wijkraden_yml(raden: Sequence[Wijkraad], jaar: int, gebied_van: Mapping[str, str], namen: Mapping[str, str],
                  zonder: Sequence[str] = (), notebook: str = "wijkraad.ipynb", bron: str = "") -> str:
    """The text of ``params/<jaar>/wijkraden.yml``: one edition per wijkraad, grouped by gebied.

    Args:
        raden: from ``groepeer``.
        jaar: the report year.
        gebied_van: wijk_slug -> gebied name (heading comments; a wijkraad follows its first wijk).
        namen: wijk_slug -> wijk name (comments only).
        zonder: wijken without a wijkraad (listed under ``wijken_zonder_wijkraad``).
        notebook: the notebook of the report type.
        bron: the data file the mapping came from (named in the header).
    """
    regels = [
        f"# Wijkraden over {jaar}: één editie per wijk- of dorpsraad, met de wijken die zij vertegenwoordigt.",
        "# Gemaakt uit de gegevens (welke wijkraad hoort bij welke wijk)" + (f": {bron}." if bron else "."),
        "# Opnieuw maken als de bron verandert; 'naam' mag met de hand worden aangepast, 'slug' is de bestandsnaam.",
        "# 'ook_genoemd': andere namen van dezelfde raad in de bron (na een samenvoeging of naamswijziging).",
        f"jaar: {int(jaar)}",
        f"notebook: {notebook}",
        "wijkraden:",
    ]
    gebied = None
    for r in raden:
        g = gebied_van.get(r.wijken[0], "")
        if g != gebied:
            regels.append(f"  # {g}")
            gebied = g
        regels += [f"  - slug: {r.slug}", f"    naam: {_yaml_tekst(r.naam)}",
                   f"    wijken: [{', '.join(r.wijken)}]"
                   + (f"  # {', '.join(namen.get(w, w) for w in r.wijken)}" if namen else "")]
        if r.ook_genoemd:
            regels.append("    ook_genoemd:")
            for naam, wijken in r.ook_genoemd:
                regels += [f"      - naam: {_yaml_tekst(naam)}", f"        wijken: [{', '.join(wijken)}]"]
    regels.append(f"wijken_zonder_wijkraad: [{', '.join(zonder)}]")
    return "\n".join(regels) + "\n"


# --- documents ----------------------------------------------------------------------------------------------------

ONGEVRAAGD = "ongevraagd"
GEVRAAGD = "gevraagd"


def soort_stuk(titel: str) -> tuple[str, str]:
    """(soort, advies) of a document from its title: advies is 'gevraagd' or 'ongevraagd' only where the title says
    so; a title that only says 'advies' stays unspecified. 'opgevraagd advies' is not read as either.

    >>> soort_stuk("Afschrift brief van Wijkraad Tarwewijk over Ongevraagd advies verdwijnen Wijkhub Tarwewijk")
    ('advies', 'ongevraagd')
    >>> soort_stuk("Afschrift brief van Wijkraad Carnisse, Zuidplein, Zuiderpark over gevraagd advies inzake Flexwonen")
    ('advies', 'gevraagd')
    >>> soort_stuk("Wijkverslag Tarwewijk 2024")
    ('wijkverslag', '')
    """
    t = " ".join(titel.casefold().split())
    if t.startswith("vervallen"):
        return "vervallen", ""
    if re.search(r"\bongevraagd\s+advies", t):
        return "advies", ONGEVRAAGD
    if re.search(r"\bgevraagd\s+advies", t):
        return "advies", GEVRAAGD
    if "advies" in t:
        return "advies", ""
    if t.startswith("wijkverslag"):
        return "wijkverslag", ""
    if t.startswith("reacties college") or t.startswith("reactie college"):
        return "reactie van het college", ""
    if "wijkakkoord" in t or "wijkplan" in t:
        return "wijkakkoord of wijkplan", ""
    return "brief of ander stuk", ""


@dataclass(frozen=True)
class Lijst:
    """A list for a wijkraad edition, with what the reader must know about its limits."""

    rijen: pd.DataFrame
    tot: date
    #: from this date on the source's list is complete for every wijk; None when no wijk's list hit the cap
    compleet_vanaf: date | None
    #: how many items the source lists after ``tot`` (in a later edition)
    later: int
    #: items left out because the title marks them as withdrawn ("VERVALLEN")
    vervallen: int
    cap: int


def _eind_jaar(jaar: int) -> date:
    return date(int(jaar), 12, 31)


def _compleet_vanaf(df: pd.DataFrame, wijken: Sequence[str], cap: int) -> date | None:
    """The source keeps only the newest ``cap`` items per wijk: for a wijk with ``cap`` items, older ones may be
    missing. The union is complete from the latest of those wijken's oldest dates."""
    grenzen = [g["datum"].min() for w, g in df[df["wijk_slug"].isin(wijken)].groupby("wijk_slug") if len(g) >= cap]
    return max(grenzen).date() if grenzen else None


def _samenvoegen(df: pd.DataFrame, wijken: Sequence[str]) -> pd.DataFrame:
    """One row per document (the same link in several wijken' lists), with the raad's wijken it was listed for."""
    sub = df[df["wijk_slug"].isin(wijken)].copy()
    pos = {w: i for i, w in enumerate(wijken)}
    sub["_pos"] = sub["wijk_slug"].map(pos)
    sub = sub.sort_values(["_pos", "volgorde"])
    bij = sub.groupby("link", sort=False)["wijk_slug"].agg(lambda s: ";".join(dict.fromkeys(s)))
    uniek = sub.drop_duplicates("link").drop(columns=["_pos", "wijk_slug", "volgorde"])
    uniek["wijken"] = uniek["link"].map(bij)
    return uniek


def stukken_van(stukken: pd.DataFrame, wijken: Sequence[str], jaar: int, cap: int) -> Lijst:
    """The wijkraad's documents up to the end of ``jaar``, newest first, each once, with soort and advies.

    Args:
        stukken: ``load_wijkraad_stukken()`` (all wijken).
        wijken: the wijkraad's wijken.
        jaar: the report year; documents dated after 31 December are counted in ``later``, not listed.
        cap: ``bron.yml: max_stukken_per_wijk``.
    """
    tot = _eind_jaar(jaar)
    uniek = _samenvoegen(stukken, wijken)
    soort = uniek["titel"].map(soort_stuk)
    uniek["soort"] = soort.map(lambda s: s[0])
    uniek["advies"] = soort.map(lambda s: s[1])
    vervallen = uniek["soort"] == "vervallen"
    na = uniek["datum"] > pd.Timestamp(tot)
    rijen = uniek[~vervallen & ~na].sort_values(["datum", "titel"], ascending=[False, True]).reset_index(drop=True)
    return Lijst(rijen=rijen, tot=tot, compleet_vanaf=_compleet_vanaf(stukken, wijken, cap),
                 later=int((na & ~vervallen).sum()), vervallen=int((vervallen & ~na).sum()), cap=cap)


def toezeggingen_van(toezeggingen: pd.DataFrame, wijken: Sequence[str], jaar: int, cap: int) -> Lijst:
    """The college's toezeggingen about the wijkraad's wijken made up to the end of ``jaar``, newest first, each once.

    Adds ``stand_eind_jaar``: 'afgedaan' (afgedaan on or before 31 December of ``jaar``), 'later afgedaan' (still
    open then, afgedaan on ``afgedaan_op`` since) or 'nog niet afgedaan' (open in the source, ``verwacht_op`` the
    expected date); and ``stand_tekst``, that state in words with its date.
    """
    tot = _eind_jaar(jaar)
    uniek = _samenvoegen(toezeggingen, wijken)
    na = uniek["datum"] > pd.Timestamp(tot)
    rijen = uniek[~na].sort_values(["datum", "titel"], ascending=[False, True]).reset_index(drop=True)
    rijen["stand_eind_jaar"] = [_stand(r, tot) for r in rijen.itertuples()]
    rijen["stand_tekst"] = [stand_tekst(s, r.afgedaan_op, r.verwacht_op, tot)
                            for s, r in zip(rijen["stand_eind_jaar"], rijen.itertuples(), strict=True)]
    return Lijst(rijen=rijen, tot=tot, compleet_vanaf=_compleet_vanaf(toezeggingen, wijken, cap),
                 later=int(na.sum()), vervallen=0, cap=cap)


def _stand(r, tot: date) -> str:
    if r.stand == STAND_AFGEDAAN:
        return "afgedaan" if r.afgedaan_op.date() <= tot else "later afgedaan"
    if r.stand == STAND_OPEN:
        return "nog niet afgedaan"
    raise ValueError(f"onbekende stand {r.stand!r}")


def datum_tekst(d: date | pd.Timestamp) -> str:
    """``datum_tekst(date(2024, 10, 9)) == '9 oktober 2024'``."""
    return format_date(d, format="d MMMM y", locale="nl_NL")


def stand_tekst(stand: str, afgedaan_op, verwacht_op, tot: date) -> str:
    """A toezegging's state in words, e.g. 'afgedaan op 9 oktober 2024' or 'nog niet afgedaan; verwacht op ...'."""
    if stand == "afgedaan":
        return f"afgedaan op {datum_tekst(afgedaan_op)}"
    if stand == "later afgedaan":
        return f"op {datum_tekst(tot)} nog niet afgedaan; afgedaan op {datum_tekst(afgedaan_op)}"
    if _leeg(verwacht_op):
        return "nog niet afgedaan"
    return f"nog niet afgedaan; verwacht op {datum_tekst(verwacht_op)}"


def _leeg(d) -> bool:
    return d is None or d is pd.NaT or (isinstance(d, float) and math.isnan(d))
