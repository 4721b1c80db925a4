"""Wijkraad editions in a run: one report per wijk- of dorpsraad listed in ``params/<jaar>/wijkraden.yml``.

An edition reads the same wijk data as the wijkdocumenten, plus the wijkraad's documents and the college's
toezeggingen (all in ``invoer.wijken()``).
"""

from __future__ import annotations

from wijkrapport import config, paths
from wijkrapport import inputs as invoer
from wijkrapport.engine.soort import Hoofdstukontwerp, Ontwerp, Opzet, Soort, Soortcontrole
from wijkrapport.errors import DataValidationError, Problem
from wijkrapport.rendering.landing import Groep
from wijkrapport.sources.crosswalk import lees_crosswalk

PARAMS = "wijkraden.yml"


def parameters(jaar: int, raad: config.Wijkraad) -> dict:
    """The notebook parameters of one edition: what it is about comes from the params' own keys."""
    return {"jaar": jaar, "wijkraad": raad.slug, "naam": raad.naam, "wijken": ";".join(raad.wijken), **raad.parameters}


def opzet(jaar: int, params: config.WijkradenParams, only: set[str] | None) -> Opzet:
    """One report per wijkraad (all, or those in ``only``), with the check of the data and of the wijken named."""
    raden = [r for r in params.wijkraden if only is None or r.slug in only]
    if not raden:
        return Opzet([])
    source = paths.rel(paths.year_params_dir(jaar) / PARAMS)

    def check(slugs: set[str]) -> None:
        from wijkrapport.domain import wijkdata
        from wijkrapport.sources import raadzoeker

        wijkdata.validate_all()
        raadzoeker.validate_all()
        bekend = set(raadzoeker.load_wijken()["wijk_slug"])
        wijken_csv = paths.rel(raadzoeker.folder() / "wijken.csv")
        problems = [Problem(file=source, field=f"wijkraden.{i}.wijken", value=w,
                            message=f"wijk staat niet in de gegevens ({wijken_csv})")
                    for i, r in enumerate(params.wijkraden) if r.slug in slugs for w in r.wijken if w not in bekend]
        if problems:
            raise DataValidationError(problems)

    gebied = {r["slug"]: r["gebied"] for r in lees_crosswalk(invoer.wijkbestand("crosswalk"))}  # checked later
    ontwerpen = [Ontwerp(
        naam=r.slug, titel=r.titel or f"{r.naam}: editie {jaar}",
        ondertitel="Cijfers over de wijken, de adviezen en brieven van de raad en de toezeggingen van het college",
        hoofdstukken=[Hoofdstukontwerp(params.notebook, parameters(jaar, r))],
        meta={
            "programma": f"Wijkraadeditie {jaar}",
            "auteur": "Gegenereerd met wijkrapport uit open data (CBS, Wijkprofiel, Politie, gemeenteraad)",
            "colofon": "Alle cijfers en lijsten in dit document komen uit open data; bronnen staan onder elke tabel.",
            "voet": f"{r.naam}: editie {jaar}.",
            "compact": True,
            "gebied": gebied.get(r.wijken[0], ""),
            "downloads": [{"href": f"{r.slug}.pdf", "tekst": "Dit document als PDF"}],
        },
        params=r.model_dump(),
    ) for r in raden]
    return Opzet(ontwerpen, invoer.wijken(), [Soortcontrole(check, sleutel=[r.model_dump() for r in raden])])


SOORT = Soort(
    naam="wijkraad", map="wijkraden", params=PARAMS, omschrijving="een wijkraad uit {params}",
    lees=config.wijkraden_params, namen=lambda params: [r.slug for r in params.wijkraden], opzet=opzet,
    groep=Groep("wijkraden", "Edities per wijk- en dorpsraad", per_gebied=True),
    voorladen=("wijkrapport.rapporten.wijkraad.views",),
    teksten=("wijkrapport.domain.wijkteksten", "wijkrapport.rapporten.wijkraad.teksten", "wijkrapport.taal"),
)
