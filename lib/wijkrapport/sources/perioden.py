"""Periods of measurements: the forms a source prints and the report year each belongs to. Pure functions.

A measurement's ``periode`` is written as the source prints it, in one of four forms
(``docs/metingen.md``):

===========  ==============  =====================================================================
form         example         meaning
===========  ==============  =====================================================================
jaar         ``2024``        a calendar year (a yearly figure, or a figure the source labels
                             with a year only)
schooljaar   ``2023/24``     a school year, 1 August to 31 July; the second part is the next
                             year in two digits
datum        ``2025-01-01``  a peildatum (ISO 8601): the stand at the start of that day
meerjarig    ``2020-2023``   a figure over several years (e.g. a driejaarsgemiddelde), first
                             year before last year
===========  ==============  =====================================================================

Anything else is refused with a Dutch message that says what to write instead ("23/24" → "2023/24",
"1 januari 2024" → "2024-01-01", "2012 – 2024" with an en dash → "2012-2024").

**The rule.** A period belongs to the report year in which it ends: the calendar year of the last
whole day it describes.

* jaar ``J`` → ``J``;
* schooljaar ``J/J+1`` → ``J+1`` (the school year ends in the summer of ``J+1``);
* meerjarig ``A-B`` → ``B``;
* datum ``D`` → the year of the day before ``D``: a stand on 1 January describes the end of the
  previous year, a stand on any other day describes its own year.

The current value ("nu") of an indicator in an area for report year ``R`` is the figure of the
latest period whose report year is at most ``R`` (:func:`geldt_voor`); periods are ordered by their
last day, then by their first day (:attr:`Periode.volgorde`). The start value is the figure of the
start period the indicator's registry entry names, read as it is written (:func:`parse`).

The rule reproduces the 2024 report's choice of "nu" in every row of its three effect tables
("Stand tav doelstelling 2024"): the latest period each table row prints is the latest period in the
data with report year 2024 or earlier.

>>> rapportjaar("2024")          # jongeren zonder startkwalificatie (2024)
2024
>>> rapportjaar("2022")          # besteedbaar inkomen (2022): data lag two years
2022
>>> rapportjaar("2023/24")       # fundamenteel niveau (2023/24)
2024
>>> rapportjaar("2022/23")       # uitstroom mbo met diploma (2022/23 voorlopig)
2023
>>> rapportjaar("2025-01-01")    # m2 bedrijfsruimte (1 januari 2025): the stand at the end of the report year
2024
>>> rapportjaar("2024-01-01")    # kwetsbare meergezinswoningen (1 januari 2024); the page calls it "Zuid 2023"
2023
>>> rapportjaar("2023-10-01")    # laag opgeleide ouders (1 okt 2023)
2023
>>> rapportjaar("2020-2023")     # schoolgewicht (driejaarsgemiddelde 2020-2023)
2023

The school year rule replaces the earlier one (school year → its first year). Both give 2023/24 as
"nu" for 2024 while no later school year is in the data, but the first-year rule would count
2024/25 — which ends in the summer of 2025 and belongs to the next report — as a 2024 figure as soon
as it is appended. The page on schoolgewicht confirms the end-year reading: "Er zijn nog geen gegevens
van 21 t/m 24 beschikbaar" (the figure 2021-2024 would have been the 2024 figure).

>>> geldt_voor("2024/25", 2024)
False
>>> geldt_voor("2025-01-01", 2024), geldt_voor("2025-01-02", 2024)
(True, False)
>>> sorted(["2024-01-01", "2011", "2023/24", "2020-2023"], key=lambda p: parse(p).volgorde)
['2011', '2020-2023', '2024-01-01', '2023/24']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wijkrapport.errors import PeriodeFout

Soort = Literal["jaar", "schooljaar", "datum", "meerjarig"]

#: Years a period may name; anything outside is a typing error, not a measurement.
EERSTE_JAAR, LAATSTE_JAAR = 1900, 2099

_JAAR = re.compile(r"[0-9]{4}")
_SCHOOLJAAR = re.compile(r"([0-9]{4})/([0-9]{2})")
_DATUM = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MEERJARIG = re.compile(r"([0-9]{4})-([0-9]{4})")
#: Dashes and signs that look like '-' but are not (an en dash as in "2012 – 2024", a minus sign, ...).
_STREEPJES = ("\N{HYPHEN}\N{NON-BREAKING HYPHEN}\N{FIGURE DASH}\N{EN DASH}\N{EM DASH}\N{HORIZONTAL BAR}"
              "\N{MINUS SIGN}")
#: Dutch month names and abbreviations as sources print them ("1 jan 2024", "1 okt. 2023", "1 januari 2025").
_MAANDEN = {"jan": 1, "feb": 2, "maa": 3, "mrt": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
            "okt": 10, "nov": 11, "dec": 12}

VORMEN = "een jaar (JJJJ), een schooljaar (JJJJ/JJ), een datum (JJJJ-MM-DD) of meerdere jaren (JJJJ-JJJJ)"


@dataclass(frozen=True, order=False)
class Periode:
    """One period as written in the data, with the days it covers.

    ``eerste_dag`` and ``laatste_dag`` are the first and last whole day the period describes
    (for a peildatum both are the day before it: the stand at the start of a day is the stand at the
    end of the day before).
    """

    tekst: str
    soort: Soort
    eerste_dag: date
    laatste_dag: date

    @property
    def rapportjaar(self) -> int:
        """The report year this period belongs to: the year of its last whole day."""
        return self.laatste_dag.year

    @property
    def volgorde(self) -> tuple[date, date]:
        """Sort key: later last day first decides, then the later first day (the shorter period)."""
        return (self.laatste_dag, self.eerste_dag)

    def __str__(self) -> str:
        return self.tekst


def _jaar(tekst: str, jaar: int) -> int:
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise PeriodeFout(f"periode '{tekst}': jaar {jaar} ligt niet tussen {EERSTE_JAAR} en {LAATSTE_JAAR}")
    return jaar


def _hint(tekst: str) -> str:
    """What the writer probably meant, for the error message."""
    if any(s in tekst for s in _STREEPJES):
        schoon = tekst
        for s in _STREEPJES:
            schoon = schoon.replace(s, "-")
        schoon = re.sub(r"\s*-\s*", "-", schoon)
        return f"gebruik een gewoon streepje (-), bijvoorbeeld '{schoon}'"
    m = re.fullmatch(r"([0-9]{2})[/-]([0-9]{2})", tekst)
    if m and int(m.group(2)) == (int(m.group(1)) + 1) % 100:
        return f"schrijf het schooljaar voluit, bijvoorbeeld '20{m.group(1)}/{m.group(2)}'"
    if m:
        return f"meerdere jaren schrijf je voluit, bijvoorbeeld '20{m.group(1)}-20{m.group(2)}'"
    m = re.fullmatch(r"([0-9]{2})([0-9]{2})-([0-9]{2})", tekst)
    if m:
        return f"meerdere jaren schrijf je voluit, bijvoorbeeld '{m.group(1)}{m.group(2)}-{m.group(1)}{m.group(3)}'"
    m = re.fullmatch(r"([0-9]{4})/([0-9]{4})", tekst)
    if m:
        return f"schrijf een schooljaar als '{m.group(1)}/{m.group(2)[2:]}'"
    m = re.fullmatch(r"([0-9]{4})\s*-\s*([0-9]{4})", tekst)
    if m:
        return f"zonder spaties: '{m.group(1)}-{m.group(2)}'"
    m = re.fullmatch(r"([0-9]{1,2})\s+([a-z]{3})[a-z]*\.?\s+([0-9]{4})", tekst.lower())
    if m and m.group(2) in _MAANDEN:
        return f"schrijf een datum als JJJJ-MM-DD: '{m.group(3)}-{_MAANDEN[m.group(2)]:02d}-{int(m.group(1)):02d}'"
    m = re.fullmatch(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", tekst)
    if m:
        return f"schrijf een datum als JJJJ-MM-DD: '{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}'"
    if any(maand in tekst.lower() for maand in _MAANDEN):
        return "schrijf een datum als JJJJ-MM-DD"
    if re.search(r"voorlopig|definitief|gewijzigd", tekst, re.IGNORECASE):
        return "de status (voorlopig, definitief, ...) hoort in de kolom 'status'"
    return f"verwacht {VORMEN}"


def parse(tekst: object) -> Periode:
    """Read a periode in one of the four forms; anything else raises :class:`PeriodeFout`.

    Whitespace around the text is ignored; inside it nothing is guessed.

    >>> parse("2023/24")
    Periode(tekst='2023/24', soort='schooljaar', eerste_dag=datetime.date(2023, 8, 1), laatste_dag=datetime.date(2024, 7, 31))
    >>> parse("2016-2018").soort, parse("2025-01-01").laatste_dag
    ('meerjarig', datetime.date(2024, 12, 31))
    >>> parse("23/24")
    Traceback (most recent call last):
    ...
    wijkrapport.errors.PeriodeFout: periode '23/24' wordt niet herkend: schrijf het schooljaar voluit, bijvoorbeeld '2023/24'
    """
    if not isinstance(tekst, str):
        raise PeriodeFout(f"periode {tekst!r} is geen tekst; verwacht {VORMEN}")
    t = tekst.strip()
    if not t:
        raise PeriodeFout(f"periode is leeg; verwacht {VORMEN}")
    if _JAAR.fullmatch(t):
        j = _jaar(t, int(t))
        return Periode(t, "jaar", date(j, 1, 1), date(j, 12, 31))
    if m := _SCHOOLJAAR.fullmatch(t):
        j = _jaar(t, int(m.group(1)))
        if int(m.group(2)) != (j + 1) % 100:
            raise PeriodeFout(f"periode '{t}': een schooljaar loopt over twee opeenvolgende jaren, "
                              f"bijvoorbeeld '{j}/{(j + 1) % 100:02d}'")
        return Periode(t, "schooljaar", date(j, 8, 1), date(j + 1, 7, 31))
    if m := _DATUM.fullmatch(t):
        j = _jaar(t, int(m.group(1)))
        try:
            dag = date(j, int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise PeriodeFout(f"periode '{t}' is geen bestaande datum (JJJJ-MM-DD)") from None
        vorige = dag - timedelta(days=1)
        return Periode(t, "datum", vorige, vorige)
    if m := _MEERJARIG.fullmatch(t):
        a, b = _jaar(t, int(m.group(1))), _jaar(t, int(m.group(2)))
        if b <= a:
            raise PeriodeFout(f"periode '{t}': het laatste jaar moet na het eerste liggen"
                              + (f" (één jaar schrijf je als '{a}')" if a == b else ""))
        return Periode(t, "meerjarig", date(a, 1, 1), date(b, 12, 31))
    raise PeriodeFout(f"periode '{t}' wordt niet herkend: {_hint(t)}")


def rapportjaar(periode: str | Periode) -> int:
    """The report year a period belongs to (see the module docstring for the rule)."""
    return (periode if isinstance(periode, Periode) else parse(periode)).rapportjaar


def geldt_voor(periode: str | Periode, jaar: int) -> bool:
    """True when a figure of ``periode`` may be the current figure in the report of ``jaar``."""
    return rapportjaar(periode) <= int(jaar)
