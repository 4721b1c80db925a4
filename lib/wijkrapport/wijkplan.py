"""Wijkdocumenten in a run: one report per wijk listed in ``params/<jaar>/wijken.yml``."""

from __future__ import annotations

from . import config, paths
from .runner import Rapport


def wijkdocumenten(jaar: int, only: set[str] | None) -> list[Rapport]:
    params = config.wijken_params(jaar)
    if params is None:
        return []
    return []
