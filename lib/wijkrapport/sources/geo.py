"""Rotterdam area boundaries (TIR). The GeoJSON files carry no CRS member but are RD New (EPSG:28992)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from .. import paths
from ..errors import DataValidationError, Problem
from ..paths import per_bestandstoestand
from .base import controleer_bestand, rel

RD_NEW = 28992


def geo_dir() -> Path:
    return paths.data_dir() / "geo"


def _find(pattern: str) -> Path:
    hits = sorted(geo_dir().glob(pattern))
    if not hits:
        raise DataValidationError(f"geen grenzenbestand {pattern} in {rel(geo_dir())}", file=rel(geo_dir()))
    return hits[0]


@per_bestandstoestand(maxsize=4)
def _read(path: Path, required: tuple[str, ...]) -> gpd.GeoDataFrame:
    """The checked boundaries, read once per run and shared by its kernels (``framecache``: 1 ms instead of
    0,1 s for reading the GeoJSON again in every wijkdocument)."""
    from . import framecache

    return framecache.gedeeld("geo", (rel(path), *required), [path], lambda: _lees(str(path), required))


def _lees(path: str, required: tuple[str, ...]) -> gpd.GeoDataFrame:
    controleer_bestand(Path(path))
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for broken files
        raise DataValidationError([Problem(file=rel(Path(path)), message=f"geen leesbare GeoJSON: {exc}")]) from exc
    missing = [c for c in required if c not in gdf.columns]
    if missing:
        raise DataValidationError([Problem(file=rel(Path(path)), field=c, message="eigenschap ontbreekt") for c in missing])
    if gdf.crs is None:
        bounds = gdf.total_bounds
        if not (0 < bounds[0] < 300_000 and 300_000 < bounds[1] < 650_000):
            raise DataValidationError([Problem(file=rel(Path(path)), message="coördinaten zijn geen RD New (EPSG:28992)")])
        gdf = gdf.set_crs(RD_NEW)
    return gdf.to_crs(RD_NEW)


def load_buurten() -> gpd.GeoDataFrame:
    """TIR 'buurten' (= Rotterdam wijken, 1:1 with CBS buurten), with a ``cbs_buurtcode`` column."""
    path = _find("*buurten*.geojson")
    gdf = _read(path, ("TEKST", "BUURTNAAM", "GEBDNAAM")).copy()
    gdf["cbs_buurtcode"] = "BU0599" + gdf["TEKST"].astype(str).str.zfill(4)
    return gdf


def load_gebieden() -> gpd.GeoDataFrame:
    path = _find("*gebieden*.geojson")
    return _read(path, ("TEKST", "GEBDNAAM")).copy()
