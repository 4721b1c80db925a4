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


def scaffold(jaar: int) -> list[str]:
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


def missing_data(jaar: int) -> list[str]:
    """Data files a build of ``jaar`` needs that are not there yet (or do not reach ``jaar``)."""
    missing = _voortgang_data(jaar)
    if (paths.year_params_dir(jaar) / "wijken.yml").exists():
        from wijkrapport.sources import wijken as src

        checks = [
            ("CBS kerncijfers per wijk", lambda: src.load_kerncijfers_recent()["jaar"].max()),
            ("Politie misdrijven per wijk", lambda: src.load_politie()["jaar"].max()),
            ("Wijkprofiel", lambda: src.load_wijkprofiel()["editie"].max()),
        ]
        for label, latest in checks:
            try:
                last = int(latest())
            except Exception as exc:  # noqa: BLE001 - report, not fail
                missing.append(f"{label}: niet te lezen ({exc})")
                continue
            if last < jaar:
                missing.append(f"{label}: laatste jaar in data/wijken/ is {last}, nog niets voor {jaar}")
    return missing + _programma_data(jaar)


def _voortgang_data(jaar: int) -> list[str]:
    """The voortgangsrapportage's programme: measurements without a figure over ``jaar`` yet, and yearly records
    (``onderdelen``) that have not arrived (their chapter says "nog geen cijfers over <jaar>" until they do)."""
    from wijkrapport import config
    from wijkrapport.sources.metingen import load_metingen
    from wijkrapport.sources.registry import data_file, jaar_dir, load_programma

    if not (paths.year_params_dir(jaar) / "voortgangsrapportage.yml").exists():
        return []
    programma = load_programma(config.voortgang_params(jaar).programma)
    missing = []
    bestand = paths.rel(data_file(programma))
    try:
        m = load_metingen(data_file(programma), programma.meting_ids())
    except Exception as exc:  # noqa: BLE001 - report, not fail
        return [f"voortgangsrapportage: {bestand} niet te lezen ({exc})"]
    from wijkrapport.domain import metingen as mt

    for serie in dict.fromkeys(ind.meting_id for ind in programma.indicatoren):
        nu, vorig = (mt.nu(m, serie, programma.doelgebied, j) for j in (jaar, jaar - 1))
        if nu is None or (vorig is not None and nu.periode == vorig.periode):
            waar = f"laatste periode {nu.periode}" if nu is not None else "geen cijfers"
            missing.append(f"voortgangsrapportage, meting {serie} ({programma.doelgebied}): nog geen nieuw cijfer "
                           f"sinds de rapportage over {jaar - 1} ({waar} in {bestand})")
    folder = jaar_dir(programma, jaar)
    for oid, o in programma.onderdelen.items():
        for naam in (o.bestand, o.samenvatting):
            if naam and not (folder / naam).exists():
                missing.append(f"voortgangsrapportage, {oid}: {paths.rel(folder / naam)} ontbreekt (het hoofdstuk "
                               f"zegt 'nog geen cijfers over {jaar}')")
    return list(dict.fromkeys(missing))


def _programma_data(jaar: int) -> list[str]:
    """Per programme in programmas.yml: indicators whose data stop before ``jaar``."""
    from wijkrapport import config
    from wijkrapport.sources import programma as src
    from wijkrapport.sources.registry import load_programma

    params = config.programmas_params(jaar)
    missing = []
    for run in params.programmas if params else []:
        programma = load_programma(run.naam)
        try:
            data = src.load(programma)
        except Exception as exc:  # noqa: BLE001 - report, not fail
            missing.append(f"programma {run.naam}: data/{programma.data} niet te lezen ({exc})")
            continue
        laatste = data.dropna(subset=["waarde"]).groupby("indicator")["periode"].max()
        for ind in programma.indicatoren:
            last = laatste.get(ind.id)
            if last is None or last < jaar:
                waar = f"laatste jaar is {int(last)}" if last is not None else "geen cijfers"
                missing.append(f"programma {run.naam}, indicator {ind.id}: {waar} in data/{programma.data}, nog niets voor {jaar}")
    return missing
