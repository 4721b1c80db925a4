#!/usr/bin/env python3
"""Every cell that differs between the published tables of two builds (not a test; a review aid).

For each report folder under ``data/<kind>/`` present in both builds (default kind ``wijken``), each CSV table is
read as text and its rows are matched on the first column (a repeated key is numbered in order); then every
differing cell, every row and column found on one side only, and every table found on one side only is printed.
Numbers that differ by less than one part in a million count as equal (CSV float noise).

Usage: ``.venv/bin/python bench/compare_tables.py OLD/2024 NEW/2024 [--kind wijken] [--only slug ...]``
Exit code 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from pathlib import Path


def _rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        rows: dict[str, dict[str, str]] = {}
        seen: Counter[str] = Counter()
        for values in reader:
            key = values[0] if values else ""
            seen[key] += 1
            rows[key if seen[key] == 1 else f"{key} #{seen[key]}"] = dict(zip(header, values, strict=False))
    return header, rows


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)


def compare(old: Path, new: Path) -> list[tuple[str, str, str, str, str]]:
    """(table, row key, column, old, new) for every difference; '(ontbreekt)' marks a missing side."""
    out = []
    for name in sorted({p.name for p in old.glob("*.csv")} | {p.name for p in new.glob("*.csv")}):
        if not (old / name).exists() or not (new / name).exists():
            out.append((name, "", "", "(tabel)" if (old / name).exists() else "(ontbreekt)",
                        "(tabel)" if (new / name).exists() else "(ontbreekt)"))
            continue
        kop_oud, oud = _rows(old / name)
        kop_nieuw, nieuw = _rows(new / name)
        for col in kop_oud:
            if col not in kop_nieuw:
                out.append((name, "", col, "(kolom)", "(ontbreekt)"))
        for col in kop_nieuw:
            if col not in kop_oud:
                out.append((name, "", col, "(ontbreekt)", "(kolom)"))
        for key in list(oud) + [k for k in nieuw if k not in oud]:
            if key not in nieuw or key not in oud:
                out.append((name, key, "", "(rij)" if key in oud else "(ontbreekt)", "(rij)" if key in nieuw else "(ontbreekt)"))
                continue
            for col in kop_oud:
                if col in kop_nieuw and not _same(oud[key].get(col, ""), nieuw[key].get(col, "")):
                    out.append((name, key, col, oud[key].get(col, ""), nieuw[key].get(col, "")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path, help="the year folder of the earlier build (…/2024)")
    ap.add_argument("new", type=Path, help="the year folder of the new build")
    ap.add_argument("--kind", default="wijken", help="data/<kind>/ (default wijken)")
    ap.add_argument("--only", nargs="*", help="only these report slugs")
    args = ap.parse_args()
    oud_dir, nieuw_dir = args.old / "data" / args.kind, args.new / "data" / args.kind
    slugs = sorted({p.name for p in oud_dir.iterdir() if p.is_dir()} & {p.name for p in nieuw_dir.iterdir() if p.is_dir()})
    if args.only:
        slugs = [s for s in slugs if s in args.only]
    verschillen = 0
    per_kolom: Counter[tuple[str, str]] = Counter()
    for slug in slugs:
        for table, key, col, a, b in compare(oud_dir / slug, nieuw_dir / slug):
            print(f"{slug}\t{table}\t{key}\t{col}\t{a!r}\t{b!r}")
            per_kolom[(table, col)] += 1
            verschillen += 1
    print(f"\n{verschillen} differences in {len(slugs)} reports; per table and column:", file=sys.stderr)
    for (table, col), n in sorted(per_kolom.items()):
        print(f"  {table:28} {col or '(rows/tables)':32} {n}", file=sys.stderr)
    sys.exit(1 if verschillen else 0)


if __name__ == "__main__":
    main()
