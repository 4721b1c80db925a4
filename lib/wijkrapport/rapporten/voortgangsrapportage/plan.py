"""The voortgangsrapportage of a year: one report, its chapters listed in ``params/<jaar>/voortgangsrapportage.yml``."""

from __future__ import annotations

from pathlib import Path

from wijkrapport import config, paths
from wijkrapport.engine.soort import Hoofdstukontwerp, Ontwerp, Opzet, Soort, Soortcontrole
from wijkrapport.errors import ConfigError, Problem
from wijkrapport.rendering.landing import Groep

NAAM = "voortgangsrapportage"
PARAMS = "voortgangsrapportage.yml"


def lees(jaar: int) -> config.VoortgangsParams | None:
    return config.voortgang_params(jaar) if (paths.year_params_dir(jaar) / PARAMS).exists() else None


def opzet(jaar: int, params: config.VoortgangsParams, _namen: set[str] | None) -> Opzet:
    """The programme's voortgangsrapportage of ``jaar``, with its checks (pijlers, the year's data)."""
    from wijkrapport.sources.registry import data_file, jaar_dir, load_programma, voortgang_invoer

    source = paths.year_params_dir(jaar) / PARAMS
    programma = load_programma(params.programma)

    def check(_: set[str]) -> None:
        from wijkrapport.sources import jaarbestanden

        _check_pijlers(params, source)
        jaarbestanden.validate_all(jaar, params.programma)

    meta = {
        "programma": programma.titel,
        "programma_naam": programma.naam,
        "auteur": params.auteur,
        "colofon": f"Gemaakt uit de metingen in {paths.rel(data_file(programma))} en de gegevens in "
                   f"{paths.rel(jaar_dir(programma, jaar))}/ met wijkrapport; alle cijfers zijn berekend uit data.",
        "voet": f"{params.titel}. Bronnen staan onder elke tabel en grafiek.",
        "downloads": [{"href": f"{NAAM}.pdf", "tekst": "Dit rapport als PDF"}],
    }
    rapport = Ontwerp(
        naam=NAAM, titel=params.titel, ondertitel=params.ondertitel,
        hoofdstukken=[Hoofdstukontwerp(h.notebook, {"jaar": jaar, "programma": params.programma, **h.parameters},
                                veld=f"hoofdstukken.{i}.notebook") for i, h in enumerate(params.hoofdstukken)],
        meta=meta, afronding="wijkrapport.rapporten.voortgangsrapportage.export:voortgang_export",
    )
    return Opzet([rapport], [source, paths.programme_file(params.programma), *voortgang_invoer(programma, jaar)],
                 [Soortcontrole(check)])


def _check_pijlers(params: config.VoortgangsParams, source: Path) -> None:
    """A chapter whose notebook is about one pijler (it declares ``pijler``) names one of the programme's pijlers
    itself: left out, the notebook's own default would quietly make it a second chapter about that pijler."""
    from wijkrapport.engine.notebooks import declared_parameters
    from wijkrapport.sources.registry import load_programma

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


def ontbrekend(jaar: int, params: config.VoortgangsParams) -> list[str]:
    """Measurements of the programme without a figure over ``jaar`` yet, and yearly records (``onderdelen``) that
    have not arrived (their chapter says "nog geen cijfers over <jaar>" until they do)."""
    from wijkrapport.domain import metingen as mt
    from wijkrapport.sources.metingen import load_metingen
    from wijkrapport.sources.registry import data_file, jaar_dir, load_programma

    programma = load_programma(params.programma)
    missing = []
    bestand = paths.rel(data_file(programma))
    try:
        m = load_metingen(data_file(programma), programma.meting_ids())
    except Exception as exc:  # noqa: BLE001 - report, not fail
        return [f"{bestand} niet te lezen ({exc})"]
    for serie in dict.fromkeys(ind.meting_id for ind in programma.indicatoren):
        nu, vorig = (mt.nu(m, serie, programma.doelgebied, j) for j in (jaar, jaar - 1))
        if nu is None or (vorig is not None and nu.periode == vorig.periode):
            waar = f"laatste periode {nu.periode}" if nu is not None else "geen cijfers"
            missing.append(f"meting {serie} ({programma.doelgebied}): nog geen nieuw cijfer sinds de rapportage over "
                           f"{jaar - 1} ({waar} in {bestand})")
    folder = jaar_dir(programma, jaar)
    for oid, o in programma.onderdelen.items():
        for naam in (o.bestand, o.samenvatting):
            if naam and not (folder / naam).exists():
                missing.append(f"{oid}: {paths.rel(folder / naam)} ontbreekt (het hoofdstuk zegt 'nog geen cijfers "
                               f"over {jaar}')")
    return list(dict.fromkeys(missing))


SOORT = Soort(
    naam=NAAM, map=None, params=PARAMS, omschrijving=f"'{NAAM}'", lees=lees, namen=lambda _: [NAAM], opzet=opzet,
    groep=Groep("programma", "Voortgangsrapportage"),
    voorladen=("wijkrapport.rapporten.voortgangsrapportage.views", "wijkrapport.rapporten.voortgangsrapportage.voortgang"),
    teksten=("wijkrapport.rapporten.voortgangsrapportage.teksten", "wijkrapport.taal"),
    ontbrekend=ontbrekend,
)
