"""What the kernel fork server imports once, so that each kernel forked from it starts with it loaded.

Imported only in that server process (see ``kernelserver``), never by the reports.
Matplotlib gets the inline backend an IPython kernel would give it, before pyplot is imported.
When everything is loaded the server creates the marker file the worker waits for; when loading fails,
a second marker file with the error, after which the worker starts its kernels the ordinary way.
"""

import importlib
import os
import sys
import traceback
from pathlib import Path

from .kernelserver import HOOFDSCRIPT_ENV, KLAAR_ENV, MODULES_ENV, mislukt_bestand

os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy: no warning about frozen modules


def _laad() -> None:
    import ipykernel.debugger  # noqa: F401  (debugpy: 0,2 s at kernel start)
    import ipykernel.ipkernel  # noqa: F401
    import ipykernel.kernelapp  # noqa: F401
    import matplotlib.pyplot  # noqa: F401
    import matplotlib_inline.backend_inline  # noqa: F401
    import nbconvert.filters.markdown  # noqa: F401  (filled markdown, rendering.show.toon_markdown: 0,27 s)

    from wijkrapport import incremental  # noqa: F401

    # the modules the report types declare (their views, and what those import when first used: a map brings
    # geopandas), named by the runner: the engine does not import the report types itself
    for naam in filter(None, (m.strip() for m in os.environ.get(MODULES_ENV, "").split(","))):
        importlib.import_module(naam)
    _opwarmen()


def _opwarmen() -> None:
    """Draw one small chart as SVG and PNG: fonts, font metrics and the PNG writer are then loaded before the
    fork, not again in every kernel."""
    from matplotlib.figure import Figure

    from wijkrapport.rendering.charts import figure_png, figure_svg

    fig = Figure(figsize=(2, 1))
    ax = fig.add_subplot()
    ax.plot([1, 2], [1.5, 2.5], marker="o", label="Gebied")
    ax.set_title("Aantal", fontweight="bold")
    ax.legend()
    fig.tight_layout()
    figure_svg(fig)
    figure_png(fig)


try:
    _laad()
except BaseException:
    if os.environ.get(KLAAR_ENV):
        mislukt_bestand(Path(os.environ[KLAAR_ENV])).write_text(traceback.format_exc(), encoding="utf-8")
    raise

if os.environ.get(HOOFDSCRIPT_ENV):
    # A forked process first loads the worker's main script, unless the server's __main__ is that script; a
    # kernel never uses it, so the server says it is (the script is not run here: it may read sys.argv or do
    # work at import). Python < 3.13 would run it per kernel even with "__main__" preloaded (CPython gh-137996).
    sys.modules["__main__"].__file__ = os.environ[HOOFDSCRIPT_ENV]

if os.environ.get(KLAAR_ENV):  # tell the worker that kernels can be forked from here now
    open(os.environ[KLAAR_ENV], "a").close()
