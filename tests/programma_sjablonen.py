"""The texts the ``programma_*`` notebooks give their views, read from the notebooks without running them.

Tests use them to call the views in process as the notebooks do, and to check a sentence for a given case by
its template (:func:`zin_re`), so that an analyst who rewords a template in the notebook breaks no test.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from string import Formatter

from helpers import ROOT


def _code(naam: str) -> list[str]:
    nb = json.loads((ROOT / "notebooks" / naam).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _waarde(node: ast.expr, namen: dict):
    if isinstance(node, ast.Name):
        return namen[node.id]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict" and not node.args:
        return {k.arg: _waarde(k.value, namen) for k in node.keywords}
    return ast.literal_eval(node)


@cache
def sjablonen(naam: str) -> dict[str, dict]:
    """View name -> the keyword arguments (texts) ``notebooks/<naam>`` calls it with."""
    namen: dict = {}
    views: dict[str, dict] = {}
    for bron in _code(naam):
        for stmt in ast.parse(bron).body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                try:
                    namen[stmt.targets[0].id] = _waarde(stmt.value, namen)
                except (ValueError, KeyError, TypeError):
                    pass  # not a text (the context, a parameter)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                call = stmt.value
                if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                        and call.func.value.id == "views":
                    kw: dict = {}
                    for k in call.keywords:
                        kw.update(_waarde(k.value, namen) if k.arg is None else {k.arg: _waarde(k.value, namen)})
                    views[call.func.attr] = kw
    return views


def zin_re(sjabloon: str, **velden: object) -> str:
    """A regular expression for ``sjabloon`` with the given fields filled in and any text for the others."""
    delen = []
    for tekst, veld, _spec, _conv in Formatter().parse(sjabloon):
        delen.append(re.escape(tekst))
        if veld is not None:
            delen.append(re.escape(str(velden[veld])) if veld in velden else ".+?")
    return "".join(delen)
