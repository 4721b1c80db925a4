"""Where report work runs: a local process pool (default) or a Dask cluster.

Both give a ``concurrent.futures.Executor``; the runner does not know which.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

EXECUTORS = ("local", "dask")


@contextmanager
def executor(kind: str = "local", jobs: int = 1, scheduler: str | None = None) -> Iterator[Executor]:
    """Yield an executor; ``dask`` connects to ``scheduler`` (an address) with dask.distributed."""
    if kind == "local":
        pool = ProcessPoolExecutor(max_workers=max(1, jobs))
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
