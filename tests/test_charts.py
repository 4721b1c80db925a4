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


def test_a_year_without_a_row_breaks_the_line_too():
    """The obvious helper finds a missing year itself: no row for 2020 and 2021 is a gap, not a straight line."""
    frame = pd.DataFrame({"jaar": [2018, 2019, 2022, 2023], "Zuid": [10.0, 11.0, 14.0, 15.0]})
    x, y = _lijnen(charts.line_chart(frame, "jaar", ["Zuid"], "pct"))["Zuid"]
    assert x == [2018, 2019, 2020, 2021, 2022, 2023]
    assert [math.isnan(v) for v in y] == [False, False, True, True, False, False]


def test_a_survey_every_other_year_is_one_line_and_its_missing_edition_a_gap():
    frame = pd.DataFrame({"editie": [2014, 2016, 2018, 2022], "Sociale index": [90.0, 92.0, 95.0, 97.0]})
    x, y = _lijnen(charts.line_chart(frame, "editie", ["Sociale index"], "index"))["Sociale index"]
    assert x == [2014, 2016, 2018, 2020, 2022] and [math.isnan(v) for v in y] == [False, False, False, True, False]
    x, y = _lijnen(charts.line_chart(frame.iloc[:3], "editie", ["Sociale index"], "index"))["Sociale index"]
    assert x == [2014, 2016, 2018] and not any(math.isnan(v) for v in y)


def test_two_yearly_figures_far_apart_break_when_the_rhythm_is_given():
    frame = pd.DataFrame({"jaar": [2019, 2023], "Zuid": [1.0, 2.0]})
    assert _lijnen(charts.line_chart(frame, "jaar", ["Zuid"], "aantal"))["Zuid"][0] == [2019, 2023]
    x, y = _lijnen(charts.line_chart(frame, "jaar", ["Zuid"], "aantal", stap=1))["Zuid"]
    assert x == [2019, 2020, 2021, 2022, 2023] and sum(math.isnan(v) for v in y) == 3


def test_the_axis_runs_to_the_report_year_when_the_series_ends_earlier():
    frame = pd.DataFrame({"jaar": [2019, 2020, 2021, 2022], "Zuid": [5.0, 6.0, 7.0, 8.0]})
    fig = charts.line_chart(frame, "jaar", ["Zuid"], "pct", tot_jaar=2024)
    ax = fig.axes[0]
    assert list(ax.get_xticks())[-1] == 2024 and ax.get_xlim()[1] > 2024
    assert _lijnen(fig)["Zuid"][0] == [2019, 2020, 2021, 2022]  # the line stops at its last figure
    assert list(ax.get_xticks()) == [2019, 2020, 2021, 2022, 2023, 2024]
    zonder = charts.line_chart(frame, "jaar", ["Zuid"], "pct").axes[0]
    assert zonder.get_xlim()[1] < 2023  # without a report year the axis ends near the data, as before


def test_years_after_the_report_year_are_left_out():
    frame = pd.DataFrame({"jaar": [2022, 2023, 2024, 2025], "Zuid": [5.0, 6.0, 7.0, 99.0]})
    fig = charts.line_chart(frame, "jaar", ["Zuid"], "pct", tot_jaar=2024)
    assert _lijnen(fig)["Zuid"] == ([2022, 2023, 2024], [5.0, 6.0, 7.0])
    assert fig.axes[0].get_xlim()[1] < 2025


def test_a_year_twice_in_the_series_is_an_error_not_a_zigzag():
    import pytest

    frame = pd.DataFrame({"jaar": [2022, 2023, 2023], "Zuid": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match=r"jaar \[2023\]"):
        charts.line_chart(frame, "jaar", ["Zuid"], "pct")


def test_value_axis_labels_stay_inside_the_figure():
    """After the layout the axis got ticks with a decimal ("94,5%") that were wider than the room made for them."""
    from datetime import date

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    reeksen = {"Zuid": [(date(2018, 8, 1), 91.6), (date(2024, 8, 1), 93.6)],
               "G4": [(date(2018, 8, 1), 93.8), (date(2024, 8, 1), 95.0)]}
    fig = charts.reeks_chart(reeksen, "pct", [(date(2022, 1, 1), 92.5), (date(2032, 1, 1), 95.0)])
    renderer = FigureCanvasAgg(fig).get_renderer()
    labels = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert "94,5%" in [t.get_text() for t in labels]
    assert min(t.get_window_extent(renderer).x0 for t in labels) >= 0


def test_a_figure_of_a_year_stands_above_that_years_label():
    """The year axis was labelled "2023 2023 ... 2024" for figures of 2022 and 2023: the 2022 figure stood at 2023."""
    import matplotlib.dates as mdates
    import pandas as pd

    midden = {j: pd.Timestamp(f"{j}-01-01") + (pd.Timestamp(f"{j}-12-31") - pd.Timestamp(f"{j}-01-01")) / 2
              for j in (2022, 2023)}
    fig = charts.reeks_chart({"A": [(midden[2022], 22.1), (midden[2023], 22.9)]}, "pct",
                             [(pd.Timestamp("2022-07-01"), 22.0), (pd.Timestamp("2023-07-01"), 22.5)])
    ax = fig.axes[0]
    zichtbaar = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert [mdates.num2date(t).year for t in zichtbaar] == [2022, 2023]  # one label per year, no "2023 2023"
    ticks = {mdates.num2date(t).year: t for t in zichtbaar}
    for jaar, x in midden.items():  # each point is nearer its own year's label than any other
        assert min(ticks, key=lambda j: abs(ticks[j] - mdates.date2num(x))) == jaar
