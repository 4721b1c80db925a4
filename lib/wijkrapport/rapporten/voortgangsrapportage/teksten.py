"""Sentences generated from data, in Dutch. No figure is typed into a notebook."""

from __future__ import annotations

import pandas as pd

from wijkrapport import format as fmt

REFERENTIE_NAAM = {"G4": "de G4", "Rotterdam": "Rotterdam", "vast": "het vaste doel"}


def _w(row: pd.Series, col: str) -> str:
    return fmt.waarde(row.get(col), row["eenheid"])


def indicator_zin(row: pd.Series, jaar: int) -> str:
    """What happened to one indicator, in two or three short sentences."""
    ref = REFERENTIE_NAAM.get(row.get("referentie", ""), "de referentie")
    start = f" ({row['startjaar']})" if row.get("startjaar") else ""
    if row["soort"] == "demografie":
        return f"Zuid: {_w(row, 'zuid_huidig')}; Rotterdam: {_w(row, 'rotterdam_huidig')}; G4: {_w(row, 'g4_huidig')}."
    if row["status"] == "grijs":
        missing = [n for n, c in (("Zuid bij de start", "zuid_start"), ("Zuid nu", "zuid_huidig"),
                                  (ref, "referentie_huidig")) if fmt.is_missing(row.get(c))]
        if not missing and fmt.is_missing(row.get("aandeel")):
            return f"De voortgang is niet te bepalen: er is geen doel voor {jaar} vastgelegd."
        return f"De voortgang is niet te bepalen: cijfers ontbreken ({', '.join(missing)})."
    nu = f" ({row['peildatum']})" if row.get("peildatum") else ""
    zin = f"Zuid ging van {_w(row, 'zuid_start')}{start} naar {_w(row, 'zuid_huidig')}{nu}."
    if row.get("start_voorbij_referentie"):
        kant = "boven" if row.get("polariteit") == "hoger" else "onder"
        zin += f" Zuid zat bij de start al {kant} het niveau van {ref} ({_w(row, 'referentie_huidig')})"
        zin += " en zit daar nog steeds." if row["status"] == "groen" else " maar is daar nu niet meer."
        return zin
    zin += f" Dat is {fmt.procent(row['pct_ingelopen'])} van het verschil met {ref} ({_w(row, 'referentie_huidig')})."
    doel = _w(row, "doel_jaar")
    if row["status"] == "groen":
        zin += f" Het doel voor {jaar} ({doel}) is gehaald."
    elif row["status"] == "oranje":
        zin += f" Dat is de goede richting, maar het doel voor {jaar} ({doel}) is nog niet gehaald."
    else:
        zin += f" Dat is de verkeerde richting: het doel voor {jaar} is {doel}."
    return zin


def afwijking_zin(row: pd.Series) -> str:
    """Where the printed % ingelopen differs from what its printed inputs give."""
    if row.get("reproductie") not in ("wijkt af", "binnen afronding"):
        return ""
    pub = fmt.procent(row["pct_ingelopen_gepubliceerd"])
    ours = fmt.procent(row["pct_ingelopen"])
    if row["reproductie"] == "wijkt af":
        return f"Let op: de gedrukte tabel noemt {pub} ingelopen; uit de gedrukte cijfers volgt {ours}."
    return (f"Let op: de gedrukte tabel noemt {pub} ingelopen; uit de gedrukte (afgeronde) cijfers volgt {ours}. "
            "Het verschil kan door afronding komen.")


def grafiek_alt(row: pd.Series, jaar: int) -> str:
    """Alt text that states the chart's message."""
    delen = []
    for gebied, s, n in (("Zuid", "zuid_start", "zuid_huidig"), ("Rotterdam", "rotterdam_start", "rotterdam_huidig"),
                         ("G4", "g4_start", "g4_huidig")):
        if fmt.is_missing(row.get(n)):
            continue
        if fmt.is_missing(row.get(s)):
            delen.append(f"{gebied} staat op {_w(row, n)}")
        else:
            delen.append(f"{gebied} ging van {_w(row, s)} naar {_w(row, n)}")
    text = "; ".join(delen) + "."
    if not fmt.is_missing(row.get("doel_jaar")):
        text += f" Doel {jaar}: {_w(row, 'doel_jaar')}"
        if not fmt.is_missing(row.get("doel_eind")):
            text += f"; doel {row['eindjaar']}: {_w(row, 'doel_eind')}"
        text += "."
    return text[0].upper() + text[1:] if text else "Geen cijfers."


def status_samenvatting(telling: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    """One sentence per pijler: how many targets are groen/oranje/rood/grijs."""
    zinnen = []
    for pijler, row in telling.iterrows():
        if row["totaal"] == 0:
            zinnen.append(f"{labels[pijler]}: geen indicatoren met cijfers voor Zuid in de bron; voortgang niet te bepalen.")
            continue
        delen = [f"{int(row[s])} {fmt.STATUS_LABEL[s].lower()}" for s in ("groen", "oranje", "rood", "grijs") if row[s]]
        zinnen.append(f"{labels[pijler]}: {int(row['totaal'])} indicatoren met een doel — " + ", ".join(delen) + ".")
    return zinnen
