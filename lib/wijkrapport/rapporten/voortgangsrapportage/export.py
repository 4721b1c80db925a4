"""Export hooks run when a report is finished: the fixed-name tables other tools read."""

from __future__ import annotations

from pathlib import Path

from wijkrapport.sources.registry import load_programma

from .voortgang import doelstelling_export


def voortgang_export(rapport, staging: Path) -> None:
    """Write ``data/doelstelling.csv`` (contract columns; decimal point, one decimal)."""
    programma = load_programma(dict(rapport.meta)["programma_naam"])
    df = doelstelling_export(rapport.jaar, programma)
    folder = staging / rapport.data_rel
    folder.mkdir(parents=True, exist_ok=True)
    df.to_csv(folder / "doelstelling.csv", index=False, encoding="utf-8", float_format="%.1f", lineterminator="\n")
