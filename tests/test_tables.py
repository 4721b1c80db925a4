import pandas as pd
from wijkrapport.rendering.tables import Kolom, html_table


def test_table_is_accessible_and_escaped():
    df = pd.DataFrame({"naam": ["<script>alert(1)</script>", "Carnisse"], "waarde": [58.8, 11620.0], "eenheid": ["pct", "aantal"]})
    html = html_table(df, [Kolom("naam", "Wijk"), Kolom("waarde", "Waarde", numeriek=True)], caption="Test & zo",
                      bron="CBS", eenheid_kolom="eenheid")
    assert "<caption>Test &amp; zo</caption>" in html
    assert '<th scope="col">Wijk</th>' in html
    assert '<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>' in html
    assert "<script>" not in html
    assert "58,8%" in html and "11.620" in html
    assert "Bron: CBS" in html


def test_missing_cells_show_a_dash_not_nan():
    df = pd.DataFrame({"a": ["x"], "b": [float("nan")]})
    html = html_table(df, [Kolom("a", "A"), Kolom("b", "B", numeriek=True)], caption="c")
    assert "nan" not in html.lower().replace("nanum", "")
    assert "–" in html
