"""Checks of ``--out`` before anything runs: reports never land in the project's inputs or over other files.

Refused (exit code 2), whatever needs building: a folder inside (or containing) ``data/``, ``params/``,
``notebooks/``, ``lib/`` or ``build/``; a file; a folder that is not empty and not an earlier output of
this tool (no ``<jaar>/manifest.json`` and no lock file of a run); a year folder given instead of its parent.
"""

from __future__ import annotations

from pathlib import Path

from wijkrapport import paths
from wijkrapport.errors import ConfigError, Problem

from .locking import UITVOER_SLOT

_GENEGEERD = {".gitkeep", UITVOER_SLOT}


def _invoermappen() -> dict[str, Path]:
    root = paths.project_root()
    pakket = Path(__file__).resolve().parents[1]
    return {"data/": paths.data_dir(), "params/": paths.params_dir(), "notebooks/": paths.notebooks_dir(),
            "lib/": root / "lib", "build/": paths.build_dir(), "de code van wijkrapport": pakket}


def _fout(out: Path, bericht: str) -> ConfigError:
    return ConfigError([Problem(file=f"--out {out}", message=bericht)])


def _inhoud(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in _GENEGEERD)


def eerdere_uitvoer(folder: Path) -> bool:
    """Whether ``folder`` holds output of this tool: a lock file of a run or a year folder with a manifest."""
    if (folder / UITVOER_SLOT).exists():
        return True
    return any(p.name.isdigit() and (p / "manifest.json").is_file() for p in folder.iterdir())


def bepaal(out: Path | None) -> Path:
    """The output folder as an absolute path without symbolic links (``reports/`` when ``out`` is None)."""
    pad = (out or paths.reports_dir()).expanduser()
    try:
        return pad.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        raise _fout(pad, f"is niet te volgen ({exc}); een symbolische koppeling die naar zichzelf wijst?") from None


def controleer(out: Path, jaar: int) -> None:
    """Raise :class:`ConfigError` when reports of ``jaar`` may not be written under ``out`` (resolved)."""
    target = out / str(jaar)
    for naam, invoer in _invoermappen().items():
        for pad in (out, target):
            if paths.inside(invoer, pad):
                raise _fout(out, f"ligt in {naam} van het project ({invoer}): rapporten mogen de invoer niet "
                                 "overschrijven; kies een map buiten data/, params/, notebooks/, lib/ en build/")
        if invoer.exists() and paths.inside(out, invoer):
            raise _fout(out, f"bevat {naam} van het project ({invoer}); kies een eigen map voor de rapporten, "
                             "bijvoorbeeld reports/")
    bestaand = out
    while not bestaand.exists() and bestaand != bestaand.parent:
        bestaand = bestaand.parent
    if not bestaand.is_dir():
        raise _fout(out, f"{bestaand} is een bestand, geen map")
    if not out.exists():
        return
    try:
        inhoud = _inhoud(out)
    except OSError as exc:
        raise _fout(out, f"map is niet te lezen ({exc.strerror})") from None
    if target.exists() and not target.is_dir():
        raise _fout(out, f"{target} is een bestand, geen map")
    if (out / "manifest.json").is_file() and not eerdere_uitvoer(out):
        raise _fout(out, f"dit is een jaarmap met rapporten; geef de map erboven: --out {out.parent}")
    if inhoud and not eerdere_uitvoer(out):
        voorbeeld = ", ".join(inhoud[:3]) + (", ..." if len(inhoud) > 3 else "")
        raise _fout(out, f"map is niet leeg ({voorbeeld}) en bevat geen eerdere uitvoer van wijkrapport "
                         "(geen <jaar>/manifest.json); kies een lege of nieuwe map, of een eerdere uitvoermap")
    if target.is_dir() and _inhoud(target) and not (target / "manifest.json").exists():
        raise _fout(out, f"{target} is niet leeg en bevat geen manifest.json van een eerdere run; "
                         "kies een andere uitvoermap")
