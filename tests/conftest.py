import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def volledige_build(tmp_path_factory):
    """One real build (voortgangsrapportage, three wijkdocumenten, two wijkraad editions) shared by the output tests."""
    project = make_project(tmp_path_factory.mktemp("build"), wijkraden_yml=WIJKRADEN_SNEL)
    (project / "params" / "2024" / "wijken.yml").write_text(WIJKEN_SNEL, encoding="utf-8")
    out = project / "reports"
    result = run_cli("--year", "2024", "--jobs", "2", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 0, result.stderr + result.stdout
    return out / "2024", result


@pytest.fixture(scope="session")
def programmas_gebouwd(tmp_path_factory):
    """One real build of the programmes written in the tests (proefprogrammas.py): (project, reports/2024)."""
    from proefprogrammas import alle_programmas, programma_project

    project = programma_project(tmp_path_factory.mktemp("programmas"), alle_programmas())
    out = tmp_path_factory.mktemp("programmas-uit")
    result = run_cli("--year", "2024", "--jobs", "2", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 0, result.stderr + result.stdout
    return project, out / "2024"
