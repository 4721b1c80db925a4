"""Dutch words in generated sentences: regular plurals and counted nouns.

A programme names its own chapters (``hoofdstukwoord``: pijler, tafel, thema, ...). Its plural comes from the
programme file (``hoofdstukwoord_meervoud``) or, when that is absent, from :func:`meervoud`, which follows the
regular spelling rules of Dutch plurals; irregular words belong in the programme file.
"""

from __future__ import annotations

import re

_KORT = ("a", "e", "i", "o", "u")
_LANG = {"aa": "a", "ee": "e", "oo": "o", "uu": "u"}  # open syllable: one letter (taak -> taken)
_TWEEKLANK = ("yy", "ei", "ui", "au", "ou", "oe", "ie", "eu")  # "yy" stands for "ij"


def meervoud(woord: str) -> str:
    """The regular Dutch plural of a noun (also of a compound: the last part decides).

    >>> [meervoud(w) for w in ("pijler", "tafel", "thema", "indicatorgroep", "hoofdstuk", "domein", "taak")]
    ['pijlers', 'tafels', "thema's", 'indicatorgroepen', 'hoofdstukken', 'domeinen', 'taken']
    >>> [meervoud(w) for w in ("ambitie", "opgave", "huis", "prijs", "brief", "spoor", "idee", "buurt")]
    ['ambities', 'opgaves', 'huizen', 'prijzen', 'brieven', 'sporen', 'ideeën', 'buurten']
    """
    w = woord.strip()
    if not w or not w[-1].isalpha():
        return w
    laag = w.lower().replace("ij", "yy")  # same length: "ij" is one vowel sound
    if laag.endswith("ee"):
        return w + "ën"
    if laag[-1] in "aiou" or (laag[-1] == "y" and not laag.endswith("yy")):  # thema's, foto's, menu's
        return w + "'s"
    if laag.endswith("e") or laag.endswith("yy"):  # opgave, ambitie, route; "bij" -> "bijen"
        return w + ("en" if laag.endswith("yy") else "s")
    if re.search(r"[^aeiouy](el|em|en|er|erd|eur|um)$", laag):  # tafel, pijler, teken, cluster, forum
        return w + "s"
    if re.search(r"[^aeiouy]or$", laag):  # unstressed: sector -> sectoren, factor -> factoren
        return w + "en"
    m = re.search(r"([aeiouy]+)([^aeiouy]+)$", laag)
    if not m or len(m.group(2)) > 1:  # buurt -> buurten, kans -> kansen
        return w + "en"
    klinker, slot = m.group(1), w[m.start(2):]
    stam = w[: m.start(2)]
    if klinker in _KORT and slot.lower() not in "wxy":  # short vowel: stuk -> stukken
        return w + slot + "en"
    if klinker in _LANG:  # long vowel in an open syllable: taak -> taken, spoor -> sporen
        stam = stam[:-1]
    if klinker in _LANG or klinker in _TWEEKLANK:
        slot = {"s": "z", "f": "v"}.get(slot, slot)  # huis -> huizen, brief -> brieven
    return stam + slot + "en"


def aantal(n: int, enkelvoud: str, meervoud_: str | None = None) -> str:
    """A counted noun: ``aantal(1, "gebied") == '1 gebied'``, ``aantal(3, "gebied") == '3 gebieden'``."""
    return f"{n} {enkelvoud if n == 1 else (meervoud_ or meervoud(enkelvoud))}"


def vul(sjabloon: str, **waarden: object) -> str:
    """Fill a sentence template written in a notebook: ``{naam}`` takes the value of ``naam``.

    Only plain names are allowed (no ``{a.b}``, ``{a[0]}`` or format specs: values come formatted the Dutch
    way); a name the template uses but the caller does not give is an error that names the template and what
    it can use, so a typo in a notebook stops the run instead of printing a half sentence.

    >>> vul("In {wijk} wonen {inwoners} mensen.", wijk="Carnisse", inwoners="10.850")
    'In Carnisse wonen 10.850 mensen.'
    >>> vul("{{letterlijk}} {wijk}", wijk="Carnisse")
    '{letterlijk} Carnisse'
    """
    from string import Formatter

    from .errors import SjabloonFout

    delen = []
    for tekst, veld, spec, conversie in Formatter().parse(sjabloon):
        delen.append(tekst)
        if veld is None:
            continue
        if not veld.isidentifier() or spec or conversie:
            raise SjabloonFout(f"sjabloon {sjabloon!r}: '{{{veld}{'!' + conversie if conversie else ''}"
                               f"{':' + spec if spec else ''}}}' is geen gewone naam; schrijf {{naam}}")
        if veld not in waarden:
            raise SjabloonFout(f"sjabloon {sjabloon!r} noemt {{{veld}}}: kies uit "
                               + ", ".join(f"{{{n}}}" for n in sorted(waarden)))
        delen.append(str(waarden[veld]))
    return "".join(delen)
