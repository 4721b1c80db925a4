"""What a notebook passes to the views: one context per report instead of ``jaar`` and ``tabellen_dir`` (and the
report's subject) in every call.

Each report type subclasses :class:`Rapportcontext` with its subject (a wijk, a wijkraad's wijken, a programme)
and looks that subject up once (``functools.cached_property``); a notebook makes it in its first code cell after
the parameters, e.g. ``wd = views.Wijkcontext(jaar=jaar, wijk=wijk, tabellen_dir=tabellen_dir)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .show import schrijf_csv, toon_tabel
from .tables import Kolom


@dataclass(frozen=True)
class Rapportcontext:
    """The report year and where the tables behind the report go (empty in JupyterLab: nothing is written)."""

    jaar: int
    tabellen_dir: str | Path | None = None

    def tabel(self, df: pd.DataFrame, kolommen: list[Kolom], caption: str, *, naam: str | None = None,
              data: pd.DataFrame | None = None, **kwargs) -> None:
        """Show an accessible table and, with a ``naam``, publish its data (``data`` or ``df``) as CSV."""
        toon_tabel(df, kolommen, caption, naam=naam, tabellen_dir=self.tabellen_dir, data=data, **kwargs)

    def csv(self, df: pd.DataFrame, naam: str) -> Path | None:
        """Publish ``df`` as ``<naam>.csv`` beside the report (nothing in JupyterLab)."""
        return schrijf_csv(df, naam, self.tabellen_dir)
