"""Wijkraad editions in a run: one report per wijk- of dorpsraad listed in ``params/<jaar>/wijkraden.yml``.

Follows ``wijkplan`` (a later issue unifies the report types): the edition reads the same wijk data as the
wijkdocumenten, plus the wijkraad's documents and the college's toezeggingen (all in ``invoer.wijken()``).
"""

from __future__ import annotations

from wijkrapport import config, paths
from wijkrapport import inputs as invoer
from wijkrapport.engine.notebooks import check_parameters
from wijkrapport.engine.rapport import Plan, Rapport
from wijkrapport.errors import ConfigError, Problem
from wijkrapport.incremental import code_hash, files_hashes, value_hash


def parameters(jaar: int, raad: config.Wijkraad) -> dict:
    """The notebook parameters of one edition: what it is about comes from the params' own keys."""
    return {"jaar": jaar, "wijkraad": raad.slug, "naam": raad.naam, "wijken": ";".join(raad.wijken), **raad.parameters}


def wijkraadedities(jaar: int, only: set[str] | None, plan: Plan) -> None:
    """Add one Rapport per wijkraad (all, or those in ``only``) to ``plan``, with the checks of config and data."""
    params = config.wijkraden_params(jaar)
    if params is None:
        return
    source = paths.year_params_dir(jaar) / "wijkraden.yml"
    raden = [r for r in params.wijkraden if only is None or r.slug in only]
    if not raden:
        return
    notebook = paths.notebooks_dir() / params.notebook
    if not notebook.is_file():
        raise ConfigError([Problem(file=paths.rel(source), field="notebook", value=params.notebook,
                                   message="notebook bestaat niet" if not notebook.exists() else "is een map, geen notebook")])
    wijken_params = config.wijken_params(jaar)
    wijk_slugs = {w.slug for w in wijken_params.wijken} if wijken_params else set()
    botsing = [Problem(file=paths.rel(source), field=f"wijkraden.{i}.slug", value=r.slug,
                       message="is ook de slug van een wijk in wijken.yml: --only en de bestandsnamen worden dan dubbelzinnig")
               for i, r in enumerate(params.wijkraden) if r.slug in wijk_slugs]
    if botsing:
        raise ConfigError(botsing)
    shared = files_hashes(invoer.wijken() + [notebook])
    shared["wijkrapport-code"] = code_hash()

    def check(ids: set[str]) -> None:
        from wijkrapport.domain import wijkdata
        from wijkrapport.sources import raadzoeker

        wijkdata.validate_all()
        raadzoeker.validate_all()
        bouwen = [(i, r) for i, r in enumerate(params.wijkraden) if f"wijkraden/{r.slug}" in ids]
        for _, r in bouwen:
            check_parameters(notebook, {**parameters(jaar, r), "tabellen_dir": ""}, paths.rel(source))
        bekend = set(raadzoeker.load_wijken()["wijk_slug"])
        problems = [Problem(file=paths.rel(source), field=f"wijkraden.{i}.wijken", value=w,
                            message="wijk staat niet in de gegevens (data/wijken/rotterdam-raadzoeker-71-wijken/wijken.csv)")
                    for i, r in bouwen for w in r.wijken if w not in bekend]
        if problems:
            from wijkrapport.errors import DataValidationError

            raise DataValidationError(problems)

    gebied = _gebied_namen()
    rapporten = []
    for r in raden:
        inputs = dict(shared)
        inputs[f"{paths.rel(source)}#{r.slug}"] = value_hash({"jaar": jaar, **r.model_dump()})
        meta = {
            "programma": f"Wijkraadeditie {jaar}",
            "auteur": "Gegenereerd met wijkrapport uit open data (CBS, Wijkprofiel, Politie, gemeenteraad)",
            "colofon": "Alle cijfers en lijsten in dit document komen uit open data; bronnen staan onder elke tabel.",
            "voet": f"{r.naam}: editie {jaar}.",
            "compact": True,
            "gebied": gebied.get(r.wijken[0], ""),
            "downloads": [{"href": f"{r.slug}.pdf", "tekst": "Dit document als PDF"}],
        }
        rapporten.append(Rapport(
            id=f"wijkraden/{r.slug}",
            jaar=jaar,
            titel=r.titel or f"{r.naam}: editie {jaar}",
            ondertitel="Cijfers over de wijken, de adviezen en brieven van de raad en de toezeggingen van het college",
            hoofdstukken=((params.notebook, tuple(sorted(parameters(jaar, r).items()))),),
            html_rel=f"wijkraden/{r.slug}.html",
            pdf_rel=f"wijkraden/{r.slug}.pdf",
            data_rel=f"data/wijkraden/{r.slug}",
            notebooks_rel=f"notebooks/wijkraden/{r.slug}",
            meta=tuple(meta.items()),
            inputs=tuple(sorted(inputs.items())),
        ))
    plan.add(rapporten, check, sleutel=value_hash(["wijkraden", jaar, shared, [r.model_dump() for r in raden]]))


def _gebied_namen() -> dict[str, str]:
    """Wijk slug -> gebied name from the crosswalk, read without validation (the checks validate it)."""
    from wijkrapport.sources.crosswalk import lees_crosswalk

    return {r["slug"]: r["gebied"] for r in lees_crosswalk(invoer.wijkbestand("crosswalk"))}


def slugs(jaar: int) -> set[str]:
    """The wijkraad slugs of the year (for ``--only``); none without a wijkraden.yml."""
    params = config.wijkraden_params(jaar)
    return {r.slug for r in params.wijkraden} if params else set()
