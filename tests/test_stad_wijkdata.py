"""The Rotterdam column and the police comparison of the wijk reports, checked against sums worked out here from the
CSV files with the csv module (independent of pandas and of ``stad``), and the Wijkprofiel sub-indices."""

import csv
from pathlib import Path

import pytest
from wijkrapport.domain import wijkdata, wijkteksten

MAP = Path(__file__).resolve().parents[1] / "data" / "wijken" / "rotterdam-raadzoeker-71-wijken"
GEDEELD = {"groot-ijsselmonde-zuid"}  # shares its CBS buurt with groot-ijsselmonde-noord: counted once


def _rows(name):
    with (MAP / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cbs(var, jaar):
    return {r["wijk_slug"]: float(r["waarde"]) for r in _rows("cbs_kerncijfers.csv")
            if r["variabele"] == var and r["jaar"] == str(jaar) and r["wijk_slug"] not in GEDEELD}


def test_rotterdam_inhabitants_are_the_sum_of_all_wijken_counting_a_shared_buurt_once():
    inw = _cbs("inw", 2024)
    assert len(inw) == 70
    kern = wijkdata.kerncijfers("carnisse", 2024).set_index("variabele")
    assert kern.at["inwoners", "rotterdam"] == sum(inw.values()) == 668050
    assert kern.at["inwoners", "rotterdam_bron"] == "wijken"


def test_rotterdam_share_is_weighted_by_inhabitants_of_the_same_year():
    inw, jong = _cbs("inw", 2024), _cbs("jong", 2024)
    verwacht = sum(jong[w] * inw[w] for w in jong) / sum(inw[w] for w in jong)
    kern = wijkdata.kerncijfers("carnisse", 2024).set_index("variabele")
    assert kern.at["pct_0_15", "rotterdam"] == pytest.approx(verwacht, abs=1e-9)
    assert kern.at["pct_0_15", "wijk"] == 15 and kern.at["pct_0_15", "rotterdam_dekking"] == ""


def test_rotterdam_average_over_fewer_wijken_says_so():
    """Income 2023 lacks for some small wijken: the average is over those that have it, and the note says how many."""
    inw, ink = _cbs("inw", 2023), _cbs("ink", 2023)
    assert len(ink) < len(inw)
    verwacht = sum(ink[w] * 1000 * inw[w] for w in ink) / sum(inw[w] for w in ink)
    kern = wijkdata.kerncijfers("carnisse", 2024).set_index("variabele")
    assert kern.at["inkomen_per_inwoner", "jaar"] == 2023
    assert kern.at["inkomen_per_inwoner", "rotterdam"] == pytest.approx(verwacht)
    verwacht_begin = f"berekend over {len(ink)} van de 70 wijken in de CBS-cijfers"
    assert kern.at["inkomen_per_inwoner", "rotterdam_dekking"].startswith(verwacht_begin)
    methode = wijkdata.kerncijfers_methode(wijkdata.kerncijfers("carnisse", 2024))
    assert methode.wijken == 71 and methode.gedeeld == ("Groot IJsselmonde-Noord en Groot IJsselmonde-Zuid",)


def test_police_per_1000_against_rotterdam_per_category():
    inw = _cbs("inw", 2024)
    pol = {(r["wijk_slug"], r["categorie"]): int(r["aantal"]) for r in _rows("politie_misdrijven.csv")
           if r["jaar"] == "2024" and r["wijk_slug"] not in GEDEELD}
    cat = wijkdata.politie_categorieen("carnisse", 2024).set_index("categorie")
    assert list(cat.index)[0] == "Totaal misdrijven"
    for categorie in ("Totaal misdrijven", "Woninginbraak", "Fietsdiefstal"):
        stad = sum(pol[(w, categorie)] for w in inw) / sum(inw.values()) * 1000
        assert cat.at[categorie, "rotterdam_per_1000"] == pytest.approx(stad)
        assert cat.at[categorie, "per_1000"] == pytest.approx(pol[("carnisse", categorie)] / 11620 * 1000)
    crim = wijkdata.criminaliteit("carnisse", 2024).set_index("jaar")
    assert crim.at[2024, "rotterdam_misdrijven_per_1000"] == pytest.approx(cat.at["Totaal misdrijven", "rotterdam_per_1000"])


def test_wijkprofiel_detail_of_the_latest_edition_up_to_the_report_year():
    laatste = max(int(r["editie"]) for r in _rows("wijkprofiel_detail.csv"))
    editie, detail, met = wijkdata.wijkprofiel_detail("carnisse", laatste)
    assert editie == laatste and met == [laatste]
    wonen = detail[detail["onderdeel"] == "Wonen"].iloc[0]
    assert (wonen["subjectief"], wonen["objectief"], wonen["verschil"]) == (23, 75, -52)
    scherp = wijkteksten.sterke_verschillen(detail)
    assert "Wonen" in list(scherp["onderdeel"]) and wijkteksten.minder_meer(-52) == "minder"
    assert "Inbraak" not in list(scherp["onderdeel"])  # 129 against 127: no sharp difference
    # an earlier report year: the edition of that year has no detail in the data, which the report says
    editie, detail, met = wijkdata.wijkprofiel_detail("carnisse", laatste - 2)
    assert editie == laatste - 2 and detail.empty and met == [laatste]
