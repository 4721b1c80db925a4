"""Generic programme reports in a run: one report per programme in ``params/<jaar>/programmas.yml``.

Chapters follow the programme file: a summary, one chapter per pijler/tafel/thema, and the table of
areas × indicators when the programme scores areas against thresholds.
"""

from __future__ import annotations

from wijkrapport import config, paths
from wijkrapport.engine.notebooks import check_parameters
from wijkrapport.engine.rapport import Plan, Rapport
from wijkrapport.errors import ConfigError, Problem
from wijkrapport.incremental import code_hash, files_hashes, value_hash
from wijkrapport.sources.registry import data_file, load_programma

SAMENVATTING = "programma_samenvatting.ipynb"
HOOFDSTUK = "programma_hoofdstuk.ipynb"
GEBIEDEN = "programma_gebieden.ipynb"



def programmarapporten(jaar: int, only: set[str] | None, plan: Plan) -> None:
    """Add one Rapport per listed programme (all, or those in ``only``) to ``plan``, each with its checks."""
    params = config.programmas_params(jaar)
    if params is None:
        return
    source = paths.year_params_dir(jaar) / "programmas.yml"

    for i, run in enumerate(params.programmas):
        if only is not None and run.naam not in only:
            continue
        if not paths.programme_file(run.naam).exists():
            raise ConfigError([Problem(file=paths.rel(source), field=f"programmas.{i}.naam", value=run.naam,
                                       message=f"programma bestaat niet: {paths.rel(paths.programme_file(run.naam))} ontbreekt")])
        programma = load_programma(run.naam)
        data = data_file(programma)
        basis = {"jaar": jaar, "programma": run.naam}
        hoofdstukken = [(SAMENVATTING, basis)] + [(HOOFDSTUK, {**basis, "pijler": p.id}) for p in programma.pijlers]
        if any(ind.drempels for ind in programma.indicatoren):
            hoofdstukken.append((GEBIEDEN, basis))
        inputs = files_hashes([paths.notebooks_dir() / nb for nb in (SAMENVATTING, HOOFDSTUK, GEBIEDEN)]
                              + [paths.programme_file(run.naam), data])
        inputs[f"{paths.rel(source)}#{run.naam}"] = value_hash({"jaar": jaar, **run.model_dump()})
        inputs["wijkrapport-code"] = code_hash()
        titel = run.titel or f"{programma.titel} {jaar}"
        meta = {
            "programma": programma.titel,
            "auteur": f"Gemeente {programma.gemeente} — gegenereerd met wijkrapport",
            "colofon": f"Gemaakt uit params/programmas/{run.naam}.yml en data/{programma.data} met wijkrapport; "
                       "alle cijfers zijn berekend uit data.",
            "voet": f"{titel}. Bronnen staan onder elke tabel en grafiek.",
            "downloads": [{"href": f"{run.naam}.pdf", "tekst": "Dit rapport als PDF"}],
        }
        rapport = Rapport(
            id=f"programmas/{run.naam}",
            jaar=jaar,
            titel=titel,
            ondertitel=run.ondertitel or f"Voortgang per {programma.hoofdstukwoord}, {jaar}",
            hoofdstukken=tuple((nb, tuple(sorted(p.items()))) for nb, p in hoofdstukken),
            html_rel=f"programmas/{run.naam}.html",
            pdf_rel=f"programmas/{run.naam}.pdf",
            data_rel=f"data/programmas/{run.naam}",
            notebooks_rel=f"notebooks/programmas/{run.naam}",
            meta=tuple(meta.items()),
            inputs=tuple(sorted(inputs.items())),
        )
        plan.add([rapport], _checks(programma, hoofdstukken, paths.rel(source)),
                 sleutel=value_hash(["programma", dict(rapport.inputs)]))


def _checks(programma, hoofdstukken: list[tuple[str, dict]], source: str):
    def check(_ids: set[str]) -> None:
        from wijkrapport.sources import programma as src

        src.load(programma)
        for nb, p in hoofdstukken:
            check_parameters(paths.notebooks_dir() / nb, {**p, "tabellen_dir": ""}, source)

    return check
