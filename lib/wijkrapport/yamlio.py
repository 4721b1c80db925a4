"""Safe YAML loading with errors that name the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Problem


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key that occurs twice in one mapping (PyYAML keeps the last one silently:
    ``jaar: 2024`` followed further down by ``jaar: 2019`` would quietly make it 2019)."""

    def construct_mapping(self, node, deep=False):
        gezien = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # '<<: *anker': keys given beside it override it
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                eerder = gezien.get(key)
            except TypeError:  # an unhashable key: PyYAML's own error follows
                continue
            if eerder is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, f"sleutel '{key}' staat twee keer in dezelfde mapping (eerder op rij {eerder.line + 1})",
                    key_node.start_mark)
            gezien[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: Path) -> Any:
    """Load a YAML file safely (PyYAML's safe loader, duplicate keys refused); nothing in it is ever evaluated."""
    if not path.exists():
        raise ConfigError(f"bestand ontbreekt: {path}", file=path)
    if not path.is_file():
        raise ConfigError(f"{path} is {'een map' if path.is_dir() else 'geen gewoon bestand'}; verwacht een YAML-bestand",
                          file=path)
    if path.stat().st_size > 10 * 1024 * 1024:
        raise ConfigError(f"bestand is groter dan 10 MB: geen instellingenbestand ({path})", file=path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"geen geldige UTF-8 tekst ({exc.reason} op byte {exc.start})", file=path) from exc
    except OSError as exc:
        raise ConfigError(f"niet te lezen: {exc.strerror or exc}", file=path) from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a subclass of SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise ConfigError([Problem(file=str(path), row=row, message=f"ongeldige YAML: {exc}")]) from exc


def pydantic_problems(path: Path | str, exc: Exception) -> list[Problem]:
    """Turn a pydantic ValidationError into problems naming the key path: a model's own (Dutch) message without
    pydantic's "Value error, " before it, a missing key as "ontbreekt"."""
    problems = []
    for err in exc.errors():  # type: ignore[attr-defined]
        loc = ".".join(str(p) for p in err["loc"])
        value = err.get("input")
        if isinstance(value, (dict, list)) or err["type"] == "missing":
            value = None
        message = "ontbreekt" if err["type"] == "missing" else err["msg"].removeprefix("Value error, ")
        problems.append(Problem(file=str(path), field=loc, message=message, value=value))
    return problems


def valideer(model: type[BaseModel], raw: Any, path: Path, geen_mapping: str):
    """``raw``, a YAML file's content, validated as ``model``: content that is no mapping (message
    ``geen_mapping``) and every problem pydantic finds are a :class:`ConfigError` naming the file and key path."""
    if not isinstance(raw, dict):
        raise ConfigError([Problem(file=str(path), message=geen_mapping)])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(pydantic_problems(path, exc)) from exc
