"""DataFrame -> accessible HTML table (caption, th scope, escaped text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pandas as pd

from wijkrapport import format as fmt


@dataclass(frozen=True)
class Kolom:
    """One column of a published table: source column, Dutch header, formatter.

    ``html`` formatters return markup (e.g. a status badge); all others return
    plain text that is escaped.
    """

    naam: str
    kop: str
    opmaak: Callable[[object], str] | None = None
    html: bool = False
    numeriek: bool = False
    klasse: str = ""  # extra CSS class of the column's cells (e.g. "telling": a fixed width in print)


def waarde_kolom(naam: str, kop: str, eenheid_kolom: str | None = None, eenheid: str = "pct") -> Kolom:
    """A numeric column formatted in the unit of the row (or a fixed unit)."""
    return Kolom(naam=naam, kop=kop, numeriek=True, opmaak=None if eenheid_kolom else (lambda v: fmt.waarde(v, eenheid)))


def _cell(kolom: Kolom, row: pd.Series, eenheid_kolom: str | None) -> str:
    value = row.get(kolom.naam)
    if kolom.opmaak is not None:
        text = kolom.opmaak(value)
    elif kolom.numeriek and eenheid_kolom:
        text = fmt.waarde(value, str(row.get(eenheid_kolom)), missing="–")
    elif kolom.numeriek and isinstance(value, (int, float)):
        text = fmt.getal(value, 0 if float(value).is_integer() else 1, missing="–")
    elif fmt.is_missing(value) or value == "":
        text = "–"
    else:
        text = str(value)
    return text if kolom.html else escape(text)


def strip_bron(text: str) -> str:
    """Drop a leading "Bron:" that the source text already carries."""
    return re.sub(r"^\s*bron\s*:\s*", "", str(text), flags=re.I)


def html_table(
    df: pd.DataFrame,
    kolommen: list[Kolom],
    caption: str,
    bron: str = "",
    eenheid_kolom: str | None = None,
    klasse: str = "",
    rij_klasse: Callable[[pd.Series], str] | None = None,
    voetnoot: str = "",
    kop: str = "",
) -> str:
    """Render a table; the first column is the row header (``th scope="row"``)."""
    def _cls(k: Kolom) -> str:
        namen = " ".join(n for n in ("num" if k.numeriek else "", k.klasse) if n)
        return f' class="{escape(namen)}"' if namen else ""

    head = "".join(f'<th scope="col"{_cls(k)}>{escape(k.kop)}</th>' for k in kolommen)
    body = []
    for _, row in df.iterrows():
        cells = []
        for i, k in enumerate(kolommen):
            content = _cell(k, row, eenheid_kolom)
            cls = _cls(k)
            cells.append(f'<th scope="row">{content}</th>' if i == 0 else f"<td{cls}>{content}</td>")
        extra = f' class="{escape(rij_klasse(row))}"' if rij_klasse else ""
        body.append(f"<tr{extra}>{''.join(cells)}</tr>")
    foot = ""
    bron = strip_bron(bron) if bron else ""
    notes = [n for n in (voetnoot, f"Bron: {bron}" if bron else "") if n]
    if notes:
        foot = "".join(f'<p class="bron">{escape(n)}</p>' for n in notes)
    heading = f"<h3>{escape(kop)}</h3>" if kop else ""
    return (
        f'<div class="tabel-wrap {escape(klasse)}" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f'{heading}<table class="tabel">'
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>{foot}</div>"
    )
