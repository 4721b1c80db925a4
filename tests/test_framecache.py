"""Frames shared between kernels: reused while data and code are unchanged, rebuilt after any change, never cached when invalid."""

import pandas as pd
import pytest
from wijkrapport.errors import DataValidationError
from wijkrapport.sources import framecache


@pytest.fixture()
def bron(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    folder = tmp_path / "data" / "wijken"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_text("x\n1\n", encoding="utf-8")
    return folder


def _maak(folder, calls):
    def maak():
        calls.append(1)
        return pd.read_csv(folder / "a.csv")
    return maak


def test_same_data_reuses_the_frame_and_changed_data_rebuilds_it(bron):
    calls = []
    invoer = [bron / "a.csv"]
    first = framecache.gedeeld("proef", (1,), invoer, _maak(bron, calls))
    again = framecache.gedeeld("proef", (1,), invoer, _maak(bron, calls))
    assert calls == [1] and again.equals(first)
    assert framecache.gedeeld("proef", (2,), invoer, _maak(bron, calls)) is not None and calls == [1, 1]
    with (bron / "verdwaald.bin").open("wb") as f:  # a stray 30 GB file (sparse): not an input, never read
        f.truncate(30 * 1024**3)
    assert framecache.gedeeld("proef", (1,), invoer, _maak(bron, calls)).equals(first) and len(calls) == 2
    (bron / "a.csv").write_text("x\n2\n", encoding="utf-8")  # a changed input changes the key
    changed = framecache.gedeeld("proef", (1,), invoer, _maak(bron, calls))
    assert len(calls) == 3 and changed["x"].tolist() == [2]


def test_invalid_data_is_not_cached_and_a_damaged_cache_file_is_rebuilt(bron):
    def kapot():
        raise DataValidationError("kapot", file="data/wijken/a.csv")

    with pytest.raises(DataValidationError):
        framecache.gedeeld("fout", (), [bron / "a.csv"], kapot)
    assert not list((bron.parents[1] / "build" / "cache" / "frames").glob("fout-*"))
    calls = []
    framecache.gedeeld("proef", (), [bron / "a.csv"], _maak(bron, calls))
    for p in (bron.parents[1] / "build" / "cache" / "frames").glob("proef-*"):
        p.write_bytes(b"geen pickle")
    assert framecache.gedeeld("proef", (), [bron / "a.csv"], _maak(bron, calls))["x"].tolist() == [1] and len(calls) == 2


def test_boundaries_are_read_once_and_then_shared(tmp_path, monkeypatch):
    """Every wijkdocument draws a map: the GeoJSON is read by the first kernel, the others unpickle it."""
    import shutil

    import geopandas as gpd
    from helpers import ROOT
    from wijkrapport.sources import geo

    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    shutil.copytree(ROOT / "data" / "geo", tmp_path / "data" / "geo")
    geo._read.cache_clear()
    first = geo.load_buurten()
    geo._read.cache_clear()  # as in a new kernel
    monkeypatch.setattr(gpd, "read_file", lambda *a, **k: pytest.fail("GeoJSON read again"))
    again = geo.load_buurten()
    assert again.crs.to_epsg() == 28992 and again.equals(first)
    assert list((tmp_path / "build" / "cache" / "frames").glob("geo-*.pkl"))
    geo._read.cache_clear()
