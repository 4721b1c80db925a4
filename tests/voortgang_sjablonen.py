"""The templates the voortgang notebooks write, for tests that check a generated sentence by its facts.

An analyst may reword a template; a test fills the notebook's own template with the expected figures and looks
for the result, so it checks the figures and the mechanism, not a copy of editable text.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from helpers import ROOT


def _naam(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def sjabloon(notebook: str, sleutel: str, functie: str | None = None, root: Path = ROOT) -> str:
    """The string a code cell of ``notebooks/<notebook>`` gives as keyword argument or dict key ``sleutel``
    (inside a call of ``functie`` when given)."""
    cellen = json.loads((root / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    for cel in cellen:
        if cel["cell_type"] != "code":
            continue
        boom = ast.parse("".join(cel["source"]))
        bereik = [c for c in ast.walk(boom) if isinstance(c, ast.Call) and _naam(c.func) == functie] if functie \
            else [boom]
        for deel in bereik:
            for node in ast.walk(deel):
                if isinstance(node, ast.keyword) and node.arg == sleutel and isinstance(node.value, ast.Constant):
                    return node.value.value
                if isinstance(node, ast.Dict):
                    for k, v in zip(node.keys, node.values, strict=True):
                        if isinstance(k, ast.Constant) and k.value == sleutel and isinstance(v, ast.Constant):
                            return v.value
    raise LookupError(f"{notebook}: geen sjabloon {sleutel!r}" + (f" in {functie}(...)" if functie else ""))
