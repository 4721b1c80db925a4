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


PORT_RACE_MARKERS = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def is_port_race(exc: BaseException) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return any(m in text for m in PORT_RACE_MARKERS)
