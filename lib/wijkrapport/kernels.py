"""Kernel start-up that avoids the TCP port race of parallel kernels.

Parallel papermill runs that each start a kernel may pick the same free TCP
port and fail with "address already in use" (papermill issue 511). Kernels
here talk over IPC (unix sockets) with a unique path per kernel instead; one
retry covers any remaining start-up failure.
"""

from __future__ import annotations

from jupyter_client.manager import AsyncKernelManager
from traitlets import CaselessStrEnum


class IPCKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose default transport is IPC, not TCP."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)


PORT_RACE_MARKERS = ("Address already in use", "Kernel died before replying", "Kernel didn't respond")


def is_port_race(exc: BaseException) -> bool:
    text = f"{type(exc).__name__}: {exc}"
    return any(m in text for m in PORT_RACE_MARKERS)
