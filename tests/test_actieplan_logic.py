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
    assert (o.soort, o.geval) == ("tegenstrijdig", "tegenstrijdig")
    assert [u.naam for u in o.uitkomsten] == ["Woningvoorraad", "Veiligheidsindex"]  # the worse ones are named
    assert o.uitkomsten[0].velden() == {"naam": "Woningvoorraad", "van": "9.000", "jaar_van": 2022, "naar": "8.800",
                                        "jaar_naar": 2024}


def test_all_green_and_outcomes_improve_is_consistent():
    o = consistentie(["groen"] * 5, beter_wonen())
    assert (o.soort, o.geval) == ("in lijn", "in lijn")
    assert len(o.uitkomsten) == 2


def test_not_assessed_actions_are_their_own_state():
    o = consistentie(["wit"] * 34, slechter_wonen())
    assert (o.soort, o.geval) == ("niet beoordeeld", "niet beoordeeld, slechter")
    assert consistentie(["wit"] * 3, beter_wonen()).geval == "niet beoordeeld"


def test_mostly_off_track_is_mixed_with_or_without_worse_outcomes():
    assert consistentie(["rood", "oranje", "groen"], slechter_wonen()).geval == "gemengd, slechter"
    assert consistentie(["rood", "oranje", "groen"], beter_wonen()).geval == "gemengd"


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
