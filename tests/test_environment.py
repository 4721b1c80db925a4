"""environment.yml mirrors pyproject.toml and the pinned versions in constraints.txt."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[_norm(name)] = version.strip()
    return pins


def _pyproject_deps() -> set[str]:
    pp = tomllib.loads((ROOT / "pyproject.toml").read_text())
    deps = pp["project"]["dependencies"] + pp["project"]["optional-dependencies"]["dev"]
    return {_norm(re.split(r"[<>=!~\[ ]", d)[0]) for d in deps}


def _environment() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for dep in env["dependencies"]:
        items = dep["pip"] if isinstance(dep, dict) else [dep]
        for item in items:
            if item.startswith("-e") or item in ("pip",) or item.startswith("python="):
                continue
            name, version = re.split(r"==|=", item, maxsplit=1)
            found[_norm(name)] = version
    return found


def test_environment_lists_same_packages_as_pyproject():
    assert set(_environment()) == _pyproject_deps()


def test_environment_versions_match_constraints():
    pins = _pins()
    env = _environment()
    mismatched = {n: (v, pins.get(n)) for n, v in env.items() if pins.get(n) != v}
    assert not mismatched, f"environment.yml and constraints.txt disagree: {mismatched}"


def test_every_dependency_is_pinned():
    assert _pyproject_deps() <= set(_pins())
