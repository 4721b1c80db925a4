"""Wijkdocumenten in a run: one report per wijk listed in ``params/<jaar>/wijken.yml``."""

from __future__ import annotations

from pathlib import Path

from wijkrapport import config, paths
from wijkrapport import inputs as invoer
from wijkrapport.engine.notebooks import check_parameters
from wijkrapport.engine.rapport import Plan, Rapport
from wijkrapport.incremental import code_hash, files_hashes, value_hash
from wijkrapport.sources.crosswalk import lees_crosswalk


def wijkdocumenten(jaar: int, only: set[str] | None, plan: Plan) -> None:
    """Add one Rapport per wijk (all, or those in ``only``) to ``plan``, with the checks of config and data."""
    params = config.wijken_params(jaar)
    if params is None:
        return
    source = paths.year_params_dir(jaar) / "wijken.yml"
    wijken = [w for w in params.wijken if only is None or w.slug in only]
    if not wijken:
        return
    notebook = paths.notebooks_dir() / params.notebook
    if not notebook.is_file():
        from wijkrapport.errors import ConfigError, Problem

        raise ConfigError([Problem(file=paths.rel(source), field="notebook", value=params.notebook,
                                   message="notebook bestaat niet" if not notebook.exists() else "is een map, geen notebook")])
    wijken_dir = invoer.wijken_dir()
    # only the files the wijkdocument reads (invoer): a stray file in a data folder is never read or hashed
    shared_files = invoer.wijken() + invoer.geo() + [notebook]
    from wijkrapport.sources.jaarbestanden import verhuis_pad

    nprz_verhuis = verhuis_pad(jaar)
    if nprz_verhuis is not None and nprz_verhuis.exists():
        shared_files.append(nprz_verhuis)
    shared_files += invoer.actieplannen()
    if (invoer.meldingen_dir() / "bron.yml").exists():
        shared_files += invoer.meldingen()
    shared = files_hashes(shared_files)
    shared["wijkrapport-code"] = code_hash()

    def check_data(_ids: set[str]) -> None:
        from wijkrapport.domain import wijkdata
        from wijkrapport.sources import actieplan, jaarbestanden
        from wijkrapport.sources import meldingen as mld

        wijkdata.validate_all()
        if nprz_verhuis is not None and nprz_verhuis.exists():
            jaarbestanden.load_verhuisbewegingen(jaar)
        actieplan.validate_all()
        if mld.beschikbaar():
            mld.load()  # validated before any notebook runs

    def check_wijken(ids: set[str]) -> None:
        from wijkrapport.domain import wijkdata

        bouwen = [w for w in wijken if f"wijken/{w.slug}" in ids]
        for w in bouwen:
            check_parameters(notebook, {"jaar": jaar, "wijk": w.slug, "tabellen_dir": "", **w.parameters},
                             paths.rel(source))
        wijkdata.check_wijken([w.slug for w in bouwen], paths.rel(source))

    rijen = {r["slug"]: r for r in lees_crosswalk(wijken_dir / "crosswalk.csv")}
    namen = {s: r["naam"] for s, r in rijen.items()}
    rapporten = []
    for w in wijken:
        naam = namen.get(w.slug, w.slug)
        inputs = dict(shared)
        inputs[f"{paths.rel(source)}#{w.slug}"] = value_hash({"jaar": jaar, **w.model_dump()})
        meta = {
            "programma": f"Wijkdocument {jaar}",
            "auteur": "Gegenereerd met wijkrapport uit open data (CBS, Wijkprofiel, Politie)",
            "colofon": "Alle cijfers in dit document zijn berekend uit open data; bronnen staan onder elke tabel.",
            "voet": f"Wijkdocument {naam} {jaar}.",
            "compact": True,
            "gebied": rijen.get(w.slug, {}).get("gebied", ""),
            "downloads": [{"href": f"{w.slug}.pdf", "tekst": "Dit document als PDF"}],
        }
        rapporten.append(Rapport(
            id=f"wijken/{w.slug}",
            jaar=jaar,
            titel=w.titel or f"{naam}: wijkdocument {jaar}",
            ondertitel=f"Cijfers over {naam} voor de wijkraad en de bewoners",
            hoofdstukken=((params.notebook, tuple(sorted({"jaar": jaar, "wijk": w.slug, **w.parameters}.items()))),),
            html_rel=f"wijken/{w.slug}.html",
            pdf_rel=f"wijken/{w.slug}.pdf",
            data_rel=f"data/wijken/{w.slug}",
            notebooks_rel=f"notebooks/wijken/{w.slug}",
            meta=tuple(meta.items()),
            inputs=tuple(sorted(inputs.items())),
        ))
    plan.add(rapporten, check_data, sleutel=value_hash(["wijkdata", jaar, shared]))
    for w, rapport in zip(wijken, rapporten, strict=True):  # per wijk: a changed wijk does not recheck the others
        plan.add([rapport], check_wijken, sleutel=value_hash(["wijk", jaar, shared, w.model_dump()]))


def _wijknamen(crosswalk: Path) -> dict[str, str]:
    """Slug -> name from the crosswalk (``lees_crosswalk``)."""
    return {r["slug"]: r["naam"] for r in lees_crosswalk(crosswalk)}
