import math

import pytest
from wijkrapport import format as fmt


@pytest.mark.parametrize(
    "value,decimals,expected",
    [(1234.5, 1, "1.234,5"), (11620, 0, "11.620"), (0.05, 1, "0,1"), (-14.25, 1, "-14,3"), (2196644, 0, "2.196.644"),
     (-0.04, 1, "0,0")],
)
def test_getal(value, decimals, expected):
    assert fmt.getal(value, decimals) == expected


def test_procent_and_euro():
    assert fmt.procent(58.8235) == "58,8%"
    assert fmt.procent(-14.2857) == "-14,3%"
    assert fmt.euro(36300) == "€ 36.300"
    assert fmt.euro(-676115) == "-€ 676.115"
    assert fmt.euro(2.5) == "€ 3"  # half up, as the published tables (babel alone would round half even)
    assert fmt.euro(-0.4) == "€ 0"  # no "-€ 0"
    assert fmt.euro(1234.5, 2) == "€ 1.234,50"
    assert fmt.waarde(228576.4, "eur") == "€ 228.576"
    assert fmt.waarde(35.2, "index") == "35,2"


def test_missing_reads_geen_gegevens_never_zero_or_nan():
    for missing in (None, math.nan, float("nan")):
        assert fmt.getal(missing) == "geen gegevens"
        assert fmt.procent(missing) == "geen gegevens"
    assert fmt.procent(None, missing="–") == "–"


def test_half_up_rounding_like_published_tables():
    assert fmt.round_half_up(20.35, 1) == 20.4
    assert fmt.round_half_up(52.845, 1) == 52.8
    assert fmt.round_half_up(0.25, 1) == 0.3


def test_status_never_colour_alone():
    html = fmt.status_html("oranje")
    assert "▲" in html and "Goede richting" in html and "status-oranje" in html
    assert "Niet te bepalen" in fmt.status_html("onbekend")


def test_opsomming_in_dutch():
    assert fmt.opsomming(["2019"]) == "2019"
    assert fmt.opsomming(["2019", "2020"]) == "2019 en 2020"
    assert fmt.opsomming(["2019", "2020", "2021"]) == "2019, 2020 en 2021"
    assert fmt.opsomming([], leeg="geen rapporten") == "geen rapporten"
