"""The Rotterdam figure computed from all wijken (wijkrapport.domain.stad): hand-worked sums on a small frame, two real
variables worked by hand, police per 1.000 inhabitants, and the sentences printed under the tables."""

from __future__ import annotations

import doctest
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from wijkrapport.domain import stad
from wijkrapport.sources import raadzoeker, wijken

ROOT = Path(__file__).resolve().parents[1]
SOORTEN = {"inwoners": "aantal", "bijstand": "aantal", "pct_65_plus": "aandeel", "woz": "gemiddelde",
           "pct_huur": "aandeel"}


def _klein() -> tuple[pd.DataFrame, pd.Series]:
    """Three wijken: a and b are one CBS area (like Groot IJsselmonde-Noord/-Zuid), c is its own."""
    gebied_van = stad.cbs_gebieden(pd.DataFrame({"wijk_slug": ["a", "b", "c"],
                                                 "cbs_buurtcodes": ["BU1", "BU1", "BU2"]}))
    rijen = []
    for w in ("a", "b"):  # one area, so the same figures
        rijen += [(w, 2022, "inwoners", 1000), (w, 2022, "bijstand", 50), (w, 2022, "pct_65_plus", 10),
                  (w, 2022, "woz", 200_000), (w, 2023, "inwoners", 1000), (w, 2023, "bijstand", 40)]
    rijen += [("c", 2022, "inwoners", 3000), ("c", 2022, "bijstand", 150), ("c", 2022, "pct_65_plus", 30),
              ("c", 2022, "woz", 300_000), ("c", 2023, "inwoners", 3000), ("c", 2023, "pct_65_plus", 20)]
    return pd.DataFrame(rijen, columns=["wijk_slug", "jaar", "variabele", "waarde"]), gebied_van


def _rij(uit: pd.DataFrame, jaar: int, var: str) -> pd.Series:
    return uit[(uit["jaar"] == jaar) & (uit["variabele"] == var)].iloc[0]


def test_city_figure_on_a_small_frame_worked_by_hand():
    kern, gebied_van = _klein()
    uit = stad.stad(kern, SOORTEN, gebied_van)
    assert len(uit) == 2 * len(SOORTEN)
    # 2022 -- inhabitants: area a/b once (1.000) + c (3.000) = 4.000, not 5.000
    assert _rij(uit, 2022, "inwoners")["waarde"] == 4000
    # bijstand: 50 + 150 = 200
    assert _rij(uit, 2022, "bijstand")["waarde"] == 200
    # % 65+: (1.000 x 10 + 3.000 x 30) / 4.000 = (10.000 + 90.000) / 4.000 = 25 (the plain mean would be 20)
    assert _rij(uit, 2022, "pct_65_plus")["waarde"] == 25
    # WOZ: (1.000 x 200.000 + 3.000 x 300.000) / 4.000 = 1.100.000.000 / 4.000 = 275.000
    r = _rij(uit, 2022, "woz")
    assert r["waarde"] == 275_000 and r["gebieden"] == 2 and r["gebieden_totaal"] == 2 and r["pct_inwoners"] == 100
    # 2023 -- % 65+ only in c: 20, from 1 of 2 areas holding 3.000 of 4.000 inhabitants (75%)
    r = _rij(uit, 2023, "pct_65_plus")
    assert r["waarde"] == 20 and r["gebieden"] == 1 and r["pct_inwoners"] == 75 and r["wijken_zonder"] == "a;b"
    # bijstand missing in c: a sum of a/b alone (40) would be too low, so no city figure
    r = _rij(uit, 2023, "bijstand")
    assert math.isnan(r["waarde"]) and r["gebieden"] == 1 and r["wijken_zonder"] == "c"
    # a variable no wijk has: "geen gegevens"
    r = _rij(uit, 2022, "pct_huur")
    assert math.isnan(r["waarde"]) and r["gebieden"] == 0


def test_wijken_of_one_area_must_agree_and_areas_must_not_overlap():
    kern, gebied_van = _klein()
    kern.loc[(kern["wijk_slug"] == "b") & (kern["variabele"] == "bijstand") & (kern["jaar"] == 2022), "waarde"] = 55
    with pytest.raises(ValueError, match="a, b delen CBS-gebied BU1"):
        stad.stad(kern, SOORTEN, gebied_van)
    with pytest.raises(ValueError, match="BU2 hoort bij twee"):
        stad.cbs_gebieden(pd.DataFrame({"wijk_slug": ["x", "y"], "cbs_buurtcodes": ["BU1;BU2", "BU2"]}))


def test_unknown_kind_or_missing_kind_is_refused():
    kern, gebied_van = _klein()
    with pytest.raises(ValueError, match="geen soort"):
        stad.stad(kern, {"inwoners": "aantal"}, gebied_van)
    with pytest.raises(ValueError, match="aantal, aandeel of gemiddelde"):
        stad.stad(kern, {**SOORTEN, "woz": "mediaan"}, gebied_van)


def test_a_share_without_inhabitants_in_its_year_is_not_weighted_silently():
    kern, gebied_van = _klein()
    kern = kern[~((kern["wijk_slug"] == "c") & (kern["variabele"] == "inwoners") & (kern["jaar"] == 2022))]
    r = _rij(stad.stad(kern, SOORTEN, gebied_van), 2022, "pct_65_plus")
    assert r["waarde"] == 10 and r["gebieden"] == 1 and "c" in r["wijken_zonder"].split(";")


@pytest.fixture(scope="module")
def echt():
    cw = wijken.load_crosswalk()
    var = raadzoeker.load_variabelen()
    kern = raadzoeker.load_kerncijfers()
    gebied_van = stad.cbs_gebieden(cw)
    return cw, kern, gebied_van, stad.stad(kern, dict(zip(var["variabele"], var["soort"], strict=True)), gebied_van)


def test_real_inhabitants_2024_worked_by_hand(echt):
    """Inhabitants on 1 January 2024 per gebied (sums of its wijken, Groot IJsselmonde once), which equal CBS's own
    gebied figures (KWB 2024, 85984NED) within rounding to 5:

        Rotterdam Centrum 42.565 (CBS 42.565), Delfshaven 77.245 (77.250), Overschie 20.195 (20.205),
        Noord 52.795 (52.795), Hillegersberg-Schiebroek 44.855 (44.855), Kralingen-Crooswijk 56.010 (56.010),
        Feijenoord 79.445 (79.440), IJsselmonde 62.670 (62.670), Pernis 4.970 (4.965),
        Prins Alexander 97.430 (97.430), Charlois 70.525 (70.525), Hoogvliet 36.175 (36.180),
        Hoek van Holland 10.565 (10.565), Rozenburg 12.605 (12.605)
        sum = 668.050 over 70 CBS areas (71 wijken)

    CBS counts 670.610 for the municipality; the harbour and industrial areas outside every wijk hold 2.535 (of which
    Nieuw Mathenesse 2.410): 668.050 + 2.535 = 670.585, 25 short of 670.610 through rounding.
    """
    _, _, _, uit = echt
    r = _rij(uit, 2024, "inwoners")
    assert r["waarde"] == 668_050 and r["gebieden"] == 70 and r["gebieden_totaal"] == 70
    k24 = json.loads((ROOT / "data/wijken/cbs-kwb-2024-wikigen/stripped_filtered_data_2024.rotterdam_g4.json")
                     .read_text(encoding="utf-8"))
    haven_codes = {"WK059918", "WK059919", "WK059921", "WK059922", "WK059923", "WK059924", "WK059925"}
    haven = sum(v["AantalInwoners_5"] for k, v in k24.items() if k in haven_codes)
    assert haven == 2535
    assert abs(r["waarde"] + haven - k24["GM0599"]["AantalInwoners_5"]) <= 25


def test_real_woz_2024_worked_by_hand(echt):
    """Average WOZ value 2024, weighted by inhabitants (the source gives WOZ in x € 1.000). Per gebied the sum of the
    inhabitants of the wijken with a WOZ figure and the sum of inhabitants x WOZ:

        gebied                     wijken  inwoners   inwoners x WOZ
        Rotterdam Centrum               5    42.565     17.470.143,5
        Delfshaven                      8    77.245     24.531.528,0
        Overschie                       3    20.195      8.579.951,5
        Noord                           6    52.795     18.851.075,0
        Hillegersberg-Schiebroek        5    44.855     22.134.400,0
        Kralingen-Crooswijk             7    56.010     21.799.307,5
        Feijenoord                      9    79.445     23.532.610,0
        IJsselmonde (GIJ once)          4    62.670     16.415.920,0
        Pernis                          1     4.970      1.436.330,0
        Prins Alexander                 8    97.430     35.829.090,0
        Charlois                        9    70.525     16.403.878,0
        Hoogvliet                       2    36.175     10.456.575,0
        Hoek van Holland                1     7.995      2.678.325,0   (Strand en duin, 2.570 inh., has no WOZ)
        Rozenburg                       1    12.605      3.554.610,0
        total                          69   665.480    223.673.743,5

    223.673.743,5 / 665.480 = 336,1089 -> € 336.109; 69 of 70 areas, 665.480 / 668.050 = 99,62% of the inhabitants.
    One line in full: Hoogvliet = Hoogvliet-noord 12.725 x 291 + Hoogvliet-zuid 23.450 x 288
    = 3.702.975 + 6.753.600 = 10.456.575 over 12.725 + 23.450 = 36.175 inhabitants.
    """
    _, _, _, uit = echt
    r = _rij(uit, 2024, "woz")
    assert r["waarde"] == pytest.approx(223_673_743.5 / 665_480 * 1000)
    assert round(r["waarde"]) == 336_109
    assert r["gebieden"] == 69 and r["wijken_zonder"] == "strand-en-duin"
    assert r["pct_inwoners"] == pytest.approx(665_480 / 668_050 * 100)


def test_real_city_figures_exist_where_some_wijk_has_them(echt):
    cw, kern, _, uit = echt
    have = kern.groupby(["jaar", "variabele"]).size()
    for r in uit.itertuples():
        if (r.jaar, r.variabele) in have.index:
            assert not math.isnan(r.waarde), (r.jaar, r.variabele)  # counts are complete in this source
        else:
            assert math.isnan(r.waarde)  # "geen gegevens" only where no wijk has it


def test_police_per_1000_on_a_small_frame():
    _, gebied_van = _klein()
    pol = pd.DataFrame([("a", "Totaal misdrijven", 2022, 80), ("b", "Totaal misdrijven", 2022, 80),
                        ("c", "Totaal misdrijven", 2022, 120), ("a", "Totaal misdrijven", 2021, 70),
                        ("b", "Totaal misdrijven", 2021, 70), ("c", "Totaal misdrijven", 2021, 100)],
                       columns=["wijk_slug", "categorie", "jaar", "aantal"])
    inw = pd.DataFrame([("a", 2022, 1000), ("b", 2022, 1000), ("c", 2022, 3000)],
                       columns=["wijk_slug", "jaar", "waarde"])
    uit = stad.politie_per_1000(pol, inw, gebied_van, "b").set_index("jaar")
    # wijk b (= area a/b): 80 / 1.000 x 1.000 = 80
    assert uit.loc[2022, "per_1000"] == 80
    # city: (80 + 120) / (1.000 + 3.000) x 1.000 = 50 (area a/b once)
    assert uit.loc[2022, "rotterdam_per_1000"] == 50 and uit.loc[2022, "rotterdam_gebieden"] == 2
    # 2021: registrations but no inhabitants -> no rate, for the wijk nor the city
    assert math.isnan(uit.loc[2021, "per_1000"]) and math.isnan(uit.loc[2021, "rotterdam_per_1000"])
    with pytest.raises(ValueError, match="hoort niet bij"):
        stad.politie_per_1000(pol, inw, gebied_van, "d")


def test_police_per_1000_real(echt):
    """Carnisse 2024: 849 registered crimes / 11.620 inhabitants x 1.000 = 73,06. Rotterdam 2024: the registrations of
    all 70 areas (52.158) / 668.050 inhabitants x 1.000 = 78,07."""
    _, kern, gebied_van, _ = echt
    pol = raadzoeker.load_politie()
    inw = kern[kern["variabele"] == "inwoners"]
    uit = stad.politie_per_1000(pol, inw, gebied_van, "carnisse")
    r = uit[(uit["categorie"] == "Totaal misdrijven") & (uit["jaar"] == 2024)].iloc[0]
    assert round(r["per_1000"], 2) == 73.06
    uniek = pol.merge(gebied_van.rename("g"), left_on="wijk_slug", right_index=True).drop_duplicates(["g", "categorie", "jaar"])
    assert r["rotterdam_aantal"] == uniek[(uniek["categorie"] == "Totaal misdrijven") & (uniek["jaar"] == 2024)]["aantal"].sum()
    assert r["rotterdam_aantal"] == 52_158 and r["rotterdam_inwoners"] == 668_050
    assert round(r["rotterdam_per_1000"], 2) == 78.07
    assert list(dict.fromkeys(uit["categorie"]))[0] == "Totaal misdrijven" and uit["categorie"].nunique() == 10
    # Groot IJsselmonde-Noord and -Zuid: one area, one rate
    n = stad.politie_per_1000(pol, inw, gebied_van, "groot-ijsselmonde-noord")
    z = stad.politie_per_1000(pol, inw, gebied_van, "groot-ijsselmonde-zuid")
    pd.testing.assert_frame_equal(n, z)


def test_method_facts_and_coverage_notes(echt):
    """What the note under a table with a Rotterdam column names (the reports word it in their notebooks)."""
    cw, _, gebied_van, uit = echt
    namen = dict(zip(cw["wijk_slug"], cw["wijk_naam"], strict=True))
    m = stad.stadmethode(gebied_van, namen, ["Huurwoningen", "Gemiddelde WOZ-waarde woning"])
    assert m.wijken == 71
    assert m.gedeeld == ("Groot IJsselmonde-Noord en Groot IJsselmonde-Zuid",)  # one CBS buurt, counted once
    assert m.benaderd == ("huurwoningen", "gemiddelde WOZ-waarde woning")
    assert stad.stadmethode(gebied_van, namen).benaderd == ()
    assert stad.dekking_zin(_rij(uit, 2024, "woz"), namen, "Rotterdam") == (
        "berekend over 69 van de 70 wijken in de CBS-cijfers (99,6% van de inwoners)")
    assert stad.dekking_zin(_rij(uit, 2024, "inwoners"), namen, "Rotterdam") == ""
    kern, klein = _klein()
    r = _rij(stad.stad(kern, SOORTEN, klein), 2023, "bijstand")
    assert stad.dekking_zin(r, {"c": "Wijk C"}, "Schiedam") == "geen totaal voor Schiedam: het cijfer ontbreekt voor Wijk C"


def test_doctests_of_the_pure_modules():
    from wijkrapport.domain import wijkraden

    for module in (stad, wijkraden):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0, module.__name__
