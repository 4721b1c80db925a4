"""Shared helpers for the integration and output tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None, timeout: float = 1200) -> subprocess.CompletedProcess:
    """Run ``run_reports.py`` as a user would, in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "run_reports.py"), *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def make_project(tmp_path: Path, voortgang_yml: str | None = None, wijken_yml: str | None = None,
                 wijkraden_yml: str | None = None) -> Path:
    """A copy of the project's notebooks, params and data in ``tmp_path`` (use with WIJKRAPPORT_ROOT).

    Wijkraad editions only where a test asks for them (``wijkraden_yml``): the project's own list (39 editions)
    is left out, so a test's profile stays small."""
    import shutil

    root = tmp_path / "project"
    for name in ("notebooks", "params", "data"):
        shutil.copytree(ROOT / name, root / name)
    year = root / "params" / "2024"
    if voortgang_yml is not None or wijken_yml is not None:
        shutil.rmtree(year)
        year.mkdir()
    if voortgang_yml is not None:
        (year / "voortgangsrapportage.yml").write_text(voortgang_yml, encoding="utf-8")
    if wijken_yml is not None:
        (year / "wijken.yml").write_text(wijken_yml, encoding="utf-8")
    (year / "wijkraden.yml").unlink(missing_ok=True)
    if wijkraden_yml is not None:
        (year / "wijkraden.yml").write_text(wijkraden_yml, encoding="utf-8")
    return root


WIJK_PARAMETERS = 'jaar = 2024\nwijk = "carnisse"\ntabellen_dir = ""'


def notebook(parameters: str, *cellen: str):
    """A small notebook: a cell tagged ``parameters``, then code cells, with the project's kernel."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(c) for c in cellen)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb
