"""Word choices for the sentences of the voortgangsrapportage: which template, which word, which figure.

The sentences themselves are templates written in the notebooks (``notebooks/voortgang_*.ipynb``); these helpers
pick the template that fits the data and fill it with Dutch-formatted figures. No figure is typed into a notebook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from babel.lists import format_list

from wijkrapport import format as fmt
from wijkrapport.taal import aantal

STATUSSEN = ("groen", "oranje", "rood", "grijs")


def of_opsomming(delen: list[str]) -> str:
    """Alternatives in running text.

    >>> of_opsomming(["de G4", "Rotterdam"]), of_opsomming(["A", "B", "C"]), of_opsomming(["A"]), of_opsomming([])
    ('de G4 of Rotterdam', 'A, B of C', 'A', '')
    """
    return format_list(list(delen), style="or", locale="nl") if delen else ""


def boven_onder(polariteit: str | None) -> str:
    """Where a doelgebied that started past its reference sits: above it when higher is better.

    >>> boven_onder("hoger"), boven_onder("lager")
    ('boven', 'onder')
    """
    return "boven" if polariteit == "hoger" else "onder"


def _w(row: pd.Series, col: str) -> str:
    return fmt.waarde(row.get(col), row["eenheid"])


def _met_periode(row: pd.Series, col: str, periode: str) -> str:
    """A value with its period in brackets when the row names one: '35,0% (2011)'."""
    p = row.get(periode)
    return _w(row, col) + (f" ({p})" if p else "")


def indicator_zin(row: pd.Series, zinnen: Mapping[str, str], vul: Callable[..., str], referentie: str,
                  doel: str) -> str:
    """What happened to one indicator, in two or three short sentences chosen by its status.

    ``zinnen`` (written in the notebook) holds the templates: ``geen_doel``, ``ontbreekt`` with the names
    ``ontbreekt_start`` and ``ontbreekt_nu``, ``verloop``, ``al_voorbij_gebleven``, ``al_voorbij_niet_meer``,
    ``ingelopen`` and one per status ``groen``, ``oranje``, ``rood``. Fields: ``{start}``, ``{nu}`` (value and
    period), ``{referentie}`` (its name in a sentence), ``{referentie_nu}``, ``{pct_ingelopen}``, ``{doel}``
    (target of the year), ``{boven_onder}``, ``{ontbreekt}`` and those of the context (``vul``). ``doel`` is the
    column prefix of the doelgebied (``zuid``).
    """
    velden = {
        "start": _met_periode(row, f"{doel}_start", "startjaar"),
        "nu": _met_periode(row, f"{doel}_huidig", "peildatum"),
        "referentie": referentie, "referentie_nu": _w(row, "referentie_huidig"),
        "pct_ingelopen": fmt.procent(row.get("pct_ingelopen")), "doel": _w(row, "doel_jaar"),
        "boven_onder": boven_onder(row.get("polariteit")),
    }
    if row["status"] == "grijs":
        namen = {"ontbreekt_start": vul(zinnen["ontbreekt_start"]), "ontbreekt_nu": vul(zinnen["ontbreekt_nu"]),
                 "referentie": referentie}
        ontbreekt = [namen[n] for n, c in (("ontbreekt_start", f"{doel}_start"), ("ontbreekt_nu", f"{doel}_huidig"),
                                            ("referentie", "referentie_huidig")) if fmt.is_missing(row.get(c))]
        if not ontbreekt and fmt.is_missing(row.get("aandeel")):
            return vul(zinnen["geen_doel"], **velden)
        return vul(zinnen["ontbreekt"], ontbreekt=", ".join(ontbreekt), **velden)
    delen = [zinnen["verloop"]]
    if row.get("start_voorbij_referentie"):
        delen.append(zinnen["al_voorbij_gebleven" if row["status"] == "groen" else "al_voorbij_niet_meer"])
    else:
        delen += [zinnen["ingelopen"], zinnen[row["status"]]]
    return " ".join(vul(d, **velden) for d in delen)


def grafiek_alt(row: pd.Series, gebieden: Mapping[str, str], alt: Mapping[str, str], vul: Callable[..., str]) -> str:
    """Alt text that states the chart's message: per area where it went, then the targets.

    ``gebieden``: column prefix -> area name; ``alt`` (from the notebook): ``verloop`` and ``stand`` (fields
    ``{gebied}``, ``{start}``, ``{nu}``), ``doel`` and ``doel_eind`` (``{doel}``, ``{doel_eind}``, ``{eindjaar}`` of the indicator).
    """
    delen = []
    for k, gebied in gebieden.items():
        if fmt.is_missing(row.get(f"{k}_huidig")):
            continue
        sjabloon = alt["stand"] if fmt.is_missing(row.get(f"{k}_start")) else alt["verloop"]
        delen.append(vul(sjabloon, gebied=gebied, start=_w(row, f"{k}_start"), nu=_w(row, f"{k}_huidig")))
    tekst = "; ".join(delen) + "." if delen else ""
    if not fmt.is_missing(row.get("doel_jaar")):
        sjabloon = alt["doel"] if fmt.is_missing(row.get("doel_eind")) else alt["doel_eind"]
        tekst += " " + vul(sjabloon, doel=_w(row, "doel_jaar"), doel_eind=_w(row, "doel_eind"),
                           eindjaar=row.get("eindjaar", "")) + "."
    tekst = tekst.strip()
    return tekst[:1].upper() + tekst[1:]


def statussen(row: Mapping[str, int]) -> str:
    """How many targets have each status, in the order of the legend.

    >>> statussen({"groen": 5, "oranje": 1, "rood": 0, "grijs": 2})
    '5 doel gehaald, 1 goede richting, doel nog niet gehaald, 2 niet te bepalen'
    """
    return ", ".join(f"{int(row[s])} {fmt.STATUS_LABEL[s].lower()}" for s in STATUSSEN if row[s])


def status_samenvatting(telling: pd.DataFrame, labels: Mapping[str, str], zinnen: Mapping[str, str],
                        vul: Callable[..., str]) -> list[str]:
    """One sentence per chapter: ``zinnen["geen"]`` when it has no targets with figures, else ``zinnen["wel"]``
    (fields ``{pijler}``, ``{indicatoren}``: '1 indicator', '7 indicatoren', ``{statussen}``)."""
    uit = []
    for pijler, row in telling.iterrows():
        n = int(row["totaal"])
        sjabloon = zinnen["geen"] if n == 0 else zinnen["wel"]
        uit.append(vul(sjabloon, pijler=labels[pijler], indicatoren=aantal(n, "indicator"),
                       statussen=statussen(row) if n else ""))
    return uit
