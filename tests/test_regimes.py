"""Ambitions per horizon and threshold scoring: worked examples."""

from datetime import date

import pandas as pd
import pytest
from wijkrapport.domain.regimes import ambitie_op, ambitie_status, drempel_score, drempel_tabel, grenzen_rond
from wijkrapport.sources.registry import Horizon, Nulmeting

# A programme in the style of the wijkaanpak ambitions: nulmeting 1 January 2020 at 100,
# after 1 year 95, after 4 years 80, after 15 years only "daling" (no value).
NUL = Nulmeting(datum=date(2020, 1, 1), waarde=100.0)
HOR = [
    Horizon(naam="na 1 jaar", datum=date(2021, 1, 1), waarde=95.0),
    Horizon(naam="na 4 jaar", datum=date(2024, 1, 1), waarde=80.0),
    Horizon(naam="na 15 jaar", datum=date(2035, 1, 1), richting="daling"),
]


def test_ambition_interpolates_by_days_between_points():
    assert ambitie_op(NUL, HOR, date(2021, 1, 1)) == 95.0
    # 2022-07-02 is 547 of the 1095 days from 2021-01-01 to 2024-01-01: 95 - 15 * 547/1095
    assert ambitie_op(NUL, HOR, date(2022, 7, 2)) == pytest.approx(95 - 15 * 547 / 1095)
    assert ambitie_op(NUL, HOR, date(2019, 6, 1)) == 100.0  # before the nulmeting
    assert ambitie_op(NUL, HOR, date(2030, 1, 1)) == 80.0  # direction-only horizon is skipped


def test_ambition_status_each_colour_and_polarity():
    peil = date(2022, 7, 2)  # ambition about 87.5, lower is better
    assert ambitie_status(NUL, HOR[:2], peil, 87.0, "lager") == "groen"
    assert ambitie_status(NUL, HOR[:2], peil, 90.0, "lager") == "oranje"
    assert ambitie_status(NUL, HOR[:2], peil, 100.0, "lager") == "rood"
    assert ambitie_status(NUL, HOR[:2], peil, 101.0, "lager") == "rood"
    assert ambitie_status(NUL, HOR[:2], peil, float("nan"), "lager") == "grijs"
    stijging = [Horizon(naam="na 4 jaar", datum=date(2024, 1, 1), waarde=120.0)]
    assert ambitie_status(NUL, stijging, date(2022, 1, 1), 111.0, "hoger") == "groen"
    assert ambitie_status(NUL, stijging, date(2022, 1, 1), 105.0, "hoger") == "oranje"


def test_direction_only_horizon_asks_only_for_the_direction():
    peil = date(2026, 1, 1)  # next horizon: "daling" in 2035
    assert ambitie_status(NUL, HOR, peil, 99.0, "lager") == "groen"
    assert ambitie_status(NUL, HOR, peil, 100.0, "lager") == "rood"


def test_threshold_scores_with_polarity_and_bounds_included_as_neutral():
    assert [drempel_score(v, 90, 110, "hoger") for v in (89.9, 90, 100, 110, 110.1)] == [
        "rood", "neutraal", "neutraal", "neutraal", "groen"]
    # lower is better: the negative bound is the higher number
    assert [drempel_score(v, 60, 40, "lager") for v in (61, 50, 39)] == ["rood", "neutraal", "groen"]
    assert drempel_score(None, 90, 110, "hoger") == "grijs"


def test_misordered_bounds_are_an_error():
    with pytest.raises(ValueError, match="verkeerd om"):
        drempel_score(100, 110, 90, "hoger")
    with pytest.raises(ValueError, match="verkeerd om"):
        drempel_score(50, 40, 60, "lager")


def test_bounds_around_a_reference():
    assert grenzen_rond(100.0, 10, "hoger") == (90.0, 110.0)
    assert grenzen_rond(50.0, 10, "lager") == (55.0, 45.0)


def test_threshold_table_counts_rood_and_marks_aandachtsgebieden():
    waarden = pd.DataFrame({"veiligheid": [85.0, 95.0, 120.0], "bijstand": [70.0, 30.0, None]},
                           index=["A", "B", "C"])
    grenzen = pd.DataFrame({"negatief": [90.0, 60.0], "positief": [110.0, 40.0], "polariteit": ["hoger", "lager"]},
                           index=["veiligheid", "bijstand"])
    t = drempel_tabel(waarden, grenzen, aandachtsgebied_vanaf=2)
    assert t.loc["A", ["veiligheid", "bijstand"]].tolist() == ["rood", "rood"]
    assert t.loc["B", ["veiligheid", "bijstand"]].tolist() == ["neutraal", "groen"]
    assert t.loc["C", ["veiligheid", "bijstand"]].tolist() == ["groen", "grijs"]
    assert t["aantal_rood"].tolist() == [2, 0, 0]
    assert t["aantal_groen"].tolist() == [0, 1, 1]
    assert t["aandachtsgebied"].tolist() == [True, False, False]
    assert not drempel_tabel(waarden, grenzen, None)["aandachtsgebied"].any()
