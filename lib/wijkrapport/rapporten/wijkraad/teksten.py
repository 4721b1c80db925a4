"""Word choices and sentence assembly for the wijkraad edition; the sentences themselves are templates in
``notebooks/wijkraad.ipynb``.

The helpers here return single words or counted nouns that depend on the data (singular or plural, more or
less), pick the notebook's template for the case at hand, or select the rows a sentence is about. They never
hold a sentence: an analyst changes the wording in the notebook, not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain.stad import Stadmethode
from wijkrapport.domain.wijkraden import Lijst, datum_tekst
from wijkrapport.domain.wijkteksten import DREMPEL_BELEVING
from wijkrapport.errors import SjabloonFout
from wijkrapport.taal import vul

#: a police category is "much more frequent" in a wijk from this many times the city's rate per 1.000 inhabitants
VEEL_VAKER = 1.5
#: ... and with at least this many registrations (a rate of two burglaries says little)
VEEL_VAKER_MINIMUM = 5


def woord(n: int, enkelvoud: str, meervoud: str) -> str:
    """The singular for exactly one, else the plural (also for none).

    >>> [woord(n, "is", "zijn") for n in (0, 1, 2)]
    ['zijn', 'is', 'zijn']
    """
    return enkelvoud if n == 1 else meervoud


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """A counted noun: the number and the word that fits it.

    >>> aantal(1, "stuk", "stukken"), aantal(0, "advies", "adviezen"), aantal(3, "advies", "adviezen")
    ('1 stuk', '0 adviezen', '3 adviezen')
    """
    return f"{n} {woord(n, enkelvoud, meervoud)}"


def meer_minder(verschil: float) -> str:
    """'meer' for a positive difference, 'minder' for a negative one (zero is not a difference to name).

    >>> meer_minder(12.0), meer_minder(-40.0)
    ('meer', 'minder')
    """
    if fmt.is_missing(verschil) or verschil == 0:
        raise ValueError(f"geen verschil om in woorden te zeggen: {verschil!r}")
    return "meer" if verschil > 0 else "minder"


def kleine_letter(naam: str) -> str:
    """A name inside a sentence: its first letter in lower case (the rest as written).

    >>> kleine_letter("Dorpsraad Hoek van Holland")
    'dorpsraad Hoek van Holland'
    """
    return naam[:1].lower() + naam[1:]


def hoofdletter(woord_: str) -> str:
    """A word at the start of a sentence.

    >>> hoofdletter("toezeggingen")
    'Toezeggingen'
    """
    return woord_[:1].upper() + woord_[1:]


def kies(sjablonen: Mapping[str, str], geval: str, naam: str) -> str:
    """The notebook's template for one case of a sentence; a missing case is an error that names the cases.

    >>> kies({"wel": "a", "geen": "b"}, "geen", "zin")
    'b'
    """
    if not isinstance(sjablonen, Mapping) or geval not in sjablonen:
        gevallen = ", ".join(repr(g) for g in sjablonen) if isinstance(sjablonen, Mapping) else "geen dict"
        raise SjabloonFout(f"{naam}: geen sjabloon voor het geval {geval!r} (gegeven: {gevallen})")
    return sjablonen[geval]


def vul_zin(sjabloon: str, **waarden: object) -> str:
    """Fill a template (``taal.vul``) and tidy the spaces an empty field leaves behind.

    >>> vul_zin("{a} {b} c.", a="x", b="")
    'x c.'
    """
    return " ".join(vul(sjabloon, **waarden).split())


def veel_vaker(tabel: pd.DataFrame, factor: float = VEEL_VAKER, minimum: int = VEEL_VAKER_MINIMUM) -> list[str]:
    """The police categories (lower case, in the table's order) that were ``factor`` times as frequent in the wijk
    as in the city or more, with at least ``minimum`` registrations (``wijkdata.politie_categorieen``)."""
    return [r.categorie[:1].lower() + r.categorie[1:] for r in tabel.itertuples()
            if r.verhouding >= factor and r.aantal >= minimum]


def beleving_verschillen(detail: pd.DataFrame, drempel: float = DREMPEL_BELEVING) -> pd.DataFrame:
    """The sub-indices where residents' experience (subjectief) and the registrations (objectief) differ by
    ``drempel`` points or more, largest difference first (``wijkdata.wijkprofiel_detail``)."""
    if detail.empty:
        return detail
    scherp = detail.dropna(subset=["verschil"])
    scherp = scherp[scherp["verschil"].abs() >= drempel]
    return scherp.reindex(scherp["verschil"].abs().sort_values(ascending=False, kind="stable").index)


def afkapping(lijst: Lijst, sjablonen: Mapping[str, str], woorden: Sequence[str], **velden: object) -> str:
    """What a list covers, from the notebook's templates: its end date (``tot``), then how far the source goes back
    (``alle``: the source's cap was never reached; ``onvolledig``: the complete part starts after the report year;
    ``kan_ontbreken``: older items may be missing), then the items after the report year (``later``) and the
    withdrawn ones (``vervallen``), each only when there are any.

    Fields: ``{lijst}``/``{Lijst}`` (the plural of ``woorden`` = (singular, plural)), ``{tot}``, ``{cap}``,
    ``{vanaf}``, ``{jaar}``, ``{later}`` and ``{vervallen}`` (counted nouns), ``{is_zijn}``, and ``velden`` (the
    report's own fields).
    """
    enkelvoud, meervoud = woorden
    waarden = {
        **velden, "lijst": meervoud, "Lijst": hoofdletter(meervoud), "tot": datum_tekst(lijst.tot), "cap": lijst.cap,
        "vanaf": datum_tekst(lijst.compleet_vanaf) if lijst.compleet_vanaf else "", "jaar": lijst.tot.year,
        "later": aantal(lijst.later, enkelvoud, meervoud), "vervallen": aantal(lijst.vervallen, enkelvoud, meervoud),
        "is_zijn": woord(lijst.vervallen, "is", "zijn"),
    }
    if lijst.compleet_vanaf is None:
        bron = "alle"
    elif lijst.compleet_vanaf > lijst.tot:
        bron = "onvolledig"
    else:
        bron = "kan_ontbreken"
    gevallen = ["tot", bron] + (["later"] if lijst.later else []) + (["vervallen"] if lijst.vervallen else [])
    return " ".join(vul_zin(kies(sjablonen, g, "afkapping"), **waarden) for g in gevallen)


def stad_zin(methode: Stadmethode, sjablonen: Mapping[str, str], **velden: object) -> str:
    """How the city column is made, from the notebook's templates: ``stad`` with ``{aantal}`` (wijken) and
    ``{gedeeld}``, one ``gedeeld`` sentence per group of wijken that share their figures (``{wijken}``); both may
    use ``velden`` (the report's own fields, e.g. ``{gemeente}``)."""
    gedeeld = [vul_zin(kies(sjablonen, "gedeeld", "stadmethode"), **{**velden, "wijken": groep})
               for groep in methode.gedeeld]
    return vul_zin(kies(sjablonen, "stad", "stadmethode"), **{**velden, "aantal": methode.wijken,
                                                              "gedeeld": " ".join(gedeeld)})
