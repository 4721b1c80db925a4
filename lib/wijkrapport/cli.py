"""Command line: ``python run_reports.py [--year YEAR] [--only REPORT ...] [--jobs N] ...``.

Exit codes: 0 all reports built or up to date; 1 one or more reports failed (or could not be published);
2 usage or configuration error; 3 data validation error; 4 another run holds the project or output folder;
130/143 interrupted (SIGINT/SIGTERM), nothing more published.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from .errors import EXIT_CONFIG, EXIT_INTERRUPTED, EXIT_OK, EXIT_REPORT_FAILED, WijkrapportError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="run_reports.py", description="Bouw de rapporten van een jaar (HTML, PDF, CSV).",
        usage="%(prog)s [--year YEAR] [--only REPORT ...] [--jobs N] [--force] [--timeout S] [--out DIR] "
        "[--executor {local,dask}] [--scheduler ADRES]\n       %(prog)s new-year JAAR\n"
        "       %(prog)s cbs-import TABEL --gemeente GMxxxx [...]")
    from .paths import laatste_jaar

    standaard = laatste_jaar()
    p.add_argument("--year", type=int, default=standaard,
                   help=f"rapportjaar (standaard het laatste jaar in params/: {standaard})")
    from .rapporten import soorten

    soort = [s.omschrijving.format(params=f"params/<jaar>/{s.params}") for s in soorten()]
    p.add_argument("--only", nargs="+", metavar="REPORT", help=f"alleen deze rapporten: {', '.join(soort[:-1])} of {soort[-1]}")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="aantal notebooks tegelijk")
    p.add_argument("--force", action="store_true", help="alles opnieuw bouwen")
    p.add_argument("--timeout", type=float, default=600,
                   help="maximale duur per notebook in seconden, kernelstart inbegrepen (standaard 600); "
                   "een notebook die langer duurt, laat alleen dat rapport mislukken")
    p.add_argument("--out", type=Path, default=None, help="uitvoermap in plaats van reports/")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="local: procespool op deze machine (standaard); dask: een Dask-cluster")
    p.add_argument("--scheduler", default=None, help="adres van de Dask-scheduler (bij --executor dask)")
    p.set_defaults(opdracht=bouw)
    sub = p.add_subparsers(title="opdrachten", metavar="OPDRACHT",
                           description="zonder opdracht: bouw de rapporten van een jaar")

    ny = sub.add_parser("new-year", prog="run_reports.py new-year", help="maak params/<jaar>/ van het vorige jaar",
                        description="Maak params/<jaar>/ van het vorige jaar.")
    ny.add_argument("jaar", type=int)
    ny.set_defaults(opdracht=new_year)

    cbs = sub.add_parser("cbs-import", prog="run_reports.py cbs-import", help="haal een CBS StatLine-tabel op",
                         description="Haal een CBS StatLine-tabel op voor gemeenten en schrijf nette CSV + metadata "
                         "naar data/cbs/<tabel>/.")
    cbs.add_argument("tabel", help="StatLine-tabelnummer, bijvoorbeeld 85984NED")
    cbs.add_argument("--gemeente", action="append", required=True, metavar="GMxxxx",
                     help="CBS-gemeentecode (herhaalbaar): GM en vier cijfers")
    cbs.add_argument("--variabele", action="append", default=None, metavar="SLEUTEL",
                     help="alleen deze CBS-sleutels (herhaalbaar), bijvoorbeeld AantalInwoners_5")
    cbs.add_argument("--out", type=Path, default=None, help="map in plaats van data/cbs/")
    cbs.set_defaults(opdracht=cbs_import)
    return p


def new_year(args: argparse.Namespace, argv: list[str]) -> int:
    from .tools.newyear import scaffold

    try:
        missing = scaffold(args.jaar)
    except WijkrapportError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"params/{args.jaar}/ gemaakt.")
    if missing:
        print(f"Nog niet binnen voor {args.jaar}, per rapport (een hoofdstuk zonder cijfers zegt "
              f"'nog geen cijfers over {args.jaar}'):")
        for soort, regels in missing.items():
            print(f"{soort.lower()}:")
            for r in regels:
                print(f"  - {r}")
    else:
        print(f"Alle data voor {args.jaar} zijn er: make reports YEAR={args.jaar}")
    return 0


def cbs_import(args: argparse.Namespace, argv: list[str]) -> int:
    from .tools.cbs_import import importeer

    try:
        target = importeer(args.tabel, args.gemeente, args.variabele, args.out)
    except WijkrapportError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # network or disk: nothing was written (the folder is replaced only at the end)
        print(f"fout: CBS-tabel {args.tabel} niet opgehaald: {exc}", file=sys.stderr)
        return EXIT_REPORT_FAILED
    print(f"{target}: data.csv, variabelen.csv en metadata.json geschreven.")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    return args.opdracht(args, argv)


def bouw(args: argparse.Namespace, argv: list[str]) -> int:
    """Build the reports of ``args.year`` (the command without a subcommand)."""
    fout = _argumentfout(args)
    if fout:
        print(f"fout: {fout}", file=sys.stderr)
        return EXIT_CONFIG
    from .engine import locking, output_folder, processes
    from .engine.transaction import oorzaak

    out_root = args.out
    try:
        out_root = output_folder.bepaal(args.out)
        output_folder.controleer(out_root, args.year)
        with processes.signalen(), processes.tijdelijke_map(), locking.vergrendel(out_root, argv) as vorige:
            for melding in vorige + locking.ruim_op(out_root):
                print(f"waarschuwing: {melding}", file=sys.stderr)
            from .engine.runner import run
            from .plan import plan

            uitkomsten = run(plan(args.year, args.only), args.year, out_root, args.jobs, args.timeout, force=args.force,
                             executor_kind=args.executor, scheduler=args.scheduler, volledig=not args.only)
    except WijkrapportError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        signaal = f" ({exc.naam})" if isinstance(exc, processes.Onderbroken) else ""
        print(f"onderbroken{signaal}: rapporten die nog niet klaar waren zijn niet gepubliceerd en er is niets half "
              "vervangen; wat eerder gepubliceerd was staat er nog, met een manifest.json dat precies dat noemt.",
              file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_INTERRUPTED)
    except OSError as exc:  # the disk, the output folder or build/: nothing was half published (see transactie)
        print(f"fout: {oorzaak(exc)}", file=sys.stderr)
        return EXIT_REPORT_FAILED
    return _samenvatting(uitkomsten, out_root / str(args.year))


def _argumentfout(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments (checked before anything else, whatever needs building)."""
    if args.year is None:
        return "geen rapportjaar: params/ heeft geen map <jaar>/; geef --year of maak er een met new-year"
    if args.jobs < 1:
        return "--jobs moet minstens 1 zijn"
    kernen = os.cpu_count() or 1
    if args.executor == "local" and args.jobs > 4 * kernen:
        return (f"--jobs {args.jobs} is meer dan 4 keer het aantal processorkernen ({kernen}): elke werker laadt de "
                f"bibliotheken en start eigen kernels; kies hooguit {4 * kernen}")
    if not math.isfinite(args.timeout) or args.timeout <= 0:
        return f"--timeout moet een getal groter dan 0 zijn (seconden per notebook), niet {args.timeout:g}"
    if args.executor == "dask" and not args.scheduler:
        return "--executor dask vraagt --scheduler ADRES"
    return None


def _samenvatting(uitkomsten: list, uitvoer: Path) -> int:
    failed = [u for u in uitkomsten if u.status == "mislukt"]
    built = [u for u in uitkomsten if u.status == "gebouwd"]
    current = [u for u in uitkomsten if u.status == "actueel"]
    removed = [u for u in uitkomsten if u.status == "verwijderd"]
    for u in removed:
        print(f"Verwijderd: {u.rapport} staat niet meer in de params; {len(u.outputs)} bestand(en) weggehaald.")
    if current and not built and not failed and not removed:
        print(f"Niets te doen: alle {len(current)} rapport(en) zijn actueel (gebruik --force om toch te bouwen).")
    weg = f", {len(removed)} verwijderd" if removed else ""
    print(f"{len(built)} rapport(en) gebouwd, {len(current)} actueel, {len(failed)} mislukt{weg}; uitvoer in {uitvoer}")
    for u in failed:
        where = f" (notebook {u.notebook}, cel {u.cel})" if u.notebook else ""
        print(f"  MISLUKT {u.rapport}{where}: {u.fout}", file=sys.stderr)
    return EXIT_REPORT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
