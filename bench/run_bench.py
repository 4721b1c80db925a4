#!/usr/bin/env python3
"""Benchmark of the run engine (not a test): prints figures and ratios.

Measures, on a copy of the project in a temporary folder, with the same number of workers:
  1. the kernel-start floor: as many empty notebooks as a full build runs, via papermill's API (its default
     kernel start), the lower of two runs; for comparison also through this engine's kernel start (forked
     from a preloaded server);
  2. a full ``--force`` build of every report of the year;
  3. a rerun with nothing changed;
  4. a rebuild after touching one wijk's params;
  5. a synthetic scale test: 100 wijken (the real ones plus generated copies), same notebook;
and prints each figure, full/floor and the cost per extra wijk against the targets
(full <= 2,5 x floor; no-change <= 2 s; one wijk changed <= 8 s; <= 1,5 s per extra wijk).

Usage: ``make bench`` or ``.venv/bin/python bench/run_bench.py [--jobs N] [--wijken 100]``
"""

from __future__ import annotations

import argparse
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
    from wijkrapport.notebooks import execute

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
        from wijkrapport.executors import _werker_start

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


def add_synthetic_wijken(project: Path, total: int) -> int:
    """Generate wijken (copies of real ones with shifted figures) until ``total``; return how many were added."""
    wdir = project / "data" / "wijken"
    cw = pd.read_csv(wdir / "crosswalk.csv", dtype=str, keep_default_na=False)
    rz = wdir / "rotterdam-raadzoeker-wijkprofiel-cbs-politie"
    files = {n: pd.read_csv(rz / n, dtype=str, keep_default_na=False) for n in
             ("cbs_kerncijfers_wijk_2022_2025.csv", "wijkprofiel_index_wijk_2014_2026.csv",
              "politie_misdrijven_wijk_2018_2025.csv")}
    with_data = cw[cw["wijk_slug"].isin(files["politie_misdrijven_wijk_2018_2025.csv"]["wijk_slug"])]
    real = len(with_data)
    extra = max(0, total - real)
    new_cw = []
    for i in range(extra):
        base = with_data.iloc[i % real]
        slug = f"synthetisch-{i + 1:03d}"
        code = f"BU0599{9000 + i:04d}"
        row = base.copy()
        row["wijk_slug"], row["wijk_naam"], row["cbs_buurtcodes"] = slug, f"Synthetische wijk {i + 1}", code
        row["gebied_slug"], row["nprz_verhuis_naam"], row["opmerking"] = "synthetisch", "", ""
        new_cw.append(row)
        for name, df in files.items():
            rows = df[df["wijk_slug"] == base["wijk_slug"]].copy()
            rows["wijk_slug"] = slug
            if "cbs_buurtcode" in rows:
                rows["cbs_buurtcode"] = code
            files[name] = pd.concat([files[name], rows], ignore_index=True)
    pd.concat([cw, pd.DataFrame(new_cw)], ignore_index=True).to_csv(wdir / "crosswalk.csv", index=False)
    for name, df in files.items():
        df.to_csv(rz / name, index=False)
    params = yaml.safe_load((project / "params" / "2024" / "wijken.yml").read_text(encoding="utf-8"))
    params["wijken"] += [{"slug": f"synthetisch-{i + 1:03d}"} for i in range(extra)]
    (project / "params" / "2024" / "wijken.yml").write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
    return extra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--wijken", type=int, default=100, help="number of wijken in the scale test")
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
        figures = {}
        # the floor is mostly waiting (process start, jupyter_client's timers) and varies from run to run:
        # the lower of two runs, which never flatters the ratio full/floor
        floors = [floor(tmp, n_notebooks, args.jobs) for _ in range(2)]
        figures["floor"] = min(floors)
        print(f"kernel-start floor: {' and '.join(f'{f:.1f}' for f in floors)} s", flush=True)
        figures["floor_engine"] = floor(tmp, n_notebooks, args.jobs, engine=True)
        print(f"kernel-start floor, this engine's kernels: {figures['floor_engine']:.1f} s", flush=True)
        figures["full"] = _cli(project, "--force", "--jobs", str(args.jobs))
        print(f"full build: {figures['full']:.1f} s", flush=True)
        figures["nochange"] = _cli(project, "--jobs", str(args.jobs))
        wijken_yml = project / "params" / "2024" / "wijken.yml"
        params = yaml.safe_load(wijken_yml.read_text(encoding="utf-8"))
        params["wijken"][0]["titel"] = "Carnisse (benchmark)"
        wijken_yml.write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
        figures["one_wijk"] = _cli(project, "--jobs", str(args.jobs))
        # scale: wijkdocumenten only, real set vs real + synthetic
        base = _cli(project, "--force", "--jobs", str(args.jobs), "--only", *[w["slug"] for w in params["wijken"]])
        extra = add_synthetic_wijken(project, args.wijken)
        slugs = [w["slug"] for w in yaml.safe_load(wijken_yml.read_text(encoding="utf-8"))["wijken"]]
        scaled = _cli(project, "--force", "--jobs", str(args.jobs), "--only", *slugs)
        per_extra = (scaled - base) / extra if extra else float("nan")

    print(f"workers: {args.jobs}; notebooks in a full build: {n_notebooks} in {len(rapporten)} reports "
          f"({n_wijken} wijkdocumenten, voortgangsrapportage, programmes)")
    print(f"kernel-start floor ({n_notebooks} empty notebooks) : {figures['floor']:7.1f} s   (papermill's own kernel start; "
          f"lower of {' and '.join(f'{f:.1f}' for f in floors)} s)")
    print(f"  the same through this engine's kernels: {figures['floor_engine']:7.1f} s   (forked from a preloaded server)")
    print(f"full --force build                     : {figures['full']:7.1f} s   "
          f"ratio full/floor {figures['full'] / figures['floor']:.2f} (target <= 2.5); "
          f"against the engine's own floor {figures['full'] / figures['floor_engine']:.2f}")
    print(f"rerun, nothing changed                 : {figures['nochange']:7.1f} s   (target <= 2 s)")
    print(f"rebuild after one wijk's params changed: {figures['one_wijk']:7.1f} s   (target <= 8 s)")
    print(f"scale: {n_wijken} wijken {base:.1f} s, {n_wijken + extra} wijken {scaled:.1f} s; "
          f"per extra wijk {per_extra:.2f} s (target <= 1.5 s)")


if __name__ == "__main__":
    main()
