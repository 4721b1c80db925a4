"""Writing a file so that readers see the old version or the complete new one, never a half-written file."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path


def schrijf_atomair(path: Path, inhoud: str | bytes) -> None:
    """Write ``inhoud`` (text as UTF-8) to a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def lees_cache(path: Path, soort: type):
    """The JSON value in the cache file ``path`` if it is a ``soort`` (dict, list); otherwise an empty one.
    A missing or damaged cache file only means the work is done again."""
    try:
        waarde = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return soort()
    return waarde if isinstance(waarde, soort) else soort()
