"""Wijkdocumenten in a run: one report per wijk listed in ``params/<jaar>/wijken.yml``."""

from __future__ import annotations

from wijkrapport import config, paths
from wijkrapport import inputs as invoer
from wijkrapport.engine.soort import Hoofdstukontwerp, Ontwerp, Opzet, Soort, Soortcontrole
from wijkrapport.rendering.landing import Groep
from wijkrapport.sources.crosswalk import lees_crosswalk

PARAMS = "wijken.yml"


def opzet(jaar: int, params: config.WijkenParams, only: set[str] | None) -> Opzet:
    """One report per wijk (all, or those in ``only``), with the checks of the wijk data and of each wijk."""
    wijken = [w for w in params.wijken if only is None or w.slug in only]
    if not wijken:
        return Opzet([])
    # only the files the wijkdocument reads (invoer): a stray file in a data folder is never read or hashed
    bestanden = invoer.wijken() + invoer.geo()
    from wijkrapport.sources.jaarbestanden import verhuis_pad

    nprz_verhuis = verhuis_pad(jaar)
    if nprz_verhuis is not None and nprz_verhuis.exists():
        bestanden.append(nprz_verhuis)
    bestanden += invoer.actieplannen()
    if (invoer.meldingen_dir() / "bron.yml").exists():
        bestanden += invoer.meldingen()

    def check_data(_: set[str]) -> None:
        from wijkrapport.domain import wijkdata
        from wijkrapport.sources import actieplan, jaarbestanden
        from wijkrapport.sources import meldingen as mld

        wijkdata.validate_all()
        if nprz_verhuis is not None and nprz_verhuis.exists():
            wijkdata.check_verhuistotaal(jaarbestanden.load_verhuisbewegingen(jaar), nprz_verhuis)
        actieplan.validate_all()
        if mld.beschikbaar():
            mld.load()  # validated before any notebook runs

    def check_wijken(slugs: set[str]) -> None:
        from wijkrapport.domain import wijkdata

        wijkdata.check_wijken([w.slug for w in wijken if w.slug in slugs],
                              paths.rel(paths.year_params_dir(jaar) / PARAMS))

    rijen = {r["slug"]: r for r in lees_crosswalk(invoer.wijkbestand("crosswalk"))}
    ontwerpen = []
    for w in wijken:
        naam = rijen.get(w.slug, {}).get("naam", w.slug)
        ontwerpen.append(Ontwerp(
            naam=w.slug, titel=w.titel or f"{naam}: wijkdocument {jaar}",
            ondertitel=f"Cijfers over {naam} voor de wijkraad en de bewoners",
            hoofdstukken=[Hoofdstukontwerp(params.notebook, {"jaar": jaar, "wijk": w.slug, **w.parameters})],
            meta={
                "programma": f"Wijkdocument {jaar}",
                "auteur": "Gegenereerd met wijkrapport uit open data (CBS, Wijkprofiel, Politie)",
                "colofon": "Alle cijfers in dit document zijn berekend uit open data; bronnen staan onder elke tabel.",
                "voet": f"Wijkdocument {naam} {jaar}.",
                "compact": True,
                "gebied": rijen.get(w.slug, {}).get("gebied", ""),
                "downloads": [{"href": f"{w.slug}.pdf", "tekst": "Dit document als PDF"}],
            },
            params=w.model_dump(),
        ))
    # per wijk: a changed wijk does not recheck the others
    per_wijk = [Soortcontrole(check_wijken, voor=frozenset({w.slug}), sleutel=w.model_dump()) for w in wijken]
    return Opzet(ontwerpen, bestanden, [Soortcontrole(check_data, sleutel="wijkdata"), *per_wijk])


def ontbrekend(jaar: int, _params: config.WijkenParams) -> list[str]:
    """The wijk sources whose latest year (edition) is before ``jaar``."""
    from wijkrapport.sources import wijken as src

    checks = [
        ("CBS kerncijfers per wijk", lambda: src.load_kerncijfers_recent()["jaar"].max()),
        ("Politie misdrijven per wijk", lambda: src.load_politie()["jaar"].max()),
        ("Wijkprofiel", lambda: src.load_wijkprofiel()["editie"].max()),
    ]
    missing = []
    for label, latest in checks:
        try:
            last = int(latest())
        except Exception as exc:  # noqa: BLE001 - report, not fail
            missing.append(f"{label}: niet te lezen ({exc})")
            continue
        if last < jaar:
            missing.append(f"{label}: laatste jaar in data/wijken/ is {last}, nog niets voor {jaar}")
    return missing


SOORT = Soort(
    naam="wijkdocument", map="wijken", params=PARAMS, omschrijving="een wijk uit {params}",
    lees=config.wijken_params, namen=lambda params: [w.slug for w in params.wijken], opzet=opzet,
    groep=Groep("wijken", "Wijkdocumenten", per_gebied=True),
    voorladen=("wijkrapport.rapporten.wijkdocument.views", "wijkrapport.rapporten.wijkdocument.meldingen_views",
               "wijkrapport.domain.actieplan", "wijkrapport.sources.actieplan", "wijkrapport.rendering.maps"),
    teksten=("wijkrapport.domain.wijkteksten", "wijkrapport.taal"),
    ontbrekend=ontbrekend,
)
