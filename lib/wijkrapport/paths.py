"""Every project path, derived from one root. Nothing else builds paths."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any


def project_root() -> Path:
    """Return the project root (the folder holding ``params/`` and ``data/``).

    ``WIJKRAPPORT_ROOT`` overrides it (used by tests that build a project in a
    temporary folder); otherwise the root is found from this file's location.
    """
    return _root(os.environ.get("WIJKRAPPORT_ROOT") or None)


@lru_cache(maxsize=8)
def _root(env: str | None) -> Path:
    """The resolved root for one value of ``WIJKRAPPORT_ROOT`` (resolved once: a report calls this thousands of times)."""
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


def jaren() -> list[int]:
    """The report years that have a ``params/<jaar>/`` folder, in order."""
    folder = params_dir()
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 4)


def laatste_jaar() -> int | None:
    """The latest report year in ``params/`` (the default of the CLI, the Makefile and the notebooks)."""
    j = jaren()
    return j[-1] if j else None


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
    """A path as shown in messages and manifests: relative to the project root when inside it (a symlink is named
    as it is in the project)."""
    for kandidaat in (Path(path).absolute(), Path(path).resolve()):
        try:
            return str(kandidaat.relative_to(project_root()))
        except ValueError:
            continue
    return str(path)


def bestandstoestand(path: Path) -> tuple[int, int]:
    """The state of a file as the caches see it: its modification time (ns) and size; ``(-1, -1)`` when missing."""
    try:
        st = Path(path).stat()
    except FileNotFoundError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def per_bestandstoestand(maxsize: int = 8) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Cache ``func(path, *args)`` per state of the file at ``path`` (:func:`bestandstoestand`): a run reads an
    unchanged file once, and a file changed on disk (another year, an edit between runs) is read again.

    The one (path, mtime) cache of the package, instead of an ``lru_cache`` keyed by hand in every loader. Callers
    that hand a cached mutable frame on copy it (``.copy()``), as before."""

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        @lru_cache(maxsize=maxsize)
        def cached(path: str, _toestand: tuple[int, int], *args: Any) -> Any:
            return func(Path(path), *args)

        @wraps(func)
        def wrapper(path: Path | str, *args: Any) -> Any:
            return cached(str(path), bestandstoestand(Path(path)), *args)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorator
