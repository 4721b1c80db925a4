"""Run engine behaviour on a small copy of the project (fast profile: one chapter)."""

import json
from pathlib import Path

import nbformat
import pytest
from helpers import WIJK_PARAMETERS, make_project, notebook, run_cli

pytestmark = pytest.mark.slow

SNEL = """rapport: voortgangsrapportage
programma: nprz
jaar: 2024
titel: Voortgangsrapportage NPRZ 2024
ondertitel: Snelle test
hoofdstukken:
  - notebook: voortgang_doelstelling.ipynb
"""


@pytest.fixture()
def project(tmp_path):
    return make_project(tmp_path, SNEL)


def cli(project, *args):
    return run_cli(*args, "--out", str(project / "reports"), env={"WIJKRAPPORT_ROOT": str(project)})


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failing_notebook_keeps_published_report_and_names_the_cell(project):
    ok = cli(project, "--year", "2024", "--jobs", "1")
    assert ok.returncode == 0, ok.stderr
    published = project / "reports" / "2024"
    before = {k: v for k, v in snapshot(published).items() if k != "manifest.json"}
    assert "voortgangsrapportage.pdf" in before

    nb_path = project / "notebooks" / "voortgang_doelstelling.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('kapotte berekening')"))
    nbformat.write(nb, nb_path)

    bad = cli(project, "--year", "2024", "--jobs", "1")
    assert bad.returncode == 1
    assert "voortgang_doelstelling.ipynb" in bad.stderr and "cel" in bad.stderr
    assert "ValueError: kapotte berekening" in bad.stderr
    after = {k: v for k, v in snapshot(published).items() if k != "manifest.json"}
    assert after == before, "a failed run changed published files"
    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["rapporten"]["voortgangsrapportage"]
    assert entry["status"] == "mislukt"
    assert "kapotte berekening" in entry["laatste_fout"]["fout"]
    assert entry["outputs"], "the last good build's outputs stay listed"
    assert not list((project / "build").rglob("*.pdf")), "staging files were left behind"


def test_unknown_notebook_parameter_is_a_configuration_error(project):
    params = project / "params" / "2024" / "voortgangsrapportage.yml"
    params.write_text(SNEL + "    parameters: {pilaar: school}\n", encoding="utf-8")
    result = cli(project, "--year", "2024")
    assert result.returncode == 2
    assert "voortgangsrapportage.yml" in result.stderr and "pilaar" in result.stderr
    assert not (project / "reports" / "2024" / "voortgangsrapportage.html").exists()


def test_bad_data_stops_before_anything_runs(project):
    tabel = project / "data" / "nprz" / "metingen.csv"
    lines = tabel.read_text(encoding="utf-8").splitlines()
    lines[94] = lines[94].replace(",93.6,", ',"93,6",', 1)  # decimal comma in a decimal-point file
    tabel.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(project, "--year", "2024")
    assert result.returncode == 3, result.stderr
    assert "metingen.csv, rij 95, veld 'waarde'" in result.stderr
    assert "93,6" in result.stderr
    assert not (project / "reports" / "2024" / "voortgangsrapportage.html").exists()


def test_year_without_params_is_a_configuration_error(project):
    result = cli(project, "--year", "2031")
    assert result.returncode == 2
    assert "params/2031" in result.stderr


def test_dask_executor_on_a_local_cluster(project, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(project))  # the workers inherit it
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = run_cli("--year", "2024", "--executor", "dask", "--scheduler", cluster.scheduler_address,
                         "--out", str(project / "reports"), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 0, result.stderr
    assert (project / "reports" / "2024" / "voortgangsrapportage.pdf").stat().st_size > 10_000


def test_dask_without_scheduler_is_a_usage_error(project):
    assert cli(project, "--year", "2024", "--executor", "dask").returncode == 2


WIJK_SNEL = """jaar: 2024
notebook: wijkdocument.ipynb
wijken:
  - slug: carnisse
  - slug: hoogvliet-zuid
"""


def _content(folder: Path) -> dict[str, bytes]:
    """HTML and CSV content of a published year (PDF and manifest carry timestamps)."""
    return {k: v for k, v in snapshot(folder).items() if k.endswith((".html", ".csv")) and k != "index.html"}


def test_jobs_2_gives_the_same_output_and_changed_data_rebuilds_exactly_the_reports_that_read_it(tmp_path):
    """One project, built with one and with two workers (same HTML and CSV), then changed file by file: a run
    rebuilds exactly the reports that read the changed file, and nothing when nothing changed."""
    project = make_project(tmp_path, SNEL, WIJK_SNEL)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    one = run_cli("--year", "2024", "--jobs", "1", "--out", str(tmp_path / "een"), env=env)
    assert one.returncode == 0, one.stderr
    two = cli(project, "--year", "2024", "--jobs", "2")
    assert two.returncode == 0, two.stderr
    a, b = _content(tmp_path / "een" / "2024"), _content(project / "reports" / "2024")
    assert len(a) > 10 and a == b

    assert "Niets te doen: alle 3 rapport(en) zijn actueel" in cli(project, "--year", "2024").stdout
    manifest = project / "reports" / "2024" / "manifest.json"
    before = {k: v["gebouwd_op"] + str(v["inputs"]) for k, v in json.loads(manifest.read_text())["rapporten"].items()}
    politie = project / "data" / "wijken" / "rotterdam-raadzoeker-71-wijken" / "politie_misdrijven.csv"
    politie.write_text(politie.read_text(encoding="utf-8").replace("carnisse,Totaal misdrijven,2024,849\n",
                                                                   "carnisse,Totaal misdrijven,2024,850\n"),
                       encoding="utf-8")
    result = cli(project, "--year", "2024")
    assert result.returncode == 0, result.stderr
    assert "2 rapport(en) gebouwd, 1 actueel" in result.stdout  # both wijkdocumenten read the police file
    after = json.loads(manifest.read_text())["rapporten"]
    assert after["voortgangsrapportage"]["gebouwd_op"] + str(after["voortgangsrapportage"]["inputs"]) == before[
        "voortgangsrapportage"]
    # the other inputs, in-process: a changed file or params entry changes the inputs of exactly the reports
    # that read it (the rebuild decision compares these inputs with the manifest, as the CLI run above shows)
    from wijkrapport import plan

    def inputs() -> dict[str, tuple]:
        return {r.id: r.inputs for r in plan.plan(2024, None).rapporten}

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIJKRAPPORT_ROOT", str(project))
        voor = inputs()
        paginas = project / "data" / "nprz" / "2024" / "indicatorpaginas.csv"
        paginas.write_text(paginas.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        na = inputs()
        assert {r for r in na if na[r] != voor[r]} == {"voortgangsrapportage"}
        wijken = project / "params" / "2024" / "wijken.yml"
        wijken.write_text(WIJK_SNEL.replace("  - slug: carnisse\n", "  - slug: carnisse\n    titel: Carnisse (test)\n"),
                          encoding="utf-8")
        daarna = inputs()
        assert {r for r in daarna if daarna[r] != na[r]} == {"wijken/carnisse"}  # only the wijk whose params changed
    forced = cli(project, "--year", "2024", "--force", "--only", "carnisse")
    assert "1 rapport(en) gebouwd" in forced.stdout, forced.stdout


def _crash_for_hoogvliet(rapport, fragments, staging):
    """finish_report, except that the worker making hoogvliet-zuid's PDF dies (as with a segfault)."""
    import os

    from wijkrapport.engine import runner

    if rapport.id == "wijken/hoogvliet-zuid":
        os._exit(9)
    return runner._echte_finish_report(rapport, fragments, staging)


def test_a_worker_that_dies_fails_only_its_report(tmp_path, monkeypatch):
    from wijkrapport import plan
    from wijkrapport.engine import runner

    project = make_project(tmp_path, None, WIJK_SNEL)
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(project))
    monkeypatch.setattr(runner, "_echte_finish_report", runner.finish_report, raising=False)
    monkeypatch.setattr(runner, "finish_report", _crash_for_hoogvliet)  # forked workers inherit the patch
    out = tmp_path / "reports"
    uitkomsten = {u.rapport: u for u in runner.run(plan.plan(2024, None), 2024, out, jobs=2, timeout=300)}
    assert uitkomsten["wijken/carnisse"].status == "gebouwd"
    assert (out / "2024" / "wijken" / "carnisse.pdf").stat().st_size > 10_000
    kapot = uitkomsten["wijken/hoogvliet-zuid"]
    assert kapot.status == "mislukt" and "werkproces stopte onverwacht" in kapot.fout and "PDF" in kapot.fout
    assert not (out / "2024" / "wijken" / "hoogvliet-zuid.html").exists()


TRAAG = """jaar: 2024
notebook: traag.ipynb
wijken:
  - slug: carnisse
"""


def test_timeout_is_per_notebook_not_per_cell(tmp_path):
    project = make_project(tmp_path, None, TRAAG)
    nb = notebook(WIJK_PARAMETERS, *(f"import time\ntime.sleep(0.8)  # stap {i}" for i in range(1, 5)))
    nbformat.write(nb, project / "notebooks" / "traag.ipynb")
    # every cell takes 0,8 s, far below 2 s, but the notebook as a whole takes 3,2 s
    result = cli(project, "--year", "2024", "--timeout", "2")
    assert result.returncode == 1
    assert "MISLUKT wijken/carnisse (notebook traag.ipynb, cel 'import time')" in result.stderr
    assert "langer dan de tijdslimiet van 2 s" in result.stderr
    assert "Traceback" not in result.stderr
    ruim = cli(project, "--year", "2024", "--timeout", "60")
    assert ruim.returncode == 0, ruim.stderr
    assert cli(project, "--year", "2024", "--timeout", "0").returncode == 2
