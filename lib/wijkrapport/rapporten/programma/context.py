"""The one object the ``programma_*`` notebooks pass to the views: the report year, the programme (loaded once,
with its validated data and the computed overview) and where the tables go.

Its :attr:`Programmacontext.woorden` are the programme's own words that every sentence template of the notebooks
may use; :meth:`Programmacontext.vul` fills a template with them and the values a view adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import programma as pr
from wijkrapport.domain import scores as groepen
from wijkrapport.rendering.charts import gebiedkleuren
from wijkrapport.rendering.context import Rapportcontext
from wijkrapport.sources import programma as src
from wijkrapport.sources.registry import Programma, load_programma
from wijkrapport.taal import vul


@dataclass(frozen=True, kw_only=True)
class Programmacontext(Rapportcontext):
    """A programme report of one year: ``programma`` is the name of ``params/programmas/<naam>.yml``."""

    programma: str

    @cached_property
    def _geladen(self) -> tuple[Programma, pd.DataFrame]:
        programma = load_programma(self.programma)
        return groepen.met_labels(programma, src.load(programma))  # areas keyed by code are printed by their label

    @property
    def prog(self) -> Programma:
        """The programme file, validated, its areas by their printed names."""
        return self._geladen[0]

    @property
    def data(self) -> pd.DataFrame:
        """The programme's validated data, its areas by their printed names."""
        return self._geladen[1]

    @cached_property
    def overzicht(self) -> pd.DataFrame:
        """One row per indicator: its regime, latest figure, target and status in the report year."""
        return pr.overzicht(self.prog, self.data, self.jaar)

    @cached_property
    def drempel_scores(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(scores, values) of every area on every threshold indicator."""
        return pr.drempel_scores(self.prog, self.data, self.jaar)

    @cached_property
    def grenzen(self) -> pd.DataFrame:
        return pr.grenzen(self.prog, self.data, self.jaar)

    @cached_property
    def kleuren(self) -> dict[str, str]:
        return gebiedkleuren(self.prog)

    @cached_property
    def woorden(self) -> dict[str, str]:
        """The fields every template may use: ``{titel}``, ``{gemeente}``, ``{jaar}``, ``{peildatum}``,
        ``{doelgebied}``, ``{hoofdstukwoord}`` (its plural ``{hoofdstukken}``, capitalised ``{Hoofdstukwoord}``)."""
        p = self.prog
        return {"titel": p.titel, "gemeente": p.gemeente, "jaar": str(self.jaar), "doelgebied": p.doelgebied,
                "peildatum": fmt.datum(pr.peildatum(p, self.jaar)), "hoofdstukwoord": p.hoofdstukwoord,
                "Hoofdstukwoord": p.hoofdstukwoord.capitalize(), "hoofdstukken": p.hoofdstukken_woord}

    def vul(self, sjabloon: str, **velden: object) -> str:
        """A notebook's template filled with the programme's words and the view's ``velden``."""
        return vul(sjabloon, **{**self.woorden, **velden})
