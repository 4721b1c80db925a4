#!/usr/bin/env python3
"""Benchmark of the run engine (not a test): prints figures and ratios.

Measures, on a copy of the project in a temporary folder, with the same number of workers:
  1. the kernel-start floor: as many empty notebooks as a full build runs, via papermill's API (its default
     kernel start), the lower of two runs; for comparison also through this engine's kernel start (forked
     from a preloaded server);
  2. a full ``--force`` build of every report of the year;
  3. a rerun with nothing changed;
  4. a rebuild after touching one wijk's params;
  5. a synthetic scale test: the real wijkdocumenten and wijkraad editions, then the same with 100 wijken in the
     data (the 71 real ones plus copies in every 71-wijk file, the crosswalk and the params; a synthetic
     wijkraad per two synthetic wijken), so the Rotterdam column and the comparisons run over more wijken;
and prints each figure, full/floor and the cost per extra wijk against the targets
(full <= 2,5 x floor; no-change <= 2 s; one wijk changed <= 8 s; <= 1,5 s per extra wijk), and the worker
seconds per wijkdocument and per wijkraad edition from the manifest (``duur_*``).

Usage: ``make bench`` or ``.venv/bin/python bench/run_bench.py [--jobs N] [--wijken 100] [--base N] [--scale-only]``
(a small check: ``--scale-only --base 4 --wijken 75``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _cli(project: Path, *args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "run_reports.py"), "--year", "2024", *args,
                             "--out", str(project / "reports")],
                            env={**os.environ, "WIJKRAPPORT_ROOT": str(project)}, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"run failed ({result.returncode}):\n{result.stderr}")
    return took


def _empty_papermill(path: str) -> None:
    """The floor as the issue defines it: an empty notebook through papermill's API, its default kernel start."""
    import papermill as pm

    for attempt in (1, 2):  # papermill issue 511: parallel TCP kernels may race for a port
        try:
            pm.execute_notebook(path, str(Path(path).with_suffix(".out.ipynb")), kernel_name="python3",
                                progress_bar=False, cwd=str(Path(path).parent))
            return
        except Exception:
            if attempt == 2:
                raise


def _stil() -> None:
    """Pool initialiser: the kernels' own log lines (TCP warnings, shutdown noise) stay out of the figures."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _empty_engine(path: str) -> None:
    """The same empty notebook through this engine's kernel start (IPC, forked from a preloaded server)."""
    from wijkrapport.engine.notebooks import execute

    execute(Path(path), Path(path).with_suffix(".out.ipynb"), {"jaar": 2024}, Path(path).parent, 60)


def floor(folder: Path, count: int, jobs: int, engine: bool = False) -> float:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("jaar = 2024")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    paths = []
    for i in range(count):
        p = folder / f"leeg_{i:03d}.ipynb"
        nbformat.write(nb, p)
        paths.append(str(p))
    start = time.perf_counter()
    if engine:
        from wijkrapport.engine.executors import _werker_start

        with ProcessPoolExecutor(max_workers=jobs, initializer=_werker_start) as pool:
            list(pool.map(_empty_engine, paths))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_stil) as pool:
            list(pool.map(_empty_papermill, paths))
    return time.perf_counter() - start


def copy_project(folder: Path) -> Path:
    project = folder / "project"
    for name in ("notebooks", "params", "data"):
        shutil.copytree(ROOT / name, project / name)
    return project


#: the 71-wijk files, each with a ``wijk_slug`` column: a synthetic wijk gets a copy of its model wijk's rows
RAADZOEKER = "rotterdam-raadzoeker-71-wijken"
PER_WIJK = ("wijken.csv", "cbs_kerncijfers.csv", "wijkprofiel_index.csv", "wijkprofiel_detail.csv",
            "politie_misdrijven.csv", "wijkraden.csv", "wijkraad_stukken.csv", "toezeggingen.csv",
            "stukken_aantallen.csv")


def add_synthetic_wijken(project: Path, extra: int, per_raad: int = 2) -> tuple[list[str], list[str]]:
    """Add ``extra`` wijken to the data and the params, and a wijkraad for every ``per_raad`` of them.

    Each synthetic wijk copies a real wijk (in turn) in every file the reports read: the crosswalk row (own slug,
    name and CBS buurt code, the model's gebied and map shape, no NPRZ name), and its rows in the 71-wijk files
    (kerncijfers, Wijkprofiel with detail, police, its wijkraad's documents and the college's toezeggingen).
    So the Rotterdam column, the comparison with similar wijken and the checks all see more wijken, and a new
    wijkdocument or edition costs what a real one does. Returns the new wijk and wijkraad slugs."""
    wdir = project / "data" / "wijken"
    rz = wdir / RAADZOEKER
    cw = pd.read_csv(wdir / "crosswalk.csv", dtype=str, keep_default_na=False)
    files = {n: pd.read_csv(rz / n, dtype=str, keep_default_na=False) for n in PER_WIJK}
    modellen = cw["wijk_slug"].tolist()
    new_cw, slugs = [], []
    for i in range(extra):
        model = cw[cw["wijk_slug"] == modellen[i % len(modellen)]].iloc[0]
        slug, naam = f"synthetisch-{i + 1:03d}", f"Synthetische wijk {i + 1}"
        code = f"BU0599{9000 + i:04d}"
        row = model.copy()
        row["wijk_slug"], row["wijk_naam"], row["wijkprofiel_naam"] = slug, naam, naam
        row["cbs_buurtcodes"], row["politie_code"], row["cbs_buurtnamen_2018"] = code, code, naam
        row["nprz_verhuis_naam"], row["nprz_focuswijk"], row["opmerking"] = "", "false", "synthetisch (benchmark)"
        new_cw.append(row)
        slugs.append(slug)
        for name, df in files.items():
            rows = df[df["wijk_slug"] == model["wijk_slug"]].copy()
            rows["wijk_slug"] = slug
            if name == "wijken.csv":
                rows["wijk_naam"] = naam
            if name == "wijkraden.csv":
                rows = rows.head(1).assign(wijkraad_naam=f"Synthetische wijkraad {i // per_raad + 1}")
            files[name] = pd.concat([df, rows], ignore_index=True)
    pd.concat([cw, pd.DataFrame(new_cw)], ignore_index=True).to_csv(wdir / "crosswalk.csv", index=False)
    for name, df in files.items():
        df.to_csv(rz / name, index=False, lineterminator="\n")
    year = project / "params" / "2024"
    params = yaml.safe_load((year / "wijken.yml").read_text(encoding="utf-8"))
    params["wijken"] += [{"slug": s} for s in slugs]
    (year / "wijken.yml").write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
    raden = yaml.safe_load((year / "wijkraden.yml").read_text(encoding="utf-8"))
    nieuw = [{"slug": f"wijkraad-synthetisch-{j + 1:03d}", "naam": f"Synthetische wijkraad {j + 1}",
              "wijken": slugs[j * per_raad:(j + 1) * per_raad]} for j in range((extra + per_raad - 1) // per_raad)]
    raden["wijkraden"] += nieuw
    (year / "wijkraden.yml").write_text(yaml.safe_dump(raden, allow_unicode=True), encoding="utf-8")
    return slugs, [r["slug"] for r in nieuw]


def cost_per_report(project: Path, ids: set[str]) -> dict[str, dict[str, float]]:
    """Worker seconds per report type from the manifest's ``duur_*`` fields, over the reports in ``ids``:
    {'wijken': {'n', 'duur_s', 'duur_notebooks_s', 'duur_html_pdf_s'}, 'wijkraden': {...}} (means)."""
    manifest = json.loads((project / "reports" / "2024" / "manifest.json").read_text(encoding="utf-8"))
    out = {}
    for soort in ("wijken", "wijkraden"):
        entries = [e for rid, e in manifest["rapporten"].items() if rid in ids and rid.startswith(f"{soort}/")]
        if entries:
            out[soort] = {"n": len(entries), **{k: sum(e[k] for e in entries) / len(entries)
                                                for k in ("duur_s", "duur_notebooks_s", "duur_html_pdf_s")}}
    return out


def _kosten(label: str, kosten: dict[str, dict[str, float]]) -> str:
    woord = {"wijken": "wijkdocument", "wijkraden": "wijkraad edition"}
    return f"{label}: " + "; ".join(f"{c['duur_s']:.2f} worker s per {woord[s]} (mean of {c['n']}; notebooks "
                                    f"{c['duur_notebooks_s']:.2f}, HTML and PDF {c['duur_html_pdf_s']:.2f})"
                                    for s, c in kosten.items())


def scale(project: Path, jobs: int, total: int, base: int | None) -> dict:
    """The scale test: build ``base`` real wijken (default all) with the wijkraden made of them, then add
    synthetic wijken (and wijkraden) to the data until ``total`` wijken and build those plus the new ones."""
    year = project / "params" / "2024"
    wijken = [w["slug"] for w in yaml.safe_load((year / "wijken.yml").read_text(encoding="utf-8"))["wijken"]]
    gekozen = wijken[:base] if base else wijken
    raden = [r["slug"] for r in yaml.safe_load((year / "wijkraden.yml").read_text(encoding="utf-8"))["wijkraden"]
             if set(r["wijken"]) <= set(gekozen)]
    ids = {f"wijken/{s}" for s in gekozen} | {f"wijkraden/{s}" for s in raden}
    t_base = _cli(project, "--force", "--jobs", str(jobs), "--only", *gekozen, *raden)
    k_base = cost_per_report(project, ids)
    print(f"scale, {len(wijken)} wijken in the data: {len(gekozen)} wijkdocumenten and {len(raden)} edition(s) "
          f"in {t_base:.1f} s", flush=True)
    nieuwe_wijken, nieuwe_raden = add_synthetic_wijken(project, max(0, total - len(wijken)))
    t_scaled = _cli(project, "--force", "--jobs", str(jobs), "--only", *gekozen, *raden, *nieuwe_wijken, *nieuwe_raden)
    alle = ids | {f"wijken/{s}" for s in nieuwe_wijken} | {f"wijkraden/{s}" for s in nieuwe_raden}
    return {"wijken": len(wijken), "extra": len(nieuwe_wijken), "raden": len(raden), "extra_raden": len(nieuwe_raden),
            "gekozen": len(gekozen), "base": t_base, "scaled": t_scaled, "k_base": k_base,
            "k_zelfde": cost_per_report(project, ids), "k_alle": cost_per_report(project, alle)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--wijken", type=int, default=100, help="number of wijken in the data for the scale test")
    ap.add_argument("--base", type=int, default=None,
                    help="scale test: build only the first N real wijken (and the wijkraden made of them); default all")
    ap.add_argument("--scale-only", action="store_true", help="only the scale test (no floor, full build or reruns)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "lib"))
    from wijkrapport import config, plan

    with tempfile.TemporaryDirectory(prefix="wijkrapport-bench-") as tmp:
        tmp = Path(tmp)
        project = copy_project(tmp)
        os.environ["WIJKRAPPORT_ROOT"] = str(project)
        rapporten = plan.plan(2024, None).rapporten
        n_notebooks = sum(len(r.hoofdstukken) for r in rapporten)
        n_wijken = len(config.wijken_params(2024).wijken)
        n_raden = len(config.wijkraden_params(2024).wijkraden)
        figures = {}
        if not args.scale_only:
            # the floor is mostly waiting (process start, jupyter_client's timers) and varies from run to run:
            # the lower of two runs, which never flatters the ratio full/floor
            floors = [floor(tmp, n_notebooks, args.jobs) for _ in range(2)]
            figures["floor"] = min(floors)
            print(f"kernel-start floor: {' and '.join(f'{f:.1f}' for f in floors)} s", flush=True)
            figures["floor_engine"] = floor(tmp, n_notebooks, args.jobs, engine=True)
            print(f"kernel-start floor, this engine's kernels: {figures['floor_engine']:.1f} s", flush=True)
            figures["full"] = _cli(project, "--force", "--jobs", str(args.jobs))
            figures["k_full"] = cost_per_report(project, {r.id for r in rapporten})
            print(f"full build: {figures['full']:.1f} s", flush=True)
            figures["nochange"] = _cli(project, "--jobs", str(args.jobs))
            wijken_yml = project / "params" / "2024" / "wijken.yml"
            params = yaml.safe_load(wijken_yml.read_text(encoding="utf-8"))
            params["wijken"][0]["titel"] = f"{params['wijken'][0]['slug']} (benchmark)"
            wijken_yml.write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
            figures["one_wijk"] = _cli(project, "--jobs", str(args.jobs))
        sc = scale(project, args.jobs, args.wijken, args.base)

    print(f"workers: {args.jobs}; notebooks in a full build: {n_notebooks} in {len(rapporten)} reports "
          f"({n_wijken} wijkdocumenten, {n_raden} wijkraad editions, voortgangsrapportage, programmes)")
    if not args.scale_only:
        print(f"kernel-start floor ({n_notebooks} empty notebooks) : {figures['floor']:7.1f} s   (papermill's own "
              f"kernel start; lower of {' and '.join(f'{f:.1f}' for f in floors)} s)")
        print(f"  the same through this engine's kernels: {figures['floor_engine']:7.1f} s   (forked from a preloaded server)")
        print(f"full --force build                     : {figures['full']:7.1f} s   "
              f"ratio full/floor {figures['full'] / figures['floor']:.2f} (target <= 2.5); "
              f"against the engine's own floor {figures['full'] / figures['floor_engine']:.2f}")
        print("  per report, " + _kosten("full build", figures["k_full"]))
        print(f"rerun, nothing changed                 : {figures['nochange']:7.1f} s   (target <= 2 s)")
        print(f"rebuild after one wijk's params changed: {figures['one_wijk']:7.1f} s   (target <= 8 s)")
    nieuw = sc["extra"] + sc["extra_raden"]
    per_extra = (sc["scaled"] - sc["base"]) / sc["extra"] if sc["extra"] else float("nan")
    print(f"scale: {sc['gekozen']} wijkdocumenten and {sc['raden']} edition(s) with {sc['wijken']} wijken in the data "
          f"{sc['base']:.1f} s; the same plus {sc['extra']} synthetic wijken and {sc['extra_raden']} editions "
          f"({nieuw} reports more) with {sc['wijken'] + sc['extra']} wijken in the data {sc['scaled']:.1f} s; "
          f"per extra wijk {per_extra:.2f} s wall time, its edition share included (target <= 1.5 s)")
    print("  per report, " + _kosten(f"{sc['wijken']} wijken in the data", sc["k_base"]))
    print("  per report, " + _kosten(f"the same reports with {sc['wijken'] + sc['extra']} wijken in the data",
                                     sc["k_zelfde"]))
    print("  per report, " + _kosten("all reports of the larger run", sc["k_alle"]))


if __name__ == "__main__":
    main()
