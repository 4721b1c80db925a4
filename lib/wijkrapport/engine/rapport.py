"""What a run is made of: reports (picklable for worker processes), their outcomes, and the checks
that must pass before any of them is built. Light on imports, so a run with nothing to do stays fast."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rapport:
    """Everything needed to build one report, picklable for worker processes."""

    id: str  # "<naam>" or "<map>/<naam>" of its type (``engine.soort.Soort``): "voortgangsrapportage", "wijken/<slug>"
    jaar: int
    titel: str
    ondertitel: str
    hoofdstukken: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]
    html_rel: str
    pdf_rel: str
    data_rel: str
    notebooks_rel: str
    afronding: str | None = None  # "module:function", called with (rapport, staging_root)
    meta: tuple[tuple[str, object], ...] = ()
    inputs: tuple[tuple[str, str], ...] = ()  # (input name, sha256)

    def meta_dict(self) -> dict:
        return dict(self.meta)


@dataclass
class Uitkomst:
    rapport: str
    status: str  # "gebouwd" | "actueel" | "mislukt"
    duur: float = 0.0  # worker seconds: notebooks + HTML/PDF
    duur_notebooks: float = 0.0
    fout: str = ""
    notebook: str = ""
    cel: str = ""
    outputs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Controle:
    """A check of config or data (raising a WijkrapportError) that guards the reports in ``voor``.

    ``check`` gets the ids of the reports about to be built. With a ``sleutel`` (a hash of
    everything the check reads, code included) a check that passed once is not repeated
    until one of those inputs changes.
    """

    voor: frozenset[str]
    check: Callable[[set[str]], None]
    sleutel: str | None = None


@dataclass
class Plan:
    """The reports of a run and the checks to pass before building them.

    The checks (notebook parameters, every data file) run only for reports that are
    going to be built, so a rerun with nothing changed does not read the data at all.
    """

    rapporten: list[Rapport] = field(default_factory=list)
    controles: list[Controle] = field(default_factory=list)
    #: from the registry of report types (``wijkrapport.rapporten.soorten``), which the engine does not import:
    groepen: tuple = ()  # the landing page's groups (``rendering.landing.Groep``), in order
    voorladen: tuple[str, ...] = ()  # the modules the kernel fork server imports once (see ``engine.preload``)

    def add(self, rapporten: list[Rapport], check: Callable[[set[str]], None], sleutel: str | None = None) -> None:
        """Add ``rapporten`` (if not yet in the plan) and a check that guards them."""
        known = {r.id for r in self.rapporten}
        self.rapporten += [r for r in rapporten if r.id not in known]
        self.controles.append(Controle(frozenset(r.id for r in rapporten), check, sleutel))

    def controleer(self, ids: set[str], geslaagd: set[str] | None = None) -> set[str]:
        """Run every check that guards one of ``ids`` (the first failing one raises), except those whose
        ``sleutel`` is in ``geslaagd``; return the keys of the checks that passed."""
        geslaagd = geslaagd or set()
        nieuw = set()
        for c in self.controles:
            if not c.voor & ids or (c.sleutel and c.sleutel in geslaagd):
                continue
            c.check(set(c.voor & ids))
            if c.sleutel:
                nieuw.add(c.sleutel)
        return nieuw
