"""The PDF shows each chart as the PNG its notebook output carries, with the chart's alt text."""

import base64

import nbformat
from capture import cell
from wijkrapport.rendering import document
from wijkrapport.rendering.show import toon_figuur


def test_voor_druk_swaps_the_svg_for_its_png_with_the_same_alt_text():
    html = ('<figure class="grafiek"><svg aria-label="Misdrijven: 69 in 2018 en 73 in 2024." data-druk="ab12" '
            'role="img" viewBox="0 0 10 10"><g><text>73</text></g></svg><figcaption>x</figcaption></figure>'
            '<figure class="grafiek"><svg role="img" aria-label="zonder drukbeeld"><g/></svg></figure>')
    uit = document.voor_druk(html, {"ab12": "iVBORw0KGgo="})
    assert '<img class="grafiekbeeld" src="data:image/png;base64,iVBORw0KGgo=" alt="Misdrijven: 69 in 2018 en 73 in ' \
           '2024.">' in uit
    assert "<text>73</text>" not in uit
    assert 'aria-label="zonder drukbeeld"' in uit  # a chart without a print image keeps its SVG
    assert document.voor_druk(html, {}) == html


def test_fragment_collects_the_png_of_each_chart():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    fig.add_subplot().plot([1, 2, 3])
    with cell() as shown:
        toon_figuur(fig, alt="Een lijn omhoog.", titel="Test")
    (bundel,) = shown.content
    assert base64.b64decode(bundel["image/png"]).startswith(b"\x89PNG")
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("toon_figuur(...)")
    code.outputs = [nbformat.v4.new_output("display_data", data=bundel)]
    nb.cells = [code]
    fragment = document.notebook_fragment(nb)
    assert "<svg" in fragment.html and "image/png" not in fragment.html  # the HTML keeps the SVG only
    (sleutel,) = fragment.drukbeelden
    assert f'data-druk="{sleutel}"' in fragment.html and fragment.drukbeelden[sleutel] == bundel["image/png"]


def test_each_pdf_follows_its_own_style_sheet(tmp_path):
    from pypdf import PdfReader

    def doc(size: str) -> str:
        return (f"<!DOCTYPE html><html lang='nl'><head><title>t</title><style>@page {{ size: {size}; }} "
                f"p {{ color: #00689e; }}</style></head><body><h1>Titel</h1><p>Tekst</p></body></html>")

    for i, size in enumerate(["A5", "A4 landscape", "A5"]):
        document.html_to_pdf(doc(size), tmp_path / f"{i}.pdf")
    mm = [tuple(round(float(v) / 72 * 25.4) for v in PdfReader(tmp_path / f"{i}.pdf").pages[0].mediabox[2:])
          for i in range(3)]
    assert mm == [(148, 210), (297, 210), (148, 210)]
    assert "Tekst" in PdfReader(tmp_path / "2.pdf").pages[0].extract_text()


def test_a_chart_figure_ends_with_its_caption():
    """HTML allows a figcaption only as first or last child of its figure: chart, its figures, then the caption."""
    import pandas as pd
    from bs4 import BeautifulSoup
    from matplotlib.figure import Figure
    from wijkrapport.rendering.show import Kolom

    fig = Figure(figsize=(3, 2))
    fig.add_subplot().plot([2022, 2024], [1, 2])
    with cell() as shown:
        toon_figuur(fig, alt="Een lijn omhoog.", titel="Test", bron="CBS",
                    data=pd.DataFrame({"jaar": [2022, 2024]}), data_kolommen=[Kolom("jaar", "Jaar")])
    figure = BeautifulSoup(shown.content[0]["text/html"], "html.parser").figure
    assert [c.name for c in figure.find_all(recursive=False)] == ["svg", "details", "figcaption"]


def test_headings_get_unique_ids_and_a_table_of_contents():
    body = ('<section class="hoofdstuk"><h2 id="Samenvatting">Samenvatting</h2><p>x</p>'
            '<h3>Wijkactieplan: <strong>Hoogvliet</strong> &amp; Zuid</h3><h4>niet in de inhoud</h4></section>\n'
            '<section class="hoofdstuk"><h2 class="titel">Samenvatting</h2></section>')
    html, toc = document._with_ids(body)
    assert toc == [{"id": "samenvatting", "tekst": "Samenvatting", "niveau": 2},
                   {"id": "wijkactieplan-hoogvliet-zuid", "tekst": "Wijkactieplan: Hoogvliet & Zuid", "niveau": 3},
                   {"id": "samenvatting-2", "tekst": "Samenvatting", "niveau": 2}]
    assert '<h2 id="samenvatting">Samenvatting</h2>' in html and '<h2 class="titel" id="samenvatting-2">' in html
    assert '<h3 id="wijkactieplan-hoogvliet-zuid">Wijkactieplan: <strong>Hoogvliet</strong> &amp; Zuid</h3>' in html
    assert "<h4>niet in de inhoud</h4>" in html
