"""The city the wijk data describe, as ``data/wijken/bestanden.yml`` names it: another city's wijkdocumenten are a
data drop, not a code change.

``bestanden.yml`` holds, beside the files it lists:

* ``gemeente``: ``code`` (the CBS code of the municipality: its row in the CBS files), ``naam`` (as printed:
  "Rotterdam") and ``bijvoeglijk`` (the adjective a sentence uses: "het Rotterdamse gemiddelde");
* ``verhuisbewegingen`` (only where a programme's verhuisbewegingen table is shown): ``totaal``, the area of the
  table's total row (``gebied_soort`` totaal) that the wijkdocument prints below a wijk and its gebied, and
  ``label``, how it prints it;
* ``bronvermelding``: the credit lines of the wijk data on the landing page.

Every problem is a data error naming the file and the key (``gemeente.naam``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr, ValidationError

from .. import inputs
from ..errors import DataValidationError, Problem
from ..paths import per_bestandstoestand, rel
from ..yamlio import pydantic_problems
from .sleutels import normaal, onzichtbaar, schriften


def _naam(tekst: str) -> str:
    """A name or line as printed: not empty, no blanks around it, no invisible character, one script, and not the
    start of a spreadsheet formula (it ends up in table headings of the xlsx downloads)."""
    if not tekst.strip():
        raise ValueError("leeg: geef de tekst")
    if tekst != normaal(tekst):
        raise ValueError("spaties aan begin of eind, of niet in Unicode-NFC: typ de tekst opnieuw")
    if teken := onzichtbaar(tekst):
        raise ValueError(f"onzichtbaar teken {teken}: typ de tekst opnieuw")
    if not tekst.isascii() and len(schriften(tekst)) > 1:
        raise ValueError("mengt letters uit verschillende schriften: gelijkende tekens?")
    if tekst[0] in "=+-@":
        raise ValueError("begint met =, +, - of @ (een formule in een spreadsheet)")
    return tekst


Naam = Annotated[StrictStr, AfterValidator(_naam)]


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Gemeente(_Strikt):
    """The municipality: its CBS code and its name as a table heading and in a sentence."""

    code: Annotated[StrictStr, Field(pattern=r"^GM[0-9]{4}$")]
    naam: Naam
    bijvoeglijk: Naam


class Verhuistotaal(_Strikt):
    """The total row of the verhuisbewegingen table: its area's name there, and as the wijkdocument prints it."""

    totaal: Naam
    label: Naam


class Stadgegevens(BaseModel):
    """The keys of ``bestanden.yml`` about the city (the file's other keys are its files, read by ``inputs``)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    gemeente: Gemeente
    verhuisbewegingen: Verhuistotaal | None = None
    bronvermelding: Annotated[list[Naam], Field(min_length=1)]


def bestand() -> str:
    """``data/wijken/bestanden.yml`` as messages name it."""
    return rel(inputs.wijken_dir() / "bestanden.yml")


def gegevens() -> Stadgegevens:
    """The city's keys of ``bestanden.yml``, validated (once per state of the file)."""
    return _gegevens(inputs.wijken_dir() / "bestanden.yml")


@per_bestandstoestand(maxsize=4)
def _gegevens(_pad: Path) -> Stadgegevens:
    ruw = inputs.wijkbronnen()
    if not isinstance(ruw, dict):
        raise DataValidationError([Problem(file=bestand(), message="verwacht sleutels (gemeente, crosswalk, ...)")])
    try:
        return Stadgegevens.model_validate(ruw)
    except ValidationError as exc:
        raise DataValidationError(pydantic_problems(bestand(), exc)) from exc


def gemeente() -> Gemeente:
    return gegevens().gemeente


def verhuistotaal() -> Verhuistotaal:
    """The verhuisbewegingen' total row; an error naming the key when ``bestanden.yml`` does not give it."""
    v = gegevens().verhuisbewegingen
    if v is None:
        raise DataValidationError([Problem(file=bestand(), field="verhuisbewegingen",
                                           message="ontbreekt: de verhuisbewegingen worden getoond; geef totaal "
                                                   "(het gebied van de totaalrij in de tabel) en label")])
    return v


def bronvermelding() -> list[str]:
    return list(gegevens().bronvermelding)
