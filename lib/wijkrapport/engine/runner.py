"""Papermill orchestration: execute chapters in parallel, assemble, stage, publish.

A run builds every report in ``build/`` and publishes each complete report into ``reports/<jaar>/`` as a
whole set (``publiceren``); a failing report leaves its published files untouched.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wijkrapport import __version__, paths
from wijkrapport.atomic import lees_cache, schrijf_atomair
from wijkrapport.config import SLUG
from wijkrapport.errors import NotebookFailed, PublicatieFout, WerkprocesGestopt
from wijkrapport.incremental import up_to_date

from .executors import executor
from .manifest import lees as manifest_lezen
from .publishing import Uitgever
from .rapport import Plan, Rapport, Uitkomst

if TYPE_CHECKING:  # render imports nbconvert: workers import it in the background
    from wijkrapport.rendering.document import Fragment

log = logging.getLogger("wijkrapport")


def _chapter_output(rapport: Rapport, index: int, staging: Path) -> Path:
    nb, params = rapport.hoofdstukken[index]
    # slugs name the chapter (pijler, wijk, wijkraad); names and lists (spaces, ';') stay out of file names
    suffix = "".join(f"_{v}" for _, v in params if isinstance(v, str) and SLUG.match(v))
    return staging / rapport.notebooks_rel / f"{index + 1:02d}_{Path(nb).stem}{suffix}.ipynb"


_opwarmen: threading.Thread | None = None


def _importeer_omzetting() -> None:
    try:
        import weasyprint  # noqa: F401

        from wijkrapport.rendering import document, opendata  # noqa: F401
    except Exception:  # noqa: BLE001 - a real import error surfaces where the module is used
        pass


def _start_opwarmen() -> None:
    """Once per worker: import the HTML and PDF libraries in the background while the first kernel runs."""
    global _opwarmen
    if _opwarmen is None:
        _opwarmen = threading.Thread(target=_importeer_omzetting, daemon=True, name="opwarmen")
        _opwarmen.start()


def opwarmen() -> None:
    """Worker task at the start of a run: import the notebook machinery (papermill) now, and the HTML and
    PDF libraries in the background, while the parent process still checks the data."""
    import nbclient.exceptions  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from . import kernels, notebooks  # noqa: F401

    _start_opwarmen()


def _wacht_op_opwarmen() -> None:
    if _opwarmen is not None:
        _opwarmen.join()


def run_chapter(rapport: Rapport, index: int, staging: Path, timeout: float | None) -> tuple[int, Fragment, float]:
    """Worker: execute one chapter notebook and convert it to an HTML fragment (with its print images)."""
    import nbformat

    from .notebooks import execute

    _start_opwarmen()
    nb_name, params = rapport.hoofdstukken[index]
    parameters = dict(params)
    parameters["tabellen_dir"] = str(staging / rapport.data_rel)
    output = _chapter_output(rapport, index, staging)
    seconds = execute(paths.notebooks_dir() / nb_name, output, parameters, paths.notebooks_dir(), timeout)
    _wacht_op_opwarmen()
    from wijkrapport.rendering.document import notebook_fragment

    fragment = notebook_fragment(nbformat.read(output, as_version=4))
    return index, fragment, seconds


def finish_report(rapport: Rapport, fragments: list[Fragment], staging: Path) -> tuple[list[str], float]:
    """Worker: assemble the chapters into one HTML and PDF, run the export hook; return the files and seconds."""
    begin = time.perf_counter()
    _wacht_op_opwarmen()
    from wijkrapport.rendering.document import Document, Hoofdstuk, assemble, html_to_pdf
    from wijkrapport.rendering.opendata import workbook

    meta = rapport.meta_dict()
    meta.setdefault("versie", __version__)
    doc = Document(titel=rapport.titel, ondertitel=rapport.ondertitel,
                   hoofdstukken=[Hoofdstuk(html=f.html) for f in fragments], meta=meta)
    if rapport.afronding:
        module, func = rapport.afronding.split(":")
        getattr(importlib.import_module(module), func)(rapport, staging)
    book = workbook(staging / rapport.data_rel, Path(rapport.html_rel).stem)
    if book is not None:
        href = os.path.relpath(book, (staging / rapport.html_rel).parent)
        tables = [{"href": os.path.relpath(c, (staging / rapport.html_rel).parent), "tekst": f"Tabel '{c.stem}' (CSV)"}
                  for c in sorted((staging / rapport.data_rel).glob("*.csv"))]
        meta["downloads"] = [*meta.get("downloads", []), {"href": href, "tekst": "Alle tabellen als Excel-werkmap (xlsx)"},
                             *tables]
    html = assemble(doc)
    html_path = staging / rapport.html_rel
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(html, encoding="utf-8")
    drukbeelden = {k: v for f in fragments for k, v in f.drukbeelden.items()}
    html_to_pdf(html, staging / rapport.pdf_rel, base_url=html_path.parent, drukbeelden=drukbeelden)
    from wijkrapport.rendering.pdfcheck import (
        controleer,  # a word or image outside its page fails the report: nothing is published cut
    )

    controleer(staging / rapport.pdf_rel, rapport.pdf_rel)
    return sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file()), time.perf_counter() - begin


class Voortgang:
    """Progress display: a tqdm bar on a terminal, plain log lines otherwise."""

    def __init__(self, totaal: int):
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=totaal, unit="stap", file=sys.stderr)

    def stap(self, tekst: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(tekst[-40:])
            self.bar.update(1)
        else:
            print(tekst, file=sys.stderr, flush=True)

    def sluit(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _meld(tekst: str) -> None:
    print(f"waarschuwing: {tekst}", file=sys.stderr, flush=True)


def _kernelstart_melden() -> None:
    """One line when the fast kernel start is off because a library's internals changed (see engine.kernels)."""
    from .kernels import snelle_start_mogelijk

    snel, reden = snelle_start_mogelijk()
    if not snel:
        _meld(f"snelle kernelstart uit, standaardkernels van jupyter_client ({reden})")


def run(plan: Plan, jaar: int, out_root: Path, jobs: int, timeout: float | None,
        force: bool = False, executor_kind: str = "local", scheduler: str | None = None,
        volledig: bool = False) -> list[Uitkomst]:
    """Build the reports whose inputs changed or whose published files are not intact (all with ``force``);
    publish each complete one as a whole set. With ``volledig`` (a run of every report of the year, no
    ``--only``) the reports the params no longer define are removed (outcome ``verwijderd``).

    The plan's checks of config and data run first, for the reports to build only; a failing
    check raises before anything is built. A run with nothing to do writes nothing.
    """
    rapporten = plan.rapporten
    target = out_root / str(jaar)
    manifest, meldingen = manifest_lezen(target)
    for melding in meldingen:
        _meld(melding)
    uitgever = Uitgever(target, manifest, plan.groepen)
    actueel = []
    if not force:
        actueel = [r for r in rapporten if up_to_date(manifest["rapporten"].get(r.id), dict(r.inputs), target)]
    te_bouwen = [r for r in rapporten if r not in actueel]
    result: dict[str, Uitkomst] = {}
    if te_bouwen:
        run_dir = paths.build_dir() / str(jaar) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S") / uuid.uuid4().hex[:8]
        try:
            # no more workers than notebooks: an idle worker would still start (and load) for nothing
            werkers = max(1, min(jobs, sum(len(r.hoofdstukken) for r in te_bouwen)))
            _kernelstart_melden()
            with _voorladen(plan.voorladen), executor(executor_kind, werkers, scheduler) as pool:
                for _ in range(werkers):
                    pool.submit(opwarmen)  # the workers get ready while the checks run
                _controleer(plan, {r.id for r in te_bouwen})
                result = _build(te_bouwen, run_dir, uitgever, pool, timeout)
        finally:  # after the pool has stopped, so no worker writes into it any more
            shutil.rmtree(run_dir, ignore_errors=True)
            _prune_empty(run_dir.parent)
    uitkomsten = [result.get(r.id, Uitkomst(r.id, "actueel")) for r in rapporten]
    ids = {r.id for r in rapporten}
    verwijderen = sorted(rid for rid in uitgever.manifest["rapporten"] if rid not in ids) if volledig else []
    return uitkomsten + uitgever.afsluiten(uitkomsten, verwijderen)


@contextmanager
def _voorladen(modules: tuple[str, ...]) -> Iterator[None]:
    """Name the modules the kernel fork servers import once (``engine.preload``) to the workers started now."""
    from .kernelserver import MODULES_ENV

    vorige = os.environ.get(MODULES_ENV)
    os.environ[MODULES_ENV] = ",".join(modules)
    try:
        yield
    finally:
        if vorige is None:
            os.environ.pop(MODULES_ENV, None)
        else:
            os.environ[MODULES_ENV] = vorige


def _controleer(plan: Plan, ids: set[str]) -> None:
    """Run the plan's checks for ``ids``; checks whose inputs passed before (``build/cache/controles.json``) are skipped."""
    path = paths.build_dir() / "cache" / "controles.json"
    geslaagd = {k for k in lees_cache(path, list) if isinstance(k, str)}
    nieuw = plan.controleer(ids, geslaagd)
    if nieuw - geslaagd:
        schrijf_atomair(path, json.dumps(sorted(geslaagd | nieuw)[-200:]))


def _build(rapporten: list[Rapport], run_dir: Path, uitgever: Uitgever, pool, timeout: float | None) -> dict[str, Uitkomst]:
    """Submit every chapter, finish each report whose chapters are done, publish it; staging in ``run_dir``."""
    stagings = {r.id: run_dir / r.id.replace("/", "__") for r in rapporten}
    fragments: dict[str, list[Fragment | None]] = {r.id: [None] * len(r.hoofdstukken) for r in rapporten}
    rekentijd = {r.id: 0.0 for r in rapporten}  # seconds of worker time per report
    uitkomsten: dict[str, Uitkomst] = {}
    by_id = {r.id: r for r in rapporten}
    progress = Voortgang(sum(len(r.hoofdstukken) + 1 for r in rapporten))
    pending: dict[Future, tuple[str, str]] = {}
    try:
        for r in rapporten:
            for i in range(len(r.hoofdstukken)):
                pending[pool.submit(run_chapter, r, i, stagings[r.id], timeout)] = (r.id, "hoofdstuk")
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                rid, kind = pending.pop(fut)
                rapport = by_id[rid]
                if rid in uitkomsten:  # already failed; ignore the rest of its work
                    continue
                try:
                    result = fut.result()
                except NotebookFailed as exc:
                    uitkomsten[rid] = Uitkomst(rid, "mislukt", fout=exc.error, notebook=exc.notebook, cel=exc.cell)
                    progress.stap(f"MISLUKT {rid}: {exc}")
                    continue
                except WerkprocesGestopt as exc:
                    waar = "bij het maken van HTML en PDF" if kind == "afronden" else "tijdens een hoofdstuk"
                    uitkomsten[rid] = Uitkomst(rid, "mislukt", fout=f"{exc} ({waar})")
                    progress.stap(f"MISLUKT {rid}: {exc}")
                    continue
                except Exception as exc:  # noqa: BLE001 - a report's failure is reported, not fatal
                    uitkomsten[rid] = Uitkomst(rid, "mislukt", fout=f"{type(exc).__name__}: {exc}")
                    progress.stap(f"MISLUKT {rid}: {type(exc).__name__}: {exc}")
                    continue
                if kind == "hoofdstuk":
                    index, fragment, secs = result
                    rekentijd[rid] += secs
                    fragments[rid][index] = fragment
                    progress.stap(f"{rid}: hoofdstuk {index + 1} van {len(rapport.hoofdstukken)} klaar")
                    if all(f is not None for f in fragments[rid]):
                        pending[pool.submit(finish_report, rapport, fragments[rid], stagings[rid])] = (rid, "afronden")
                else:
                    files, secs = result
                    uitkomst = Uitkomst(rid, "gebouwd", duur=rekentijd[rid] + secs, duur_notebooks=rekentijd[rid],
                                        outputs=files)
                    try:
                        uitgever.publiceer(rapport, stagings[rid], uitkomst)
                    except PublicatieFout as exc:
                        vorige = "; de vorige versie staat er nog ongewijzigd" if exc.intact else ""
                        uitkomsten[rid] = Uitkomst(rid, "mislukt", fout=f"publiceren mislukt: {exc}{vorige}")
                        progress.stap(f"MISLUKT {rid}: publiceren mislukt: {exc}")
                        continue
                    uitkomsten[rid] = uitkomst
                    progress.stap(f"{rid}: gepubliceerd")
    finally:
        progress.sluit()
    return {r.id: uitkomsten.get(r.id, Uitkomst(r.id, "mislukt", fout="niet afgerond")) for r in rapporten}


def _prune_empty(folder: Path) -> None:
    for p in (folder, folder.parent, folder.parent.parent):
        try:
            p.rmdir()
        except OSError:
            return
