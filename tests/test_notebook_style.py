"""In a notebook the helpers' output carries the report's style; the published document does not change for it."""

import nbformat
import pandas as pd
from capture import cell
from wijkrapport.rendering import document, notebook_style
from wijkrapport.rendering.show import Kolom, toon_tabel, toon_tekst


def _notebook(*cellen: list[tuple[dict, dict]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for outputs in cellen:
        cell = nbformat.v4.new_code_cell("...")
        cell.outputs = [nbformat.v4.new_output("display_data", data=d, metadata=m) for d, m in outputs]
        nb.cells.append(cell)
    return nb


def _show_two_cells():
    frame = pd.DataFrame({"wijk": ["Carnisse"], "aandeel": [58.8]})
    with cell() as eerste:
        toon_tekst("In Carnisse wonen 11.620 mensen.", klasse="kader")
        toon_tabel(frame, [Kolom("wijk", "Wijk"), Kolom("aandeel", "Aandeel", numeriek=True)], caption="Aandeel")
    with cell() as tweede:
        toon_tekst("Tweede cel.")
    return eerste, tweede


def test_each_cell_shows_the_style_sheet_once_before_its_first_output():
    eerste, tweede = _show_two_cells()
    assert [m for _d, m in eerste.outputs] == [notebook_style.STYLE_METADATA, {}, {}]
    assert len(tweede.style) == 1 and len(tweede.content) == 1  # a re-run or cleared first cell leaves the rest styled
    assert eerste.style[0]["text/html"].startswith("<style>")
    assert all(d["text/html"].startswith('<div class="rapportstijl">') for d in eerste.content + tweede.content)


def test_the_published_fragment_is_the_same_as_without_the_notebook_style():
    eerste, tweede = _show_two_cells()
    met_stijl = document.notebook_fragment(_notebook(eerste.outputs, tweede.outputs)).html

    def kaal(shown):  # the bare markup the helpers showed before they carried the style
        return [({"text/html": d["text/html"].removeprefix('<div class="rapportstijl">').removesuffix("</div>")}, {})
                for d in shown.content]

    zonder = document.notebook_fragment(_notebook(kaal(eerste), kaal(tweede))).html
    assert met_stijl == zonder
    assert "<style" not in met_stijl and "rapportstijl" not in met_stijl
    assert '<p class="kader">In Carnisse wonen 11.620 mensen.</p>' in met_stijl and "58,8" in met_stijl


def test_the_scoped_sheet_touches_only_the_report_markup_and_leaves_paper_out():
    css = notebook_style.scoped_css(
        ":root { --blauw: #00395d; } body { color: #111; margin: 0 auto; max-width: 60rem; }\n"
        "h2, .kader:is(.a, .b) { color: var(--blauw); }\n"
        "@media (max-width: 40rem) { table.tabel { font-size: .8rem; } }\n"
        "@media print { h2 { break-after: avoid; } }\n@page { size: A4; }")
    assert ".rapportstijl, .jp-Notebook:has(.rapportstijl) .jp-RenderedMarkdown {--blauw: #00395d;}" in css
    assert ".rapportstijl, .jp-Notebook:has(.rapportstijl) .jp-RenderedMarkdown {color: #111;}" in css  # no page layout
    assert ".rapportstijl h2, .jp-Notebook:has(.rapportstijl) .jp-RenderedMarkdown h2, .rapportstijl .kader:is(.a, .b)" in css
    assert "@media (max-width: 40rem) {.rapportstijl table.tabel" in css
    assert "break-after" not in css and "A4" not in css and "max-width: 60rem;}" not in css


def test_every_screen_rule_of_the_report_sheet_is_scoped():
    import re

    css = notebook_style.notebook_css()
    selectors = [s.strip() for blok in re.findall(r"(?:^|[}{])\s*([^{}@]+)\{", css) for s in blok.split(",")
                 if not s.strip().startswith("(")]
    assert len(selectors) > 80
    los = [s for s in selectors if not s.startswith((".rapportstijl", ".jp-Notebook:has(.rapportstijl) .jp-RenderedMarkdown"))]
    assert not los, los
    for regel in (".rapportstijl table.tabel thead th", ".rapportstijl .kader", ".rapportstijl .status-rood",
                  ".rapportstijl figure.grafiek figcaption"):
        assert regel in css
