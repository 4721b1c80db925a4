"""Generic programme reports in a run: one report per programme in ``params/<jaar>/programmas.yml``.

Chapters follow the programme file: a summary, one chapter per pijler/tafel/thema, and the table of
areas × indicators when the programme scores areas against thresholds.
"""

from __future__ import annotations

from wijkrapport import config, paths
from wijkrapport.engine.soort import Hoofdstukontwerp, Ontwerp, Opzet, Soort, Soortcontrole
from wijkrapport.errors import ConfigError, Problem
from wijkrapport.rendering.landing import Groep

SAMENVATTING = "programma_samenvatting.ipynb"
HOOFDSTUK = "programma_hoofdstuk.ipynb"
GEBIEDEN = "programma_gebieden.ipynb"
PARAMS = "programmas.yml"


def opzet(jaar: int, params: config.ProgrammasParams, only: set[str] | None) -> Opzet:
    """One report per listed programme (all, or those in ``only``), each with the check of its data."""
    from wijkrapport.sources.registry import data_file, load_programma

    source = paths.year_params_dir(jaar) / PARAMS
    result = Opzet([])
    for i, run in enumerate(params.programmas):
        if only is not None and run.naam not in only:
            continue
        if not paths.programme_file(run.naam).exists():
            raise ConfigError([Problem(file=paths.rel(source), field=f"programmas.{i}.naam", value=run.naam,
                                       message=f"programma bestaat niet: {paths.rel(paths.programme_file(run.naam))} ontbreekt")])
        programma = load_programma(run.naam)
        basis = {"jaar": jaar, "programma": run.naam}
        hoofdstukken = [(SAMENVATTING, basis)] + [(HOOFDSTUK, {**basis, "pijler": p.id}) for p in programma.pijlers]
        if any(ind.drempels for ind in programma.indicatoren):
            hoofdstukken.append((GEBIEDEN, basis))
        titel = run.titel or f"{programma.titel} {jaar}"
        result.ontwerpen.append(Ontwerp(
            naam=run.naam, titel=titel,
            ondertitel=run.ondertitel or f"Voortgang per {programma.hoofdstukwoord}, {jaar}",
            hoofdstukken=[Hoofdstukontwerp(nb, p, veld=None) for nb, p in hoofdstukken],
            meta={
                "programma": programma.titel,
                "auteur": f"Gemeente {programma.gemeente} — gegenereerd met wijkrapport",
                "colofon": f"Gemaakt uit params/programmas/{run.naam}.yml en data/{programma.data} met wijkrapport; "
                           "alle cijfers zijn berekend uit data.",
                "voet": f"{titel}. Bronnen staan onder elke tabel en grafiek.",
                "downloads": [{"href": f"{run.naam}.pdf", "tekst": "Dit rapport als PDF"}],
            },
            params=run.model_dump(),
            bestanden=[paths.programme_file(run.naam), data_file(programma)],
        ))
        result.controles.append(Soortcontrole(_check(programma), voor=frozenset({run.naam})))
    return result


def _check(programma):
    def check(_: set[str]) -> None:
        from wijkrapport.sources import programma as src

        src.load(programma)

    return check


def ontbrekend(jaar: int, params: config.ProgrammasParams) -> list[str]:
    """Per programme: indicators whose data stop before ``jaar``."""
    from wijkrapport.sources import programma as src
    from wijkrapport.sources.registry import load_programma

    missing = []
    for run in params.programmas:
        programma = load_programma(run.naam)
        try:
            data = src.load(programma)
        except Exception as exc:  # noqa: BLE001 - report, not fail
            missing.append(f"{run.naam}: data/{programma.data} niet te lezen ({exc})")
            continue
        laatste = data.dropna(subset=["waarde"]).groupby("indicator")["periode"].max()
        for ind in programma.indicatoren:
            last = laatste.get(ind.id)
            if last is None or last < jaar:
                waar = f"laatste jaar is {int(last)}" if last is not None else "geen cijfers"
                missing.append(f"{run.naam}, indicator {ind.id}: {waar} in data/{programma.data}, nog niets voor {jaar}")
    return missing


SOORT = Soort(
    naam="programma", map="programmas", params=PARAMS, omschrijving="een programma uit {params}",
    lees=config.programmas_params, namen=lambda params: [p.naam for p in params.programmas], opzet=opzet,
    groep=Groep("programmas", "Programmarapporten"),
    voorladen=("wijkrapport.rapporten.programma.views",),
    teksten=("wijkrapport.rapporten.programma.teksten", "wijkrapport.taal"),
    ontbrekend=ontbrekend,
)
