"""The one object a voortgangsrapportage notebook passes to the views: the year, the programme and where the tables go.

The programme file and the year's effect table (:func:`.voortgang.doelstelling`) are looked up once per context.
Sentence templates written in the notebooks may use the fields of :attr:`Voortgangscontext.velden` (``{doelgebied}``,
``{programma}``, ...): a notebook names no programme, area or year itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from wijkrapport import taal
from wijkrapport.rendering.context import Rapportcontext
from wijkrapport.rendering.show import toon_markdown
from wijkrapport.sources.registry import Programma, load_programma

from . import teksten


@dataclass(frozen=True)
class Voortgangscontext(Rapportcontext):
    """``Voortgangscontext(jaar=..., programma="<naam>", tabellen_dir=...)``; ``programma`` may be a loaded file."""

    programma: str | Programma = field(default="", kw_only=True)

    @cached_property
    def register(self) -> Programma:
        """The programme file (``params/programmas/<naam>.yml``), validated."""
        if isinstance(self.programma, Programma):
            return self.programma
        return load_programma(self.programma)

    @cached_property
    def doelstelling(self) -> pd.DataFrame:
        """Every indicator of the programme with start, now, references, target and status for the year."""
        from .voortgang import doelstelling

        return doelstelling(self.jaar, self.register)

    @cached_property
    def eindjaar(self) -> int | None:
        from .voortgang import eindjaar

        return eindjaar(self.register)

    def zinsnaam(self, gebied: str) -> str:
        """An area as a sentence names it (``zinsnamen`` in the programme file, e.g. 'de G4')."""
        return self.register.zinsnamen.get(gebied, gebied)

    @cached_property
    def velden(self) -> dict[str, object]:
        """The fields every template of this report may use.

        ``jaar``, ``vorig_jaar``, ``eindjaar`` (last year of the trajectories), ``programma`` (its title),
        ``afkorting``, ``programma_voluit`` (title with the short name in brackets), ``gemeente``, ``doelgebied``,
        ``referenties`` (the comparison areas: 'de G4 of Rotterdam'), ``hoofdstukwoord`` and ``Hoofdstukwoord``
        (the programme's word for a chapter: 'pijler', 'Pijler'), ``naam`` (of the programme file).
        """
        p = self.register
        woord = p.hoofdstukwoord
        return {
            "jaar": self.jaar, "vorig_jaar": self.jaar - 1, "eindjaar": self.eindjaar or "",
            "programma": p.titel, "afkorting": p.afkorting,
            "programma_voluit": f"{p.titel} ({p.afkorting})" if p.afkorting else p.titel,
            "gemeente": p.gemeente, "doelgebied": p.doelgebied,
            "referenties": teksten.of_opsomming([self.zinsnaam(g) for g in p.vergelijkingsgebieden]),
            "hoofdstukwoord": woord, "Hoofdstukwoord": woord[:1].upper() + woord[1:], "naam": p.naam,
        }

    def vul(self, sjabloon: str, **waarden: object) -> str:
        """A template of the notebook filled with :attr:`velden` and ``waarden`` (which win)."""
        return taal.vul(sjabloon, **{**self.velden, **waarden})

    def markdown(self, sjabloon: str, **waarden: object) -> None:
        """Show notebook markdown whose ``{fields}`` come from the programme (as a markdown cell would look; values
        as text, never markup)."""
        toon_markdown(sjabloon, **{**self.velden, **waarden})
