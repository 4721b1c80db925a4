"""Plain-language (B1) sentences about a wijk, generated from its figures. Short sentences, no jargon."""

from __future__ import annotations

import math

import pandas as pd

from wijkrapport import format as fmt

INDEX_UITLEG = "Een score van 100 is het gemiddelde van heel Rotterdam in {basisjaar}. Hoger is beter."


def basisjaar() -> int:
    """The Wijkprofiel's base year (index 100), from ``data/wijken/bestanden.yml``."""
    from wijkrapport.inputs import wijkbronnen

    return int(wijkbronnen()["wijkprofiel_basisjaar"])


def index_uitleg() -> str:
    return INDEX_UITLEG.format(basisjaar=basisjaar())
INDEXEN = {"Fysieke index": "de buurt en de woningen", "Veiligheidsindex": "veiligheid", "Sociale index": "het samenleven"}
DREMPEL_INDEX = 3  # points: smaller changes are "ongeveer gelijk"


def _val(tabel: pd.DataFrame, var: str, col: str = "wijk") -> float:
    hit = tabel[tabel["variabele"] == var]
    return math.nan if hit.empty else hit[col].iloc[0]


def _jaar(tabel: pd.DataFrame, var: str):
    hit = tabel[tabel["variabele"] == var]
    return None if hit.empty or pd.isna(hit["jaar"].iloc[0]) else int(hit["jaar"].iloc[0])


def richting(verschil: float, drempel: float) -> str:
    if fmt.is_missing(verschil):
        return "onbekend"
    if verschil >= drempel:
        return "hoger"
    if verschil <= -drempel:
        return "lager"
    return "gelijk"


def samenvatting(naam: str, gebied: str, kern: pd.DataFrame, inwoners: pd.Series, wp: pd.DataFrame,
                 crim: pd.DataFrame) -> list[str]:
    """Five to eight short sentences for the first page."""
    zinnen = []
    inw = _val(kern, "inwoners")
    jaar = _jaar(kern, "inwoners")
    if not fmt.is_missing(inw):
        zinnen.append(f"In {naam} wonen {fmt.getal(inw)} mensen (1 januari {jaar}).")
        prev = inwoners[inwoners.index < jaar].dropna()
        if len(prev):
            vorig_jaar = int(prev.index.max())
            diff = inw - prev.loc[vorig_jaar]
            if diff > 0:
                zinnen.append(f"Dat zijn er {fmt.getal(diff)} meer dan in {vorig_jaar}.")
            elif diff < 0:
                zinnen.append(f"Dat zijn er {fmt.getal(-diff)} minder dan in {vorig_jaar}.")
            else:
                zinnen.append(f"Dat zijn er evenveel als in {vorig_jaar}.")
    if len(wp) >= 2:
        nu, vorig = wp.iloc[-1], wp.iloc[-2]
        for col, onderwerp in INDEXEN.items():
            if fmt.is_missing(nu[col]) or fmt.is_missing(vorig[col]):
                continue
            r = richting(nu[col] - vorig[col], DREMPEL_INDEX)
            woord = {"hoger": "beter dan", "lager": "slechter dan", "gelijk": "ongeveer even goed als"}[r]
            zinnen.append(f"Op {onderwerp} scoort de wijk in {int(nu['editie'])} {woord} in {int(vorig['editie'])}: "
                          f"{fmt.getal(nu[col])} tegen {fmt.getal(vorig[col])}.")
        zinnen.append(index_uitleg())
    huur, huur_g = _val(kern, "pct_huur"), _val(kern, "pct_huur", "gebied")
    if not fmt.is_missing(huur):
        zin = f"Van de woningen is {fmt.procent(huur, 0)} een huurwoning"
        zin += f"; in heel {gebied} is dat {fmt.procent(huur_g, 0)}." if not fmt.is_missing(huur_g) else "."
        zinnen.append(zin)
    rates = crim.dropna(subset=["misdrijven_per_1000"])
    if len(rates):
        last = rates.iloc[-1]
        zin = f"In {int(last['jaar'])} waren er {fmt.getal(last['misdrijven_per_1000'], 0)} misdrijven per 1.000 inwoners"
        if not fmt.is_missing(last.get("rotterdam_misdrijven_per_1000")):
            zin += f". In heel Rotterdam waren dat er {fmt.getal(last['rotterdam_misdrijven_per_1000'], 0)}."
        else:
            zin += "."
        zinnen.append(zin)
    return zinnen


def signalen(naam: str, kern: pd.DataFrame, wp: pd.DataFrame, crim: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Rules over the data: what goes well and what needs attention, each with its figure."""
    goed, aandacht = [], []
    if len(wp) >= 2:
        nu, vorig = wp.iloc[-1], wp.iloc[-2]
        changes = []
        for col in INDEXEN:
            if not (fmt.is_missing(nu[col]) or fmt.is_missing(vorig[col])):
                changes.append((nu[col] - vorig[col], col))
        for diff, col in sorted(changes, reverse=True):
            zin = (f"{col}: van {fmt.getal(vorig[col])} in {int(vorig['editie'])} naar {fmt.getal(nu[col])} in "
                   f"{int(nu['editie'])} ({'+' if diff > 0 else ''}{fmt.getal(diff)} punten).")
            if diff >= DREMPEL_INDEX:
                goed.append(zin)
            elif diff <= -DREMPEL_INDEX:
                aandacht.append(zin)
        for col in INDEXEN:
            if not fmt.is_missing(nu[col]) and nu[col] <= 90:
                aandacht.append(f"{col} ligt met {fmt.getal(nu[col])} ruim onder het Rotterdamse niveau van "
                                f"{basisjaar()} (100).")
            elif not fmt.is_missing(nu[col]) and nu[col] >= 110:
                goed.append(f"{col} ligt met {fmt.getal(nu[col])} ruim boven het Rotterdamse niveau van "
                            f"{basisjaar()} (100).")
    rates = crim.dropna(subset=["misdrijven_per_1000"])
    if len(rates) >= 2:
        a, b = rates.iloc[-2], rates.iloc[-1]
        diff = b["misdrijven_per_1000"] - a["misdrijven_per_1000"]
        zin = (f"Misdrijven per 1.000 inwoners: {fmt.getal(a['misdrijven_per_1000'], 0)} in {int(a['jaar'])}, "
               f"{fmt.getal(b['misdrijven_per_1000'], 0)} in {int(b['jaar'])}.")
        if diff <= -3:
            goed.append(zin)
        elif diff >= 3:
            aandacht.append(zin)
    for var, label, hoger_is_slechter in (("pct_laagste_40_huishoudens", "Huishoudens met een laag inkomen "
                                           "(laagste 40% van Nederland)", True),):
        w, g = _val(kern, var), _val(kern, var, "gebied")
        if hoger_is_slechter and not (fmt.is_missing(w) or fmt.is_missing(g)):
            if w - g >= 5:
                aandacht.append(f"{label}: {fmt.procent(w, 0)} in {naam}, {fmt.procent(g, 0)} in het gebied.")
            elif g - w >= 5:
                goed.append(f"{label}: {fmt.procent(w, 0)} in {naam}, {fmt.procent(g, 0)} in het gebied.")
    return goed, aandacht


def wijkprofiel_zin(wp: pd.DataFrame) -> str:
    if len(wp) < 2:
        return "Er is maar één meting van het Wijkprofiel; een verandering is nog niet te zien."
    nu, vorig = wp.iloc[-1], wp.iloc[-2]
    delen = []
    for col in INDEXEN:
        if fmt.is_missing(nu[col]) or fmt.is_missing(vorig[col]):
            delen.append(f"de {col.lower()}: geen gegevens")
            continue
        diff = nu[col] - vorig[col]
        woord = {"hoger": "ging omhoog", "lager": "ging omlaag", "gelijk": "bleef ongeveer gelijk"}[richting(diff, DREMPEL_INDEX)]
        delen.append(f"de {col.lower()} {woord} ({fmt.getal(vorig[col])} → {fmt.getal(nu[col])})")
    return f"Sinds {int(vorig['editie'])}: " + "; ".join(delen) + "."


#: index points between how residents experience a theme (subjectief) and what the registrations say (objectief)
#: from which the document says so in words. The sub-indices of all 71 wijken differ by 19 points on average
#: (residents are usually more critical) with a spread of about 33; 30 points picks out the differences that stand out
#: against that pattern, roughly the largest third, rather than every wijk and theme.
DREMPEL_BELEVING = 30


def beleving_zinnen(detail: pd.DataFrame, drempel: float = DREMPEL_BELEVING) -> list[str]:
    """B1 sentences for the sub-indices where residents' experience and the registrations differ by ``drempel`` or
    more points, largest difference first.

    >>> d = pd.DataFrame({"onderdeel": ["Wonen", "Inbraak"], "subjectief": [23.0, 129.0], "objectief": [75.0, 127.0]})
    >>> beleving_zinnen(d.assign(verschil=d["subjectief"] - d["objectief"]))
    ['Wonen: bewoners zijn veel minder positief (23) dan de cijfers over de wijk laten zien (75).']
    """
    if detail.empty:
        return []
    scherp = detail.dropna(subset=["verschil"])
    scherp = scherp[scherp["verschil"].abs() >= drempel]
    zinnen = []
    for r in scherp.reindex(scherp["verschil"].abs().sort_values(ascending=False).index).itertuples():
        woord = "minder" if r.verschil < 0 else "meer"
        zinnen.append(f"{r.onderdeel}: bewoners zijn veel {woord} positief ({fmt.getal(r.subjectief)}) dan de cijfers "
                      f"over de wijk laten zien ({fmt.getal(r.objectief)}).")
    return zinnen


def politie_zin(naam: str, tabel: pd.DataFrame, factor: float = 1.5) -> str:
    """One sentence on the police categories that are much more frequent in the wijk than in Rotterdam
    (``factor`` times the city's rate or more, per 1.000 inhabitants)."""
    if tabel.empty:
        return ""
    jaar = int(tabel["jaar"].iloc[0])
    hoog = [r.categorie.lower() for r in tabel.itertuples() if r.verhouding >= factor and r.aantal >= 5]
    if not hoog:
        return (f"In {jaar} kwam geen soort misdrijf in {naam} veel vaker voor dan in heel Rotterdam "
                f"(per 1.000 inwoners; 'veel vaker': {fmt.getal(factor, 1)} keer zo vaak of meer).")
    return (f"In {jaar} kwamen deze misdrijven in {naam} veel vaker voor dan in heel Rotterdam (per 1.000 inwoners, "
            f"{fmt.getal(factor, 1)} keer zo vaak of meer): {fmt.opsomming(hoog)}.")


def rotterdam_dekking_noten(kern: pd.DataFrame) -> str:
    """Notes on Rotterdam figures computed from fewer than all wijken, e.g. 'Rotterdam, inkomen 2023: berekend over
    64 van de 70 gebieden (98,7% van de inwoners).'"""
    delen = [f" Rotterdam, {r.label[:1].lower()}{r.label[1:]} {int(r.jaar)}: {r.rotterdam_dekking}."
             for r in kern.itertuples() if r.rotterdam_dekking]
    return "".join(delen)
