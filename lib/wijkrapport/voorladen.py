"""What the kernel fork server imports once, so that each kernel forked from it starts with it loaded.

Imported only in that server process (see ``kernelserver``), never by the reports.
Matplotlib gets the inline backend an IPython kernel would give it, before pyplot is imported.
"""

import os
import sys

os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy: no warning about frozen modules

import ipykernel.debugger  # noqa: E402,F401  (debugpy: 0,2 s at kernel start)
import ipykernel.ipkernel  # noqa: E402,F401
import ipykernel.kernelapp  # noqa: E402,F401
import matplotlib.pyplot  # noqa: E402,F401
import matplotlib_inline.backend_inline  # noqa: E402,F401

# the views, and what they import when first used (kaart brings geopandas)
from . import actieplan, incremental, kaart, meldingen_views, nprz, nprz_views, programma_views, wijk_views  # noqa: E402,F401
from .kernelserver import HOOFDSCRIPT_ENV, KLAAR_ENV  # noqa: E402
from .sources import actieplan as _actieplan_bron  # noqa: E402,F401


def _opwarmen() -> None:
    """Draw one small chart as SVG and PNG: fonts, font metrics and the PNG writer are then loaded before the
    fork, not again in every kernel."""
    from matplotlib.figure import Figure

    from .charts import figure_png, figure_svg

    fig = Figure(figsize=(2, 1))
    ax = fig.add_subplot()
    ax.plot([2022, 2024], [1.5, 2.5], marker="o", label="Zuid")
    ax.set_title("Aantal", fontweight="bold")
    ax.legend()
    fig.tight_layout()
    figure_svg(fig)
    figure_png(fig)


_opwarmen()

if os.environ.get(HOOFDSCRIPT_ENV):
    # A forked process first loads the worker's main script, unless the server's __main__ is that script; a
    # kernel never uses it, so the server says it is (the script is not run here: it may read sys.argv or do
    # work at import). Python < 3.13 would run it per kernel even with "__main__" preloaded (CPython gh-137996).
    sys.modules["__main__"].__file__ = os.environ[HOOFDSCRIPT_ENV]

if os.environ.get(KLAAR_ENV):  # tell the worker that kernels can be forked from here now
    open(os.environ[KLAAR_ENV], "a").close()
