"""Kernel start-up that avoids the TCP port race of parallel kernels.

Parallel papermill runs that each start a kernel may pick the same free TCP
port and fail with "address already in use" (papermill issue 511). Kernels
here talk over IPC (unix sockets) with a unique path per kernel instead; one
retry covers any remaining start-up failure.
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
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import CaselessStrEnum, DottedObjectName, Type, default


class GereedClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel has answered one kernel_info request on the shell
    channel and reported that request 'idle' on IOPub (which proves IOPub is connected).

    jupyter_client's own ``wait_for_ready`` then also waits until IOPub has been quiet for 0,2 s: per
    notebook that is 0,2 s in which neither the worker nor the kernel does anything. Messages left on
    IOPub do not matter to nbclient, which only reads those answering its own requests.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        eind = time.monotonic() + (timeout if timeout is not None else 600)
        while True:
            vraag = self.kernel_info()
            antwoord = gemeld = False
            poging = time.monotonic() + 1
            while not (antwoord and gemeld) and time.monotonic() < poging:
                if not antwoord:
                    msg = await _bericht(self.shell_channel)
                    if msg and msg["parent_header"].get("msg_id") == vraag and msg["msg_type"] == "kernel_info_reply":
                        self._handle_kernel_info_reply(msg)
                        antwoord = True
                        poging = min(poging, time.monotonic() + 0.1)  # 'idle' follows at once, if IOPub is connected
                if not gemeld:
                    msg = await _bericht(self.iopub_channel)
                    gemeld = bool(msg and msg["parent_header"].get("msg_id") == vraag and msg["msg_type"] == "status"
                                  and msg["content"].get("execution_state") == "idle")
            if antwoord and gemeld:
                return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > eind:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


async def _bericht(kanaal) -> dict | None:
    try:
        return await kanaal.get_msg(timeout=0.02)
    except Empty:
        return None


class IPCKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose default transport is IPC, not TCP.

    Each kernel gets its own socket path prefix in the temp folder, so kernels
    started at the same moment never share a channel.
    """

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)
    client_class = DottedObjectName("wijkrapport.kernels.GereedClient")
    client_factory = Type(default_value=GereedClient, klass=AsyncKernelClient)

    @default("ip")
    def _ip_default(self) -> str:
        folder = os.path.join(tempfile.gettempdir(), "wijkrapport-kernels")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"k-{os.getpid()}-{uuid.uuid4().hex[:12]}")

    async def _async_pre_start_kernel(self, **kw):
        if self.provisioner is None and _voorladen and _server_klaar():
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", None) or str(uuid.uuid4())
            self.provisioner = VoorgeladenProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        """Send the kernel's own log (start-up noise, tracebacks when it is interrupted or stopped) to a file
        next to its sockets instead of the user's terminal; the runner reports failures itself."""
        if "stderr" in kw:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        with open(f"{self.ip}.log", "ab") as log:
            kw["stderr"] = log
            await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            try:
                os.remove(f"{self.ip}.log")
            except OSError:
                pass


PORT_RACE_MARKERS = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def is_port_race(exc: BaseException) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return any(m in text for m in PORT_RACE_MARKERS)


# --- Kernels forked from a process that has already imported the libraries --------------------------------
#
# Starting a kernel costs about 0,6 s of CPU (Python, IPython, ipykernel), and every report notebook then
# spends about 1 s importing pandas, matplotlib and this package. A worker of the local pool instead asks a
# multiprocessing fork server, which imported all of that once (``wijkrapport.voorladen``), for each kernel:
# the kernel is a fresh forked process with its own namespace, sockets and connection file, started by
# ipykernel's own entry point, only without the imports. Other executors (Dask) keep ordinary kernels.

_voorladen = False
_SERVER = multiprocessing.get_context("forkserver")
_KLAAR_ENV = "WIJKRAPPORT_VOORGELADEN"  # the file the fork server creates once it has imported everything
_klaar: Path | None = None


def voorladen() -> None:
    """Worker initialiser: from now on this process starts its kernels from a fork server with the libraries
    loaded; start that server now, so it imports while the worker does other work."""
    global _voorladen, _klaar
    if multiprocessing.current_process().daemon:  # a daemon process may not have children (Dask workers)
        return
    folder = Path(tempfile.gettempdir()) / "wijkrapport-kernels"
    folder.mkdir(parents=True, exist_ok=True)
    for oud in folder.glob("voorgeladen-*"):  # left by workers that never needed them
        if not _leeft(int(oud.name.split("-")[1])):
            oud.unlink(missing_ok=True)
    _klaar = folder / f"voorgeladen-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    os.environ[_KLAAR_ENV] = str(_klaar)  # the fork server inherits it
    _SERVER.set_forkserver_preload(["__main__", "wijkrapport.voorladen"])
    from multiprocessing import forkserver

    forkserver.ensure_running()
    _voorladen = True


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True


def _server_klaar() -> bool:
    """Whether the fork server has finished importing. Until then kernels start the ordinary way: a run of
    one notebook per worker would otherwise wait for imports it does not need all of."""
    global _klaar
    if _klaar is None:
        return True
    if not _klaar.exists():
        return False
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


def _start_kernel(argv: list[str], env: dict, cwd: str, log: str | None) -> None:
    """In the forked process: become what ``python -m ipykernel_launcher ARGV`` would be."""
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
    """LocalProvisioner whose Python kernels are forked from the preloaded fork server."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        argv = _kernel_argv(cmd)
        if argv is None:
            return await super().launch_kernel(cmd, **kwargs)
        stderr = kwargs.get("stderr")
        proces = _SERVER.Process(
            target=_start_kernel,
            args=(argv, dict(kwargs.get("env") or os.environ), str(kwargs.get("cwd") or os.getcwd()),
                  getattr(stderr, "name", None)),
            name="kernel",
        )
        proces.start()
        self.process = _GevorktProces(proces)
        self.pid, self.pgid = proces.pid, None
        self.cwd = kwargs.get("cwd", Path.cwd())
        return self.connection_info
