"""Line charts show where figures are missing instead of drawing across the gap."""

import math

import pandas as pd
from wijkdocument_notebook import teksten
from wijkrapport.rendering import charts


def _lijnen(fig):
    return {line.get_label(): (list(line.get_xdata()), list(line.get_ydata())) for line in fig.axes[0].get_lines()
            if not line.get_label().startswith("_")}


def test_a_missing_year_breaks_the_line_and_no_gap_is_drawn_at_the_ends():
    frame = pd.DataFrame({"jaar": [2024, 2018, 2019, 2020, 2021, 2022, 2023],
                          "Carnisse": [73.1, 69.4, None, None, None, 64.4, 76.8],
                          "Alle wijken": [70.9, None, None, None, None, 69.7, 71.5]})
    lijnen = _lijnen(charts.line_chart(frame, "jaar", ["Carnisse", "Alle wijken"], "per1000"))
    x, y = lijnen["Carnisse"]
    assert x == [2018, 2019, 2020, 2021, 2022, 2023, 2024]  # sorted by year, the empty years kept
    assert [math.isnan(v) for v in y] == [False, True, True, True, False, False, False]
    assert lijnen["Alle wijken"] == ([2022, 2023, 2024], [69.7, 71.5, 70.9])  # starts at its first figure


def test_veiligheid_chart_of_carnisse_leaves_the_years_without_inhabitants_open(tmp_path, monkeypatch):
    """Carnisse: police figures for every year 2018-2024, inhabitants only for 2018 and 2022-2024."""
    from wijkrapport.rapporten.wijkdocument import views

    getoond, alt = [], []
    monkeypatch.setattr(views, "toon_figuur", lambda fig, **kw: (getoond.append(fig), alt.append(kw["alt"])))
    from wijkrapport.rendering import context

    monkeypatch.setattr(context, "toon_tabel", lambda *a, **kw: None)
    wd = views.Wijkcontext(jaar=2024, wijk="carnisse", tabellen_dir=str(tmp_path))
    views.toon_veiligheid(wd, **dict(teksten("toon_veiligheid"), alt_onbekend="open: {jaren}"))
    x, y = _lijnen(getoond[0])["Carnisse"]
    assert x == list(range(2018, 2025)) and [math.isnan(v) for v in y] == [False, True, True, True, False, False, False]
    assert round(y[0], 1) == 69.4 and round(y[-1], 1) == 73.1  # 789 / 11.370 and 849 / 11.620 per 1.000
    assert alt[0].endswith("open: 2019, 2020 en 2021")  # the years the line leaves open, in the alt text
