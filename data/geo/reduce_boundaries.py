"""How the files in data/geo/ were made (run once; kept for provenance, not used by the reports).

Keeps only the features of the TIR boundary files that the crosswalk needs; geometry, properties and
coordinate values are not changed (no simplification: every output file is < 2 MB). The TIR files carry
no ``crs`` member although their coordinates are RD New (EPSG:28992); GDAL/pyogrio then assume EPSG:4326
(the RFC 7946 default), so each output file gets the legacy member
``"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}`` -- the only other change.

    python3 data/geo/reduce_boundaries.py /path/to/reference-data/rotterdam-tir-gebiedsindeling
"""

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CROSSWALK = HERE.parent / "wijken" / "crosswalk.csv"


CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}


def write(data: dict, dst: Path) -> None:
    if "crs" in data:
        raise SystemExit(f"{dst.name}: source already declares a crs: {data['crs']}")
    out = {"type": data["type"], "crs": CRS, **{k: v for k, v in data.items() if k != "type"}}
    dst.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def subset(src: Path, dst: Path, keep: set[str] | None) -> int:
    data = json.loads(src.read_text(encoding="utf-8"))
    if keep is not None:
        feats = [f for f in data["features"] if str(f["properties"]["TEKST"]) in keep]
        missing = keep - {str(f["properties"]["TEKST"]) for f in feats}
        if missing:
            raise SystemExit(f"{src.name}: TEKST not found: {sorted(missing)}")
        data["features"] = feats
    write(data, dst)
    return len(data["features"])


def main(source: Path) -> None:
    rows = list(csv.DictReader(CROSSWALK.open(encoding="utf-8")))
    buurten = {code for r in rows for code in r["geo_id"].split(";")}
    gebieden = {r["gebied_geo_id"] for r in rows}
    n1 = subset(source / "tir_buurten.geojson", HERE / "tir_buurten_wijken.geojson", buurten)
    n2 = subset(source / "tir_gebieden.geojson", HERE / "tir_gebieden_bestuurlijk.geojson", gebieden)
    n3 = subset(source / "tir_gemeente.geojson", HERE / "tir_gemeente.geojson", None)
    print(f"buurten {n1}, gebieden {n2}, gemeente {n3} (all features)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
