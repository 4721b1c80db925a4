"""The crosswalk's slugs, names and gebieden, read quickly and without validation (for planning and messages)."""

from __future__ import annotations

import csv
from pathlib import Path

from .sleutels import normaal


def lees_crosswalk(crosswalk: Path) -> list[dict[str, str]]:
    """Slug, name and gebied per crosswalk row, read without validation (the checks do that before any build),
    normalised as the loaders normalise identifiers, so titles show the same names as the figures."""
    try:
        with crosswalk.open(encoding="utf-8-sig", errors="replace", newline="") as f:
            return [{"slug": normaal(r.get("wijk_slug") or ""), "naam": normaal(r.get("wijk_naam") or ""),
                     "gebied": normaal(r.get("gebied_naam") or "")} for r in csv.DictReader(f)]
    except (OSError, csv.Error):
        return []
