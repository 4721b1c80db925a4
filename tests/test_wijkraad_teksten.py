"""The word choices and template mechanism of the wijkraad edition (rapporten/wijkraad/teksten.py) and its context.

The sentences themselves are templates in notebooks/wijkraad.ipynb; these tests use templates of their own that name
the case and fields, so they check which case is chosen and which values it gets, not the notebook's wording.
"""

from __future__ import annotations

import pandas as pd
import pytest
from wijkrapport.domain.stad import Stadmethode
from wijkrapport.errors import SjabloonFout
from wijkrapport.rapporten.wijkraad import teksten, views


def test_singular_for_exactly_one_plural_for_none_and_more():
    assert [teksten.aantal(n, "toezegging", "toezeggingen") for n in (0, 1, 2)] == [
        "0 toezeggingen", "1 toezegging", "2 toezeggingen"]
    assert [teksten.woord(n, "staat", "staan") for n in (0, 1, 9)] == ["staan", "staat", "staan"]


def test_more_or_less_follows_the_sign_and_refuses_no_difference():
    assert teksten.meer_minder(31.0) == "meer" and teksten.meer_minder(-52.0) == "minder"
    for geen in (0.0, float("nan")):
        with pytest.raises(ValueError):
            teksten.meer_minder(geen)


def test_names_inside_and_at_the_start_of_a_sentence():
    assert teksten.kleine_letter("Wijkraad Carnisse-Zuidplein-Zuiderpark") == "wijkraad Carnisse-Zuidplein-Zuiderpark"
    assert teksten.hoofdletter("stukken") == "Stukken"
    assert teksten.kleine_letter("") == "" and teksten.hoofdletter("") == ""


def test_a_missing_case_or_an_unknown_field_stops_the_run_with_what_is_there():
    with pytest.raises(SjabloonFout, match="'meer'.*'een'"):
        teksten.kies({"een": "x"}, "meer", "inwoners")
    with pytest.raises(SjabloonFout, match="geen dict"):
        teksten.kies("één zin", "wel", "zin")
    with pytest.raises(SjabloonFout, match=r"\{wijk\}"):
        teksten.vul_zin("In {wjik} wonen mensen.", wijk="Carnisse")


def test_an_empty_field_leaves_no_double_space():
    assert teksten.vul_zin("{a} {b} {c}", a="Eén.", b="", c="Twee.") == "Eén. Twee."


def test_much_more_frequent_needs_both_the_factor_and_enough_registrations():
    tabel = pd.DataFrame({"categorie": ["Woninginbraak", "Fietsdiefstal", "Straatroof", "Drugshandel"],
                          "verhouding": [2.1, 1.5, 3.0, 1.49], "aantal": [12, 5, 4, 40]})
    # 1,5 times counts (the boundary is included); 4 registrations is too few; 1,49 times is not enough
    assert teksten.veel_vaker(tabel) == ["woninginbraak", "fietsdiefstal"]
    assert teksten.veel_vaker(tabel, factor=3.0, minimum=1) == ["straatroof"]


def test_experience_and_registrations_largest_difference_first_from_the_threshold():
    detail = pd.DataFrame({"onderdeel": ["Wonen", "Inbraak", "Overlast", "Leefbaarheid"],
                           "subjectief": [23.0, 129.0, 80.0, None], "objectief": [75.0, 97.0, 100.0, 60.0]})
    detail["verschil"] = detail["subjectief"] - detail["objectief"]
    gekozen = teksten.beleving_verschillen(detail)
    assert list(gekozen["onderdeel"]) == ["Wonen", "Inbraak"]  # -52 before +32; -20 is below 30; no figure: none
    assert [teksten.meer_minder(v) for v in gekozen["verschil"]] == ["minder", "meer"]
    assert teksten.beleving_verschillen(detail.iloc[0:0]).empty


def test_city_sentence_names_each_group_of_wijken_that_share_their_figures():
    sjablonen = {"stad": "[stad {aantal}] {gedeeld}", "gedeeld": "[samen {wijken}]"}
    m = Stadmethode(wijken=71, gedeeld=("A-Noord en A-Zuid", "B, C en D"))
    assert teksten.stad_zin(m, sjablonen) == "[stad 71] [samen A-Noord en A-Zuid] [samen B, C en D]"
    assert teksten.stad_zin(Stadmethode(3), sjablonen) == "[stad 3]"


def test_context_reads_the_wijken_parameter_once():
    wr = views.Wijkraadcontext(jaar=2024, wijkraad="wijkraad-x", naam="Wijkraad X", wijken=" carnisse; ;zuidplein ")
    assert wr.wijken == ("carnisse", "zuidplein") and wr.raad == "wijkraad X" and wr.tabellen_dir is None
    assert views.Wijkraadcontext(jaar=2024, wijkraad="w", naam="W", wijken=("carnisse",)).wijken == ("carnisse",)
    with pytest.raises(ValueError, match="wijkraad-leeg"):
        views.Wijkraadcontext(jaar=2024, wijkraad="wijkraad-leeg", naam="Leeg", wijken=" ; ")


def test_context_looks_up_names_and_gebieden_of_its_wijken():
    wr = views.Wijkraadcontext(jaar=2024, wijkraad="wijkraad-carnisse-zuidplein-zuiderpark",
                               naam="Wijkraad Carnisse-Zuidplein-Zuiderpark", wijken="carnisse;zuiderpark-en-zuidrand;zuidplein")
    assert wr.namen == ("Carnisse", "Zuiderpark en Zuidrand", "Zuidplein") and wr.gebieden == ("Charlois",)
    assert set(wr.bronnen()) == {"cbs", "wijkprofiel", "politie", "wijkraden", "stand"}
