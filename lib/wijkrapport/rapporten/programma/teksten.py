"""Word choices of the programme report's generated sentences; the sentences themselves are templates written in
the ``programma_*`` notebooks and filled by the views with :func:`wijkrapport.taal.vul`.

A helper returns a word or a short phrase that depends on the data (singular or plural, past or present); the
notebook's template places it. :func:`kies` picks one template of a set where a whole sentence differs per case.
"""

from __future__ import annotations

from collections.abc import Mapping

from wijkrapport.errors import SjabloonFout
from wijkrapport.taal import meervoud


def getal(n: int, enkelvoud: str, meervoud_: str) -> str:
    """The word that agrees with ``n``: a verb or noun in the singular for one, else in the plural.

    >>> [getal(n, "heeft", "hebben") for n in (0, 1, 2)]
    ['hebben', 'heeft', 'hebben']
    """
    return enkelvoud if n == 1 else meervoud_


def een_of_aantal(n: int, enkelvoud: str, meervoud_: str | None = None) -> str:
    """A counted noun with "een" for one: the way a rule is read aloud ("een melding of meer").

    >>> een_of_aantal(1, "melding"), een_of_aantal(3, "melding")
    ('een melding', '3 meldingen')
    """
    return f"een {enkelvoud}" if n == 1 else f"{n} {meervoud_ or meervoud(enkelvoud)}"


def was_of_is(voorbij: bool) -> str:
    """The verb of something planned: ``was`` when its date has passed, else ``is``.

    >>> was_of_is(True), was_of_is(False)
    ('was', 'is')
    """
    return "was" if voorbij else "is"


def kies(sjablonen: Mapping[str, str], geval: str, waar: str) -> str:
    """The template for ``geval`` from a set a notebook gives (``waar`` names the keyword, for the error).

    >>> kies({"geen": "Niets.", "wel": "{n} stuks."}, "wel", "telling")
    '{n} stuks.'
    """
    if not isinstance(sjablonen, Mapping) or geval not in sjablonen:
        gegeven = ", ".join(sorted(sjablonen)) if isinstance(sjablonen, Mapping) else type(sjablonen).__name__
        raise SjabloonFout(f"{waar}: de notebook geeft geen sjabloon voor '{geval}' (gegeven: {gegeven})")
    return sjablonen[geval]


def sjablonen_compleet(sjablonen: Mapping[str, str], nodig: tuple[str, ...], waar: str) -> Mapping[str, str]:
    """``sjablonen`` itself, after checking that it has every key in ``nodig`` (so a missing one stops the run at
    the start of a chapter, not halfway through).

    >>> sjablonen_compleet({"a": "x", "b": "y"}, ("a",), "demo")
    {'a': 'x', 'b': 'y'}
    """
    for geval in nodig:
        kies(sjablonen, geval, waar)
    return sjablonen
