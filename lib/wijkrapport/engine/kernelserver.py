"""Kernels forked from a server that has already imported the libraries.

Starting a kernel costs about 0,6 s of CPU (Python, IPython, ipykernel), and every report notebook then
spends about 1 s importing pandas, matplotlib and this package. A worker of the local pool instead asks a
``multiprocessing`` fork server, which imported all of that once (``wijkrapport.engine.preload``), for each
kernel: the kernel is a fresh forked process with its own namespace, sockets and connection file, started
by ipykernel's own entry point, only without the imports. It is plugged in through jupyter_client's
provisioner API: registered as the entry point ``PROVISIONER`` and made the default provisioner of the
worker's ``KernelProvisionerFactory``. Other executors (Dask) keep ordinary kernels.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

from jupyter_client.provisioning import LocalProvisioner

_voorladen = False
_SERVER = multiprocessing.get_context("forkserver")
KLAAR_ENV = "WIJKRAPPORT_VOORGELADEN"  # the file the fork server creates once it has imported everything
HOOFDSCRIPT_ENV = "WIJKRAPPORT_HOOFDSCRIPT"  # the worker's main script, for the fork server to load once
#: the modules the report types' notebooks import (comma-separated): set by the runner from the registry of report
#: types (``Plan.voorladen``), inherited by the workers and their fork servers, imported there by ``preload``
MODULES_ENV = "WIJKRAPPORT_VOORLADEN_MODULES"
_klaar: Path | None = None
PROVISIONER = "wijkrapport-voorgeladen"  # its name in pyproject.toml's jupyter_client.kernel_provisioners


def voorladen() -> None:
    """Worker initialiser: from now on this process starts its kernels from a fork server with the libraries
    loaded; start that server now, so it imports while the worker does other work (and ``opwarmen``)."""
    global _voorladen, _klaar
    if multiprocessing.current_process().daemon:  # a daemon process may not have children (Dask workers)
        return
    folder = Path(tempfile.gettempdir()) / "wijkrapport-kernels"
    folder.mkdir(parents=True, exist_ok=True)
    for oud in folder.glob("voorgeladen-*"):  # left by workers that never needed them
        if not _leeft(int(oud.name.split("-")[1])):
            oud.unlink(missing_ok=True)
    _klaar = folder / f"voorgeladen-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    os.environ[KLAAR_ENV] = str(_klaar)  # the fork server inherits it
    # every process forked from the server would otherwise run the worker's main script first (0,1 s per
    # kernel): see wijkrapport.engine.preload
    from multiprocessing import spawn

    hoofdscript = spawn.get_preparation_data("kernel").get("init_main_from_path")
    if hoofdscript:
        os.environ[HOOFDSCRIPT_ENV] = hoofdscript
    _SERVER.set_forkserver_preload(["wijkrapport.engine.preload"])
    from multiprocessing import forkserver

    forkserver.ensure_running()
    from jupyter_client.provisioning import KernelProvisionerFactory

    # kernelspecs without a kernel_provisioner of their own (as ours) get this one from now on
    KernelProvisionerFactory.instance().default_provisioner_name = PROVISIONER
    _voorladen = True


def actief() -> bool:
    """Whether this process forks its kernels: a pool worker whose fork server has imported everything.

    A kernel waits for the server (about 2 s after the worker started) rather than start the ordinary way:
    an ordinary kernel imports the same libraries itself, on the same cores, and is ready no sooner.
    """
    return _voorladen and _server_klaar()


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True


def mislukt_bestand(klaar: Path) -> Path:
    """Where a fork server whose imports failed leaves its error, next to the marker ``klaar`` it never made."""
    return klaar.with_name(klaar.name + ".mislukt")


def _server_klaar(wachttijd: float = 60) -> bool:
    """Wait until the fork server has imported everything (it creates the marker file ``_klaar``).

    False, and ordinary kernels from then on, when the server reports that its imports failed (a second
    marker file, with the error) or takes longer than ``wachttijd`` seconds.
    """
    global _klaar, _voorladen
    if _klaar is None:
        return True
    eind = time.monotonic() + wachttijd
    while not _klaar.exists():
        if mislukt_bestand(_klaar).exists() or time.monotonic() > eind:
            mislukt_bestand(_klaar).unlink(missing_ok=True)
            _voorladen, _klaar = False, None
            return False
        time.sleep(0.01)
    _klaar.unlink(missing_ok=True)
    _klaar = None
    return True


def _kernel_argv(cmd: list[str]) -> list[str] | None:
    """The ipykernel arguments of a standard Python kernel command, or None for any other kernel."""
    try:
        m = cmd.index("-m")
    except ValueError:
        return None
    opties = cmd[1:m]  # interpreter options such as -Xfrozen_modules=off (for the debugger), which do not matter here
    if (cmd[m + 1:m + 2] != ["ipykernel_launcher"] or any(not o.startswith("-X") for o in opties)
            or Path(cmd[0]).resolve() != Path(sys.executable).resolve()):
        return None
    return list(cmd[m + 2:])


def _start_kernel(argv: list[str], env: dict, cwd: str, log: str | None, werker: int | None = None) -> None:
    """In the forked process: become what ``python -m ipykernel_launcher ARGV`` would be.

    The kernel ends with the fork server (SIGKILL from Linux when the server's thread ends), and the server
    ends when the worker ``werker`` does: no kernel outlives its run.
    """
    from multiprocessing import forkserver

    from . import processes

    # multiprocessing hands every process the server forks a copy of the pipe whose closing tells the server
    # that its worker is gone: a kernel holding it would keep the server alive after its worker died, and the
    # server's end is what ends the kernel. The kernel never asks this server for processes.
    alive = getattr(forkserver._forkserver, "_forkserver_alive_fd", None)
    if alive is not None:
        try:
            os.close(alive)
        except OSError:
            pass
        forkserver._forkserver._forkserver_alive_fd = None
    processes.sterf_met_ouder()
    if werker is not None and not processes.leeft(werker):
        os._exit(1)
    os.setsid()  # its own process group, as jupyter_client's launcher gives a kernel
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    if log:
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if sys.path and (sys.path[0] == "" or (main and Path(sys.path[0]) == Path(main).parent)):
        del sys.path[0]  # as ipykernel_launcher does; the kernel adds '' back
    from ipykernel import kernelapp

    sys.argv = [kernelapp.__file__, *argv]
    # the kernel exits if its parent (the fork server, which stops with the worker) goes away
    kernelapp.launch_new_instance(argv=[*argv, f"--IPKernelApp.parent_handle={os.getppid()}"])


class _GevorktProces:
    """The ``Popen`` methods LocalProvisioner uses, for a process started by the fork server."""

    stdin = stdout = stderr = None

    def __init__(self, proces: multiprocessing.process.BaseProcess):
        self._proces = proces
        self.pid = proces.pid

    def poll(self) -> int | None:
        return self._proces.exitcode

    def wait(self, timeout: float | None = None) -> int | None:
        self._proces.join(timeout)
        return self._proces.exitcode

    def send_signal(self, signum: int) -> None:
        try:
            if os.getpgid(self.pid) == self.pid:  # the kernel and anything it started
                os.killpg(self.pid, signum)
                return
        except OSError:
            pass
        os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class VoorgeladenProvisioner(LocalProvisioner):
    """LocalProvisioner whose Python kernels are forked from the preloaded fork server (when this process has
    a ready one: ``actief``); any other kernel, or without a server, starts as LocalProvisioner starts it."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        argv = _kernel_argv(cmd)
        if argv is None or not actief():
            return await super().launch_kernel(cmd, **kwargs)
        stderr = kwargs.get("stderr")
        proces = _SERVER.Process(
            target=_start_kernel,
            args=(argv, dict(kwargs.get("env") or os.environ), str(kwargs.get("cwd") or os.getcwd()),
                  getattr(stderr, "name", None), os.getpid()),
            name="kernel",
        )
        proces.start()
        self.process = _GevorktProces(proces)
        self.pid, self.pgid = proces.pid, None
        self.cwd = kwargs.get("cwd", Path.cwd())
        return self.connection_info
