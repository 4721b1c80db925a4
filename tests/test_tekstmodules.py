"""Each report type's code hash covers exactly the text modules its reports use (issue 22, part 4).

A text module is a module named ``*teksten`` or ``taal``; a type declares the ones its notebooks import
(``Soort.teksten``), and only those are in its ``wijkrapport-code`` input. The declaration is checked against
the import graph (grimp, as import-linter builds it): the modules a type's notebooks import in their code
cells, plus its planning and the build of a report, and everything those import in turn.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import grimp
import nbformat
import pytest
from helpers import ROOT, WIJK_PARAMETERS, make_project, notebook, run_cli
from wijkrapport import paths
from wijkrapport.incremental import code_hash, modulenaam, tekstmodule
from wijkrapport.rapporten import soorten

#: what runs for every report besides its notebooks and its type's planning (assembly, HTML, PDF, checks)
BOUW = ("wijkrapport.engine.runner",)


@pytest.fixture(scope="module")
def graaf():
    return grimp.build_graph("wijkrapport")


def _imports(notebook: Path) -> set[str]:
    """The ``wijkrapport`` modules a notebook's code cells import (``from pakket import module`` included)."""
    nb = nbformat.read(notebook, as_version=4)
    namen: set[str] = set()
    for cel in nb.cells:
        if cel.cell_type != "code":
            continue
        code = "\n".join(r for r in cel.source.splitlines() if not r.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                namen |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                namen.add(node.module)
                namen |= {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in namen if n == "wijkrapport" or n.startswith("wijkrapport.")}


def _notebooks_per_soort() -> dict[str, set[str]]:
    """The notebooks each type's reports run, over every year in params/ (a chapter list is params)."""
    from wijkrapport.plan import plan

    per_soort: dict[str, set[str]] = {s.naam: set() for s in soorten()}
    jaren = [int(p.name) for p in paths.params_dir().iterdir() if p.is_dir() and p.name.isdigit()]
    assert jaren
    for jaar in jaren:
        p = plan(jaar, None)
        for s in soorten():
            per_soort[s.naam] |= {nb for r in p.rapporten if s.landingsgroep().hoort_bij(r.id)
                                  for nb, _ in r.hoofdstukken}
    return per_soort


def _bereikt(graaf, wortels: set[str]) -> set[str]:
    """The modules ``wortels`` import directly or indirectly, with the packages their import runs."""
    modules = graaf.modules
    start = {m for w in wortels for m in _met_pakketten(w) if m in modules}
    return start | {m for w in start for m in graaf.find_upstream_modules(w)}


def _met_pakketten(module: str) -> list[str]:
    delen = module.split(".")
    return [".".join(delen[:i]) for i in range(1, len(delen) + 1)]


def test_every_type_declares_the_text_modules_its_reports_import(graaf):
    alle_teksten = {m for m in graaf.modules if tekstmodule(m)}
    assert "wijkrapport.taal" in alle_teksten and "wijkrapport.domain.wijkteksten" in alle_teksten
    notebooks = _notebooks_per_soort()
    fouten = []
    for s in soorten():
        assert notebooks[s.naam], f"{s.naam}: geen notebooks gevonden in params/"
        wortels = {m for nb in notebooks[s.naam] for m in _imports(paths.notebooks_dir() / nb)}
        assert wortels, f"{s.naam}: its notebooks import nothing from wijkrapport?"
        bereikt = _bereikt(graaf, wortels | {s.opzet.__module__, *BOUW}) & alle_teksten
        fouten += [f"report type {s.naam!r} uses text module {m} (imported by its notebooks or their modules) but "
                   f"does not declare it in Soort.teksten ({s.opzet.__module__})" for m in sorted(bereikt - set(s.teksten))]
        fouten += [f"report type {s.naam!r} declares {m} in Soort.teksten, which its reports do not import "
                   "(or which is no text module: *teksten or taal)" for m in sorted(set(s.teksten) - bereikt)]
    assert not fouten, "\n".join(fouten)


def test_the_import_parser_sees_from_package_import_module(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%matplotlib inline\nfrom wijkrapport.domain import wijkteksten as wt\n"
                                          "import wijkrapport.taal\nimport pandas as pd")]
    pad = tmp_path / "nb.ipynb"
    nbformat.write(nb, pad)
    assert _imports(pad) == {"wijkrapport.domain", "wijkrapport.domain.wijkteksten", "wijkrapport.taal"}


def test_the_text_module_rule_is_by_name():
    assert tekstmodule("wijkrapport.taal") and tekstmodule("wijkrapport.rapporten.wijkdocument.teksten")
    assert tekstmodule("wijkrapport.domain.wijkteksten")
    assert not tekstmodule("wijkrapport.rapporten.wijkdocument.views") and not tekstmodule("wijkrapport.taalkunde")
    assert modulenaam(ROOT / "lib" / "wijkrapport" / "domain" / "wijkteksten.py") == "wijkrapport.domain.wijkteksten"
    assert modulenaam(ROOT / "lib" / "wijkrapport" / "rapporten" / "__init__.py") == "wijkrapport.rapporten"


def test_editing_a_text_module_changes_the_code_hash_of_exactly_the_types_that_declare_it(tmp_path, graaf):
    """For every text module: after an edit, the types declaring it have a new ``wijkrapport-code``, the others
    keep theirs; any other module changes every type's (on a copy of the package)."""
    pkg = tmp_path / "wijkrapport"
    shutil.copytree(ROOT / "lib" / "wijkrapport", pkg, ignore=shutil.ignore_patterns("__pycache__"))

    def hashes() -> dict[str, str]:
        return {s.naam: code_hash(s.teksten, pkg) for s in soorten()}

    teksten = sorted(m for m in graaf.modules if tekstmodule(m))
    assert {"wijkrapport.domain.wijkteksten", "wijkrapport.rapporten.voortgangsrapportage.teksten"} <= set(teksten)
    for module in [*teksten, "wijkrapport.rapporten.wijkdocument.views"]:
        voor = hashes()
        pad = pkg.joinpath(*module.split(".")[1:]).with_suffix(".py")
        pad.write_text(pad.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        na = hashes()
        verwacht = {s.naam for s in soorten() if module in s.teksten or not tekstmodule(module)}
        assert {n for n in na if na[n] != voor[n]} == verwacht, module
    wijk = {s.naam: s.teksten for s in soorten()}
    assert "wijkrapport.domain.wijkteksten" in wijk["wijkdocument"] and "wijkrapport.domain.wijkteksten" in wijk["wijkraad"]
    assert "wijkrapport.domain.wijkteksten" not in wijk["voortgangsrapportage"]


VOORTGANG = """rapport: voortgangsrapportage
programma: nprz
jaar: 2024
titel: Voortgangsrapportage NPRZ 2024
ondertitel: Snelle test
hoofdstukken:
  - notebook: klein_voortgang.ipynb
"""
WIJK = "jaar: 2024\nnotebook: klein_wijk.ipynb\nwijken:\n  - slug: carnisse\n"


@pytest.mark.slow
def test_editing_a_text_module_rebuilds_only_the_reports_of_the_types_that_use_it(tmp_path):
    """On a copy of the project with its own copy of the package: editing the wijk texts rebuilds the
    wijkdocument, not the voortgangsrapportage (the test above covers every text module and type)."""
    project = make_project(tmp_path, VOORTGANG, WIJK)
    # one small chapter each (what is rebuilt depends on the type's declared text modules, not on the notebook)
    nbformat.write(notebook(WIJK_PARAMETERS, "from wijkrapport.domain import wijkteksten"),
                   project / "notebooks" / "klein_wijk.ipynb")
    nbformat.write(notebook('jaar = 2024\nprogramma = "nprz"\ntabellen_dir = ""',
                            "from wijkrapport.rapporten.voortgangsrapportage import teksten"),
                   project / "notebooks" / "klein_voortgang.ipynb")
    shutil.copytree(ROOT / "lib", project / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    env = {"WIJKRAPPORT_ROOT": str(project), "PYTHONPATH": str(project / "lib")}

    def bouw() -> str:
        result = run_cli("--year", "2024", "--jobs", "1", "--out", str(project / "reports"), env=env)
        assert result.returncode == 0, result.stderr + result.stdout
        return result.stdout

    assert "2 rapport(en) gebouwd" in bouw()
    manifest = project / "reports" / "2024" / "manifest.json"
    voor = json.loads(manifest.read_text(encoding="utf-8"))["rapporten"]
    pad = project / "lib" / "wijkrapport" / "domain" / "wijkteksten.py"
    pad.write_text(pad.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    uit = bouw()
    assert "1 rapport(en) gebouwd, 1 actueel" in uit, uit
    na = json.loads(manifest.read_text(encoding="utf-8"))["rapporten"]
    assert {rid for rid in na if na[rid]["gebouwd_op"] != voor[rid]["gebouwd_op"]} == {"wijken/carnisse"}
