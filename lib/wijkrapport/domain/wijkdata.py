"""Figures for one wijk, its gebied and the city, computed from the open data in ``data/wijken/``.

Pure functions over the loaded frames; the notebooks only call them.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from wijkrapport import inputs, paths
from wijkrapport.errors import ConfigError, DataValidationError, Problem
from wijkrapport.sources import framecache, gemeente
from wijkrapport.sources import wijken as src

#: the city's column in the kerncijfers (and its CSV download, a published name kept as it is); the city itself is
#: ``gemeente`` in ``data/wijken/bestanden.yml``
STADKOLOM = "rotterdam"

#: variables shown in the kerncijfers table, in reading order
KERNCIJFERS = [
    "inwoners", "pct_0_15", "pct_65_plus", "huishoudens", "pct_eenpersoonshuishoudens", "woningvoorraad",
    "pct_huur", "pct_corporatie", "woz", "inkomen_per_inwoner", "pct_laagste_40_huishoudens", "pct_laag_inkomen",
    "bijstand",
]
#: how a gebied value is made from its wijken: counts add up, the rest is weighted by inwoners
OPTELBAAR = {"inwoners", "huishoudens", "woningvoorraad", "bijstand"}


def wijk(slug: str) -> pd.Series:
    """The crosswalk row of a wijk; an unknown slug is a configuration error naming it."""
    cw = src.load_crosswalk()
    hit = cw[cw["wijk_slug"] == slug]
    if hit.empty:
        raise ConfigError([Problem(file="data/wijken/crosswalk.csv", field="wijk_slug", value=slug,
                                   message="wijk staat niet in de crosswalk (geen gegevens voor deze wijk)")])
    return hit.iloc[0]


def wijken_van_gebied(gebied_slug: str) -> pd.DataFrame:
    cw = src.load_crosswalk()
    return cw[cw["gebied_slug"] == gebied_slug]


def _buurten(row: pd.Series) -> list[str]:
    return [c for c in str(row["cbs_buurtcodes"]).split(";") if c]


def recent_long() -> pd.DataFrame:
    """CBS 2022-2025 per wijk (from the Wijkprofiel/raadzoeker extract), long."""
    return src.load_kerncijfers_recent()


def kwb_long() -> pd.DataFrame:
    """CBS KWB 2014-2018 (buurt = wijk, wijk = gebied, gemeente) and KWB 2024 (gemeente, gebied), long."""
    parts = [src.load_kwb(j) for j in src.kwb_jaren()]
    parts.append(src.load_kwb2024())
    return pd.concat(parts, ignore_index=True)


def _aggregate(values: pd.DataFrame, variabele: str) -> float:
    """Gebied value from its wijken: sum for counts, inhabitant-weighted mean otherwise.

    ``values`` has one row per distinct CBS buurt with columns ``waarde`` and ``inwoners``.
    """
    v = values.dropna(subset=["waarde"])
    if v.empty:
        return math.nan
    if variabele in OPTELBAAR:
        return float(v["waarde"].sum())
    w = v["inwoners"]
    if w.isna().any() or w.sum() == 0:
        return math.nan
    return float((v["waarde"] * w).sum() / w.sum())


def kerncijfers(slug: str, jaar: int) -> pd.DataFrame:
    """Kerncijfers table (see ``_kerncijfers``); computed once per wijk, year and state of the data."""
    return _kerncijfers(slug, jaar, src.data_state()).copy()


@lru_cache(maxsize=64)
def _kerncijfers(slug: str, jaar: int, _state: tuple) -> pd.DataFrame:
    """Kerncijfers table: per variable the latest year <= ``jaar`` with wijk, gebied and Rotterdam side by side.

    Wijk figures come from CBS 2022-2025 (falling back to KWB 2014-2018 where a
    variable is only there); the gebied figure is computed from the same source
    and year over all wijken of the gebied (distinct CBS buurten). Rotterdam is
    computed from all wijken for the same year (``stad``; ``rotterdam_dekking``
    says when fewer than all areas have the figure); for a KWB 2014-2018 figure it
    is the municipality as CBS published it. Missing = "geen gegevens".
    """
    w = wijk(slug)
    recent = recent_long()
    recent = recent[recent["jaar"] <= jaar]
    kwb = kwb_long()
    kwb = kwb[kwb["jaar"] <= jaar]
    labels = src.variabele_labels()
    gebied = wijken_van_gebied(w["gebied_slug"])
    code = gemeente.gemeente().code
    rows = []
    for var in KERNCIJFERS:
        label, eenheid = labels.get(var, (var, "aantal"))
        own = recent[(recent["wijk_slug"] == slug) & (recent["variabele"] == var)].dropna(subset=["waarde"])
        bron = "CBS Kerncijfers wijken en buurten (via Wijkprofiel-extract)"
        if not own.empty:
            year = int(own["jaar"].max())
            value = float(own.loc[own["jaar"] == year, "waarde"].iloc[0])
            g_value = _gebied_recent(recent, gebied, var, year)
        else:
            codes = _buurten(w)
            own_kwb = kwb[(kwb["code"].isin(codes)) & (kwb["variabele"] == var)].dropna(subset=["waarde"])
            if own_kwb.empty:
                rows.append({"variabele": var, "label": label, "eenheid": eenheid, "jaar": None,
                             "wijk": math.nan, "gebied": math.nan, STADKOLOM: math.nan, "bron": "",
                             "rotterdam_bron": "", "rotterdam_dekking": ""})
                continue
            year = int(own_kwb["jaar"].max())
            value = _combine_buurten(kwb, codes, var, year)
            g_value = _gebied_kwb(kwb, gebied, var, year)
            bron = "CBS Kerncijfers wijken en buurten"
        if bron == "CBS Kerncijfers wijken en buurten":
            r_value = kwb[(kwb["code"] == code) & (kwb["variabele"] == var) & (kwb["jaar"] == year)]["waarde"]
            r_value, dekking, r_bron = (float(r_value.iloc[0]) if len(r_value) else math.nan), "", "cbs"
        else:
            r_value, dekking = _stad_cijfer(var, year)
            r_bron = "wijken"
        rows.append({
            "variabele": var, "label": label, "eenheid": eenheid, "jaar": year, "wijk": value,
            "gebied": g_value, STADKOLOM: r_value, "bron": bron, "rotterdam_bron": r_bron,
            "rotterdam_dekking": dekking,
        })
    return pd.DataFrame(rows)


def gebied_van() -> pd.Series:
    """wijk_slug -> its CBS area, for every wijk of the crosswalk: the wijken that make up the city (``stad``)."""
    from . import stad

    return stad.cbs_gebieden(src.load_crosswalk())


def wijknamen() -> dict[str, str]:
    return dict(zip(src.load_crosswalk()["wijk_slug"], src.load_crosswalk()["wijk_naam"], strict=True))


@lru_cache(maxsize=4)
def _stad_tabel(_state: tuple) -> pd.DataFrame:
    from wijkrapport.sources import raadzoeker

    from . import stad

    var = raadzoeker.load_variabelen()
    return stad.stad(raadzoeker.load_kerncijfers(), dict(zip(var["variabele"], var["soort"], strict=True)), gebied_van())


def _stad_cijfer(var: str, jaar: int) -> tuple[float, str]:
    """(The city's figure, a note on its coverage or '') for ``var`` in ``jaar``."""
    from . import stad

    t = _stad_tabel(src.data_state())
    hit = t[(t["variabele"] == var) & (t["jaar"] == jaar)]
    if hit.empty:
        return math.nan, ""
    rij = hit.iloc[0]
    return float(rij["waarde"]), stad.dekking_zin(rij, wijknamen(), gemeente.gemeente().naam)


def kerncijfers_methode(kern: pd.DataFrame):
    """How the Rotterdam column of the kerncijfers was made, as facts (``stad.Stadmethode``) for the notebook's
    sentence: the wijken, those that share a CBS area, the approximated and the CBS's own figures."""
    from wijkrapport.sources import raadzoeker

    from . import stad

    var = raadzoeker.load_variabelen().set_index("variabele")
    uit_wijken = kern[kern["rotterdam_bron"] == "wijken"]
    benaderd = [r.label for r in uit_wijken.itertuples() if r.variabele in var.index
                and var.at[r.variabele, "per"] in ("woning", "huishouden")]
    kwb = kern[(kern["rotterdam_bron"] == "cbs") & kern["jaar"].notna()]
    return stad.stadmethode(gebied_van(), wijknamen(), benaderd, [r.label for r in kwb.itertuples()])


def _gebied_recent(recent: pd.DataFrame, gebied: pd.DataFrame, var: str, year: int) -> float:
    sub = recent[(recent["wijk_slug"].isin(gebied["wijk_slug"])) & (recent["jaar"] == year)]
    per_buurt = sub.drop_duplicates(subset=["cbs_buurtcode", "variabele"])  # shared CBS buurt counted once
    if per_buurt["wijk_slug"].nunique() < len(gebied["wijk_slug"]) - _gedeeld(gebied):
        return math.nan
    values = per_buurt[per_buurt["variabele"] == var][["cbs_buurtcode", "waarde"]]
    inw = per_buurt[per_buurt["variabele"] == "inwoners"][["cbs_buurtcode", "waarde"]].rename(columns={"waarde": "inwoners"})
    return _aggregate(values.merge(inw, on="cbs_buurtcode", how="left"), var)


def _gedeeld(gebied: pd.DataFrame) -> int:
    """How many wijken of the gebied share their CBS buurt with another wijk."""
    return int(gebied["cbs_buurtcodes"].duplicated().sum())


def _gebied_kwb(kwb: pd.DataFrame, gebied: pd.DataFrame, var: str, year: int) -> float:
    codes = sorted({c for _, r in gebied.iterrows() for c in _buurten(r)})
    return _combine_buurten(kwb, codes, var, year)


def _combine_buurten(kwb: pd.DataFrame, codes: list[str], var: str, year: int) -> float:
    sub = kwb[(kwb["code"].isin(codes)) & (kwb["jaar"] == year)]
    values = sub[sub["variabele"] == var][["code", "waarde"]]
    if len(values) == 1:
        return float(values["waarde"].iloc[0])
    inw = sub[sub["variabele"] == "inwoners"][["code", "waarde"]].rename(columns={"waarde": "inwoners"})
    return _aggregate(values.merge(inw, on="code", how="left"), var)


def wijkprofiel(slug: str, jaar: int) -> pd.DataFrame:
    """FI/VI/SI per edition up to ``jaar`` for the wijk (columns: editie, fysiek, veiligheid, sociaal)."""
    wp = src.load_wijkprofiel()
    sub = wp[(wp["wijk_slug"] == slug) & (wp["editie"] <= jaar)].sort_values("editie")
    return sub.rename(columns={"fysieke_index": "Fysieke index", "veiligheidsindex": "Veiligheidsindex",
                               "sociale_index": "Sociale index"})[["editie", "Fysieke index", "Veiligheidsindex",
                                                                  "Sociale index"]].reset_index(drop=True)


def inwoners_per_jaar(slug: str) -> pd.Series:
    """Inhabitants per year from every source that has them (CBS 2022-2025, KWB 2014-2018)."""
    return _inwoners_per_jaar(slug, src.data_state()).copy()


@lru_cache(maxsize=256)
def _inwoners_per_jaar(slug: str, _state: tuple) -> pd.Series:
    w = wijk(slug)
    recent = recent_long()
    a = recent[(recent["wijk_slug"] == slug) & (recent["variabele"] == "inwoners")].set_index("jaar")["waarde"]
    kwb = kwb_long()
    codes = _buurten(w)
    b = (kwb[(kwb["code"].isin(codes)) & (kwb["variabele"] == "inwoners")]
         .groupby("jaar")["waarde"].sum(min_count=1))
    return pd.concat([b[~b.index.isin(a.index)], a]).sort_index()


def inwoners_samen(slugs: list[str], jaar: int) -> float:
    """Inhabitants of the wijken ``slugs`` together in ``jaar``; NaN when one of them lacks the figure.

    Read from one table of every wijk, made once per state of the data and shared by the kernels of a run
    (each wijkdocument compares its wijk with all others).
    """
    tabel = _inwoners_tabel(src.data_state())
    return sum(tabel.get((s, jaar), math.nan) for s in slugs)


@lru_cache(maxsize=4)
def _inwoners_tabel(_state: tuple) -> dict[tuple[str, int], float]:
    from wijkrapport import inputs

    frame = framecache.gedeeld("inwoners", (), inputs.wijken(), _alle_inwoners)
    return {(r.wijk_slug, int(r.jaar)): float(r.inwoners) for r in frame.itertuples()}


def _alle_inwoners() -> pd.DataFrame:
    rows = [(slug, int(jaar), float(n)) for slug in src.load_crosswalk()["wijk_slug"]
            for jaar, n in inwoners_per_jaar(slug).items()]
    return pd.DataFrame(rows, columns=["wijk_slug", "jaar", "inwoners"])


def criminaliteit(slug: str, jaar: int) -> pd.DataFrame:
    """Registered crimes per year up to ``jaar``: counts, and per 1.000 inwoners where inhabitants are known.

    Comparison: Rotterdam, the same rates over all wijken (``politie_stad``).
    """
    pol = src.load_politie()
    pol = pol[pol["jaar"] <= jaar]
    own = pol[pol["wijk_slug"] == slug].set_index("jaar")
    inw = inwoners_per_jaar(slug)
    out = pd.DataFrame(index=own.index)
    out["misdrijven"] = own["totaal_misdrijven"]
    out["woninginbraak"] = own["woninginbraak"]
    out["inwoners"] = inw.reindex(out.index)
    noemer = out["inwoners"].where(out["inwoners"] > 0)  # no inhabitants: no rate (NaN, shown as '–'), never inf
    out["misdrijven_per_1000"] = out["misdrijven"] / noemer * 1000
    out["woninginbraak_per_1000"] = out["woninginbraak"] / noemer * 1000
    # Rotterdam: the same rates over all wijken (shared CBS areas count once; stad.politie_per_1000)
    stad = politie_stad(slug, jaar).set_index(["categorie", "jaar"])["rotterdam_per_1000"]
    for kolom, categorie in (("rotterdam_misdrijven_per_1000", TOTAAL), ("rotterdam_woninginbraak_per_1000", INBRAAK)):
        reeks = stad[categorie] if categorie in stad.index.get_level_values(0) else pd.Series(dtype=float)
        out[kolom] = reeks.reindex(out.index)
    return out.reset_index().rename(columns={"index": "jaar"})


TOTAAL = "Totaal misdrijven"
INBRAAK = "Woninginbraak"


def politie_stad(slug: str, jaar: int) -> pd.DataFrame:
    """Registrations per 1.000 inhabitants per category and year up to ``jaar``, the wijk beside Rotterdam
    (``stad.politie_per_1000``: inhabitants on 1 January from the CBS figures of all wijken)."""
    return _politie_stad(slug, jaar, src.data_state()).copy()


@lru_cache(maxsize=64)
def _politie_stad(slug: str, jaar: int, _state: tuple) -> pd.DataFrame:
    from . import stad

    pol = src.load_politie_categorieen()
    pol = pol[pol["jaar"] <= jaar]
    recent = recent_long()
    inw = recent[recent["variabele"] == "inwoners"][["wijk_slug", "jaar", "waarde"]]
    return stad.politie_per_1000(pol, inw, gebied_van(), slug)


def politie_categorieen(slug: str, jaar: int) -> pd.DataFrame:
    """Per category the latest year with a rate: the wijk and Rotterdam per 1.000 inhabitants, with the ratio
    (``verhouding`` = wijk / Rotterdam) and the year before for the trend. Order: the total first, then as the data."""
    t = politie_stad(slug, jaar).dropna(subset=["per_1000", "rotterdam_per_1000"])
    if t.empty:
        return pd.DataFrame(columns=["categorie", "jaar", "aantal", "per_1000", "rotterdam_per_1000", "verhouding",
                                     "vorig_jaar", "vorig_per_1000"])
    laatste = int(t["jaar"].max())
    nu = t[t["jaar"] == laatste].copy()
    vorig = t[t["jaar"] == laatste - 1].set_index("categorie")["per_1000"]
    nu["verhouding"] = [p / r if r > 0 else math.nan for p, r in zip(nu["per_1000"], nu["rotterdam_per_1000"], strict=True)]
    nu["vorig_jaar"] = laatste - 1
    nu["vorig_per_1000"] = nu["categorie"].map(vorig)
    nu["_totaal"] = nu["categorie"] != TOTAAL
    nu = nu.sort_values("_totaal", kind="stable").drop(columns="_totaal")
    return nu[["categorie", "jaar", "aantal", "per_1000", "rotterdam_per_1000", "verhouding", "vorig_jaar",
               "vorig_per_1000", "rotterdam_gebieden", "gebieden_totaal"]].reset_index(drop=True)


def profiel_matrix(jaar: int) -> pd.DataFrame:
    """One row per wijk with the profile used to find similar wijken (latest values <= jaar)."""
    recent = recent_long()
    recent = recent[recent["jaar"] <= jaar].sort_values("jaar")
    last = recent.dropna(subset=["waarde"]).groupby(["wijk_slug", "variabele"])["waarde"].last().unstack()
    wp = src.load_wijkprofiel()
    wp = wp[wp["editie"] <= jaar].sort_values("editie").groupby("wijk_slug").last()
    prof = last.join(wp[["fysieke_index", "veiligheidsindex", "sociale_index"]], how="outer")
    return prof


PROFIEL_VARIABELEN = ["pct_0_15", "pct_65_plus", "pct_huur", "woz", "fysieke_index", "veiligheidsindex", "sociale_index"]


def vergelijkbare_wijken(slug: str, jaar: int, n: int = 3) -> pd.DataFrame:
    """The ``n`` wijken most alike in profile (standardised distance over PROFIEL_VARIABELEN).

    Wijken that share their CBS buurt with ``slug`` are left out (same figures).
    """
    prof = profiel_matrix(jaar)
    cols = [c for c in PROFIEL_VARIABELEN if c in prof]
    data = prof[cols].dropna()
    if slug not in data.index:
        return pd.DataFrame(columns=["wijk_slug", "afstand", *cols])
    z = (data - data.mean()) / data.std(ddof=0).replace(0, np.nan)
    z = z.fillna(0)
    dist = np.sqrt(((z - z.loc[slug]) ** 2).sum(axis=1))
    cw = src.load_crosswalk().set_index("wijk_slug")
    own_buurt = cw.loc[slug, "cbs_buurtcodes"]
    twins = set(cw.index[cw["cbs_buurtcodes"] == own_buurt])
    dist = dist.drop(index=[s for s in twins if s in dist.index])
    best = dist.nsmallest(n)
    out = data.loc[[slug, *best.index]].copy()
    out.insert(0, "afstand", [0.0, *best.to_numpy()])
    return out.reset_index().rename(columns={"index": "wijk_slug"})


def check_wijken(slugs: list[str], params_file: str) -> None:
    """Every wijk named in params must be in the crosswalk and have figures in each source."""
    cw = src.load_crosswalk()
    known = set(cw["wijk_slug"])
    sources = {
        "Wijkprofiel": set(src.load_wijkprofiel()["wijk_slug"]),
        "CBS kerncijfers": set(recent_long()["wijk_slug"]),
        "Politie": set(src.load_politie()["wijk_slug"]),
    }
    problems = []
    for slug in slugs:
        if slug not in known:
            problems.append(Problem(file=params_file, field="wijken", value=slug,
                                    message="wijk staat in de params maar niet in data/wijken/crosswalk.csv"))
            continue
        for name, have in sources.items():
            if slug not in have:
                problems.append(Problem(file=params_file, field="wijken", value=slug,
                                        message=f"geen gegevens voor deze wijk in de bron {name}"))
    if problems:
        raise DataValidationError(problems)


def validate_all() -> None:
    """Load (and so validate) every wijk source once, collecting all problems."""
    problems: list[Problem] = []
    loaders = [src.load_crosswalk, src.load_variabelen, src.load_wijkprofiel, src.load_politie,
               src.load_kerncijfers_recent, src.load_kwb2024] + [lambda j=j: src.load_kwb(j) for j in src.kwb_jaren()]
    for load in [*loaders, gemeente.gegevens]:
        try:
            load()
        except DataValidationError as exc:
            problems += exc.problems
    if not problems:
        try:
            check_gemeente()
        except DataValidationError as exc:
            problems += exc.problems
    if problems:
        raise DataValidationError(problems)


VERHUIS_KOLOMMEN = ["vestigers_totaal", "vertrekkers_totaal", "saldo", "inwoners", "mobiliteit_pct"]


def verhuisbewegingen(slug: str, jaar: int) -> pd.DataFrame | None:
    """The wijk's row (its gebied's, and the total that ``bestanden.yml`` names) from the NPRZ verhuisbewegingen
    table, as printed text.

    Returns None for wijken outside NPRZ or years without the table. Suppressed
    cells ('<5') stay '<5'.
    """
    from wijkrapport import format as fmt
    from wijkrapport.sources import jaarbestanden

    w = wijk(slug)
    naam = str(w.get("nprz_verhuis_naam", "") or "").strip()
    pad = jaarbestanden.verhuis_pad(jaar)
    if not naam or pad is None or not pad.exists():
        return None
    v = jaarbestanden.load_verhuisbewegingen(jaar)
    v = v[v["kolom_id"].isin(VERHUIS_KOLOMMEN)]
    totaal = check_verhuistotaal(v, pad)
    rows = []
    namen = [n.strip() for n in naam.split(";") if n.strip()]
    wanted = [("wijk", n) for n in namen] + [("gebied", w["gebied_naam"]), ("totaal", totaal.totaal)]
    for soort, name in wanted:
        sub = v[(v["gebied_soort"] == soort) & (v["gebied"].str.lower() == name.lower())]
        if sub.empty:
            if soort == "wijk":
                raise DataValidationError([Problem(file="data/wijken/crosswalk.csv", field="nprz_verhuis_naam",
                                                   value=name, message=f"naam komt niet voor in {paths.rel(pad)}")])
            continue
        row = {"gebied": name if soort != "totaal" else totaal.label, "soort": soort}
        for _, r in sub.iterrows():
            if r["onderdrukt"] == "true":
                row[r["kolom_id"]] = "<5"
            elif r["kolom_id"] == "mobiliteit_pct":
                row[r["kolom_id"]] = fmt.procent(r["waarde"])
            else:
                row[r["kolom_id"]] = fmt.getal(r["waarde"])
        rows.append(row)
    return pd.DataFrame(rows)


def check_verhuistotaal(tabel: pd.DataFrame, pad) -> gemeente.Verhuistotaal:
    """The total row that ``bestanden.yml`` names (``verhuisbewegingen.totaal``), checked against the verhuisbewegingen
    ``tabel`` (read from ``pad``): a name the table does not hold as a total is an error, not a row left out."""
    totaal = gemeente.verhuistotaal()
    totalen = sorted(set(tabel.loc[tabel["gebied_soort"] == "totaal", "gebied"]))
    if totaal.totaal.lower() not in {t.lower() for t in totalen}:
        raise DataValidationError([Problem(
            file=gemeente.bestand(), field="verhuisbewegingen.totaal", value=totaal.totaal,
            message=f"geen totaalrij in {paths.rel(pad)} (daar: {', '.join(totalen) or 'geen'})")])
    return totaal


def check_gemeente() -> None:
    """The city's CBS code of ``bestanden.yml`` against the data: every wijk's CBS buurten lie in it (a buurt code is
    BU + the municipality's four digits + four) and every KWB export has its municipality row (a code of another city
    would put that city's figures in the city column)."""
    g = gemeente.gemeente()
    problems = []
    vreemd = sorted({b for codes in src.load_crosswalk()["cbs_buurtcodes"] for b in str(codes).split(";")
                     if b and not b.startswith(f"BU{g.code[2:]}")})
    if vreemd:
        problems.append(Problem(file=gemeente.bestand(), field="gemeente.code", value=g.code,
                                message=f"de wijken van {paths.rel(inputs.wijkbestand('crosswalk'))} liggen niet in deze "
                                        f"gemeente (buurtcodes {', '.join(vreemd[:3])}{' ...' if len(vreemd) > 3 else ''})"))
    for jaar in src.kwb_jaren():
        pad = inputs.wijkbestand(f"kwb{jaar}")
        if not src.kwb_heeft_gemeente(pad, g.code):
            problems.append(Problem(file=gemeente.bestand(), field="gemeente.code", value=g.code,
                                    message=f"staat niet als gemeente in {paths.rel(pad)}"))
    if problems:
        raise DataValidationError(problems)


#: outcome indicator id -> (label, unit, polarity); see data/actieplannen/*/plan.yml
UITKOMSTEN = {
    "inwoners": ("Inwoners", "aantal", None),
    "woningvoorraad": ("Woningvoorraad", "aantal", "hoger"),
    "huurwoningen_corporatie": ("Huurwoningen van een corporatie", "pct", None),
    "woz_waarde": ("Gemiddelde WOZ-waarde", "eur", None),
    "bijstand": ("Personen met bijstand", "aantal", "lager"),
    "laag_inkomen": ("Huishoudens met een inkomen in de laagste 40%", "pct", "lager"),
    "fysieke_index": ("Fysieke index", "index", "hoger"),
    "veiligheidsindex": ("Veiligheidsindex", "index", "hoger"),
    "sociale_index": ("Sociale index", "index", "hoger"),
    "misdrijven_per_1000": ("Misdrijven per 1.000 inwoners", "per1000", "lager"),
    "woninginbraak_per_1000": ("Woninginbraken per 1.000 inwoners", "per1000", "lager"),
    "verhuisbewegingen_saldo": ("Saldo vestigers en vertrekkers", "aantal", "hoger"),
}
_RECENT_VAR = {"inwoners": "inwoners", "huurwoningen_corporatie": "pct_corporatie", "woz_waarde": "woz",
               "bijstand": "bijstand", "laag_inkomen": "pct_laagste_40_huishoudens"}
_INDEX = {"fysieke_index": "Fysieke index", "veiligheidsindex": "Veiligheidsindex", "sociale_index": "Sociale index"}


def uitkomst_reeks(slug: str, indicator: str, jaar: int) -> pd.Series:
    """Year-indexed series of an outcome indicator for a wijk, up to ``jaar`` (empty when the data lack it)."""
    if indicator in _RECENT_VAR:
        r = recent_long()
        sub = r[(r["wijk_slug"] == slug) & (r["variabele"] == _RECENT_VAR[indicator]) & (r["jaar"] <= jaar)]
        return sub.set_index("jaar")["waarde"].dropna().sort_index()
    if indicator in _INDEX:
        wp = wijkprofiel(slug, jaar)
        return wp.set_index("editie")[_INDEX[indicator]].dropna()
    if indicator in ("misdrijven_per_1000", "woninginbraak_per_1000"):
        c = criminaliteit(slug, jaar)
        return c.set_index("jaar")[indicator].dropna()
    if indicator == "woningvoorraad":
        w = wijk(slug)
        k = kwb_long()
        sub = k[k["code"].isin(_buurten(w)) & (k["variabele"] == "woningvoorraad") & (k["jaar"] <= jaar)]
        return sub.groupby("jaar")["waarde"].sum(min_count=1).dropna()
    return pd.Series(dtype=float)  # verhuisbewegingen_saldo: a single year in the data, no change to show


#: order of the Wijkprofiel indices and their names as printed
WP_INDICES = {"fysiek": "Fysieke index", "veiligheid": "Veiligheidsindex", "sociaal": "Sociale index"}


def wijkprofiel_editie(jaar: int) -> int | None:
    """The latest Wijkprofiel edition in the data up to ``jaar`` (None when there is none)."""
    wp = src.load_wijkprofiel()
    edities = wp.loc[wp["editie"] <= jaar, "editie"]
    return int(edities.max()) if len(edities) else None


def wijkprofiel_detail(slug: str, jaar: int) -> tuple[int | None, pd.DataFrame, list[int]]:
    """The sub-indices of the latest edition up to ``jaar``: how residents experience it (subjectief) beside what the
    registrations say (objectief), 100 = Rotterdam 2014.

    Returns ``(editie, tabel, edities_met_detail)``: ``tabel`` has one row per index and onderdeel
    (``index, index_naam, onderdeel, subjectief, objectief, verschil`` = subjectief - objectief) plus the index's
    general figure (``algemeen_naam``, ``algemeen``); empty when the data hold no detail for that edition.
    ``edities_met_detail`` names the editions that do have detail (for the sentence saying so).
    """
    from wijkrapport.sources import raadzoeker

    editie = wijkprofiel_editie(jaar)
    detail = raadzoeker.load_wijkprofiel_detail()
    detail = detail[detail["wijk_slug"] == slug]
    met_detail = sorted(int(e) for e in detail["editie"].unique())
    sub = detail[detail["editie"] == editie]
    kolommen = ["index", "index_naam", "onderdeel", "subjectief", "objectief", "verschil", "algemeen_naam", "algemeen"]
    if editie is None or sub.empty:
        return editie, pd.DataFrame(columns=kolommen), met_detail
    delen = sub[sub["deel"] != "algemeen"].pivot_table(index=["index", "onderdeel"], columns="deel", values="waarde",
                                                        sort=False).reset_index()
    for deel in ("subjectief", "objectief"):
        if deel not in delen:
            delen[deel] = np.nan
    delen["verschil"] = delen["subjectief"] - delen["objectief"]
    algemeen = sub[sub["deel"] == "algemeen"].set_index("index")
    delen["algemeen_naam"] = delen["index"].map(algemeen["onderdeel"])
    delen["algemeen"] = delen["index"].map(algemeen["waarde"])
    delen["index_naam"] = delen["index"].map(WP_INDICES)
    volgorde = {ix: i for i, ix in enumerate(WP_INDICES)}
    delen = delen.sort_values("index", key=lambda s: s.map(volgorde), kind="stable")
    return editie, delen[kolommen].reset_index(drop=True), met_detail


def politie_stadmethode():
    """How Rotterdam's police figures per 1.000 inhabitants were made, as facts (``stad.Stadmethode``)."""
    from .stad import stadmethode

    return stadmethode(gebied_van(), wijknamen())
