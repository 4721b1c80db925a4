"""Write ``params/<jaar>/wijkraden.yml`` from the data's wijk -> wijkraad mapping.

``python -m wijkrapport.tools.wijkraadparams <jaar>`` (the year comes from the command line). The grouping rules, and how
a wijkraad named twice in the source (after a merger or rename) is handled, are in ``wijkrapport.domain.wijkraden``.
"""

from __future__ import annotations

import sys

from wijkrapport import config, paths
from wijkrapport.atomic import schrijf_atomair


def tekst(jaar: int) -> str:
    """The file's text for ``jaar``: wijken in the order of ``params/<jaar>/wijken.yml`` (else the data's order)."""
    from wijkrapport.domain import wijkraden
    from wijkrapport.sources import raadzoeker
    from wijkrapport.sources import wijken as src

    raadzoeker.validate_all()
    data_volgorde = list(raadzoeker.load_wijken()["wijk_slug"])
    wijken_params = config.wijken_params(jaar)
    volgorde = [w.slug for w in wijken_params.wijken] if wijken_params else []
    volgorde += [w for w in data_volgorde if w not in volgorde]
    namen = raadzoeker.load_wijkraad_namen()
    stukken = raadzoeker.load_wijkraad_stukken()
    auteurs = stukken.groupby("wijk_slug")["auteur"].agg(list).to_dict()
    raden = wijkraden.groepeer(namen, volgorde, auteurs)
    cw = src.load_crosswalk().set_index("wijk_slug")
    bron = paths.rel(raadzoeker.folder() / "wijkraden.csv")
    return wijkraden.wijkraden_yml(raden, jaar, cw["gebied_naam"].to_dict(), cw["wijk_naam"].to_dict(),
                                   zonder=wijkraden.zonder_wijkraad(namen, volgorde), bron=bron)


def schrijf(jaar: int) -> str:
    """Write the file and return its path relative to the project."""
    path = paths.year_params_dir(jaar) / "wijkraden.yml"
    schrijf_atomair(path, tekst(jaar).encode("utf-8"))
    return paths.rel(path)


def main(argv: list[str] | None = None) -> int:
    from wijkrapport.errors import WijkrapportError

    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not argv[0].isdigit():
        print("gebruik: python -m wijkrapport.tools.wijkraadparams <jaar>", file=sys.stderr)
        return 2
    try:
        print(f"{schrijf(int(argv[0]))} geschreven.")
    except WijkrapportError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
