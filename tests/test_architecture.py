"""The package's layers and the independence of its report types hold (the import-linter contracts in pyproject.toml).

``lint-imports`` reads the import graph of the installed package (no code is run). A violation fails with the
contract and the import chain that breaks it, e.g. ``wijkrapport.domain.stad -> wijkrapport.rendering.charts``.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "lint-imports is not installed: make venv (import-linter is a dev dependency)"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_contracts_cover_layers_and_report_types():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    kinds = {c["type"] for c in contracts}
    assert {"layers", "independence"} <= kinds
    layers = next(c for c in contracts if c["type"] == "layers")
    assert layers.get("exhaustive") is True  # a new root module or subpackage must be given a layer


def test_package_root_holds_at_most_twelve_modules():
    root = ROOT / "lib" / "wijkrapport"
    modules = sorted(p.name for p in root.glob("*.py"))
    assert len(modules) <= 12, modules
