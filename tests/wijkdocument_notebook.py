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


class _Opnemer:
    def __init__(self, aanroepen: dict):
        self._aanroepen = aanroepen

    def __getattr__(self, naam: str):
        def aanroep(*args, **kwargs):
            self._aanroepen.setdefault(naam, []).append(kwargs)
            return ([], []) if naam == "signalen" else None
        return aanroep


def aanroepen() -> dict[str, list[dict]]:
    """Per view the keyword arguments of its calls in the notebook (the context ``wd`` left out)."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    opgenomen: dict[str, list[dict]] = {}
    opnemer = _Opnemer(opgenomen)
    ns = {"views": opnemer, "meldingen_views": opnemer, "jaar": 0, "wijk": "", "tabellen_dir": ""}
    for cel in nb["cells"]:
        if cel["cell_type"] != "code" or "parameters" in cel.get("metadata", {}).get("tags", []):
            continue
        boom = ast.parse("".join(cel["source"]))
        boom.body = [s for s in boom.body if not isinstance(s, ast.Import | ast.ImportFrom)]
        exec(compile(boom, str(NOTEBOOK), "exec"), ns)  # noqa: S102 - the project's own notebook
    opgenomen.pop("Wijkcontext", None)  # the context itself, not a view
    return opgenomen


def teksten(view: str) -> dict:
    """The keyword arguments of the (first) call of ``view`` in the notebook."""
    return aanroepen()[view][0]
