"""Where report work runs: a local process pool (default) or a Dask cluster.

Both give a ``concurrent.futures.Executor``; the runner does not know which.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from wijkrapport.errors import WerkprocesGestopt

from . import processes

EXECUTORS = ("local", "dask")


def _werker_start(ouder: int | None = None) -> None:
    """Worker processes leave Ctrl-C to the parent, which stops them (and their kernels) itself; they end
    as soon as the parent ``ouder`` (default: the process that started this one) is gone, however it ended
    (``processen.bewaak_ouder``)."""
    processes.standaard_signalen_in_werker()
    processes.bewaak_ouder(os.getppid() if ouder is None else ouder)
    from .kernels import snelle_start_mogelijk
    from .kernelserver import voorladen

    if not snelle_start_mogelijk()[0]:  # the run has said why (runner); standard kernels then
        return
    try:
        voorladen()
    except Exception:  # noqa: BLE001 - no fork server (e.g. its socket cannot be made): ordinary kernels then
        pass


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_werker_start, initargs=(os.getpid(),))


def _werkers(pool: ProcessPoolExecutor) -> list[int]:
    """The pids of a pool's worker processes (``_processes`` is the only place the executor keeps them)."""
    return list(getattr(pool, "_processes", None) or {})


def _met_merkteken(merkteken: str, fn: Callable, /, *args, **kwargs):
    """Worker side: leave a mark that this task started, then run it."""
    Path(merkteken).touch()
    return fn(*args, **kwargs)


MAX_BREUKEN = 3  # a task whose pool broke this often before it could start fails (workers that cannot start)


class _Taak:
    __slots__ = ("fn", "args", "kwargs", "uit", "merkteken", "verdacht", "breuken")

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, merkteken: Path):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.uit: Future = Future()
        self.merkteken = merkteken
        self.verdacht = False
        self.breuken = 0


class HerstartendePool(Executor):
    """A local process pool that survives a worker process dying.

    A ``ProcessPoolExecutor`` whose worker dies is broken for good and fails every task it
    holds. Here the tasks that had not started yet move to a fresh pool; the tasks that had
    started are suspects and run again one at a time in a pool of their own, so only the task
    that kills its worker a second time fails (with :class:`WerkprocesGestopt`) and the rest
    of the run goes on.

    Why not a maintained pool (issue 21, tried with pebble 5.2.3 and loky 3.7.0 on Python 3.11): neither keeps
    a crashed worker to itself. loky, like ``ProcessPoolExecutor``, fails every pending task with
    ``TerminatedWorkerError`` when one worker dies and must be recreated (8 of 8 tasks failed when one of two
    workers was killed), which is the case this class handles. pebble fails only the task of a worker that
    dies while it computes (``ProcessExpired``), but its workers share one pipe behind process-shared locks: a
    worker killed while it sends its result leaves the lock held and the stream torn, and the tasks of the
    healthy workers failed too, with ``BrokenProcessPool`` after more than 90 s (its 60 s lock timeout; pebble
    issue #163); a worker that dies while no task runs breaks the whole pool; and cancelling queued tasks
    replaced a worker (and so its fork server). Wrapped around pebble, this class would still replace broken
    pools and retry, and would need the worker pids (not public there) to end the kernels below them.
    """

    def __init__(self, jobs: int):
        self._jobs = max(1, jobs)
        self._lock = threading.RLock()
        self._pool = _pool(self._jobs)
        self._kapot: list[ProcessPoolExecutor] = []
        self._apart: deque[_Taak] = deque()
        self._apart_pool: ProcessPoolExecutor | None = None
        self._apart_bezig: _Taak | None = None
        self._merktekens = Path(tempfile.mkdtemp(prefix=f"wijkrapport-taken-{os.getpid()}-"))
        self._dicht = False
        self.herstarts = 0

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        with self._lock:
            if self._dicht:
                raise RuntimeError("pool is gesloten")
            taak = _Taak(fn, args, kwargs, self._merktekens / uuid.uuid4().hex)
            self._start(taak)
            return taak.uit

    def _start(self, taak: _Taak) -> None:
        if taak.verdacht:
            self._apart.append(taak)
            self._volgende_apart()
            return
        self._verzend(self._pool, taak)

    def _verzend(self, pool: ProcessPoolExecutor, taak: _Taak) -> None:
        binnen = pool.submit(_met_merkteken, str(taak.merkteken), taak.fn, *taak.args, **taak.kwargs)
        binnen.add_done_callback(lambda f, t=taak, p=pool: self._klaar(t, p, f))

    def _volgende_apart(self) -> None:
        if self._apart_bezig is not None or not self._apart or self._dicht:
            return
        self._apart_bezig = self._apart.popleft()
        if self._apart_pool is None:
            self._apart_pool = _pool(1)
        self._verzend(self._apart_pool, self._apart_bezig)

    def _klaar(self, taak: _Taak, pool: ProcessPoolExecutor, binnen: Future) -> None:
        with self._lock:
            if taak is self._apart_bezig:
                self._apart_bezig = None
            try:
                if binnen.cancelled():
                    taak.uit.cancel()
                    return
                exc = binnen.exception()
                if not isinstance(exc, BrokenProcessPool) or self._dicht:
                    if exc is None:
                        taak.uit.set_result(binnen.result())
                    else:
                        taak.uit.set_exception(exc)
                    return
                self._na_breuk(taak, pool)
            finally:
                self._volgende_apart()

    def _na_breuk(self, taak: _Taak, pool: ProcessPoolExecutor) -> None:
        gestart = taak.merkteken.exists()
        taak.merkteken.unlink(missing_ok=True)
        if pool is self._pool:  # the first task to hear of this break replaces the pool
            self._kapot.append(pool)
            self._pool = _pool(self._jobs)
            self.herstarts += 1
        elif pool is self._apart_pool:
            self._kapot.append(pool)
            self._apart_pool = None
        taak.breuken += 1
        if (taak.verdacht and gestart) or taak.breuken > MAX_BREUKEN:  # it ran alone and its worker died again,
            taak.uit.set_exception(WerkprocesGestopt(getattr(taak.fn, "__name__", "")))  # or workers keep dying
            return
        taak.verdacht = taak.verdacht or gestart
        self._start(taak)

    def _sluit(self, cancel_futures: bool) -> list[ProcessPoolExecutor]:
        with self._lock:
            self._dicht = True
            if cancel_futures:
                while self._apart:
                    self._apart.popleft().uit.cancel()
            return [p for p in (self._pool, self._apart_pool) if p is not None] + self._kapot

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pools = self._sluit(cancel_futures)
        if not wait:
            for p in pools:
                p.shutdown(wait=False, cancel_futures=cancel_futures)
            return
        with processes.eindigt_samen(pid for p in pools for pid in _werkers(p)):
            for p in pools:
                p.shutdown(wait=True, cancel_futures=cancel_futures)
        shutil.rmtree(self._merktekens, ignore_errors=True)

    def afbreken(self) -> None:
        """Stop now (an interrupted or failed run): drop the queued work and kill the workers, with their
        fork servers and kernels; nothing they were doing is used any more."""
        pools = self._sluit(cancel_futures=True)
        processes.stop([pid for p in pools for pid in _werkers(p)])
        for p in pools:
            p.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self._merktekens, ignore_errors=True)


@contextmanager
def executor(kind: str = "local", jobs: int = 1, scheduler: str | None = None) -> Iterator[Executor]:
    """Yield an executor; ``dask`` connects to ``scheduler`` (an address) with dask.distributed."""
    if kind == "local":
        pool = HerstartendePool(jobs)
        try:
            yield pool
        except BaseException:
            # interrupted or failed: nothing more is published, so the workers and their kernels stop at once
            pool.afbreken()
            raise
        pool.shutdown(wait=True)
        return
    if kind == "dask":
        from distributed import Client

        if not scheduler:
            raise ValueError("--executor dask vraagt --scheduler ADRES (bijvoorbeeld tcp://127.0.0.1:8786)")
        client = Client(scheduler)
        try:
            yield client.get_executor(pure=False)
        finally:
            client.close()
        return
    raise ValueError(f"onbekende executor {kind!r}; kies uit {', '.join(EXECUTORS)}")
