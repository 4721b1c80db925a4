"""How the run engine starts kernels and talks to them.

Parallel papermill runs that each start a kernel may pick the same free TCP
port and fail with "address already in use" (papermill issue 511). Kernels
here talk over IPC (unix sockets) with a unique path per kernel instead; one
retry covers any remaining start-up failure. In a pool worker the kernels are
forked from a preloaded server (``kernelserver``); the client is ready as soon
as the kernel has answered on both channels (``GereedClient``), and nothing in
starting or stopping a kernel waits on a fixed 0,1 s timer.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
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


class IPCKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose default transport is IPC, not TCP.

    Each kernel gets its own socket path prefix in the temp folder, so kernels
    started at the same moment never share a channel.
    """

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)
    client_class = DottedObjectName("wijkrapport.engine.kernels.GereedClient")
    client_factory = Type(default_value=GereedClient, klass=AsyncKernelClient)

    @default("ip")
    def _ip_default(self) -> str:
        folder = os.path.join(tempfile.gettempdir(), "wijkrapport-kernels")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"k-{os.getpid()}-{uuid.uuid4().hex[:12]}")

    async def _async_pre_start_kernel(self, **kw):
        from . import kernelserver

        if self.provisioner is None and kernelserver.actief():
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", None) or str(uuid.uuid4())
            self.provisioner = kernelserver.VoorgeladenProvisioner(kernel_id=self.kernel_id,
                                                                   kernel_spec=self.kernel_spec, parent=self)
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


PORT_RACE_MARKERS = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def is_port_race(exc: BaseException) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return any(m in text for m in PORT_RACE_MARKERS)
