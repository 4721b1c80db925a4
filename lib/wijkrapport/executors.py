"""Where report work runs: a local process pool (default) or a Dask cluster.

Both give a ``concurrent.futures.Executor``; the runner does not know which.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

EXECUTORS = ("local", "dask")


class WerkprocesGestopt(Exception):
    """The worker process running this task died (a crash in a library, the out-of-memory killer, a kill)."""

    def __init__(self, taak: str = ""):
        self.taak = taak
        super().__init__("het werkproces stopte onverwacht tijdens dit rapport (bijvoorbeeld door te weinig geheugen of "
                         "een crash in een bibliotheek); de andere rapporten zijn gewoon verder gebouwd")

    def __reduce__(self):
        return (WerkprocesGestopt, (self.taak,))


def _werker_start() -> None:
    """Worker processes leave Ctrl-C to the parent: it cancels the queued work and waits for the running
    chapters (whose kernels are interrupted by the same Ctrl-C), so a worker never dies of it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .kernelserver import voorladen

    voorladen()


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_werker_start)


def _met_merkteken(merkteken: str, fn: Callable, /, *args, **kwargs):
    """Worker side: leave a mark that this task started, then run it."""
    Path(merkteken).touch()
    return fn(*args, **kwargs)


class _Taak:
    __slots__ = ("fn", "args", "kwargs", "uit", "merkteken", "verdacht")

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, merkteken: Path):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.uit: Future = Future()
        self.merkteken = merkteken
        self.verdacht = False


class HerstartendePool(Executor):
    """A local process pool that survives a worker process dying.

    A ``ProcessPoolExecutor`` whose worker dies is broken for good and fails every task it
    holds. Here the tasks that had not started yet move to a fresh pool; the tasks that had
    started are suspects and run again one at a time in a pool of their own, so only the task
    that kills its worker a second time fails (with :class:`WerkprocesGestopt`) and the rest
    of the run goes on.
    """

    def __init__(self, jobs: int):
        self._jobs = max(1, jobs)
        self._lock = threading.RLock()
        self._pool = _pool(self._jobs)
        self._kapot: list[ProcessPoolExecutor] = []
        self._apart: deque[_Taak] = deque()
        self._apart_pool: ProcessPoolExecutor | None = None
        self._apart_bezig: _Taak | None = None
        self._merktekens = Path(tempfile.mkdtemp(prefix="wijkrapport-taken-"))
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
        if taak.verdacht and gestart:  # it ran alone, and its worker died again
            taak.uit.set_exception(WerkprocesGestopt(getattr(taak.fn, "__name__", "")))
            return
        taak.verdacht = taak.verdacht or gestart
        self._start(taak)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._dicht = True
            if cancel_futures:
                while self._apart:
                    self._apart.popleft().uit.cancel()
            pools = [p for p in (self._pool, self._apart_pool) if p is not None] + self._kapot
        for p in pools:
            p.shutdown(wait=wait, cancel_futures=cancel_futures)
        shutil.rmtree(self._merktekens, ignore_errors=True)


@contextmanager
def executor(kind: str = "local", jobs: int = 1, scheduler: str | None = None) -> Iterator[Executor]:
    """Yield an executor; ``dask`` connects to ``scheduler`` (an address) with dask.distributed."""
    if kind == "local":
        pool = HerstartendePool(jobs)
        try:
            yield pool
        except BaseException:
            # interrupted or failed: drop queued work, let running chapters end, then stop the workers
            pool.shutdown(wait=True, cancel_futures=True)
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
