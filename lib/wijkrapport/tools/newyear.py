"""``run_reports.py new-year JAAR``: scaffold ``params/<jaar>/`` from the previous year and list missing data."""

from __future__ import annotations

import re
import shutil

from wijkrapport import paths
from wijkrapport.errors import ConfigError


def _bump(text: str, old: int, new: int) -> str:
    """Replace the year in ``jaar:`` and in titles; other numbers stay."""
    text = re.sub(rf"^(\s*jaar:\s*){old}\s*$", rf"\g<1>{new}", text, flags=re.M)
    return re.sub(rf"^(\s*(titel|ondertitel):.*?)\b{old}\b", rf"\g<1>{new}", text, flags=re.M)


def scaffold(jaar: int) -> dict[str, list[str]]:
    """Create params/<jaar>/ from the latest earlier year; return the list of data still missing."""
    target = paths.year_params_dir(jaar)
    if target.exists():
        raise ConfigError(f"params/{jaar}/ bestaat al; niets gedaan", file=f"params/{jaar}")
    earlier = sorted(int(p.name) for p in paths.params_dir().iterdir() if p.is_dir() and p.name.isdigit() and int(p.name) < jaar)
    if not earlier:
        raise ConfigError(f"geen eerder jaar in params/ om params/{jaar}/ van te maken", file="params")
    previous = earlier[-1]
    shutil.copytree(paths.year_params_dir(previous), target)
    for f in target.glob("*.yml"):
        f.write_text(_bump(f.read_text(encoding="utf-8"), previous, jaar), encoding="utf-8")
    return missing_data(jaar)


def missing_data(jaar: int) -> dict[str, list[str]]:
    """Per report type with params for ``jaar`` (by its landing-page title): the data a build of ``jaar`` needs that
    are not there yet (or do not reach ``jaar``)."""
    from wijkrapport.rapporten import soorten

    missing = {}
    for soort in soorten():
        params = soort.lees(jaar)
        if params is not None and soort.ontbrekend is not None:
            missing[soort.groep.titel] = soort.ontbrekend(jaar, params)
    return {titel: regels for titel, regels in missing.items() if regels}
