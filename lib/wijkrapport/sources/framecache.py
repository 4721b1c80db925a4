"""Validated frames shared by the kernels of a run: ``build/cache/frames/``.

Every notebook runs in its own kernel, so each would read and validate the same
source files again. A frame that passed validation is kept as a pickle under a
key made of the function, its arguments, the content of the declared input files
it is made from (``invoer``; never other files in the folder) and the package code:
any change to data or code makes a new key.
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

from wijkrapport.atomic import schrijf_atomair

from .. import paths


def _map() -> Path:
    return paths.build_dir() / "cache" / "frames"


def _inhoud(bron: list[Path]) -> list[str]:
    """Hash of each declared input (in chunks, remembered per modification time; a missing file counts as such).
    An oversized file or a folder in its place raises the data error that names it."""
    from ..incremental import file_hash

    return [f"{p}:{file_hash(p) if p.exists() else '-'}" for p in sorted(set(bron))]


@lru_cache(maxsize=1)
def _code() -> str:
    """The hash of the package code this process runs: computed once, since the code a process has imported does
    not change while it runs (an edit in JupyterLab takes effect after a kernel restart, and so does its hash)."""
    from ..incremental import code_hash

    return code_hash()


def gedeeld(naam: str, args: tuple, bron: list[Path], maak: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The frame ``maak()`` builds from the files ``bron``, from the cache when they and the code are unchanged."""
    sleutel = hashlib.sha256(json.dumps(
        [naam, [str(a) for a in args], _inhoud(bron), _code()]).encode()).hexdigest()[:40]
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
