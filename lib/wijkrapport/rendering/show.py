"""What notebooks call to show things: tables, figures, generated text.

Each helper displays HTML in the notebook (so nbconvert carries it into the
report) and, when a ``tabellen_dir`` is given, writes the table behind it as CSV
(UTF-8, decimal point) for the open-data download.

In a notebook frontend the output looks as it will in the report: each helper wraps its markup in
``<div class="rapportstijl">`` and the first output of every cell that shows something is the report's style sheet
scoped to that wrapper (``notebook_style``), marked so that the document builder leaves it out. Once per cell rather
than once per kernel: re-running or clearing the cell that carried the sheet would otherwise leave the rest unstyled.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

import pandas as pd
from IPython import get_ipython
from IPython.display import display

from .charts import figure_png, figure_svg
from .notebook_style import STYLE_METADATA, WRAPPER_CLASS, notebook_css
from .tables import Kolom, html_table, strip_bron

_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

_style_shown_in: int | None = None  # the execution count of the cell whose output carries the style sheet


def _show_style() -> None:
    """Show the report's style sheet once per executed cell (nothing outside IPython: there is no page to style)."""
    global _style_shown_in
    shell = get_ipython()
    if shell is None or shell.execution_count == _style_shown_in:
        return
    _style_shown_in = shell.execution_count
    display({"text/html": f"<style>{notebook_css()}</style>"}, raw=True, metadata=dict(STYLE_METADATA))


def _show(markup: str, extra: dict[str, str] | None = None) -> None:
    """Display ``markup`` in the report's wrapper; ``extra`` are more representations (MIME type: data)."""
    _show_style()
    display({"text/html": f'<div class="{WRAPPER_CLASS}">{markup}</div>', **(extra or {})}, raw=True)


def schrijf_csv(df: pd.DataFrame, naam: str, tabellen_dir: str | Path | None) -> Path | None:
    """Write ``df`` as ``<tabellen_dir>/<naam>.csv``; the name may not leave the folder."""
    if not tabellen_dir:
        return None
    if not _SAFE_NAME.match(naam):
        raise ValueError(f"ongeldige tabelnaam {naam!r}: alleen a-z, 0-9, _ en -")
    folder = Path(tabellen_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{naam}.csv"
    df.to_csv(path, index=False, encoding="utf-8", float_format="%.6g", lineterminator="\n")
    return path


def toon_tabel(
    df: pd.DataFrame,
    kolommen: list[Kolom],
    caption: str,
    bron: str = "",
    naam: str | None = None,
    tabellen_dir: str | Path | None = None,
    data: pd.DataFrame | None = None,
    **kwargs,
) -> None:
    """Show an accessible table and publish its data (``data`` or ``df``) as CSV."""
    _show(html_table(df, kolommen, caption, bron=bron, **kwargs))
    if naam:
        schrijf_csv(data if data is not None else df, naam, tabellen_dir)


def toon_figuur(fig, alt: str, titel: str, bron: str = "", data: pd.DataFrame | None = None,
                data_kolommen: list[Kolom] | None = None) -> None:
    """Show a chart as inline SVG with alt text, caption, source and its data table.

    The data table sits in a ``<details>`` element: collapsed on screen, printed
    beside the chart in the PDF; the caption comes last (HTML allows it only first or
    last in a figure). The same output also carries the chart as PNG, which the PDF
    shows instead of the SVG (``render.voor_druk``); the HTML keeps the SVG.
    """
    svg = figure_svg(fig)
    png = figure_png(fig)
    sleutel = hashlib.sha256(png).hexdigest()[:16]
    svg = svg.replace("<svg ", f'<svg data-druk="{sleutel}" role="img" aria-label="{escape(alt, quote=True)}" ', 1)
    parts = [f'<figure class="grafiek">{svg}']
    if data is not None and data_kolommen:
        parts.append('<details class="grafiekdata"><summary>Cijfers bij deze grafiek</summary>')
        parts.append(html_table(data, data_kolommen, caption=f"Cijfers: {titel}"))
        parts.append("</details>")
    parts.append(f"<figcaption><strong>{escape(titel)}</strong> {escape(alt)}")
    if bron:
        parts.append(f'<span class="bron">Bron: {escape(strip_bron(bron))}</span>')
    parts.append("</figcaption></figure>")
    _show("".join(parts), {"image/png": base64.b64encode(png).decode("ascii")})


def toon_tekst(alinea: str, klasse: str = "") -> None:
    """Show one generated paragraph (plain text; escaped)."""
    cls = f' class="{escape(klasse)}"' if klasse else ""
    _show(f"<p{cls}>{escape(alinea)}</p>")


def toon_lijst(items: list[str], klasse: str = "") -> None:
    cls = f' class="{escape(klasse)}"' if klasse else ""
    _show(f"<ul{cls}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")


def toon_html(markup: str) -> None:
    """Show markup built by the package (never raw data)."""
    _show(markup)


def toon_markdown(sjabloon: str, **waarden: object) -> None:
    """Show markdown written in a notebook, as a markdown cell would look, its ``{fields}`` filled
    (:func:`wijkrapport.taal.vul`) with ``waarden`` as text: a value's ``<`` or ``&`` is shown, never markup."""
    from nbconvert.filters.markdown import markdown2html

    from wijkrapport.taal import vul

    _show(markdown2html(vul(sjabloon, **{k: escape(str(v)) for k, v in waarden.items()})))


__all__ = ["Kolom", "schrijf_csv", "toon_figuur", "toon_html", "toon_lijst", "toon_markdown", "toon_tabel", "toon_tekst"]
