"""Identifiers in data (names of areas, indicator ids, codes): normalised once, then validated and used.

Every loader calls :func:`normaliseer` on the columns that identify a row (or hold a code from a fixed list)
*before* its schema checks, so the checks see exactly the values the report will use:

* surrounding white space goes (Python's ``str.strip``: spaces, tabs, the non-breaking space U+00A0 and the
  other Unicode spaces), and the text is put in Unicode NFC (an ``é`` typed as ``e`` + accent becomes one ``é``);
* an invisible or control character anywhere in an identifier (zero-width space U+200B, the byte-order mark
  U+FEFF, soft hyphen U+00AD, direction marks, ...) is an error: it would make two equal-looking names differ;
* an identifier that mixes scripts (a Cyrillic ``а`` in a Latin name) is an error;
* :func:`dubbel_problemen` reports identifiers that differ only in case or in look-alike characters as probable
  duplicates (they are never merged), using the Unicode confusables data of ``confusable-homoglyphs``.

Free text (explanations, labels, remarks) is never passed through here: it is published as written.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:  # pandas and the confusables data load on first use: planning a run imports only normaal()
    import pandas as pd

FIRST_DATA_LINE = 2  # the header is line 1 (same as base.FIRST_DATA_LINE; base imports this module)
#: Unicode categories that have no visible glyph in a name: format (Cf), control (Cc), line/paragraph
#: separators, private use, surrogates and unassigned code points
_ONZICHTBAAR = {"Cf", "Cc", "Zl", "Zp", "Co", "Cs", "Cn"}
_EIGEN_SCHRIFT = {"LATIN", "COMMON", "INHERITED"}


def normaal(tekst: str) -> str:
    """The normal form of one identifier: no surrounding white space, Unicode NFC."""
    return unicodedata.normalize("NFC", str(tekst).strip())


def onzichtbaar(tekst: str) -> str | None:
    """The first invisible or control character in ``tekst``, described (``'U+200B ZERO WIDTH SPACE'``), or None."""
    for ch in tekst:
        if unicodedata.category(ch) in _ONZICHTBAAR:
            return f"U+{ord(ch):04X} {unicodedata.name(ch, 'zonder naam')}"
    return None


def schriften(tekst: str) -> list[str]:
    """The scripts of the letters in ``tekst`` (digits, punctuation and accents count for none)."""
    from confusable_homoglyphs import categories

    gevonden = []
    for ch in tekst:
        naam = categories.alias(ch)
        if naam not in ("COMMON", "INHERITED") and naam not in gevonden:
            gevonden.append(naam)
    return gevonden


@lru_cache(maxsize=65536)
def skelet(tekst: str) -> str:
    """What a reader sees: case folded, compatibility forms unified (NFKC: full-width ``Ｃ`` is ``C``) and each
    letter from another script that looks like a Latin one replaced by it. Equal skeletons, different text:
    the two identifiers differ only in case or look-alike characters."""
    from confusable_homoglyphs import categories, confusables

    uit = []
    for ch in unicodedata.normalize("NFKC", tekst):
        if categories.alias(ch) not in _EIGEN_SCHRIFT:
            for glyph in confusables.confusables_data.get(ch, []):
                if all(categories.alias(g) in _EIGEN_SCHRIFT for g in glyph["c"]):
                    ch = glyph["c"]
                    break
        uit.append(ch)
    return unicodedata.normalize("NFKC", "".join(uit)).casefold()


def lijkt_op(waarde: str, bekend: list[str] | set[str]) -> str | None:
    """The known name that ``waarde`` equals once normalised and folded (case, look-alike letters: :func:`skelet`)
    while differing as written, or None: ``lijkt_op('Carnisse ', ['carnisse'])`` is ``'carnisse'``."""
    gelijk = skelet(normaal(waarde))
    for naam in sorted(bekend):
        if naam != waarde and skelet(naam) == gelijk:
            return naam
    return None


def _naam_schrift(naam: str) -> str:
    return {"LATIN": "Latijn", "CYRILLIC": "Cyrillisch", "GREEK": "Grieks", "ARMENIAN": "Armeens"}.get(naam, naam.title())


def normaliseer(df: pd.DataFrame, kolommen: list[str], file: str, rij_offset: int = FIRST_DATA_LINE
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """``df`` with the identifier ``kolommen`` normalised (see the module), and the problems found in them."""
    import pandas as pd

    df = df.copy()
    problems: list[Problem] = []
    for col in kolommen:
        if col not in df:
            continue
        waarden = df[col].map(lambda v: v if pd.isna(v) else normaal(v))
        for idx, v in waarden.items():
            if pd.isna(v) or v == "" or (v.isascii() and v.isprintable()):
                continue
            teken = onzichtbaar(v)
            if teken:
                problems.append(Problem(file=file, row=int(idx) + rij_offset, field=col, value=v,
                                        message=f"onzichtbaar teken {teken} in een naam of code: typ de naam opnieuw"))
                continue
            s = schriften(v)
            if len(s) > 1:
                problems.append(Problem(file=file, row=int(idx) + rij_offset, field=col, value=v,
                                        message="naam mengt letters uit verschillende schriften ("
                                        + " en ".join(_naam_schrift(x) for x in s) + "): gelijkende tekens?"))
        df[col] = waarden
    return df, problems


def dubbel_problemen(df: pd.DataFrame, kolommen: list[str], file: str, rij_offset: int = FIRST_DATA_LINE,
                     bekend: dict[str, list[str]] | None = None, bekend_waar: str = "in de instellingen"
                     ) -> list[Problem]:
    """Probable duplicates in normalised identifier columns: two different values of a column that differ only
    in case or look-alike characters (``Carnisse``/``carnisse``/``Cаrnisse``), or a value that looks like, but is
    not, one of the ``bekend[kolom]`` names (e.g. the areas a programme names; ``bekend_waar`` says where those
    are written). Never merged: each is an error.

    Per group of look-alikes the reference is the known name, else the spelling used in most rows; every other
    spelling is reported once, at its first row.
    """
    import pandas as pd

    problems: list[Problem] = []
    for col in kolommen:
        if col not in df:
            continue
        groepen: dict[str, dict[str, list[int]]] = {}
        for idx, v in df[col].items():
            if pd.isna(v) or v == "":
                continue
            groepen.setdefault(skelet(str(v)), {}).setdefault(str(v), []).append(int(idx) + rij_offset)
        namen = {skelet(n): n for n in reversed((bekend or {}).get(col, []))}
        for sk, spellingen in groepen.items():
            ref = namen.get(sk)
            if len(spellingen) < 2 and (ref is None or ref in spellingen):
                continue
            if ref is None:
                ref = max(spellingen, key=lambda v: (len(spellingen[v]), -spellingen[v][0]))
            waar = f"in rij {spellingen[ref][0]}" if ref in spellingen else bekend_waar
            for v, rijen in spellingen.items():
                if v != ref:
                    problems.append(Problem(file=file, row=rijen[0], field=col, value=v,
                                            message=f"waarschijnlijk dezelfde als '{ref}' {waar}: de namen verschillen "
                                            "alleen in hoofdletters of gelijkende tekens; schrijf ze gelijk"))
    return sorted(problems, key=lambda p: p.row or 0)
