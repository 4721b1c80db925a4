"""The texts notebooks/wijkdocument.ipynb gives each view, read without a kernel.

The notebook's code cells run against stand-ins that record every ``views.<naam>(...)`` and
``meldingen_views.<naam>(...)`` call; tests then call the real views with the notebook's own templates and check
the facts and the case chosen, not the wording (which is the analyst's to change).
"""

from __future__ import annotations

import ast
import json

from helpers import ROOT

NOTEBOOK = ROOT / "notebooks" / "wijkdocument.ipynb"


class _Context:
    """Stands in for the notebook's context ``wd``: records its own calls (``wd.markdown(...)``) with their arguments."""

    def __init__(self, aanroepen: dict):
        self._aanroepen = aanroepen

    def __getattr__(self, naam: str):
        def aanroep(*args, **kwargs):
            self._aanroepen.setdefault(naam, []).append((args, kwargs))
        return aanroep


class _Opnemer:
    def __init__(self, aanroepen: dict, context: dict):
        self._aanroepen = aanroepen
        self._context = context

    def __getattr__(self, naam: str):
        def aanroep(*args, **kwargs):
            if naam == "Wijkcontext":
                return _Context(self._context)
            self._aanroepen.setdefault(naam, []).append(kwargs)
            return ([], []) if naam == "signalen" else None
        return aanroep


def aanroepen() -> dict[str, list[dict]]:
    """Per view the keyword arguments of its calls in the notebook (the context ``wd`` left out)."""
    return _lees()[0]


def context_aanroepen() -> dict[str, list[tuple[tuple, dict]]]:
    """Per method of the context ``wd`` (``markdown``) the arguments of its calls in the notebook."""
    return _lees()[1]


def _lees() -> tuple[dict, dict]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    opgenomen: dict[str, list[dict]] = {}
    context: dict[str, list[tuple[tuple, dict]]] = {}
    opnemer = _Opnemer(opgenomen, context)
    ns = {"views": opnemer, "meldingen_views": opnemer, "jaar": 0, "wijk": "", "tabellen_dir": ""}
    for cel in nb["cells"]:
        if cel["cell_type"] != "code" or "parameters" in cel.get("metadata", {}).get("tags", []):
            continue
        boom = ast.parse("".join(cel["source"]))
        boom.body = [s for s in boom.body if not isinstance(s, ast.Import | ast.ImportFrom)]
        exec(compile(boom, str(NOTEBOOK), "exec"), ns)  # noqa: S102 - the project's own notebook
    return opgenomen, context


def teksten(view: str) -> dict:
    """The keyword arguments of the (first) call of ``view`` in the notebook."""
    return aanroepen()[view][0]
