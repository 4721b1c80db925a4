import json
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers import make_project, run_cli  # noqa: E402

#: the fast profile used by the output tests: the full voortgangsrapportage and three wijken
#: with different data gaps (NPRZ focuswijk, Hoogvliet outside NPRZ, a wijk sharing its CBS buurt)
WIJKEN_SNEL = """jaar: 2024
notebook: wijkdocument.ipynb
wijken:
  - slug: carnisse
  - slug: hoogvliet-zuid
  - slug: groot-ijsselmonde-noord
"""


#: two wijkraad editions: one of three wijken (one of them in the fast wijken profile) and Hoogvliet's two wijken
WIJKRADEN_SNEL = """jaar: 2024
notebook: wijkraad.ipynb
wijkraden:
  - slug: wijkraad-carnisse-zuidplein-zuiderpark
    naam: "Wijkraad Carnisse-Zuidplein-Zuiderpark"
    wijken: [carnisse, zuiderpark-en-zuidrand, zuidplein]
  - slug: wijkraad-hoogvliet
    naam: "Wijkraad Hoogvliet"
    wijken: [hoogvliet-noord, hoogvliet-zuid]
"""


def _eenmaal(tmp_path_factory, naam: str, bouw):
    """Build ``naam`` once for the whole test run, also with pytest-xdist: the first worker builds it in the
    run's shared temporary folder under a file lock, the others wait and reuse it (the recipe of pytest-xdist's
    documentation). ``bouw(folder)`` returns a JSON-able value that every worker gets back. A build that fails
    is not marked done, so every worker that needs it fails with the same message."""
    gedeeld = tmp_path_factory.getbasetemp().parent  # the same folder for every xdist worker of this run
    doel = gedeeld / naam
    with FileLock(str(gedeeld / f"{naam}.lock")):
        klaar = doel / "klaar.json"
        if klaar.exists():
            return doel, json.loads(klaar.read_text(encoding="utf-8"))
        shutil.rmtree(doel, ignore_errors=True)
        doel.mkdir(parents=True)
        waarde = bouw(doel)
        klaar.write_text(json.dumps(waarde), encoding="utf-8")
        return doel, waarde


@pytest.fixture(scope="session")
def volledige_build(tmp_path_factory):
    """One real build (voortgangsrapportage, three wijkdocumenten, two wijkraad editions) shared by the output tests
    of every worker: (reports/2024, the run's outcome with ``returncode``, ``stdout`` and ``stderr``)."""

    def bouw(doel: Path) -> dict:
        project = make_project(doel, wijkraden_yml=WIJKRADEN_SNEL)
        (project / "params" / "2024" / "wijken.yml").write_text(WIJKEN_SNEL, encoding="utf-8")
        result = run_cli("--year", "2024", "--jobs", "2", "--out", str(project / "reports"),
                         env={"WIJKRAPPORT_ROOT": str(project)})
        assert result.returncode == 0, result.stderr + result.stdout
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}

    doel, uitkomst = _eenmaal(tmp_path_factory, "volledige-build", bouw)
    return doel / "project" / "reports" / "2024", SimpleNamespace(**uitkomst)


@pytest.fixture(scope="session")
def programmas_gebouwd(tmp_path_factory):
    """One real build of the programmes written in the tests (proefprogrammas.py), shared by every worker:
    (project, reports/2024)."""
    from proefprogrammas import alle_programmas, programma_project

    def bouw(doel: Path) -> dict:
        project = programma_project(doel, alle_programmas())
        result = run_cli("--year", "2024", "--jobs", "2", "--out", str(doel / "uit"),
                         env={"WIJKRAPPORT_ROOT": str(project)})
        assert result.returncode == 0, result.stderr + result.stdout
        return {"project": str(project)}

    doel, uitkomst = _eenmaal(tmp_path_factory, "programmas-gebouwd", bouw)
    return Path(uitkomst["project"]), doel / "uit" / "2024"
