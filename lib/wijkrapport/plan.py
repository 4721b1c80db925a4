"""Which reports a run builds, from the params files.

Planning reads only the params and hashes the inputs; the checks of notebook
parameters and data that guard each report are attached to the plan and run
before anything is built, for the reports that need building.
"""

from __future__ import annotations

from pathlib import Path

from . import config, paths
from .engine.notebooks import check_parameters
from .engine.rapport import Plan, Rapport
from .errors import ConfigError, Problem
from .incremental import code_hash, files_hashes, value_hash

VOORTGANG = "voortgangsrapportage"


def _notebook(name: str, source: Path) -> Path:
    nb = paths.notebooks_dir() / name
    if not nb.is_file():
        raise ConfigError([Problem(file=paths.rel(source), field="notebook", value=name,
                                   message="notebook bestaat niet" if not nb.exists() else "is een map, geen notebook")])
    return nb


def voortgangsrapportage(jaar: int, plan: Plan) -> None:
    """Add the programme's voortgangsrapportage for ``jaar`` to ``plan``, with its checks (parameters, data)."""
    params = config.voortgang_params(jaar)
    source = paths.year_params_dir(jaar) / "voortgangsrapportage.yml"
    hoofdstukken = []
    for i, h in enumerate(params.hoofdstukken):
        p = {"jaar": jaar, "programma": params.programma, **h.parameters}
        _notebook(h.notebook, source)
        hoofdstuk = (h.notebook, tuple(sorted(p.items())))
        if hoofdstuk in hoofdstukken:
            raise ConfigError([Problem(file=paths.rel(source), field=f"hoofdstukken.{i}", value=h.notebook,
                                       message="dit hoofdstuk (notebook met dezelfde parameters) staat er al")])
        hoofdstukken.append(hoofdstuk)

    from .sources.registry import data_file, jaar_dir, load_programma, voortgang_invoer

    programma = load_programma(params.programma)

    def check(_ids: set[str]) -> None:
        from .sources import jaarbestanden

        for nb, p in hoofdstukken:
            check_parameters(paths.notebooks_dir() / nb, {**dict(p), "tabellen_dir": ""}, paths.rel(source))
        _check_pijlers(params, source)
        jaarbestanden.validate_all(jaar, params.programma)

    meta = {
        "programma": programma.titel,
        "programma_naam": programma.naam,
        "auteur": params.auteur,
        "colofon": f"Gemaakt uit de metingen in {paths.rel(data_file(programma))} en de gegevens in "
                   f"{paths.rel(jaar_dir(programma, jaar))}/ met wijkrapport; alle cijfers zijn berekend uit data.",
        "voet": f"{params.titel}. Bronnen staan onder elke tabel en grafiek.",
        "downloads": [{"href": "voortgangsrapportage.pdf", "tekst": "Dit rapport als PDF"}],
    }
    rapport = Rapport(
        id=VOORTGANG,
        jaar=jaar,
        titel=params.titel,
        ondertitel=params.ondertitel,
        hoofdstukken=tuple(hoofdstukken),
        html_rel="voortgangsrapportage.html",
        pdf_rel="voortgangsrapportage.pdf",
        data_rel="data",
        notebooks_rel="notebooks",
        afronding="wijkrapport.rapporten.voortgangsrapportage.export:voortgang_export",
        meta=tuple((k, v) for k, v in meta.items()),
        inputs=_inputs(
            [paths.notebooks_dir() / h.notebook for h in params.hoofdstukken]
            + [source, paths.programme_file(params.programma)]
            + voortgang_invoer(programma, jaar)
        ),
    )
    plan.add([rapport], check, sleutel=value_hash(["voortgangsrapportage", dict(rapport.inputs)]))


def _check_pijlers(params: config.VoortgangsParams, source: Path) -> None:
    """A chapter whose notebook is about one pijler (it declares ``pijler``) names one of the programme's pijlers
    itself: left out, the notebook's own default would quietly make it a second chapter about that pijler."""
    from .engine.notebooks import declared_parameters
    from .sources.registry import load_programma

    pijlers = [p.id for p in load_programma(params.programma).pijlers]
    problems = []
    for i, h in enumerate(params.hoofdstukken):
        if "pijler" not in declared_parameters(paths.notebooks_dir() / h.notebook):
            continue
        waarde = h.parameters.get("pijler")
        if waarde not in pijlers:
            problems.append(Problem(file=paths.rel(source), field=f"hoofdstukken.{i}.parameters.pijler", value=waarde,
                                    message=f"{h.notebook} gaat over één pijler: kies uit {', '.join(pijlers)}"))
    if problems:
        raise ConfigError(problems)


def _inputs(files: list[Path], extra: dict[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    hashes = files_hashes(files)
    hashes.update(extra or {})
    hashes["wijkrapport-code"] = code_hash()
    return tuple(sorted(hashes.items()))


def plan(jaar: int, only: list[str] | None) -> Plan:
    """All reports of the year (or those named in ``only``) with the checks to pass before building them."""
    params_dir = paths.year_params_dir(jaar)
    if not params_dir.is_dir():
        raise ConfigError(f"geen params voor jaar {jaar}: map {paths.rel(params_dir)} ontbreekt", file=paths.rel(params_dir))
    wanted = set(only or [])
    for name in wanted:
        if name != VOORTGANG and not config.SLUG.match(name):
            raise ConfigError([Problem(file="--only", value=name,
                                       message="geen geldige rapportnaam of wijk-slug" + config.bedoelt_u(name))])
    result = Plan()
    has_voortgang = (params_dir / "voortgangsrapportage.yml").exists()
    if (not wanted and has_voortgang) or VOORTGANG in wanted:
        voortgangsrapportage(jaar, result)
    from .rapporten.programma import plan as programmaplan
    from .rapporten.wijkdocument import plan as wijkplan

    programmas = config.programmas_params(jaar)
    programma_namen = {p.naam for p in programmas.programmas} if programmas else set()
    wanted_programmas = wanted & programma_namen
    if not wanted or wanted_programmas:
        programmaplan.programmarapporten(jaar, wanted_programmas or None, result)
    from .rapporten.wijkraad import plan as wijkraadplan

    wijkraad_slugs = wanted & wijkraadplan.slugs(jaar)
    if not wanted or wijkraad_slugs:
        wijkraadplan.wijkraadedities(jaar, wijkraad_slugs or None, result)
    wijk_slugs = wanted - {VOORTGANG} - programma_namen - wijkraad_slugs
    if not wanted or wijk_slugs:
        before = len(result.rapporten)
        wijkplan.wijkdocumenten(jaar, wijk_slugs or None, result)
        missing = wijk_slugs - {r.id.split("/", 1)[1] for r in result.rapporten[before:]}
        if missing:
            raise ConfigError([
                Problem(file="--only", value=m, message=f"onbekend rapport: verwacht '{VOORTGANG}', een programma uit "
                        f"params/{jaar}/programmas.yml, een wijk uit params/{jaar}/wijken.yml of een wijkraad uit "
                        f"params/{jaar}/wijkraden.yml") for m in sorted(missing)
            ])
    if not result.rapporten:
        raise ConfigError(f"geen rapporten voor {jaar}: params/{jaar}/ heeft geen voortgangsrapportage.yml, "
                          "programmas.yml of wijken.yml",
                          file=paths.rel(params_dir))
    return result
