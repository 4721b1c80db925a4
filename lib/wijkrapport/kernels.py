"""Kernel start-up that avoids the TCP port race of parallel kernels.

Parallel papermill runs that each start a kernel may pick the same free TCP
port and fail with "address already in use" (papermill issue 511). Kernels
here talk over IPC (unix sockets) with a unique path per kernel instead; one
retry covers any remaining start-up failure.
"""

from __future__ import annotations

import os
import tempfile
import uuid

from jupyter_client.manager import AsyncKernelManager
from traitlets import CaselessStrEnum, default


class IPCKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose default transport is IPC, not TCP.

    Each kernel gets its own socket path prefix in the temp folder, so kernels
    started at the same moment never share a channel.
    """

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _ip_default(self) -> str:
        folder = os.path.join(tempfile.gettempdir(), "wijkrapport-kernels")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"k-{os.getpid()}-{uuid.uuid4().hex[:12]}")

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
