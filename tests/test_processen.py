"""Signals, process trees and temporary folders of a run (processen, manifest, executors), in-process."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import wait
from pathlib import Path

import pytest
from wijkrapport.engine import executors, kernelserver, manifest, processes
from wijkrapport.engine.executors import HerstartendePool
from wijkrapport.errors import WerkprocesGestopt


def test_een_signaal_tijdens_een_kritiek_blok_wacht_tot_het_blok_klaar_is():
    gedaan = []
    with processes.signalen(), pytest.raises(processes.Onderbroken) as info:
        with processes.kritiek():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler has run by now, and raised nothing
            gedaan.append("alles op zijn plaats")
    assert gedaan == ["alles op zijn plaats"]
    assert info.value.exit_code == 143 and info.value.naam == "SIGTERM"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored


def test_stop_doodt_een_hele_procesboom():
    kind = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; "
                             "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"])
    eind = time.monotonic() + 10
    while len(boom := processes.nakomelingen([kind.pid])) < 2 and time.monotonic() < eind:
        time.sleep(0.02)
    assert len(boom) == 2
    processes.stop([kind.pid])
    kind.wait(timeout=5)
    assert not [p for p in boom if processes.leeft(p)]


@pytest.fixture()
def korte_tmp():
    """A temporary folder with a short path (under a long one the run's folder goes to /tmp)."""
    map_ = Path(tempfile.mkdtemp(prefix="wr-", dir="/tmp"))
    yield map_
    shutil.rmtree(map_, ignore_errors=True)


def test_tijdelijke_mappen_van_dode_runs_worden_opgeruimd_die_van_levende_niet(korte_tmp, monkeypatch):
    tmp_path = korte_tmp
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(processes.tempfile, "tempdir", None)
    dood = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / f"wijkrapport-{dood.stdout.strip()}-1a2b-xyz12345").mkdir()
    levend = tmp_path / f"wijkrapport-{os.getpid()}-{processes._sleutel(os.getpid())}-abc12345"
    levend.mkdir()
    hergebruikt = tmp_path / f"wijkrapport-{os.getpid()}-0-abc12345"  # this pid, but another (earlier) process
    hergebruikt.mkdir()
    anders = tmp_path / "wijkrapport-taken-abc"
    anders.mkdir()
    with processes.tijdelijke_map() as map_:
        assert os.environ["TMPDIR"] == str(map_) and map_.parent == tmp_path
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([levend.name, anders.name, map_.name])
    assert not map_.exists() and os.environ["TMPDIR"] == str(tmp_path)


def test_een_werker_zonder_fork_server_werkt_gewoon(monkeypatch):
    def kapot():
        raise OSError("AF_UNIX path too long")

    monkeypatch.setattr(kernelserver, "voorladen", kapot)  # the forked workers inherit the patch
    pool = HerstartendePool(1)
    try:
        assert pool.submit(pow, 3, 2).result(timeout=60) == 9
    finally:
        pool.shutdown()


def _sterf_bij_start(_ouder: int) -> None:
    os._exit(3)


def test_werk_van_een_pool_die_blijft_breken_faalt_in_plaats_van_eindeloos_te_herstarten(monkeypatch):
    monkeypatch.setattr(executors, "_werker_start", _sterf_bij_start)
    pool = HerstartendePool(1)
    try:
        taak = pool.submit(pow, 3, 2)
        wait([taak], timeout=60)
        with pytest.raises(WerkprocesGestopt):
            taak.result(timeout=0)
        assert pool.herstarts <= executors.MAX_BREUKEN + 1
    finally:
        pool.afbreken()


@pytest.mark.parametrize("inhoud,melding", [
    (b'{"rapporten": {"a": ', "geen geldige JSON, regel 1"),
    (b"[" * 100_000, "geen leesbare JSON"),
    (b'{"rapporten": {"wijken/x": {"titel": "\xff"}}}', "geen UTF-8"),
    (b'["rapporten"]', "niet de vorm van een manifest"),
    (b'{"rapporten": []}', "niet de vorm van een manifest"),
])
def test_een_beschadigd_manifest_is_een_melding_en_een_leeg_manifest(tmp_path, inhoud, melding):
    (tmp_path / "manifest.json").write_bytes(inhoud)
    gelezen, meldingen = manifest.lees(tmp_path)
    assert gelezen == {"rapporten": {}}
    assert len(meldingen) == 1 and melding in meldingen[0] and "opnieuw gebouwd" in meldingen[0]


def test_vreemde_items_in_een_manifest_worden_geschoond(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"rapporten": {
        "wijken/a": {"status": "gebouwd", "outputs": ["wijken/a.html", "../x", 7], "html": "/etc/passwd",
                     "uitvoer": [1], "titel": {"geen": "tekst"}},
        "wijken/b": "geen object",
        "wijken/c": {"status": "gebouwd", "outputs": ["wijken/c.html"], "uitvoer": {}},
    }}), encoding="utf-8")
    gelezen, meldingen = manifest.lees(tmp_path)
    a = gelezen["rapporten"]["wijken/a"]
    assert a["outputs"] == ["wijken/a.html"] and a["html"] is None and a["uitvoer"] is None and a["titel"] is None
    assert a["status"] == "ongeldig"
    assert "wijken/b" not in gelezen["rapporten"] and gelezen["rapporten"]["wijken/c"]["status"] == "gebouwd"
    assert len(meldingen) == 2
