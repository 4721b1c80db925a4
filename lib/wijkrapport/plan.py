"""Which reports a run builds: the registry of report types (``rapporten.soorten``) over the year's params.

Each type plans its reports (``Soort.opzet``: chapters, meta, its input files and data checks); what every
report has is done here once: --only resolution, the notebooks' existence, identical chapters, ids and
output paths, input hashes (with the type's code hash) and the check of notebook parameters. Planning reads
only the params and hashes the inputs; the checks run before anything is built, for the reports to build.
"""

from __future__ import annotations

from pathlib import Path

from . import config, paths
from .engine.notebooks import check_parameters
from .engine.rapport import Plan, Rapport
from .engine.soort import Ontwerp, Soort
from .errors import ConfigError, Problem
from .incremental import code_hash, files_hashes, value_hash


def plan(jaar: int, only: list[str] | None) -> Plan:
    """All reports of the year (or those named in ``only``) with the checks to pass before building them."""
    from .rapporten import soorten

    params_dir = paths.year_params_dir(jaar)
    if not params_dir.is_dir():
        raise ConfigError(f"geen params voor jaar {jaar}: map {paths.rel(params_dir)} ontbreekt", file=paths.rel(params_dir))
    alle = soorten()
    params = {s.naam: s.lees(jaar) for s in alle}
    namen = {s.naam: s.namen(params[s.naam]) if params[s.naam] is not None else [] for s in alle}
    _botsingen(alle, namen, jaar)
    gevraagd = _gevraagd(alle, namen, jaar, only)
    result = Plan(groepen=tuple(s.landingsgroep() for s in alle),
                  voorladen=tuple(dict.fromkeys(m for s in alle for m in s.voorladen)))
    for soort in alle:
        keuze = gevraagd.get(soort.naam) if only else None
        if namen[soort.naam] and (not only or keuze):
            _plan_soort(soort, jaar, params[soort.naam], keuze, result)
    if not result.rapporten:
        raise ConfigError(f"geen rapporten voor {jaar}: params/{jaar}/ heeft geen {_of([s.params for s in alle])}",
                          file=paths.rel(params_dir))
    return result


def _of(delen: list[str]) -> str:
    """'a, b of c'."""
    from babel.lists import format_list

    return format_list(delen, style="or", locale="nl")


def _botsingen(alle: tuple[Soort, ...], namen: dict[str, list[str]], jaar: int) -> None:
    """A name used by two types makes --only ambiguous: the later type's params file is wrong."""
    eigenaar: dict[str, Soort] = {}
    problems = []
    for soort in alle:
        for naam in namen[soort.naam]:
            eerder = eigenaar.setdefault(naam, soort)
            if eerder is not soort:
                problems.append(Problem(
                    file=f"params/{jaar}/{soort.params}", value=naam,
                    message=f"is ook de naam van een rapport in params/{jaar}/{eerder.params} ({eerder.naam}): --only "
                            "en de bestandsnamen worden dan dubbelzinnig; kies een andere naam"))
    if problems:
        raise ConfigError(problems)


def _gevraagd(alle: tuple[Soort, ...], namen: dict[str, list[str]], jaar: int, only: list[str] | None) -> dict[str, set[str]]:
    """The names in ``only`` per type; a name no type has is an error saying what each type accepts."""
    per_soort: dict[str, set[str]] = {}
    bekend = {n: s.naam for s in alle for n in namen[s.naam]}
    problems = []
    for naam in dict.fromkeys(only or []):
        if naam in bekend:
            per_soort.setdefault(bekend[naam], set()).add(naam)
            continue
        verwacht = [s.omschrijving.format(params=f"params/{jaar}/{s.params}") for s in alle]
        problems.append(Problem(file="--only", value=naam, message=f"onbekend rapport: verwacht {_of(verwacht)}"
                                + config.bedoelt_u(naam, list(bekend))))
    if problems:
        raise ConfigError(problems)
    return per_soort


def _plan_soort(soort: Soort, jaar: int, params: object, keuze: set[str] | None, plan: Plan) -> None:
    """Add ``soort``'s reports of ``jaar`` (all, or those in ``keuze``) to ``plan`` with their checks."""
    source = paths.year_params_dir(jaar) / soort.params
    opzet = soort.opzet(jaar, params, keuze)
    if not opzet.ontwerpen:
        return
    gedeeld = files_hashes(opzet.bestanden)
    gedeeld["wijkrapport-code"] = code_hash(soort.teksten)
    rapporten = [_rapport(soort, jaar, o, source, gedeeld) for o in opzet.ontwerpen]
    per_naam = {o.naam: r for o, r in zip(opzet.ontwerpen, rapporten, strict=True)}
    for c in opzet.controles:
        guarded = [per_naam[n] for n in (c.voor if c.voor is not None else per_naam) if n in per_naam]
        plan.add(guarded, _met_namen(c.check, {r.id: n for n, r in per_naam.items()}),
                 sleutel=None if c.sleutel is None else value_hash([soort.naam, jaar, gedeeld, c.sleutel]))
    for rapport in rapporten:  # per report: a changed one does not recheck the others
        plan.add([rapport], _parameters_check(rapport, paths.rel(source)),
                 sleutel=value_hash(["parameters", rapport.hoofdstukken, dict(rapport.inputs)]))


def _met_namen(check, namen: dict[str, str]):
    """The type's check, given the names of the reports to build rather than their ids."""
    return lambda ids: check({namen[i] for i in ids if i in namen})


def _parameters_check(rapport: Rapport, source: str):
    def check(_ids: set[str]) -> None:
        for nb, p in rapport.hoofdstukken:
            check_parameters(paths.notebooks_dir() / nb, {**dict(p), "tabellen_dir": ""}, source)

    return check


def _rapport(soort: Soort, jaar: int, o: Ontwerp, source: Path, gedeeld: dict[str, str]) -> Rapport:
    """The report ``o`` with what every report has: existing notebooks, distinct chapters, paths, input hashes."""
    hoofdstukken = []
    for i, h in enumerate(o.hoofdstukken):
        nb = paths.notebooks_dir() / h.notebook
        if not nb.is_file():
            raise ConfigError([Problem(file=paths.rel(source) if h.veld else paths.rel(nb), field=h.veld,
                                       value=h.notebook, message="notebook bestaat niet" if not nb.exists()
                                       else "is een map, geen notebook")])
        hoofdstuk = (h.notebook, tuple(sorted(h.parameters.items())))
        if hoofdstuk in hoofdstukken:
            raise ConfigError([Problem(file=paths.rel(source), field=f"hoofdstukken.{i}", value=h.notebook,
                                       message="dit hoofdstuk (notebook met dezelfde parameters) staat er al")])
        hoofdstukken.append(hoofdstuk)
    inputs = {**gedeeld, **files_hashes([paths.notebooks_dir() / nb for nb, _ in hoofdstukken] + o.bestanden)}
    if o.params is not None:
        inputs[f"{paths.rel(source)}#{o.naam}"] = value_hash({"jaar": jaar, **o.params})
    stam, sub = soort.rapport_id(o.naam), f"/{soort.map}/{o.naam}" if soort.map else ""
    return Rapport(
        id=stam, jaar=jaar, titel=o.titel, ondertitel=o.ondertitel, hoofdstukken=tuple(hoofdstukken),
        html_rel=f"{stam}.html", pdf_rel=f"{stam}.pdf", data_rel=f"data{sub}", notebooks_rel=f"notebooks{sub}",
        afronding=o.afronding, meta=tuple(o.meta.items()), inputs=tuple(sorted(inputs.items())),
    )
