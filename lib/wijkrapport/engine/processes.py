"""The processes of a run end with it, and what a run leaves behind is cleaned up by the next.

* **Signals**: SIGTERM and SIGHUP end a run as Ctrl-C does (exit code 128 + the signal's number: 130, 143,
  129). While a report's files are being put in place (``kritiek``) a signal waits until they are all in
  place, so a report is never half replaced.
* **Children end with the parent**: a worker process watches its parent and exits as soon as the parent is
  gone (a ``kill -9`` included); its fork server then sees its pipe close and exits, and a kernel forked
  from that server has asked Linux for SIGKILL when the server ends (``PR_SET_PDEATHSIG``). Stopping a
  pool kills the workers and waits for all their descendants (fork servers, kernels, resource trackers).
* **Temporary files**: everything a run puts in the temporary folder (kernel sockets and connection files,
  the fork servers' sockets, task markers) lives in one folder per run, removed at its end; a folder left
  by a run that was killed is removed by the next run.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Onderbroken(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT, SIGTERM, SIGHUP); ``exit_code`` is 128 + its number."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def naam(self) -> str:
        return signal.Signals(self.signum).name


_kritiek = 0
_uitgesteld: int | None = None
_gestopt = False  # a signal has stopped the run: more signals must not cut its clean-up short


def _bij_signaal(signum: int, _frame) -> None:
    global _uitgesteld, _gestopt
    if _gestopt:
        return
    if _kritiek:
        _uitgesteld = _uitgesteld or signum
        return
    _gestopt = True
    raise Onderbroken(signum)


@contextmanager
def signalen() -> Iterator[None]:
    """In the main thread of the CLI: SIGINT, SIGTERM and SIGHUP raise :class:`Onderbroken`, once: while the
    run stops (a few seconds at most), a second Ctrl-C does not cut short the killing of its processes.

    A signal that is ignored when the run starts (``nohup``, a background job's SIGINT) stays ignored.
    """
    global _gestopt
    _gestopt = False
    vorige = {}
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        huidig = signal.getsignal(sig)
        if huidig is signal.SIG_IGN or huidig is None:
            continue
        vorige[sig] = huidig
        signal.signal(sig, _bij_signaal)
    try:
        yield
    finally:
        for sig, handler in vorige.items():
            signal.signal(sig, handler)


@contextmanager
def kritiek() -> Iterator[None]:
    """A block that a signal does not interrupt: the signal takes effect when the block is done."""
    global _kritiek, _uitgesteld, _gestopt
    _kritiek += 1
    try:
        yield
    finally:
        _kritiek -= 1
        if not _kritiek and _uitgesteld:
            signum, _uitgesteld, _gestopt = _uitgesteld, None, True
            raise Onderbroken(signum)


def standaard_signalen_in_werker() -> None:
    """In a worker process: Ctrl-C is the parent's business (it stops the workers); SIGTERM and SIGHUP end
    the worker at once, as they would any process, instead of the parent's handler."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def sterf_met_ouder(sig: int = signal.SIGKILL) -> None:
    """Linux: this process gets ``sig`` when the thread that started it ends (``PR_SET_PDEATHSIG``).

    Only for processes started by a process's single or main thread (the fork server's kernels): the
    signal follows the starting thread, not its process. Elsewhere nothing happens.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def bewaak_ouder(ouder: int, interval: float = 0.1) -> None:
    """In a worker process: exit as soon as the process ``ouder`` that started it is gone.

    A thread looks every ``interval`` seconds: a worker of a process pool may be started from any of its
    parent's threads, so ``PR_SET_PDEATHSIG`` (which follows the starting thread) would kill it too early.
    """
    if os.getppid() != ouder:
        os._exit(1)

    def wacht() -> None:
        while os.getppid() == ouder:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=wacht, name="ouder-bewaker", daemon=True).start()


# --- the process tree (Linux /proc) ---------------------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name (field 3, the state, first); None if gone."""
    try:
        tekst = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    return tekst[tekst.rfind(")") + 2:].split()


def leeft(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, which waits only to be reaped, does not)."""
    velden = _stat(pid)
    if velden is None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return not Path("/proc").is_dir()  # no /proc: trust kill(0)
    return velden[0] not in ("Z", "X")


def starttijd(pid: int) -> str | None:
    """The start time of ``pid`` in clock ticks after boot (field 22 of /proc/<pid>/stat): with the pid it
    names one process, also after the pid is reused."""
    velden = _stat(pid)
    return velden[19] if velden and len(velden) > 19 else None


def nakomelingen(pids: Iterable[int]) -> set[int]:
    """``pids`` and every process below them."""
    kinderen: dict[int, list[int]] = {}
    try:
        namen = os.listdir("/proc")
    except OSError:
        return set(pids)
    for naam in namen:
        if not naam.isdigit():
            continue
        velden = _stat(int(naam))
        if velden and len(velden) > 1:
            kinderen.setdefault(int(velden[1]), []).append(int(naam))
    boom, rij = set(), list(pids)
    while rij:
        pid = rij.pop()
        if pid not in boom:
            boom.add(pid)
            rij += kinderen.get(pid, [])
    return boom


def wacht_op(pids: Iterable[int], wachttijd: float) -> set[int]:
    """Wait up to ``wachttijd`` seconds until none of ``pids`` runs; return those still running."""
    over = {p for p in pids if leeft(p)}
    eind = time.monotonic() + wachttijd
    while over and time.monotonic() < eind:
        time.sleep(0.01)
        over = {p for p in over if leeft(p)}
    return over


def _kill(pids: Iterable[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _resource_tracker(pid: int) -> bool:
    try:
        return b"multiprocessing.resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def stop(werkers: Iterable[int], wachttijd: float = 2.0) -> None:
    """Kill the processes ``werkers`` and everything below them now, and wait until all have ended."""
    _beeindig(nakomelingen(list(werkers)), 0.0, wachttijd)


def _beeindig(boom: set[int], gratie: float, wachttijd: float) -> None:
    """Give the processes ``boom`` ``gratie`` seconds to end, then kill them, except resource trackers: those
    end by themselves when the last process holding their pipe has gone, after cleaning up what they
    tracked. Whatever still runs ``wachttijd`` seconds later is killed."""
    over = wacht_op(boom, gratie)
    _kill(p for p in over if not _resource_tracker(p))
    over = wacht_op(over, wachttijd)
    if over:
        _kill(over)
        wacht_op(over, 1.0)


@contextmanager
def eindigt_samen(werkers: Iterable[int]) -> Iterator[None]:
    """Around the normal stop of ``werkers``: afterwards nothing they started still runs (their fork servers
    and resource trackers end on their own within milliseconds; what does not is killed)."""
    boom = nakomelingen(list(werkers))  # while the workers run: their children are still below them
    yield
    _beeindig(boom, 0.2, 2.0)


# --- one temporary folder per run -----------------------------------------------------------------

MAX_BASIS = 16  # longest temporary folder under which the socket paths of a run stay below 107 bytes
_RUNMAP = re.compile(r"^wijkrapport-(\d+)-([0-9a-z]+)-[0-9a-z_]+$")


def _sleutel(pid: int) -> str:
    """The start time of ``pid`` in base 36 (short: it is part of socket paths), or '0' if unknown."""
    getal, tekens = int(starttijd(pid) or 0), ""
    while True:
        getal, rest = divmod(getal, 36)
        tekens = "0123456789abcdefghijklmnopqrstuvwxyz"[rest] + tekens
        if not getal:
            return tekens


def ruim_runmappen_op(basis: Path) -> list[Path]:
    """Remove the temporary folders of runs whose process no longer runs; return them."""
    weg = []
    try:
        kandidaten = list(basis.iterdir())
    except OSError:
        return weg
    for map_ in kandidaten:
        m = _RUNMAP.match(map_.name)
        if not m or not map_.is_dir() or map_.is_symlink():
            continue
        pid = int(m.group(1))
        if leeft(pid) and (starttijd(pid) is None or _sleutel(pid) == m.group(2)):
            continue
        shutil.rmtree(map_, ignore_errors=True)
        weg.append(map_)
    return weg


@contextmanager
def tijdelijke_map() -> Iterator[Path]:
    """A temporary folder for this run, used by it and every process it starts (``TMPDIR``, and Jupyter's
    runtime folder for kernel connection files); removed at the end. Folders of killed runs go first.

    Unix sockets (of fork servers and kernels) live in it, and their paths may not exceed 107 bytes: under
    a long ``TMPDIR`` the folder is made in /tmp instead.
    """
    basis = Path(tempfile.gettempdir())
    if len(str(basis)) > MAX_BASIS and os.access("/tmp", os.W_OK | os.X_OK):
        basis = Path("/tmp")  # the sockets of fork servers and kernels in it must fit in 107 bytes
    ruim_runmappen_op(basis)
    map_ = Path(tempfile.mkdtemp(prefix=f"wijkrapport-{os.getpid()}-{_sleutel(os.getpid())}-", dir=basis))
    namen = ("TMPDIR", "JUPYTER_RUNTIME_DIR")
    vorige = {k: os.environ.get(k) for k in namen}
    os.environ["TMPDIR"] = str(map_)
    os.environ["JUPYTER_RUNTIME_DIR"] = str(map_ / "jupyter")
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again
    try:
        yield map_
    finally:
        for k, v in vorige.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        tempfile.tempdir = None
        shutil.rmtree(map_, ignore_errors=True)
