"""Snapshots of the HTML the display helpers show (captured without a kernel, see ``weergave``).

A change in a table's, a figure's or a status badge's markup shows up as a snapshot diff to review; after a deliberate
change, update with ``pytest tests/test_weergave_snapshots.py --snapshot-update`` and commit ``tests/__snapshots__/``.
"""

import re

import pandas as pd
from capture import cell
from wijkrapport import format as fmt
from wijkrapport.rendering.charts import line_chart
from wijkrapport.rendering.show import Kolom, toon_figuur, toon_tabel
from wijkrapport.rendering.tables import html_table, waarde_kolom


def _rules(html: str) -> str:
    """One tag per line, so that a snapshot diff points at the element that changed."""
    return html.replace("><", ">\n<")


_FRAME = pd.DataFrame({
    "gebied": ["Carnisse", "Hillesluis & Bloemhof", "Zuid"],
    "inwoners": [11620.0, 23456.0, None],
    "aandeel": [58.8, 1234.5, float("nan")],
    "eenheid": ["pct", "aantal", "pct"],
    "status": ["oranje", "rood", None],
})


def test_table_with_dutch_numbers_a_missing_value_and_a_footnote(snapshot):
    kolommen = [Kolom("gebied", "Gebied"),
                Kolom("inwoners", "Inwoners", numeriek=True, opmaak=lambda v: fmt.getal(v, missing="–")),
                waarde_kolom("aandeel", "Waarde", eenheid_kolom="eenheid")]
    html = html_table(_FRAME, kolommen, caption="Inwoners en aandeel per gebied, 2024", bron="Bron: CBS",
                      eenheid_kolom="eenheid", voetnoot="Zuid: nog geen cijfer over 2024.", klasse="samen")
    assert "11.620" in html and "58,8%" in html and "1.235" in html and "–" in html  # what the snapshot must show
    assert _rules(html) == snapshot


def test_table_shown_in_a_notebook_with_status_badges(snapshot):
    kolommen = [Kolom("gebied", "Gebied"), Kolom("status", "Status", html=True, opmaak=fmt.status_html),
                Kolom("status", "Kort", html=True, opmaak=lambda s: fmt.status_html(s, kort=True))]
    with cell() as shown:
        toon_tabel(_FRAME, kolommen, caption="Status per gebied")
    (data,) = shown.content
    assert set(data) == {"text/html"}
    assert _rules(data["text/html"]) == snapshot


_SVG = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.S)


def _zonder_tekening(html: str) -> str:
    """The figure markup with the SVG reduced to what does not depend on the platform's fonts and renderer: its
    accessibility attributes and its texts in order (ids, paths and coordinates dropped; the print key hashes the PNG)."""
    def svg(m: re.Match) -> str:
        attrs = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', m.group(1)))
        teksten = [t.strip() for t in re.findall(r"<text\b[^>]*>(.*?)</text>", m.group(2), re.S)]
        druk = "…" if attrs.get("data-druk") else ""
        kop = f'<svg role="{attrs.get("role")}" aria-label="{attrs.get("aria-label")}" data-druk="{druk}">'
        return kop + "".join(f"<text>{t}</text>" for t in teksten) + "</svg>"

    return _SVG.sub(svg, html)


def test_figure_markup(snapshot):
    data = pd.DataFrame({"jaar": [2021, 2022, 2024], "aandeel": [1.5, 2.25, 3.0]})  # 2023 missing: a gap
    fig = line_chart(data.rename(columns={"aandeel": "Zuid"}), "jaar", ["Zuid"], "pct", tot_jaar=2025)
    with cell() as shown:
        toon_figuur(fig, alt="Het aandeel steeg van 1,5% in 2021 naar 3,0% in 2024; over 2023 zijn er geen cijfers.",
                    titel="Aandeel <werkend>", bron="bron: CBS Statline", data=data,
                    data_kolommen=[Kolom("jaar", "Jaar", opmaak=lambda v: str(int(v))),
                                   Kolom("aandeel", "Aandeel", numeriek=True, opmaak=lambda v: fmt.procent(v))])
    (bundel,) = shown.content
    assert set(bundel) == {"text/html", "image/png"}
    html = bundel["text/html"]
    assert len(_SVG.findall(html)) == 1 and "2,5%" in _SVG.search(html).group(2)
    assert _rules(_zonder_tekening(html)) == snapshot
