"""The bad-input corpus (tests/bad_inputs/cases.yml) through the real CLI, plus an interrupted run.

Every case runs on a fresh copy of the project against a copy of one good earlier build; afterwards the
earlier reports must be byte-identical (the manifest too, unless a report actually ran and failed: then it
stays readable and keeps the last good entry), no temporary or partial file may appear in the output,
and the build folder is cleaned up.

Cases marked ``intern: true`` only validate (params, notebook parameters, data): they run the same planning
and checks as the CLI does before anything is built, in this process, which keeps the suite fast. Nothing is
built or published by them, so the earlier reports are untouched by construction.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from helpers import ROOT, WIJK_PARAMETERS, make_project, notebook, run_cli

pytestmark = pytest.mark.slow

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8"))
BASIS_ARGS = ["--year", "2024", "--only", "carnisse"]
WIJKEN = "jaar: 2024\nwijken:\n  - slug: carnisse\n"


def _hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in skip}


@pytest.fixture(scope="module")
def goede_build(tmp_path_factory):
    """One good build of carnisse: the 'earlier reports' every case must leave alone."""
    root = make_project(tmp_path_factory.mktemp("goed"), wijken_yml=WIJKEN)
    out = root / "reports"
    result = run_cli(*BASIS_ARGS, "--jobs", "1", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(root)})
    assert result.returncode == 0, result.stderr
    return out


def _notebook(code: str) -> str:
    return nbformat.writes(notebook(WIJK_PARAMETERS, code))


def _schrijf(path: Path, data: bytes) -> None:
    """Replace the file (never write through: project copies may share nothing, but be safe)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _breek(root: Path, case: dict) -> None:
    _breek_tekst(root, case)
    for rel in case.get("map") or []:  # a file replaced by a folder of the same name
        (root / rel).unlink()
        (root / rel).mkdir()
        (root / rel / "iets.txt").write_text("x", encoding="utf-8")
    for rel, mb in (case.get("sparse") or {}).items():  # a huge file without writing it: a sparse file
        with (root / rel).open("ab") as f:
            f.truncate(int(mb * 1024 * 1024))
    for rel, doel in (case.get("koppeling") or {}).items():  # a file replaced by a symbolic link to ``doel``
        (root / rel).unlink()
        (root / rel).symlink_to(doel)
    for rel, deel in (case.get("afkappen") or {}).items():  # a copy or download that stopped halfway
        path = root / rel
        data = path.read_bytes()
        _schrijf(path, data[: int(len(data) * deel)])


def _breek_tekst(root: Path, case: dict) -> None:
    for rel, tekst in (case.get("schrijf") or {}).items():
        if tekst.startswith("KAPOT_NOTEBOOK:"):
            tekst = _notebook(tekst.split(":", 1)[1])
        _schrijf(root / rel, tekst.encode("utf-8"))
    for v in case.get("vervang") or []:
        path = root / v["pad"]
        tekst = path.read_text(encoding="utf-8-sig")
        assert v["oud"] in tekst, f"{case['id']}: '{v['oud']}' not in {v['pad']}"
        _schrijf(path, tekst.replace(v["oud"], v["nieuw"], -1 if v.get("alle") else 1).encode("utf-8"))
    for rel, codering in (case.get("codering") or {}).items():
        path = root / rel
        _schrijf(path, path.read_text(encoding="utf-8-sig").encode(codering))
    for rel in case.get("verwijder") or []:
        (root / rel).unlink()
    for rel, mb in (case.get("groot") or {}).items():
        path = root / rel
        kop = path.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
        blok = "".join(kop[1:]) * 20000
        with path.open("w", encoding="utf-8") as f:
            f.write(kop[0])
            while f.tell() < mb * 1024 * 1024:
                f.write(blok)


def test_the_corpus_is_large_and_varied():
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 40 and len(set(ids)) == len(ids)
    assert {c["exit"] for c in CASES} == {0, 1, 2, 3}


def _intern(root: Path, args: list[str], monkeypatch) -> tuple[int, str]:
    """The CLI's planning and checks (params, notebook parameters, every data file) in this process."""
    from wijkrapport.errors import WijkrapportError
    from wijkrapport.plan import plan

    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(root))
    jaar = int(args[args.index("--year") + 1]) if "--year" in args else 2024
    only = args[args.index("--only") + 1:] if "--only" in args else None
    only = [a for a in only if not a.startswith("--")] if only else None
    try:
        p = plan(jaar, only)
        p.controleer({r.id for r in p.rapporten})
    except WijkrapportError as exc:
        return exc.exit_code, f"fout: {exc}"
    return 0, ""


INTERN = [c for c in CASES if c.get("intern")]
CLI = [c for c in CASES if not c.get("intern")]


@pytest.mark.parametrize("case", INTERN, ids=[c["id"] for c in INTERN])
def test_bad_input_validated(case, tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")
    (root / "params" / "2024" / "wijken.yml").write_text(WIJKEN, encoding="utf-8")
    _breek(root, case)
    code, stderr = _intern(root, [str(a) for a in case.get("args", BASIS_ARGS)], monkeypatch)
    assert code == case["exit"], stderr
    for tekst in case.get("meldt", []):
        assert tekst in stderr, f"{tekst!r} not in:\n{stderr}"
    for tekst in case.get("nooit", []):
        assert tekst not in stderr, f"{tekst!r} in:\n{stderr}"


@pytest.mark.parametrize("case", CLI, ids=[c["id"] for c in CLI])
def test_bad_input(case, goede_build, tmp_path):
    root = make_project(tmp_path / "p")
    (root / "params" / "2024" / "wijken.yml").write_text(WIJKEN, encoding="utf-8")
    _breek(root, case)
    out = tmp_path / "reports"
    shutil.copytree(goede_build, out)
    before = _hashes(out)
    result = run_cli(*[str(a) for a in case.get("args", BASIS_ARGS)], "--out", str(out),
                     env={"WIJKRAPPORT_ROOT": str(root)}, timeout=600)
    uitvoer = result.stdout + result.stderr
    assert result.returncode == case["exit"], uitvoer
    for tekst in case.get("meldt", []):
        assert tekst in result.stderr, f"{tekst!r} not in:\n{result.stderr}"
    for tekst in case.get("nooit", []):
        assert tekst not in uitvoer
    assert "Traceback" not in uitvoer, "a clear message, not a stack trace"
    after = _hashes(out)
    if case["exit"] in (2, 3):  # stopped before anything ran: everything byte-identical
        assert after == before
    elif case["exit"] == 1:  # a report ran and failed: its published files untouched, manifest readable
        assert _hashes(out, skip=("manifest.json",)) == {k: v for k, v in before.items() if not k.endswith("manifest.json")}
        manifest = json.loads((out / "2024" / "manifest.json").read_text(encoding="utf-8"))
        entry = manifest["rapporten"]["wijken/carnisse"]
        assert entry["status"] == "mislukt" and entry["outputs"] and entry["laatste_fout"]["fout"]
    else:
        html = (out / "2024" / "wijken" / "carnisse.html").read_text(encoding="utf-8")
        for tekst in case.get("html", []):
            assert tekst in html
        for tekst in case.get("nooit_in_html", []):
            assert tekst not in html
        svg = "".join(re.findall(r"<svg.*?</svg>", html, flags=re.S))
        for tekst in case.get("svg", []):
            assert tekst in svg, f"{tekst!r} not drawn literally in a chart"
        for tekst in case.get("uitvoer", []):
            assert tekst in uitvoer
        if case.get("xlsx_tekst"):
            _xlsx_tekst(out / "2024" / "data" / "wijken" / "carnisse" / "carnisse.xlsx", case["xlsx_tekst"])
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")], "no partial files in the output"
    assert not (root / "build").exists() or not any((root / "build").rglob("*.html")), "build folder cleaned up"


def _xlsx_tekst(path: Path, teksten: list[str]) -> None:
    """Each text is a text cell of the workbook (never a formula), and no cell anywhere is a formula."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    cellen = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cellen if c.data_type == "f"], "a formula in the published workbook"
    for tekst in teksten:
        assert [c for c in cellen if c.value == tekst and c.data_type == "s"], f"{tekst!r} not a text cell"


def _ctrl_c_aan() -> None:
    """In the child: SIGINT handled as in a terminal, even when this test runs in a background job (which ignores it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupted_run_keeps_earlier_reports_and_cleans_up(goede_build, tmp_path):
    """SIGINT half-way through a run: exit 130, earlier reports and manifest byte-identical, no leftovers."""
    root = make_project(tmp_path / "p", wijken_yml="jaar: 2024\nwijken:\n  - slug: carnisse\n  - slug: pendrecht\n")
    nb_path = root / "notebooks" / "wijkdocument.ipynb"  # a slow last cell: the run is surely busy when interrupted
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(15)"))
    nbformat.write(nb, nb_path)
    out = tmp_path / "reports"
    shutil.copytree(goede_build, out)
    before = _hashes(out)
    proc = subprocess.Popen([sys.executable, str(ROOT / "run_reports.py"), "--year", "2024", "--jobs", "1", "--force",
                             "--out", str(out)], env={**os.environ, "WIJKRAPPORT_ROOT": str(root)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_ctrl_c_aan)
    # wait until a notebook is running (a kernel is busy), then interrupt like Ctrl-C in a terminal: the
    # whole process group (run_reports.py, its workers and their kernels) gets SIGINT
    build = root / "build"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (build.exists() and any(build.rglob("*.ipynb"))):
        time.sleep(0.2)
    time.sleep(2)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 130, stdout + stderr
    assert "onderbroken" in stderr
    assert "Traceback" not in stderr
    assert _hashes(out) == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    staged = [p for p in (root / "build").rglob("*") if p.is_file() and "cache" not in p.relative_to(root / "build").parts
              and p.name != ".lock"]  # the project's lock file stays (empty once the run has ended)
    assert not staged, "staging files were left behind"
