"""What a report type declares (:class:`Soort`), and what its planner returns for a year (:class:`Opzet`).

The types themselves live in ``wijkrapport.rapporten.<type>``; ``wijkrapport.rapporten.soorten()`` is the
registry. The engine and the rendering never import the types: the planner (``wijkrapport.plan``) reads the
registry and hands them what they need (the landing-page groups, the modules to preload) in the :class:`Plan`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wijkrapport.rendering.landing import Groep


@dataclass(frozen=True)
class Hoofdstukontwerp:
    """One chapter of a report to plan: a notebook with its parameters (``tabellen_dir`` is added at run time).

    ``veld`` is the params field that names the notebook, for an error about it (None: the type chose it)."""

    notebook: str
    parameters: dict
    veld: str | None = "notebook"


@dataclass
class Ontwerp:
    """One report as its type plans it; the planner adds what every report has (ids, paths, hashes, checks)."""

    naam: str  # its name for --only: a slug, a programme's name, or the type's name for a type of one report
    titel: str
    ondertitel: str
    hoofdstukken: list[Hoofdstukontwerp]
    meta: dict
    params: dict | None = None  # its own entry in the params file (hashed as one input: a change rebuilds it alone)
    bestanden: list[Path] = field(default_factory=list)  # its own input files, beyond the type's and its notebooks
    afronding: str | None = None  # "module:function" run after assembly, called with (rapport, staging_root)


@dataclass(frozen=True)
class Soortcontrole:
    """A check of data or config for some reports of a type (raising a WijkrapportError).

    ``check`` gets the names (not ids) of the reports about to be built that it guards: ``voor`` (None: every
    report of the type). With a ``sleutel`` (what it reads besides the type's inputs, as a JSON-able value)
    a check that passed is not repeated until those inputs, that value or the code change; without, it runs
    whenever one of its reports is built."""

    check: Callable[[set[str]], None]
    voor: frozenset[str] | None = None
    sleutel: object = None


@dataclass
class Opzet:
    """A type's reports of one year: the reports, the input files they share and the checks guarding them."""

    ontwerpen: list[Ontwerp]
    bestanden: list[Path] = field(default_factory=list)
    controles: list[Soortcontrole] = field(default_factory=list)


@dataclass(frozen=True)
class Soort:
    """A report type.

    - ``naam``: its name; for a type with one report a year (no ``map``) also that report's id and --only name.
    - ``map``: the folder of its reports in the output and the prefix of their ids (``wijken`` -> ``wijken/<slug>``).
    - ``params``: its params file in ``params/<jaar>/``; a year without it has no reports of this type.
    - ``omschrijving``: what --only accepts for it, for the message on an unknown name (``{params}``: the file).
    - ``lees(jaar)``: its params of that year, validated (None without its params file); read once per run.
    - ``namen(params)``: the names of its reports in those params (for --only, collisions and "bedoelt u").
    - ``opzet(jaar, params, namen)``: the planned reports (all, or those named) with their inputs and checks.
    - ``groep``: its group on the landing page (title, per gebied or not); groups follow the registry's order.
    - ``voorladen``: modules its notebooks import, loaded once in the kernel fork server (module names).
    - ``teksten``: the text modules (``*teksten``, ``taal``) its notebooks use: only these are in its code hash.
    - ``ontbrekend(jaar, params)``: the data its reports of that year need that have not arrived (``new-year``).
    """

    naam: str
    map: str | None
    params: str
    omschrijving: str
    lees: Callable[[int], Any]
    namen: Callable[[Any], list[str]]
    opzet: Callable[[int, Any, set[str] | None], Opzet]
    groep: Groep
    voorladen: tuple[str, ...] = ()
    teksten: tuple[str, ...] = ()
    ontbrekend: Callable[[int, Any], list[str]] | None = None

    def rapport_id(self, naam: str) -> str:
        return f"{self.map}/{naam}" if self.map else self.naam

    def landingsgroep(self) -> Groep:
        """Its landing-page group, knowing its reports by their ids."""
        return replace(self.groep, ids=self.map or self.naam)
