"""Publishing that never leaves a wrong, stale or partial report: the cases of issue 18 through the real CLI.

Every case runs ``run_reports.py`` on a copy of the project and of one good earlier output (the session's
``volledige_build``: the voortgangsrapportage and three wijkdocumenten), with its own temporary folder
(``TMPDIR``) and a marker in the environment, which every process the run starts inherits. Afterwards it
checks the exit code and the message (never a traceback), that published files are byte-identical where a
run failed or had nothing to do, that no temporary or partial file is left in the output, in ``build/`` or in
the temporary folder, and that no process of the run still runs. Faults come from a small tmpfs (when this
machine lets us mount one), a read-only output folder, a writer patched through ``sitecustomize``,
``kill -9``, SIGTERM and two runs at once. ``docs/betrouwbaarheid.md`` links each promise to its case.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from helpers import ROOT, WIJK_PARAMETERS, notebook

pytestmark = pytest.mark.slow

RESTANT = re.compile(r"^\..+\.[0-9a-f]{32}\.(nieuw|oud|tmp)$")
WIJKEN = ["carnisse", "hoogvliet-zuid", "groot-ijsselmonde-noord"]


@dataclass
class Kopie:
    root: Path  # the project (WIJKRAPPORT_ROOT)
    out: Path  # --out
    tmp: Path  # TMPDIR of the run
    merk: str  # in the environment of every process of the run

    @property
    def jaar(self) -> Path:
        return self.out / "2024"

    def env(self, **extra: str) -> dict:
        return {**os.environ, "WIJKRAPPORT_ROOT": str(self.root), "TMPDIR": str(self.tmp),
                "WIJKRAPPORT_TESTMERK": self.merk, **extra}

    def argv(self, *args: str, out: Path | None = None) -> list[str]:
        return [sys.executable, str(ROOT / "run_reports.py"), "--year", "2024", "--jobs", "1", *args,
                "--out", str(out or self.out)]

    def cli(self, *args: str, out: Path | None = None, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(self.argv(*args, out=out), env=self.env(**extra), capture_output=True, text=True,
                              timeout=300)

    def start(self, *args: str, out: Path | None = None, **extra: str) -> subprocess.Popen:
        return subprocess.Popen(self.argv(*args, out=out), env=self.env(**extra), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def wijken(self, *slugs: str, notebook: str = "wijkdocument.ipynb") -> None:
        tekst = f"jaar: 2024\nnotebook: {notebook}\nwijken:\n" + "".join(f"  - slug: {s}\n" for s in slugs)
        (self.root / "params" / "2024" / "wijken.yml").write_text(tekst, encoding="utf-8")

    def manifest(self) -> dict:
        return json.loads((self.jaar / "manifest.json").read_text(encoding="utf-8"))


def _kopie(bron: Path, tmp_path: Path) -> Kopie:
    """A copy of the project behind ``volledige_build`` (its check cache included) and of its output."""
    project = bron.parent.parent
    root = tmp_path / "project"
    for naam in ("notebooks", "params", "data"):
        shutil.copytree(project / naam, root / naam)
    if (project / "build" / "cache").is_dir():
        shutil.copytree(project / "build" / "cache", root / "build" / "cache")
    out = tmp_path / "uit"
    shutil.copytree(bron.parent, out)
    # a short TMPDIR, as the run's sockets must fit in 107 bytes (under a longer one it uses /tmp)
    return Kopie(root, out, Path(tempfile.mkdtemp(prefix="wr-", dir="/tmp")), uuid.uuid4().hex)


@pytest.fixture()
def kopie(volledige_build, tmp_path) -> Iterator[Kopie]:
    k = _kopie(volledige_build[0], tmp_path)
    yield k
    shutil.rmtree(k.tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def gedeeld(volledige_build, tmp_path_factory) -> Iterator[Kopie]:
    """One copy for the cases that must stop before reading anything (each checks that nothing changed)."""
    k = _kopie(volledige_build[0], tmp_path_factory.mktemp("gedeeld"))
    yield k
    shutil.rmtree(k.tmp, ignore_errors=True)


def hashes(folder: Path, zonder: tuple[str, ...] = ()) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in zonder}


def processen(merk: str) -> list[str]:
    """Every running process whose environment carries ``merk`` (pid and command line)."""
    gevonden = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if f"WIJKRAPPORT_TESTMERK={merk}".encode() not in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                continue
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                continue
            opdracht = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120]
            gevonden.append(f"{pid}: {opdracht.decode(errors='replace')}")
        except OSError:
            continue
    return gevonden


def geen_processen(merk: str, wachttijd: float = 5.0) -> None:
    eind = time.monotonic() + wachttijd
    while (over := processen(merk)) and time.monotonic() < eind:
        time.sleep(0.05)
    assert not over, f"processes of the run still running: {over}"


def schoon(k: Kopie, wachttijd: float = 5.0) -> None:
    """No process, no temporary file in the output, no staging in build/, an empty temporary folder."""
    geen_processen(k.merk, wachttijd)
    assert not [p for p in k.out.rglob("*") if RESTANT.match(p.name) or p.name == ".publiceren.json"]
    build = k.root / "build"
    if build.is_dir():
        assert not [p for p in build.iterdir() if p.name not in ("cache", ".lock")], "staging left in build/"
    assert not list(k.tmp.iterdir()), f"temporary files left: {list(k.tmp.iterdir())}"


def geen_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


# --- arguments and --out: refused before anything runs (exit 2), whatever is up to date -------------------

ARGUMENTEN = [
    ("timeout-nan", ["--timeout", "nan"], "--timeout"),
    ("timeout-inf", ["--timeout", "inf"], "--timeout"),
    ("timeout-negatief", ["--timeout", "-5"], "--timeout"),
    ("jobs-nul", ["--jobs", "0"], "--jobs"),
    ("jobs-absurd", ["--jobs", "5000"], "--jobs 5000"),
]


@pytest.mark.parametrize("args,meldt", [c[1:] for c in ARGUMENTEN], ids=[c[0] for c in ARGUMENTEN])
def test_argumenten_geweigerd_ook_als_niets_te_doen_is(gedeeld, args, meldt):
    assert "Niets te doen" in gedeeld.cli().stdout  # the same run without the bad argument has nothing to do
    voor = hashes(gedeeld.out)
    result = gedeeld.cli(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert meldt in result.stderr
    geen_traceback(result)
    assert hashes(gedeeld.out) == voor
    schoon(gedeeld)


def _uitvoer_gevallen(k: Kopie, tmp: Path) -> dict[str, tuple[Path, str]]:
    """--out values that must be refused, with a word of the expected message; makes what they need."""
    vreemd = tmp / "website"
    vreemd.mkdir(exist_ok=True)
    (vreemd / "index.html").write_text("<p>de eigen website van de wijkraad</p>", encoding="utf-8")
    (tmp / "rapport.txt").write_text("geen map", encoding="utf-8")
    koppeling = tmp / "koppeling"
    if not koppeling.is_symlink():
        koppeling.symlink_to(k.root / "params")
    return {
        "in-data": (k.root / "data" / "wijken", "ligt in data/"),
        "in-notebooks": (k.root / "notebooks" / "uit", "ligt in notebooks/"),
        "koppeling-naar-params": (koppeling, "ligt in params/"),
        "project-zelf": (k.root, "bevat data/"),
        "bestand": (tmp / "rapport.txt", "is een bestand"),
        "onder-een-bestand": (tmp / "rapport.txt" / "uit", "is een bestand"),
        "vreemde-map": (vreemd, "niet leeg"),
        "jaarmap": (k.jaar, "jaarmap"),
    }


@pytest.mark.parametrize("geval", ["in-data", "in-notebooks", "koppeling-naar-params", "project-zelf", "bestand",
                                   "onder-een-bestand", "vreemde-map", "jaarmap"])
def test_uitvoer_in_de_invoer_of_over_andere_bestanden_geweigerd(gedeeld, tmp_path, geval):
    out, meldt = _uitvoer_gevallen(gedeeld, tmp_path)[geval]
    invoer = {naam: hashes(gedeeld.root / naam) for naam in ("data", "params", "notebooks")}
    voor, vreemd = hashes(gedeeld.out), hashes(tmp_path)
    result = gedeeld.cli(out=out)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "--out" in result.stderr and meldt in result.stderr, result.stderr
    geen_traceback(result)
    assert {naam: hashes(gedeeld.root / naam) for naam in invoer} == invoer
    assert hashes(gedeeld.out) == voor and hashes(tmp_path) == vreemd
    assert not (gedeeld.root / "notebooks" / "uit").exists()
    schoon(gedeeld)


# --- stale output: a report is its whole set; a full run removes what the params no longer define ----------

def test_volledige_run_verwijdert_een_geschrapte_wijk_en_zegt_het(kopie):
    kopie.wijken("carnisse", "groot-ijsselmonde-noord")
    voor = hashes(kopie.jaar, zonder=("manifest.json", "index.html"))
    weg = {k for k in voor if "hoogvliet-zuid" in k}
    assert len(weg) >= 5  # html, pdf, tables, workbook, notebook

    result = kopie.cli()
    assert result.returncode == 0, result.stderr
    assert "Verwijderd: wijken/hoogvliet-zuid" in result.stdout and "1 verwijderd" in result.stdout
    assert hashes(kopie.jaar, zonder=("manifest.json", "index.html")) == {k: v for k, v in voor.items() if k not in weg}
    assert not list(kopie.jaar.rglob("*hoogvliet-zuid*")), "its folders are gone too"
    assert "wijken/hoogvliet-zuid" not in kopie.manifest()["rapporten"]
    index = (kopie.jaar / "index.html").read_text(encoding="utf-8")
    assert "hoogvliet-zuid" not in index and "carnisse.html" in index
    schoon(kopie)


def test_run_met_only_verwijdert_niets(kopie):
    kopie.wijken("carnisse")
    voor = hashes(kopie.out)
    result = kopie.cli("--only", "carnisse")
    assert result.returncode == 0, result.stderr
    assert "Niets te doen" in result.stdout and "Verwijderd" not in result.stdout
    assert hashes(kopie.out) == voor
    schoon(kopie)


def test_manifest_met_vreemde_items_geeft_een_melding_en_raakt_niets_buiten_de_jaarmap(kopie):
    buiten = kopie.out.parent / "buiten.txt"
    buiten.write_text("van iemand anders", encoding="utf-8")
    manifest = kopie.manifest()
    echt = set(manifest["rapporten"])
    manifest["rapporten"]["wijken/oud"] = {"status": "gebouwd", "outputs": None}
    manifest["rapporten"]["wijken/kwaad"] = {"status": "gebouwd", "outputs": ["../../buiten.txt", "/etc/hostname"],
                                             "html": "../buiten.txt"}
    manifest["rapporten"]["wijken/raar"] = ["geen", "object"]
    (kopie.jaar / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    voor = hashes(kopie.jaar, zonder=("manifest.json", "index.html"))

    result = kopie.cli()
    assert result.returncode == 0, result.stderr
    geen_traceback(result)
    assert "'outputs' is geen lijst" in result.stderr and "buiten de jaarmap" in result.stderr
    assert buiten.read_text(encoding="utf-8") == "van iemand anders" and Path("/etc/hostname").exists()
    assert set(kopie.manifest()["rapporten"]) == echt
    assert hashes(kopie.jaar, zonder=("manifest.json", "index.html")) == voor
    schoon(kopie)


def test_beschadigd_manifest_geeft_een_melding_en_het_rapport_wordt_opnieuw_gebouwd(kopie):
    (kopie.jaar / "manifest.json").write_text('{"rapporten": {"wijken/carnisse": {"status": "geb', encoding="utf-8")
    result = kopie.cli("--only", "carnisse")
    assert result.returncode == 0, result.stderr
    geen_traceback(result)
    assert "manifest.json is beschadigd" in result.stderr and "1 rapport(en) gebouwd" in result.stdout
    entry = kopie.manifest()["rapporten"]["wijken/carnisse"]
    assert entry["status"] == "gebouwd" and entry["uitvoer"]["wijken/carnisse.pdf"]["sha256"]
    assert "carnisse.html" in (kopie.jaar / "index.html").read_text(encoding="utf-8")
    schoon(kopie)


def test_ontbrekend_of_afgekapt_bestand_wordt_herbouwd_en_oude_bestanden_van_het_rapport_verdwijnen(kopie):
    (kopie.jaar / "wijken" / "carnisse.html").unlink()
    pdf = kopie.jaar / "wijken" / "carnisse.pdf"
    with pdf.open("r+b") as f:
        f.truncate(pdf.stat().st_size // 2)
    oud_csv = kopie.jaar / "data" / "wijken" / "carnisse" / "actieplan_oud.csv"  # a table the report no longer makes
    oud_csv.write_text("doel,status\n1,groen\n", encoding="utf-8")
    oud_nb = kopie.jaar / "notebooks" / "wijken" / "carnisse" / "00_vorige_versie.ipynb"
    oud_nb.write_text("{}", encoding="utf-8")
    anderen = hashes(kopie.jaar / "wijken", zonder=("carnisse.html", "carnisse.pdf"))

    result = kopie.cli()
    assert result.returncode == 0, result.stderr
    assert "1 rapport(en) gebouwd, 6 actueel" in result.stdout  # only carnisse, not counted as up to date
    entry = kopie.manifest()["rapporten"]["wijken/carnisse"]
    assert pdf.stat().st_size == entry["uitvoer"]["wijken/carnisse.pdf"]["bytes"] > 10_000
    assert (kopie.jaar / "wijken" / "carnisse.html").is_file()
    assert not oud_csv.exists() and not oud_nb.exists()
    assert "data/wijken/carnisse/actieplan_oud.csv" not in entry["outputs"]
    assert hashes(kopie.jaar / "wijken", zonder=("carnisse.html", "carnisse.pdf")) == anderen
    assert "Niets te doen" in kopie.cli().stdout
    schoon(kopie)


# --- faults while publishing: the previous set stays, exit 1 with a clear message ----------------------------

@contextmanager
def _tmpfs(map_: Path, bytes_: int):
    """A tmpfs of ``bytes_`` at ``map_`` (root only); skips the test where mounting is not allowed."""
    map_.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={bytes_}", "tmpfs", str(map_)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        yield map_
    finally:
        subprocess.run(["umount", "-l", str(map_)], check=False)


def _gebruikt(folder: Path) -> int:
    return sum(-(-p.stat().st_size // 4096) * 4096 for p in folder.rglob("*") if p.is_file()) + 4096 * sum(
        1 for p in folder.rglob("*") if p.is_dir())


def test_volle_schijf_bij_publiceren_laat_de_vorige_versie_staan(kopie, tmp_path):
    with _tmpfs(tmp_path / "klein", _gebruikt(kopie.out) + 64 * 1024) as klein:
        shutil.copytree(kopie.out, klein, dirs_exist_ok=True)
        voor = hashes(klein, zonder=("manifest.json",))
        result = kopie.cli("--only", "carnisse", "--force", out=klein)
        assert result.returncode == 1, result.stdout + result.stderr
        geen_traceback(result)
        assert "MISLUKT wijken/carnisse: publiceren mislukt: de schijf is vol" in result.stderr
        assert "vorige versie staat er nog ongewijzigd" in result.stderr
        assert hashes(klein, zonder=("manifest.json",)) == voor
        assert not [p for p in klein.rglob("*") if RESTANT.match(p.name)]
        entry = json.loads((klein / "2024" / "manifest.json").read_text(encoding="utf-8"))["rapporten"]["wijken/carnisse"]
        assert entry["status"] == "mislukt" and "schijf is vol" in entry["laatste_fout"]["fout"]
        assert entry["uitvoer"], "the last good set stays recorded"
    schoon(kopie)


@contextmanager
def _alleen_lezen(map_: Path):
    """``map_`` read-only: a read-only bind mount as root (root ignores file modes), else file modes."""
    r = subprocess.run(["mount", "--bind", str(map_), str(map_)], capture_output=True)
    if r.returncode == 0:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(map_)], check=True)
        try:
            yield
        finally:
            subprocess.run(["umount", "-l", str(map_)], check=False)
        return
    alles = [map_, *map_.rglob("*")]
    for p in alles:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p in alles:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_alleen_lezen_uitvoer_met_niets_te_doen_slaagt_zonder_te_schrijven(kopie):
    voor = hashes(kopie.out)
    with _alleen_lezen(kopie.out):
        result = kopie.cli()
    assert result.returncode == 0, result.stderr
    assert "Niets te doen" in result.stdout
    assert hashes(kopie.out) == voor
    schoon(kopie)


def test_alleen_lezen_uitvoer_bij_verwijderen_geeft_exit_1_en_laat_alles_staan(kopie):
    kopie.wijken("carnisse", "groot-ijsselmonde-noord")
    voor = hashes(kopie.out)
    with _alleen_lezen(kopie.out):
        result = kopie.cli()
    assert result.returncode == 1, result.stdout + result.stderr
    geen_traceback(result)
    assert "niet verwijderd" in result.stderr and ("alleen-lezen" in result.stderr or "schrijfrechten" in result.stderr)
    assert hashes(kopie.out) == voor
    schoon(kopie)


def _fout_bij_vervangen(tmp: Path, k: Kopie, nummer: int, actie: str) -> dict[str, str]:
    """Environment for a run whose ``nummer``-th rename of a published file fails (EIO) or kills the run."""
    inject = tmp / "inject"
    inject.mkdir(exist_ok=True)
    (inject / "sitecustomize.py").write_text(textwrap.dedent(f"""
        import errno, os, signal
        _echt, _teller = os.replace, [0]

        def _replace(src, dst, *a, **kw):
            if str(dst).startswith({str(k.jaar)!r}) and not os.path.basename(str(dst)).startswith("."):
                _teller[0] += 1
                if _teller[0] == {nummer}:
                    if {actie!r} == "kill":
                        os.kill(os.getpid(), signal.SIGKILL)
                    raise OSError(errno.EIO, "Input/output error", str(dst))
            return _echt(src, dst, *a, **kw)

        os.replace = _replace
    """), encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(inject), os.environ.get("PYTHONPATH", "")])}


def test_fout_halverwege_het_vervangen_zet_de_vorige_versie_terug(kopie, tmp_path):
    voor = hashes(kopie.out, zonder=("manifest.json",))
    result = kopie.cli("--only", "carnisse", "--force", **_fout_bij_vervangen(tmp_path, kopie, 4, "fout"))
    assert result.returncode == 1, result.stdout + result.stderr
    geen_traceback(result)
    assert "publiceren mislukt: lees- of schrijffout van het apparaat" in result.stderr
    assert hashes(kopie.out, zonder=("manifest.json",)) == voor, "three files were replaced and must be put back"
    assert kopie.manifest()["rapporten"]["wijken/carnisse"]["status"] == "mislukt"
    schoon(kopie)


def test_kill_9_halverwege_het_vervangen_wordt_bij_de_volgende_start_teruggezet(kopie, tmp_path):
    voor = hashes(kopie.out)
    result = kopie.cli("--only", "carnisse", "--force", **_fout_bij_vervangen(tmp_path, kopie, 4, "kill"))
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert (kopie.jaar / ".publiceren.json").exists() and hashes(kopie.out) != voor  # cut off half-way
    geen_processen(kopie.merk)
    volgende = kopie.cli("--only", "carnisse")
    assert volgende.returncode == 0, volgende.stderr
    assert "niet netjes gestopt" in volgende.stderr and "vorige versie van de rapporten is teruggezet" in volgende.stderr
    assert "Niets te doen" in volgende.stdout  # the old set is back, whole, and matches its manifest again
    assert hashes(kopie.out) == voor
    schoon(kopie)


def test_map_in_de_uitvoer_die_naar_de_data_wijst_wordt_niet_aangeraakt(kopie):
    """A report's folder in the output replaced by a link into data/: removing the report deletes nothing there."""
    tabellen = kopie.jaar / "data" / "wijken" / "hoogvliet-zuid"
    namen = sorted(p.name for p in tabellen.iterdir())
    shutil.rmtree(tabellen)
    doel = kopie.root / "data" / "elders"  # read by no report: nothing is rebuilt
    doel.mkdir()
    for naam in namen:  # files of the same names, as data
        (doel / naam).write_text("bron", encoding="utf-8")
    tabellen.symlink_to(doel)
    kopie.wijken("carnisse", "groot-ijsselmonde-noord")
    data, voor = hashes(kopie.root / "data"), hashes(kopie.out)
    result = kopie.cli()
    assert result.returncode == 1, result.stdout + result.stderr
    geen_traceback(result)
    assert "buiten de uitvoermap" in result.stderr and "niet verwijderd" in result.stderr
    assert hashes(kopie.root / "data") == data and hashes(kopie.out) == voor
    schoon(kopie)


# --- processes and leftovers: nothing outlives a run; the next run cleans what a killed one left ----------

def _traag(k: Kopie, tmp: Path) -> Path:
    """Carnisse through a notebook that marks that it runs and then sleeps (once: a retry finishes at once)."""
    merkteken = tmp / "loopt"
    cel = (f"from pathlib import Path\nimport time\nmerk = Path({str(merkteken)!r})\n"
           "if not merk.exists():\n    merk.touch()\n    time.sleep(60)")
    nbformat.write(notebook(WIJK_PARAMETERS, cel), k.root / "notebooks" / "traag.ipynb")
    k.wijken(*WIJKEN, notebook="traag.ipynb")
    return merkteken


def _wacht_op(pad: Path, proc: subprocess.Popen) -> None:
    eind = time.monotonic() + 120
    while not pad.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < eind, "the notebook never started"
        time.sleep(0.05)


def _leeft(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def _kinderen(pid: int) -> list[int]:
    uit = []
    for p in filter(str.isdigit, os.listdir("/proc")):
        try:
            if int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                uit.append(int(p))
        except (OSError, ValueError, IndexError):
            continue
    return uit


def test_kill_9_van_de_run_laat_geen_processen_achter_en_de_volgende_run_ruimt_op(kopie, tmp_path):
    loopt = _traag(kopie, tmp_path)
    voor = hashes(kopie.out)
    proc = kopie.start("--only", "carnisse")
    _wacht_op(loopt, proc)
    assert len(processen(kopie.merk)) >= 4  # run, worker, fork server, kernel (and a resource tracker)
    proc.kill()
    proc.communicate()
    geen_processen(kopie.merk)  # workers, fork servers, kernels and resource trackers end with it
    assert list((kopie.root / "build").glob("2024/*")) and list(kopie.tmp.iterdir()), "the killed run left these"

    volgende = kopie.cli("--only", "voortgangsrapportage")
    assert volgende.returncode == 0, volgende.stderr
    assert "niet netjes gestopt" in volgende.stderr and "achtergebleven bouwmap build/2024/" in volgende.stderr
    assert hashes(kopie.out) == voor
    schoon(kopie)


def test_sigterm_stopt_de_run_met_143_en_publiceert_niets(kopie, tmp_path):
    loopt = _traag(kopie, tmp_path)
    voor = hashes(kopie.out)
    proc = kopie.start("--only", "carnisse")
    _wacht_op(loopt, proc)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143, stdout + stderr
    assert "onderbroken (SIGTERM)" in stderr and "Traceback" not in stderr
    assert hashes(kopie.out) == voor
    schoon(kopie, wachttijd=0.5)  # gone when the run has exited, not some time later


def test_een_gecrashte_werker_laat_geen_fork_server_of_kernel_achter(kopie, tmp_path):
    loopt = _traag(kopie, tmp_path)
    proc = kopie.start("--only", "carnisse")
    _wacht_op(loopt, proc)
    werker = next(p for p in _kinderen(proc.pid)
                  if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes())
    onder = [werker]
    for p in onder:  # the worker's fork server, its kernel, its resource tracker
        onder += _kinderen(p)
    assert len(onder) >= 3, onder
    os.kill(werker, signal.SIGKILL)
    eind = time.monotonic() + 5
    while (over := [p for p in onder if _leeft(p)]) and time.monotonic() < eind:
        time.sleep(0.05)
    assert not over, f"left running after their worker died: {over}"
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stdout + stderr  # the chapter ran again in a fresh worker
    assert "1 rapport(en) gebouwd" in stdout
    schoon(kopie)


def test_tweede_run_stopt_meteen_met_exit_4_en_noemt_de_eerste(kopie, tmp_path):
    loopt = _traag(kopie, tmp_path)
    tweede_project = tmp_path / "tweede"
    shutil.copytree(kopie.root, tweede_project, ignore=shutil.ignore_patterns("build"))
    proc = kopie.start("--only", "carnisse")
    _wacht_op(loopt, proc)
    voor = hashes(kopie.out)
    zelfde_project = kopie.cli("--only", "hoogvliet-zuid", out=tmp_path / "andere-uitvoer")
    zelfde_uitvoer = kopie.cli("--only", "carnisse", WIJKRAPPORT_ROOT=str(tweede_project))
    for result, wat in ((zelfde_project, "project"), (zelfde_uitvoer, "uitvoermap")):
        assert result.returncode == 4, result.stdout + result.stderr
        assert f"er loopt al een run voor {wat}" in result.stderr
        assert f"pid {proc.pid}" in result.stderr and "gestart" in result.stderr
        assert "run_reports.py --year 2024 --jobs 1 --only carnisse" in result.stderr
        geen_traceback(result)
    assert not (tmp_path / "andere-uitvoer" / "2024").exists()
    assert hashes(kopie.out) == voor
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 143
    schoon(kopie)


def test_slot_van_een_dode_run_en_restanten_worden_opgeruimd(kopie):
    assert "Niets te doen" in kopie.cli().stdout
    dood = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dood.stdout)
    info = json.dumps({"pid": pid, "gestart": "2026-01-01 03:00:00+01:00", "commando": "run_reports.py --force"})
    (kopie.root / "build" / ".lock").write_text(info, encoding="utf-8")
    (kopie.out / ".wijkrapport.lock").write_text(info, encoding="utf-8")
    staging = kopie.root / "build" / "2024" / "20260101T020000" / "abcdef12" / "wijken__carnisse"
    staging.mkdir(parents=True)
    (staging / "carnisse.html").write_text("half", encoding="utf-8")
    half = kopie.jaar / "wijken" / f".carnisse.pdf.{uuid.uuid4().hex}.nieuw"
    half.write_bytes(b"%PDF-1.7 half")
    (kopie.root / "build" / "cache" / f".controles.json.{uuid.uuid4().hex}.tmp").write_text("[", encoding="utf-8")
    oude_tmp = kopie.tmp / f"wijkrapport-{pid}-9ix-abc_def1"
    (oude_tmp / "jupyter").mkdir(parents=True)
    (oude_tmp / "jupyter" / "kernel-1.json").write_text("{}", encoding="utf-8")
    voor = hashes(kopie.out, zonder=(half.name, ".wijkrapport.lock"))

    result = kopie.cli()
    assert result.returncode == 0, result.stderr
    assert f"pid {pid}" in result.stderr and "niet netjes gestopt" in result.stderr
    assert result.stderr.count("niet netjes gestopt") == 1, "one note per killed run"
    assert "Niets te doen" in result.stdout
    assert hashes(kopie.out, zonder=(".wijkrapport.lock",)) == voor
    schoon(kopie)


def test_de_foutmelding_van_een_bezette_map_is_leesbaar_zonder_slotinformatie(kopie):
    """A lock held by a process that wrote nothing (another tool, an older version) still gives exit 4."""
    import fcntl

    slot = kopie.out / ".wijkrapport.lock"
    with slot.open("w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        result = kopie.cli()
    assert result.returncode == 4, result.stdout + result.stderr
    assert "er loopt al een run voor uitvoermap" in result.stderr and "gegevens onbekend" in result.stderr
    schoon(kopie)
