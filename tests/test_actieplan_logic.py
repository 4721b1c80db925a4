"""The honesty check of a wijkactieplan, with constructed cases both ways."""

import pandas as pd
from wijkrapport.domain.actieplan import Uitkomst, consistentie, laatste_verandering, status_telling


def slechter_wonen():
    return [Uitkomst("Woningvoorraad", 9000, 8800, 2022, 2024, "hoger"),
            Uitkomst("Veiligheidsindex", 90, 84, 2022, 2024, "hoger", "index")]


def beter_wonen():
    return [Uitkomst("Woningvoorraad", 8800, 9000, 2022, 2024, "hoger"),
            Uitkomst("Misdrijven per 1.000", 80, 70, 2023, 2024, "lager", "per1000")]


def test_all_green_while_outcomes_worsen_is_said_plainly():
    o = consistentie(["groen"] * 8 + ["oranje"], slechter_wonen())
    assert o.soort == "tegenstrijdig"
    assert o.zin.startswith("De acties lopen volgens plan, maar")
    assert "Woningvoorraad: van 9.000 (2022) naar 8.800 (2024)" in o.zin


def test_all_green_and_outcomes_improve_is_consistent():
    o = consistentie(["groen"] * 5, beter_wonen())
    assert o.soort == "in lijn"
    assert "maar" not in o.zin


def test_not_assessed_actions_are_their_own_state():
    o = consistentie(["wit"] * 34, slechter_wonen())
    assert o.soort == "niet beoordeeld"
    assert "nog niet beoordeeld" in o.zin and "slechter" in o.zin


def test_lower_is_better_polarity():
    assert Uitkomst("Misdrijven", 80, 70, 2023, 2024, "lager").richting == "beter"
    assert Uitkomst("Misdrijven", 70, 80, 2023, 2024, "lager").richting == "slechter"
    assert Uitkomst("Inwoners", 70, 80, 2023, 2024, None).richting == "onbekend"


def test_without_outcomes():
    assert consistentie(["groen"], []).soort == "geen uitkomsten"


def test_status_counts_and_last_change():
    acties = pd.DataFrame({"doel_nummer": ["1", "1", "2"], "status": ["wit", "groen", "wit"]})
    total = status_telling(acties)
    assert total.loc["count", "wit"] == 2 and total.loc["count", "totaal"] == 3
    per = status_telling(acties, "doel_nummer")
    assert per.loc["1", "groen"] == 1 and per.loc["2", "rood"] == 0
    assert laatste_verandering(pd.Series({2022: 1.0, 2023: None, 2024: 3.0})) == (2022, 1.0, 2024, 3.0)
