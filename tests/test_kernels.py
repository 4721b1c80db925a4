"""Kernels of the local pool are forked from a server that already imported the libraries.

Each notebook still gets its own kernel process (own namespace, own sockets), started by ipykernel's own
entry point; only the imports are done once. Outside the pool (e.g. this test process) kernels start the
ordinary way.
"""

import os
from pathlib import Path

import nbformat
from helpers import notebook
from wijkrapport.engine import executors, kernels, kernelserver
from wijkrapport.engine.notebooks import execute

PROBE = """\
import os, sys
geladen = 'wijkrapport.rapporten.wijkdocument.views' in sys.modules
print(os.getpid(), os.getppid(), geladen, os.getcwd(), repr(x), os.environ.get('PROBE_ENV'), sep='|')
x = 'gezien'
"""


def _voorladen() -> str:
    """The modules the report types declare, as the runner names them to its workers (``Plan.voorladen``)."""
    from wijkrapport.rapporten import soorten

    return ",".join(m for s in soorten() for m in s.voorladen)


def _probe_notebook(folder: Path) -> Path:
    path = folder / "probe.ipynb"
    nbformat.write(notebook("x = None", PROBE), path)
    return path


def _run_probe(folder: str, n: int) -> tuple[int, list[list[str]]]:
    """In a worker: run the probe notebook ``n`` times; return the worker pid and what each kernel printed."""
    os.environ["PROBE_ENV"] = "uit-de-werker"
    folder = Path(folder)
    nb = _probe_notebook(folder)
    seen = []
    for i in range(n):
        out = folder / f"probe_{i}.ipynb"
        execute(nb, out, {}, folder, 60)
        seen.append(nbformat.read(out, as_version=4).cells[-1].outputs[0]["text"].strip().split("|"))
    return os.getpid(), seen


def test_pool_kernels_are_forked_with_the_libraries_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv(kernelserver.MODULES_ENV, _voorladen())
    pool = executors._pool(1)
    try:
        worker, seen = pool.submit(_run_probe, str(tmp_path), 2).result(timeout=300)
    finally:
        pool.shutdown()
    (pid1, ppid1, loaded1, cwd1, x1, env1), (pid2, ppid2, *_rest) = seen
    assert loaded1 == "True"  # imported before the notebook asked for it
    assert pid1 != pid2 and worker not in (pid1, pid2)  # a new kernel process per notebook
    assert ppid1 == ppid2 != str(worker)  # both forked by the worker's fork server
    assert x1 == "None"  # a fresh namespace: nothing of the previous notebook
    assert Path(cwd1) == tmp_path and env1 == "uit-de-werker"  # working folder and environment of this run


def test_other_processes_start_ordinary_kernels(tmp_path):
    assert not kernelserver._voorladen
    _worker, seen = _run_probe(str(tmp_path), 1)
    pid, ppid, loaded, *_ = seen[0]
    assert loaded == "False" and ppid == str(os.getpid())


def test_kernels_wait_for_the_server_to_finish_importing(tmp_path, monkeypatch):
    import threading

    marker = tmp_path / "voorgeladen-marker"
    monkeypatch.setattr(kernelserver, "_voorladen", True)
    monkeypatch.setattr(kernelserver, "_klaar", marker)
    threading.Timer(0.3, marker.touch).start()  # what wijkrapport.engine.preload does at its end, in the server
    assert kernelserver.actief() and not marker.exists()
    assert kernelserver.actief()  # and from then on, without waiting


def test_kernels_start_the_ordinary_way_when_the_server_failed(tmp_path, monkeypatch):
    marker = tmp_path / "voorgeladen-marker"
    monkeypatch.setattr(kernelserver, "_voorladen", True)
    monkeypatch.setattr(kernelserver, "_klaar", marker)
    (tmp_path / "voorgeladen-marker.mislukt").write_text("ImportError: ...", encoding="utf-8")
    assert not kernelserver.actief()
    assert not kernelserver.actief() and not kernelserver._voorladen  # ordinary kernels from then on
    monkeypatch.setattr(kernelserver, "_voorladen", True)
    monkeypatch.setattr(kernelserver, "_klaar", tmp_path / "nooit")
    assert not kernelserver._server_klaar(wachttijd=0.2)  # a server that never reports


def test_a_server_whose_imports_fail_leaves_the_error_for_the_worker(tmp_path):
    import subprocess
    import sys

    kapot = tmp_path / "kapot" / "geopandas"  # a broken installation of one library the server imports
    kapot.mkdir(parents=True)
    (kapot / "__init__.py").write_text("raise ImportError('geopandas is kapot')\n", encoding="utf-8")
    marker = tmp_path / "voorgeladen-marker"
    # the wijkdocument's maps bring geopandas (the modules to import come from the registry, through the runner)
    env = {**os.environ, kernelserver.KLAAR_ENV: str(marker), "PYTHONPATH": str(kapot.parent),
           kernelserver.MODULES_ENV: "wijkrapport.rendering.maps"}
    result = subprocess.run([sys.executable, "-c", "import wijkrapport.engine.preload"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and not marker.exists()
    assert "geopandas is kapot" in (tmp_path / "voorgeladen-marker.mislukt").read_text(encoding="utf-8")


def test_only_standard_python_kernels_are_forked():
    import sys

    assert kernelserver._kernel_argv([sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "c.json"]) \
        == ["-f", "c.json"]
    assert kernelserver._kernel_argv(["/usr/bin/other-python", "-m", "ipykernel_launcher", "-f", "c.json"]) is None
    assert kernelserver._kernel_argv([sys.executable, "-m", "other_kernel", "-f", "c.json"]) is None
    assert kernelserver._kernel_argv(["R", "--slave", "-e", "IRkernel::main()", "--args", "c.json"]) is None


def test_client_is_ready_once_shell_and_iopub_answer():
    import asyncio

    async def start_en_vraag():
        km = kernels.IPCKernelManager(kernel_name="python3")
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            msg_id = kc.execute("print(6 * 7)")
            while True:  # IOPub works: the output of the first request arrives
                msg = await kc.get_iopub_msg(timeout=10)
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                    return type(kc), msg["content"]["text"]
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    soort, tekst = asyncio.run(start_en_vraag())
    assert soort is kernels.GereedClient and tekst == "42\n"


MAIN_SCRIPT = """\
import sys
from pathlib import Path
with open(sys.argv[1] + ".runs", "a") as f:
    f.write(__name__ + "\\n")

def run(folder, n):
    from wijkrapport.engine.notebooks import execute
    for i in range(n):
        execute(Path(folder) / "probe.ipynb", Path(folder) / f"probe_{i}.ipynb", {}, Path(folder), 60)

if __name__ == "__main__":
    from wijkrapport.engine import executors
    pool = executors._pool(1)
    pool.submit(run, sys.argv[1], 3).result(timeout=300)
    pool.shutdown()
"""


def test_the_fork_server_runs_the_main_script_once_not_per_kernel(tmp_path):
    """Each process forked from a fork server first runs the main script of the process that asked for it
    (Python < 3.13 even with "__main__" preloaded: CPython gh-137996), 0,1 s per kernel; kernels skip it."""
    import subprocess
    import sys

    script = tmp_path / "hoofd.py"
    script.write_text(MAIN_SCRIPT, encoding="utf-8")
    _probe_notebook(tmp_path)
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, timeout=300, cwd=tmp_path,
                   env={**os.environ, kernelserver.MODULES_ENV: _voorladen()})
    assert Path(f"{tmp_path}.runs").read_text(encoding="utf-8").split() == ["__main__"]  # only the run itself
    for i in range(3):
        printed = nbformat.read(tmp_path / f"probe_{i}.ipynb", as_version=4).cells[-1].outputs[0]["text"]
        assert printed.split("|")[2] == "True"  # a forked kernel, with the libraries loaded


def test_client_retries_a_connection_to_a_starting_kernel_quickly():
    """A forked kernel binds its sockets a few milliseconds after the client connects; ZeroMQ's default
    is to try again after 100 ms."""
    import zmq

    client = kernels.GereedClient()
    assert client.context.getsockopt(zmq.RECONNECT_IVL) == kernels.RECONNECT_MS <= 20
