"""The city as a whole, computed from its wijken: the city column of the kerncijfers and police per 1.000.

Pure functions over tidy frames (see ``sources.raadzoeker``); nothing here reads a file.

Method (``stadmethode`` gives the facts a report words under a table):

* The city is the set of wijken passed in (all wijken of the crosswalk: the 71 Wijkprofiel wijken). Harbour and
  industrial areas outside every wijk are not in it.
* Wijken that share one CBS area (Groot IJsselmonde-Noord and -Zuid: one CBS buurt) carry the same CBS and police
  figures; such an area counts **once** (``cbs_gebieden``).
* ``aantal`` (count: inhabitants, persons with bijstand): the sum over all areas; when one area lacks the figure
  the sum would be too low, so the city figure is then missing (with the areas that lack it named).
* ``aandeel`` (share, %) and ``gemiddelde`` (average): the mean over the areas that have the figure, weighted by
  the inhabitants of the same year: sum(inwoners x waarde) / sum(inwoners). Exact where the share or average is
  per inhabitant (age groups, income per inhabitant); an approximation where it is per dwelling or per household
  (rented dwellings, WOZ value, one-person households, lowest-40% incomes, cars per household), because the source
  has no numbers of dwellings or households per wijk. The source itself made its wijk figures from CBS buurten the
  same way. The coverage (areas used, share of the inhabitants) comes with every figure.
* "geen gegevens" (NaN) only where no area has the figure (or, for a count, where one area lacks it).
* Police: registrations per 1.000 inhabitants = registrations in year T / inhabitants on 1 January T x 1.000;
  for the city the sum of registrations over the sum of inhabitants of the areas that have both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from wijkrapport import format as fmt

AANTAL = "aantal"
AANDEEL = "aandeel"
GEMIDDELDE = "gemiddelde"
INWONERS = "inwoners"

UITKOMST_KOLOMMEN = ["jaar", "variabele", "soort", "waarde", "gebieden", "gebieden_totaal", "pct_inwoners",
                     "wijken_zonder"]


def cbs_gebieden(crosswalk: pd.DataFrame) -> pd.Series:
    """wijk_slug -> the CBS area it is measured in: its CBS buurt codes, sorted and joined with ';'.

    Wijken with the same key share their figures (and count once). Two areas that overlap without being equal
    cannot be told apart, so that is an error.

    >>> cw = pd.DataFrame({"wijk_slug": ["a", "b", "c"], "cbs_buurtcodes": ["BU2;BU1", "BU1;BU2", "BU3"]})
    >>> cbs_gebieden(cw).to_dict()
    {'a': 'BU1;BU2', 'b': 'BU1;BU2', 'c': 'BU3'}
    """
    keys = crosswalk.set_index("wijk_slug")["cbs_buurtcodes"].map(
        lambda codes: ";".join(sorted(c.strip() for c in str(codes).split(";") if c.strip())))
    owner: dict[str, str] = {}
    for key in sorted(set(keys)):
        for code in key.split(";"):
            if code in owner:
                raise ValueError(f"CBS-buurt {code} hoort bij twee verschillende gebieden ({owner[code]} en {key}): "
                                 "wijken die buurten delen moeten precies dezelfde buurten hebben")
            owner[code] = key
    return keys.rename("cbs_gebied")


def per_gebied(cijfers: pd.DataFrame, gebied_van: pd.Series, kolommen: list[str], waarde: str = "waarde"
               ) -> pd.DataFrame:
    """One row per CBS area instead of per wijk: ``cbs_gebied, *kolommen, waarde``.

    Wijken of one area must carry the same figure (they are one measurement); anything else is an error naming
    them. Rows of wijken outside ``gebied_van`` are left out (they are not part of this city).
    """
    df = cijfers[cijfers["wijk_slug"].isin(gebied_van.index)].copy()
    df["cbs_gebied"] = df["wijk_slug"].map(gebied_van)
    df = df.dropna(subset=[waarde])
    spreiding = df.groupby(["cbs_gebied", *kolommen])[waarde].agg(["min", "max"])
    verschil = spreiding[spreiding["min"] != spreiding["max"]]
    if len(verschil):
        key = verschil.index[0]
        gebied = key[0]
        wijken = sorted(df.loc[df["cbs_gebied"] == gebied, "wijk_slug"].unique())
        raise ValueError(f"wijken {', '.join(wijken)} delen CBS-gebied {gebied} maar hebben verschillende cijfers "
                         f"voor {key[1:]}: {verschil.iloc[0]['min']} en {verschil.iloc[0]['max']}")
    return df.drop_duplicates(subset=["cbs_gebied", *kolommen])[["cbs_gebied", *kolommen, waarde]].reset_index(drop=True)


def stad(kerncijfers: pd.DataFrame, soorten: Mapping[str, str], gebied_van: pd.Series) -> pd.DataFrame:
    """The city figure per year and variable, computed from the wijken (method: module docstring).

    Args:
        kerncijfers: long frame ``wijk_slug, jaar, variabele, waarde``; must hold ``inwoners`` for the weights.
        soorten: variable -> ``aantal``, ``aandeel`` or ``gemiddelde`` (``variabelen.csv``, column ``soort``).
        gebied_van: wijk_slug -> CBS area (``cbs_gebieden``); its wijken are the city.

    Returns:
        One row per year of the data and variable of ``soorten``: ``waarde`` (NaN = geen gegevens), ``gebieden``
        (areas used) of ``gebieden_totaal``, ``pct_inwoners`` (their share of the inhabitants of all areas with an
        inhabitant figure that year) and ``wijken_zonder`` (slugs of wijken whose area lacks the figure).
    """
    onbekend = sorted(set(kerncijfers["variabele"]) - set(soorten))
    if onbekend:
        raise ValueError(f"geen soort (aantal, aandeel, gemiddelde) voor: {', '.join(onbekend)}")
    fout = {v: s for v, s in soorten.items() if s not in (AANTAL, AANDEEL, GEMIDDELDE)}
    if fout or soorten.get(INWONERS) != AANTAL:
        raise ValueError(f"soorten moeten aantal, aandeel of gemiddelde zijn en inwoners een aantal: {fout or soorten}")
    vals = per_gebied(kerncijfers, gebied_van, ["jaar", "variabele"])
    gebieden = sorted(set(gebied_van))
    wijken_per_gebied = gebied_van.groupby(gebied_van).apply(lambda s: sorted(s.index))
    rows = []
    for jaar in sorted(kerncijfers["jaar"].unique()):
        van_jaar = vals[vals["jaar"] == jaar]
        inw = van_jaar[van_jaar["variabele"] == INWONERS].set_index("cbs_gebied")["waarde"]
        for var, soort in soorten.items():
            x = van_jaar[van_jaar["variabele"] == var].set_index("cbs_gebied")["waarde"]
            rows.append({"jaar": int(jaar), "variabele": var, "soort": soort,
                         **_samen(x, inw, soort, gebieden, wijken_per_gebied)})
    return pd.DataFrame(rows, columns=UITKOMST_KOLOMMEN)


def _samen(x: pd.Series, inw: pd.Series, soort: str, gebieden: list[str], wijken_per_gebied: pd.Series) -> dict:
    zonder = [g for g in gebieden if g not in x.index]
    wijken_zonder = [w for g in zonder for w in wijken_per_gebied[g]]
    inw_alle = float(inw.sum())
    if soort == AANTAL:
        gebruikt = list(x.index)
        waarde = float(x.sum()) if x.size and not zonder else math.nan
    else:
        w = inw.reindex(x.index).dropna()
        gebruikt = list(w.index)
        waarde = float((x[gebruikt] * w).sum() / w.sum()) if len(w) and w.sum() > 0 else math.nan
        wijken_zonder += [v for g in x.index if g not in w.index for v in wijken_per_gebied[g]]  # no weight
    inw_gebruikt = float(inw.reindex(gebruikt).sum())
    return {"waarde": waarde, "gebieden": len(gebruikt), "gebieden_totaal": len(gebieden),
            "pct_inwoners": inw_gebruikt / inw_alle * 100 if inw_alle > 0 else math.nan,
            "wijken_zonder": ";".join(sorted(wijken_zonder))}


def per_1000(aantal: float, inwoners: float) -> float:
    """Registrations per 1.000 inhabitants; NaN when either is missing or there are no inhabitants.

    >>> round(per_1000(849, 11620), 2)   # Carnisse, all registered crimes 2024
    73.06
    """
    if fmt.is_missing(aantal) or fmt.is_missing(inwoners) or inwoners <= 0:
        return math.nan
    return float(aantal) / float(inwoners) * 1000


def politie_per_1000(politie: pd.DataFrame, inwoners: pd.DataFrame, gebied_van: pd.Series, slug: str
                     ) -> pd.DataFrame:
    """Police registrations per 1.000 inhabitants per category and year, for one wijk and for the city.

    Args:
        politie: ``wijk_slug, categorie, jaar, aantal``.
        inwoners: ``wijk_slug, jaar, waarde`` (inhabitants on 1 January of ``jaar``).
        gebied_van: wijk_slug -> CBS area; its wijken are the city (shared areas count once).
        slug: the wijk.

    Returns:
        ``categorie, jaar, aantal, inwoners, per_1000`` of the wijk (NaN where the year has no inhabitants) and
        ``rotterdam_aantal, rotterdam_inwoners, rotterdam_per_1000, rotterdam_gebieden, gebieden_totaal`` (sums
        over the areas that have both a count and inhabitants). Order: categories as in the data, years ascending.
    """
    if slug not in gebied_van.index:
        raise ValueError(f"wijk {slug!r} hoort niet bij de wijken van de stad")
    pol = per_gebied(politie, gebied_van, ["categorie", "jaar"], waarde="aantal")
    inw = per_gebied(inwoners, gebied_van, ["jaar"]).rename(columns={"waarde": "inwoners"})
    both = pol.merge(inw, on=["cbs_gebied", "jaar"], how="left")
    compleet = both.dropna(subset=["inwoners"])
    city = compleet.groupby(["categorie", "jaar"]).agg(rotterdam_aantal=("aantal", "sum"),
                                                        rotterdam_inwoners=("inwoners", "sum"),
                                                        rotterdam_gebieden=("cbs_gebied", "nunique"))
    own = both[both["cbs_gebied"] == gebied_van[slug]].drop(columns="cbs_gebied")
    out = own.merge(city.reset_index(), on=["categorie", "jaar"], how="left")
    out["per_1000"] = [per_1000(a, i) for a, i in zip(out["aantal"], out["inwoners"], strict=True)]
    out["rotterdam_per_1000"] = [per_1000(a, i) for a, i in
                                 zip(out["rotterdam_aantal"], out["rotterdam_inwoners"], strict=True)]
    out["rotterdam_gebieden"] = out["rotterdam_gebieden"].fillna(0).astype(int)
    out["gebieden_totaal"] = gebied_van.nunique()
    volgorde = {c: i for i, c in enumerate(dict.fromkeys(politie["categorie"]))}
    out = out.sort_values(["categorie", "jaar"], key=lambda s: s.map(volgorde) if s.name == "categorie" else s)
    return out[["categorie", "jaar", "aantal", "inwoners", "per_1000", "rotterdam_aantal", "rotterdam_inwoners",
                "rotterdam_per_1000", "rotterdam_gebieden", "gebieden_totaal"]].reset_index(drop=True)


def gedeelde_gebieden(gebied_van: pd.Series) -> list[list[str]]:
    """Groups of wijken (slugs, in order) that share one CBS area."""
    return [list(s.index) for _, s in gebied_van.groupby(gebied_van, sort=False) if len(s) > 1]


@dataclass(frozen=True)
class Stadmethode:
    """The facts a sentence on how a Rotterdam figure was made needs; the wording is the report's (its notebook)."""

    wijken: int  # how many wijken make up the city
    gedeeld: tuple[str, ...] = ()  # per group of wijken that share one CBS area: their names as a Dutch list
    benaderd: tuple[str, ...] = ()  # labels (lower-case first letter) whose weighting is an approximation
    cbs_eigen: tuple[str, ...] = ()  # labels whose Rotterdam figure is the CBS's own (older CBS figures per buurt)


def stadmethode(gebied_van: pd.Series, namen: Mapping[str, str], benaderd: list[str] = (),
                cbs_eigen: list[str] = ()) -> Stadmethode:
    """The :class:`Stadmethode` of a table with a Rotterdam column.

    ``benaderd``: labels of the variables whose weighting is an approximation (shares and averages per dwelling or
    household; ``variabelen.csv`` column ``per``); ``cbs_eigen``: labels whose Rotterdam figure is the CBS's own.

    >>> g = pd.Series({"a": "A", "b": "B", "c": "B"})
    >>> stadmethode(g, {"b": "Noord", "c": "Zuid"}, ["Huurwoningen"])
    Stadmethode(wijken=3, gedeeld=('Noord en Zuid',), benaderd=('huurwoningen',), cbs_eigen=())
    """
    return Stadmethode(len(gebied_van), tuple(fmt.opsomming([namen.get(s, s) for s in groep])
                                              for groep in gedeelde_gebieden(gebied_van)),
                       tuple(b[:1].lower() + b[1:] for b in benaderd), tuple(cbs_eigen))


def dekking_zin(rij: Mapping, namen: Mapping[str, str], stad: str) -> str:
    """A note for a city figure made from fewer areas than all ('' when all areas were used or there is none);
    ``stad``: the city's name as printed."""
    if fmt.is_missing(rij["waarde"]):
        if rij["soort"] == AANTAL and rij["gebieden"] > 0:
            zonder = [namen.get(s, s) for s in str(rij["wijken_zonder"]).split(";") if s]
            return f"geen totaal voor {stad}: het cijfer ontbreekt voor {fmt.opsomming(zonder)}"
        return ""
    if rij["gebieden"] >= rij["gebieden_totaal"]:
        return ""
    return (f"berekend over {rij['gebieden']} van de {rij['gebieden_totaal']} wijken in de CBS-cijfers "
            f"({fmt.procent(rij['pct_inwoners'], 1)} van de inwoners)")
