"""Word choices and facts for the wijkdocument's generated sentences; the sentences themselves are templates in
``notebooks/wijkdocument.ipynb``.

The helpers here return the words that depend on the data (``meer``/``minder``, ``hoger``/``lager``/``gelijk``) or
the rows a sentence is about; the notebook's templates place them.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from wijkrapport import format as fmt

#: the three Wijkprofiel indices, columns of ``wijkdata.wijkprofiel``
INDEXEN = ("Fysieke index", "Veiligheidsindex", "Sociale index")
DREMPEL_INDEX = 3  # points: smaller changes are "ongeveer gelijk"
DREMPEL_MISDRIJVEN = 3  # crimes per 1.000 inhabitants: smaller changes are not a signal
DREMPEL_LAAG_INKOMEN = 5  # percentage points between wijk and gebied
INDEX_LAAG, INDEX_HOOG = 90, 110  # "ruim onder" / "ruim boven" the city level (100)


def basisjaar() -> int:
    """The Wijkprofiel's base year (index 100), from ``data/wijken/bestanden.yml``."""
    from wijkrapport.inputs import wijkbronnen

    return int(wijkbronnen()["wijkprofiel_basisjaar"])


def richting(verschil: float, drempel: float) -> str:
    """'hoger', 'lager', 'gelijk' (less than ``drempel`` apart) or 'onbekend'.

    >>> [richting(v, 3) for v in (3, -3, 2.9, float("nan"))]
    ['hoger', 'lager', 'gelijk', 'onbekend']
    """
    if fmt.is_missing(verschil):
        return "onbekend"
    if verschil >= drempel:
        return "hoger"
    if verschil <= -drempel:
        return "lager"
    return "gelijk"


def meer_minder(verschil: float) -> str:
    """'meer', 'minder' or 'evenveel' for a change in a count.

    >>> [meer_minder(v) for v in (270, -5, 0)]
    ['meer', 'minder', 'evenveel']
    """
    return "meer" if verschil > 0 else "minder" if verschil < 0 else "evenveel"


def met_teken(verschil: float) -> str:
    """A change with its sign, the Dutch way: '+3', '-12', '0'.

    >>> [met_teken(v) for v in (3.0, -12.0, 0.0)]
    ['+3', '-12', '0']
    """
    return ("+" if verschil > 0 else "") + fmt.getal(verschil)


class Indexverandering(NamedTuple):
    index: str
    vorige_editie: int
    editie: int
    vorig: float
    nu: float

    @property
    def verschil(self) -> float:
        return self.nu - self.vorig

    @property
    def richting(self) -> str:
        return richting(self.verschil, DREMPEL_INDEX)


def index_veranderingen(wp: pd.DataFrame) -> list[Indexverandering]:
    """Per index the change between the last two editions (NaN where one of them lacks it); [] with < 2 editions.

    >>> wp = pd.DataFrame({"editie": [2022, 2024], "Fysieke index": [117, 116], "Veiligheidsindex": [135, 123],
    ...                    "Sociale index": [90, None]})
    >>> [(v.index, v.richting) for v in index_veranderingen(wp)]
    [('Fysieke index', 'gelijk'), ('Veiligheidsindex', 'lager'), ('Sociale index', 'onbekend')]
    """
    if len(wp) < 2:
        return []
    nu, vorig = wp.iloc[-1], wp.iloc[-2]
    return [Indexverandering(col, int(vorig["editie"]), int(nu["editie"]), vorig[col], nu[col]) for col in INDEXEN]


def niveau(waarde: float) -> str:
    """'laag', 'hoog' or '' for an index against the city level of the base year (100).

    >>> [niveau(v) for v in (90, 110, 100, float("nan"))]
    ['laag', 'hoog', '', '']
    """
    if fmt.is_missing(waarde):
        return ""
    return "laag" if waarde <= INDEX_LAAG else "hoog" if waarde >= INDEX_HOOG else ""


def signaal(verschil: float, drempel: float, hoger_is_beter: bool = True) -> str:
    """'goed', 'aandacht' or '' for a change of ``drempel`` or more in the good or the bad direction.

    >>> [signaal(-4, 3, hoger_is_beter=False), signaal(4, 3, hoger_is_beter=False), signaal(2, 3)]
    ['goed', 'aandacht', '']
    """
    r = richting(verschil, drempel)
    if r in ("gelijk", "onbekend"):
        return ""
    return "goed" if (r == "hoger") == hoger_is_beter else "aandacht"


#: index points between how residents experience a theme (subjectief) and what the registrations say (objectief)
#: from which the document says so in words. The sub-indices of all 71 wijken differ by 19 points on average
#: (residents are usually more critical) with a spread of about 33; 30 points picks out the differences that stand out
#: against that pattern, roughly the largest third, rather than every wijk and theme.
DREMPEL_BELEVING = 30


def sterke_verschillen(detail: pd.DataFrame, drempel: float = DREMPEL_BELEVING) -> pd.DataFrame:
    """The sub-indices where residents' experience and the registrations differ by ``drempel`` or more points,
    largest difference first.

    >>> d = pd.DataFrame({"onderdeel": ["Wonen", "Inbraak"], "subjectief": [23.0, 129.0], "objectief": [75.0, 127.0]})
    >>> list(sterke_verschillen(d.assign(verschil=d["subjectief"] - d["objectief"]))["onderdeel"])
    ['Wonen']
    """
    if detail.empty:
        return detail
    scherp = detail.dropna(subset=["verschil"])
    scherp = scherp[scherp["verschil"].abs() >= drempel]
    return scherp.reindex(scherp["verschil"].abs().sort_values(ascending=False).index)


def minder_meer(verschil: float) -> str:
    """'minder' when residents are more critical than the registrations (a negative difference), else 'meer'.

    >>> [minder_meer(-52), minder_meer(31)]
    ['minder', 'meer']
    """
    return "minder" if verschil < 0 else "meer"


def veel_vaker(tabel: pd.DataFrame, factor: float = 1.5, minimum: int = 5) -> list[str]:
    """The police categories (lower case) at least ``factor`` times as frequent per 1.000 inhabitants in the wijk as
    in Rotterdam, counting ``minimum`` registrations or more.

    >>> t = pd.DataFrame({"categorie": ["Fietsdiefstal", "Inbraak", "Zakkenrollerij"], "verhouding": [2.0, 1.2, 3.0],
    ...                   "aantal": [40, 30, 4]})
    >>> veel_vaker(t)
    ['fietsdiefstal']
    """
    return [r.categorie.lower() for r in tabel.itertuples() if r.verhouding >= factor and r.aantal >= minimum]


def rotterdam_dekking(kern: pd.DataFrame) -> list[tuple[str, int, str]]:
    """(label with a lower-case first letter, year, coverage note) of the Rotterdam figures computed from fewer than
    all wijken (``rotterdam_dekking`` of the kerncijfers)."""
    return [(f"{r.label[:1].lower()}{r.label[1:]}", int(r.jaar), r.rotterdam_dekking)
            for r in kern.itertuples() if r.rotterdam_dekking]


