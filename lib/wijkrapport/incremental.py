"""Input hashes for incremental builds: a report is rebuilt only when its inputs change.

The inputs of a report are its notebooks, its params (for a wijk: its own entry
in ``wijken.yml``), the data files it declares (``invoer``: exactly the files its
loaders read), and the package code with its templates (minus the text modules its
type does not use: :func:`code_hash`). Their SHA-256 hashes are
kept in ``reports/<jaar>/manifest.json``. Files are hashed in chunks, and a declared
input larger than ``MAX_MB`` is refused before a byte of it is read.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterable
from pathlib import Path

from .paths import per_bestandstoestand, rel


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: No input of this project comes near this; a larger file is a mistake (a wrong export, a runaway append).
MAX_MB = 100


@per_bestandstoestand(maxsize=4096)
def _file_hash(path: Path) -> str:
    with open(path, "rb") as f:  # in chunks: memory stays small whatever the size
        return hashlib.file_digest(f, "sha256").hexdigest()


def file_hash(path: Path, max_mb: float = MAX_MB) -> str:
    """SHA-256 of a declared input; a folder in its place or a file over ``max_mb`` is a data error naming it."""
    from .errors import DataValidationError

    st = path.stat()
    if not path.is_file():
        soort = "een map" if path.is_dir() else "geen gewoon bestand (een apparaat, pijp of koppeling daarheen)"
        raise DataValidationError(f"is {soort}; verwacht een bestand", file=rel(path))
    if st.st_size > max_mb * 1024 * 1024:
        raise DataValidationError(f"bestand is {st.st_size / 1024 / 1024:.0f} MB, meer dan de grens van {max_mb:g} MB: "
                                  "is dit het goede bestand?", file=rel(path))
    return _file_hash(path)



def files_hashes(files: list[Path]) -> dict[str, str]:
    """Hashes of the declared inputs that exist (a missing one is reported by the checks, with its meaning)."""
    return {rel(p): file_hash(p) for p in sorted(set(files)) if p.exists()}


def folder_files(folder: Path, patterns: tuple[str, ...] = ("*",)) -> list[Path]:
    out: list[Path] = []
    for pattern in patterns:
        out += [p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts]
    return sorted(set(out))


def tekstmodule(module: str) -> bool:
    """Whether ``module`` (a dotted name) is a text module: its last part ends in ``teksten`` or is ``taal``."""
    laatste = module.rsplit(".", 1)[-1]
    return laatste.endswith("teksten") or laatste == "taal"


def modulenaam(path: Path, pkg: Path | None = None) -> str:
    """The dotted name of a module file of this package (``wijkrapport.domain.wijkteksten``), or of ``pkg``."""
    pkg = pkg or Path(__file__).resolve().parent
    delen = (pkg.name, *path.resolve().relative_to(pkg).with_suffix("").parts)
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def code_hash(teksten: Iterable[str] | None = None, pkg: Path | None = None) -> str:
    """One hash over the package code and templates (a change rebuilds every report).

    With ``teksten``, a report type's text modules: the other text modules (:func:`tekstmodule`) are left out,
    so editing a text only some types use rebuilds only their reports. Each type declares the text modules its
    notebooks import (``Soort.teksten``); tests/test_tekstmodules.py checks it against the import graph.
    ``pkg``: another copy of the package (tests)."""
    pkg = (pkg or Path(__file__).parent).resolve()
    eigen = None if teksten is None else set(teksten)
    h = hashlib.sha256()
    for p in folder_files(pkg, ("*.py", "*.j2", "*.css", "*.json")):
        if eigen is not None and p.suffix == ".py" and tekstmodule(naam := modulenaam(p, pkg)) and naam not in eigen:
            continue
        h.update(str(p.relative_to(pkg)).encode())
        h.update(file_hash(p).encode())
    return h.hexdigest()


def value_hash(value: object) -> str:
    """Hash of a params entry (stable JSON)."""
    return _sha(json.dumps(value, sort_keys=True, default=str).encode())


def up_to_date(entry: dict | None, inputs: dict[str, str], target: Path) -> bool:
    """True when the manifest entry was built from exactly these inputs and its outputs are published intact."""
    if not entry or entry.get("status") != "gebouwd":
        return False
    if entry.get("inputs") != inputs:
        return False
    return outputs_intact(entry, target)


def outputs_intact(entry: dict, target: Path) -> bool:
    """True when every output the entry lists is a file under ``target`` with the size and SHA-256 recorded
    in its ``uitvoer``: a missing, truncated or changed file means the report is built again."""
    outputs, uitvoer = entry.get("outputs"), entry.get("uitvoer")
    if not isinstance(outputs, list) or not outputs or not isinstance(uitvoer, dict):
        return False
    for naam in outputs:
        info = uitvoer.get(naam) if isinstance(naam, str) else None
        if not isinstance(info, dict):
            return False
        path = target / naam
        try:
            st = path.stat()
        except (OSError, ValueError):
            return False
        if not stat.S_ISREG(st.st_mode) or st.st_size != info.get("bytes") or file_hash(path) != info.get("sha256"):
            return False
    return True
