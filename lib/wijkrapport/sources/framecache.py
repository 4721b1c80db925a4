"""Validated frames shared by the kernels of a run: ``build/cache/frames/``.

Every notebook runs in its own kernel, so each would read and validate the same
source files again. A frame that passed validation is kept as a pickle under a
key made of the function, its arguments, the content of every file in the
source folder and the package code: any change to data or code makes a new key.
Only frames this package wrote are read back; the folder is a cache (``make clean``).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import paths
from ..bestanden import schrijf_atomair


def _map() -> Path:
    return paths.build_dir() / "cache" / "frames"


@lru_cache(maxsize=8)
def _inhoud(folder: str, state: tuple) -> str:
    """Hash of the content of every file in ``folder`` (``state``: paths and mtimes, to recompute on change)."""
    h = hashlib.sha256()
    for p, _mtime in state:
        h.update(p.encode())
        h.update(Path(p).read_bytes())
    return h.hexdigest()


def _state(folder: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file())


def gedeeld(naam: str, args: tuple, bron: Path, maak: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The frame ``maak()`` builds from files in ``bron``, from the cache when data and code are unchanged."""
    from ..incremental import code_hash

    sleutel = hashlib.sha256(json.dumps(
        [naam, [str(a) for a in args], _inhoud(str(bron), _state(bron)), code_hash()]).encode()).hexdigest()[:40]
    path = _map() / f"{naam}-{sleutel}.pkl"
    try:
        with path.open("rb") as f:
            frame = pickle.load(f)
        if isinstance(frame, pd.DataFrame):
            return frame
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        pass
    frame = maak()  # raises on invalid data: nothing is cached then
    try:
        schrijf_atomair(path, pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only project still works, only slower
        pass
    return frame
