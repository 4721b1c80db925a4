"""Safe YAML loading with errors that name the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, Problem


def load_yaml(path: Path) -> Any:
    """Load a YAML file with ``yaml.safe_load``; nothing in it is ever evaluated."""
    if not path.exists():
        raise ConfigError(f"bestand ontbreekt: {path}", file=path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"geen geldige UTF-8 tekst ({exc.reason} op byte {exc.start})", file=path) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise ConfigError([Problem(file=str(path), row=row, message=f"ongeldige YAML: {exc}")]) from exc


def pydantic_problems(path: Path, exc: Exception) -> list[Problem]:
    """Turn a pydantic ValidationError into problems naming the key path."""
    problems = []
    for err in exc.errors():  # type: ignore[attr-defined]
        loc = ".".join(str(p) for p in err["loc"])
        value = err.get("input")
        if isinstance(value, (dict, list)):
            value = None
        problems.append(Problem(file=str(path), field=loc, message=err["msg"], value=value))
    return problems
