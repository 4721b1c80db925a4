"""How the run engine starts kernels and talks to them.

Parallel papermill runs that each start a kernel may pick the same free TCP
port and fail with "address already in use" (papermill issue 511). Kernels
here talk over IPC (unix sockets) with a unique path per kernel instead; one
retry covers any remaining start-up failure. In a pool worker the kernels are
forked from a preloaded server (``kernelserver``); the client is ready as soon
as the kernel has answered on both channels (``GereedClient``), and nothing in
starting or stopping a kernel waits on a fixed 0,1 s timer.

That speed leans on private parts of jupyter_client, ipykernel and ``multiprocessing`` (listed in ``EISEN``).
``snelle_start_mogelijk`` checks them once per process; when one has moved, ``kernel_manager_klasse`` gives
the standard kernels (``StandaardKernelManager``: public API only) and the worker starts no fork server.
tests/test_kernel_grenzen.py runs the same check and fails naming the library version and what changed.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import CaselessStrEnum, DottedObjectName, Type, default

RECONNECT_MS = 10  # ZeroMQ waits 100 ms before it tries a refused connection again


class GereedClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel has answered one kernel_info request on the shell
    channel and reported that request 'idle' on IOPub (which proves IOPub is connected).

    jupyter_client's own ``wait_for_ready`` then also waits until IOPub has been quiet for 0,2 s: per
    notebook that is 0,2 s in which neither the worker nor the kernel does anything. Messages left on
    IOPub do not matter to nbclient, which only reads those answering its own requests.
    """

    def _context_default(self) -> zmq.asyncio.Context:
        """The client's sockets try again after 10 ms: they connect while a forked kernel, a few milliseconds
        old, has not yet bound its sockets, and each 100 ms retry was a tenth of a second per notebook."""
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)
        return context

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


class StandaardKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose default transport is IPC, not TCP; public jupyter_client API only.

    Each kernel gets its own socket path prefix in the temp folder, so kernels
    started at the same moment never share a channel.
    """

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _ip_default(self) -> str:
        folder = os.path.join(tempfile.gettempdir(), "wijkrapport-kernels")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"k-{os.getpid()}-{uuid.uuid4().hex[:12]}")


class IPCKernelManager(StandaardKernelManager):
    """The fast kernel manager: forked kernels (in a pool worker), the quick ``GereedClient``, no 0,1 s waits.

    It overrides private methods of jupyter_client: use it only through ``kernel_manager_klasse``.
    """

    client_class = DottedObjectName("wijkrapport.engine.kernels.GereedClient")
    client_factory = Type(default_value=GereedClient, klass=AsyncKernelClient)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        """Send the kernel's own log (start-up noise, tracebacks when it is interrupted or stopped) to a file
        next to its sockets instead of the user's terminal; the runner reports failures itself."""
        if "stderr" in kw:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        with open(f"{self.ip}.log", "ab") as log:
            kw["stderr"] = log
            await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        """Wait for a stopped kernel to exit, looking every 5 ms: a killed kernel is gone within a few
        milliseconds, and jupyter_client's 0,1 s between looks was the last 0,1 s of every notebook."""
        await super()._async_wait(pollinterval=min(pollinterval, 0.005))

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            try:
                os.remove(f"{self.ip}.log")
            except OSError:
                pass


@dataclass(frozen=True)
class Eis:
    """One private part the fast start relies on: ``naam`` must exist in what ``waar()`` returns and, for a
    callable, take the parameters ``parameters`` (``**kw`` for keyword catch-alls) and require no others."""

    bibliotheek: str  # the distribution (or "python" for the standard library)
    waar: Callable[[], object]
    naam: str
    parameters: tuple[str, ...] | None = None
    trait: bool = False  # a traitlets trait of a HasTraits class


def _uit(module: str, *namen: str) -> Callable[[], object]:
    """Where a private part lives: ``module`` (imported only when asked), or what ``namen`` reach from it."""
    def waar() -> object:
        houder = importlib.import_module(module)
        for naam in namen:
            houder = getattr(houder, naam)
        return houder

    return waar


def _forkserver_context():
    import multiprocessing
    return multiprocessing.get_context("forkserver")


_manager = _uit("jupyter_client.manager", "AsyncKernelManager")
_client = _uit("jupyter_client.asynchronous", "AsyncKernelClient")
_provisioner = _uit("jupyter_client.provisioning", "LocalProvisioner")
_forkserver = _uit("multiprocessing.forkserver")
_forkserver_object = _uit("multiprocessing.forkserver", "_forkserver")
_spawn = _uit("multiprocessing.spawn")
_kernelapp = _uit("ipykernel.kernelapp")
_kernelapp_class = _uit("ipykernel.kernelapp", "IPKernelApp")


EISEN: tuple[Eis, ...] = (
    # IPCKernelManager overrides these and calls the originals
    Eis("jupyter_client", _manager, "_async_launch_kernel", ("self", "kernel_cmd", "**kw")),
    Eis("jupyter_client", _manager, "_async_wait", ("self", "pollinterval")),
    Eis("jupyter_client", _manager, "_async_cleanup_resources", ("self", "restart")),
    # GereedClient
    Eis("jupyter_client", _client, "_handle_kernel_info_reply", ("self", "msg")),
    Eis("jupyter_client", _client, "_context_default", ("self",)),
    Eis("jupyter_client", _client, "_created_context", trait=True),
    Eis("jupyter_client", _client, "context", trait=True),
    Eis("jupyter_client", _client, "wait_for_ready", ("self", "timeout")),
    # VoorgeladenProvisioner fills in LocalProvisioner's process state itself
    Eis("jupyter_client", _provisioner, "launch_kernel", ("self", "cmd", "**kwargs")),
    Eis("jupyter_client", _provisioner, "process"),
    Eis("jupyter_client", _provisioner, "pid"),
    Eis("jupyter_client", _provisioner, "pgid"),
    Eis("jupyter_client", _provisioner, "cwd"),
    Eis("jupyter_client", _provisioner, "connection_info"),
    Eis("jupyter_client", _provisioner, "kernel_spec", trait=True),
    # the fork server (kernelserver.voorladen and _start_kernel)
    Eis("python", _forkserver_context, "set_forkserver_preload", ("module_names",)),
    Eis("python", _forkserver_context, "Process"),
    Eis("python", _forkserver, "ensure_running", ()),
    Eis("python", _forkserver_object, "_forkserver_alive_fd"),
    Eis("python", _spawn, "get_preparation_data", ("name",)),
    # the forked process becomes a kernel through ipykernel's own entry point
    Eis("ipykernel", _kernelapp, "launch_new_instance", ("argv", "**kwargs")),
    Eis("ipykernel", _kernelapp_class, "parent_handle", trait=True),
)


def _versie(bibliotheek: str) -> str:
    if bibliotheek == "python":
        return f"Python {sys.version.split()[0]}"
    from importlib.metadata import version

    return f"{bibliotheek} {version(bibliotheek)}"


def _parameters(functie) -> list[str]:
    uit = []
    for p in inspect.signature(functie).parameters.values():
        prefix = {p.VAR_KEYWORD: "**", p.VAR_POSITIONAL: "*"}.get(p.kind, "")
        uit.append(prefix + p.name)
    return uit


def afwijking(eis: Eis) -> str | None:
    """What changed in the part ``eis`` describes, with the library version; None if it is as expected."""
    plaats = f"{_versie(eis.bibliotheek)}: {eis.naam}"
    try:
        houder = eis.waar()
    except Exception as exc:  # noqa: BLE001 - a module or class that moved is exactly what this reports
        return f"{plaats}: niet te vinden ({type(exc).__name__}: {exc})"
    if eis.trait:
        if eis.naam not in houder.class_traits():
            return f"{plaats}: geen trait meer van {getattr(houder, '__name__', houder)}"
        return None
    if not hasattr(houder, eis.naam):
        return f"{plaats}: bestaat niet meer in {getattr(houder, '__name__', houder)}"
    if eis.parameters is None:
        return None
    functie = getattr(houder, eis.naam)
    try:
        gevonden = _parameters(functie)
    except (TypeError, ValueError) as exc:
        return f"{plaats}: geen leesbare signatuur ({exc})"
    verplicht = {p.name for p in inspect.signature(functie).parameters.values()
                 if p.default is p.empty and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
    ontbreekt = [n for n in eis.parameters if n not in gevonden]
    nieuw = sorted(verplicht - {n.lstrip("*") for n in eis.parameters})
    if ontbreekt or nieuw:
        return (f"{plaats}: parameters nu ({', '.join(gevonden)}), verwacht ({', '.join(eis.parameters)})"
                + (f"; ontbreekt {', '.join(ontbreekt)}" if ontbreekt else "")
                + (f"; nieuw verplicht {', '.join(nieuw)}" if nieuw else ""))
    return None


@functools.cache
def snelle_start_mogelijk() -> tuple[bool, str]:
    """Whether every private part the fast kernel start uses is still as expected (checked once per process):
    (True, "") or (False, the first thing that changed, with the library version)."""
    for eis in EISEN:
        reden = afwijking(eis)
        if reden:
            return False, reden
    return _provisioner_geregistreerd()


def _provisioner_geregistreerd() -> tuple[bool, str]:
    """Whether jupyter_client finds the fork server's provisioner through its entry point (not after a
    checkout that added it, until ``make venv`` installs the package again)."""
    from jupyter_client.provisioning import KernelProvisionerFactory

    from .kernelserver import PROVISIONER

    if PROVISIONER in KernelProvisionerFactory.instance().get_provisioner_entries():
        return True, ""
    return False, f"provisioner {PROVISIONER} niet geregistreerd: installeer het pakket opnieuw (make venv)"


def kernel_manager_klasse() -> type[StandaardKernelManager]:
    """The kernel manager for papermill: the fast one, or the standard one when its internals have moved."""
    return IPCKernelManager if snelle_start_mogelijk()[0] else StandaardKernelManager


PORT_RACE_MARKERS = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def is_port_race(exc: BaseException) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return any(m in text for m in PORT_RACE_MARKERS)
