"""The local pool survives a worker process that dies: only the task that kills its worker fails."""

import os
import time
from concurrent.futures import wait

import pytest
from wijkrapport.engine.executors import HerstartendePool
from wijkrapport.errors import WerkprocesGestopt


def kwadraat(x: int) -> int:
    time.sleep(0.05)
    return x * x


def sterf(_: int) -> int:
    time.sleep(0.3)
    os._exit(9)  # as a segfault or the OOM killer would: no exception, the process is gone


def fout(_: int) -> int:
    raise ValueError("gewone fout")


def test_a_dying_worker_fails_only_its_own_task():
    pool = HerstartendePool(2)
    try:
        voor = [pool.submit(kwadraat, i) for i in range(6)]
        kapot = pool.submit(sterf, 0)
        na = [pool.submit(kwadraat, i) for i in range(6, 14)]
        done, not_done = wait([*voor, kapot, *na], timeout=120)
        assert not not_done
        assert [f.result() for f in voor + na] == [i * i for i in range(14)]
        with pytest.raises(WerkprocesGestopt, match="werkproces stopte onverwacht"):
            kapot.result()
        assert pool.herstarts >= 1
    finally:
        pool.shutdown()


def test_ordinary_exceptions_pass_through_without_restarting_the_pool():
    pool = HerstartendePool(2)
    try:
        f = pool.submit(fout, 1)
        with pytest.raises(ValueError, match="gewone fout"):
            f.result(timeout=60)
        assert pool.submit(kwadraat, 3).result(timeout=60) == 9
        assert pool.herstarts == 0
    finally:
        pool.shutdown()


def test_shutdown_with_cancel_drops_queued_work():
    pool = HerstartendePool(1)
    lopend = pool.submit(kwadraat, 2)
    wachtend = [pool.submit(kwadraat, i) for i in range(50)]
    pool.shutdown(wait=True, cancel_futures=True)
    assert lopend.result() == 4
    assert any(f.cancelled() for f in wachtend)
