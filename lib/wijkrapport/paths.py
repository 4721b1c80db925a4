"""Every project path, derived from one root. Nothing else builds paths."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """Return the project root (the folder holding ``params/`` and ``data/``).

    ``WIJKRAPPORT_ROOT`` overrides it (used by tests that build a project in a
    temporary folder); otherwise the root is found from this file's location.
    """
    env = os.environ.get("WIJKRAPPORT_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return project_root() / "data"


def params_dir() -> Path:
    return project_root() / "params"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def reports_dir() -> Path:
    return project_root() / "reports"


def build_dir() -> Path:
    return project_root() / "build"


def programme_file(naam: str) -> Path:
    return params_dir() / "programmas" / f"{naam}.yml"


def year_params_dir(jaar: int) -> Path:
    return params_dir() / str(jaar)


def nprz_data_dir(jaar: int) -> Path:
    return data_dir() / "nprz" / str(jaar)


def templates_dir() -> Path:
    return Path(__file__).resolve().parent / "templates"


def inside(base: Path, candidate: Path) -> bool:
    """True when ``candidate`` resolves to a path inside ``base``."""
    base = base.resolve()
    try:
        candidate.resolve().relative_to(base)
    except ValueError:
        return False
    return True


def rel(path: Path) -> str:
    """A path as shown in messages and manifests: relative to the project root when inside it."""
    try:
        return str(Path(path).resolve().relative_to(project_root()))
    except ValueError:
        return str(path)
