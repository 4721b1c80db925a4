"""The word choices of the voortgangsrapportage: which template a case gets and what fills it.

The templates here are the test's own: the notebooks' wording may change, the choice and the figures may not.
"""

import pandas as pd
import pytest
from wijkrapport.errors import SjabloonFout
from wijkrapport.rapporten.voortgangsrapportage import teksten
from wijkrapport.rapporten.voortgangsrapportage.context import Voortgangscontext
from wijkrapport.taal import vul

ZINNEN = {
    "verloop": "VERLOOP {doelgebied} {start} -> {nu}.",
    "ingelopen": "INGELOPEN {pct_ingelopen} t.o.v. {referentie} ({referentie_nu}).",
    "groen": "GROEN {jaar} {doel}.",
    "oranje": "ORANJE {jaar} {doel}.",
    "rood": "ROOD {jaar} {doel}.",
    "al_voorbij_gebleven": "GEBLEVEN {boven_onder} {referentie}.",
    "al_voorbij_niet_meer": "NIET_MEER {boven_onder} {referentie}.",
    "geen_doel": "GEEN_DOEL {jaar}.",
    "ontbreekt": "ONTBREEKT ({ontbreekt}).",
    "ontbreekt_start": "{doelgebied} start",
    "ontbreekt_nu": "{doelgebied} nu",
}


def _vul(sjabloon, **w):
    return vul(sjabloon, **{"jaar": 2024, "doelgebied": "Zuid", **w})


def _rij(**kw):
    basis = {"eenheid": "pct", "soort": "doel", "status": "groen", "zuid_start": 48.0, "zuid_huidig": 58.1,
             "startjaar": "2011", "peildatum": "2023", "referentie_huidig": 70.8, "pct_ingelopen": 44.3,
             "doel_jaar": 58.8, "aandeel": 47.5, "polariteit": "hoger", "start_voorbij_referentie": False}
    return pd.Series({**basis, **kw})


def _zin(row):
    return teksten.indicator_zin(row, ZINNEN, _vul, "de G4", "zuid")


@pytest.mark.parametrize("status", ["groen", "oranje", "rood"])
def test_the_status_picks_its_sentence_after_the_course_and_the_share(status):
    zin = _zin(_rij(status=status))
    assert zin == (f"VERLOOP Zuid 48,0% (2011) -> 58,1% (2023). INGELOPEN 44,3% t.o.v. de G4 (70,8%). "
                   f"{status.upper()} 2024 58,8%.")


def test_a_period_is_left_out_when_the_row_names_none():
    assert _zin(_rij(startjaar="", peildatum="")).startswith("VERLOOP Zuid 48,0% -> 58,1%.")


@pytest.mark.parametrize("status, polariteit, verwacht", [
    ("groen", "hoger", "GEBLEVEN boven de G4."), ("rood", "lager", "NIET_MEER onder de G4."),
])
def test_a_start_past_the_reference_says_whether_it_stayed_there(status, polariteit, verwacht):
    zin = _zin(_rij(status=status, polariteit=polariteit, start_voorbij_referentie=True))
    assert zin.endswith(verwacht) and "INGELOPEN" not in zin


def test_grey_names_what_is_missing_or_the_missing_target():
    assert _zin(_rij(status="grijs", zuid_start=float("nan"), referentie_huidig=None)) == \
        "ONTBREEKT (Zuid start, de G4)."
    assert _zin(_rij(status="grijs", aandeel=float("nan"))) == "GEEN_DOEL 2024."


def test_an_unknown_field_in_a_notebook_template_stops_the_run():
    with pytest.raises(SjabloonFout, match="doelgbied"):
        teksten.indicator_zin(_rij(), {**ZINNEN, "verloop": "{doelgbied} ging"}, _vul, "de G4", "zuid")


def test_chart_alt_follows_the_areas_and_names_both_targets():
    alt = {"verloop": "{gebied} van {start} naar {nu}", "stand": "{gebied} op {nu}", "doel": "doel {jaar}: {doel}",
           "doel_eind": "doel {jaar}: {doel}, eind {eindjaar}: {doel_eind}"}
    row = _rij(g4_start=float("nan"), g4_huidig=70.8, rotterdam_huidig=None, doel_eind=70.8, eindjaar=2031)
    tekst = teksten.grafiek_alt(row, {"zuid": "Zuid", "g4": "G4", "rotterdam": "Rotterdam"}, alt, _vul)
    assert tekst == "Zuid van 48,0% naar 58,1%; G4 op 70,8%. doel 2024: 58,8%, eind 2031: 70,8%."
    zonder_doel = teksten.grafiek_alt(_rij(doel_jaar=None), {"zuid": "Zuid"}, alt, _vul)
    assert zonder_doel == "Zuid van 48,0% naar 58,1%."


def test_status_summary_counts_in_singular_and_plural_and_says_when_there_is_nothing():
    telling = pd.DataFrame({"groen": [1, 3, 0], "oranje": [0, 2, 0], "rood": [0, 0, 0], "grijs": [0, 1, 0],
                            "totaal": [1, 6, 0]}, index=["a", "b", "c"])
    zinnen = {"wel": "{pijler}: {indicatoren} — {statussen}.", "geen": "{pijler}: niets voor {doelgebied}."}
    assert teksten.status_samenvatting(telling, {"a": "A", "b": "B", "c": "C"}, zinnen, _vul) == [
        "A: 1 indicator — 1 doel gehaald.",
        "B: 6 indicatoren — 3 doel gehaald, 2 goede richting, doel nog niet gehaald, 1 niet te bepalen.",
        "C: niets voor Zuid.",
    ]


def test_context_fields_come_from_the_programme_file():
    vc = Voortgangscontext(jaar=2024, programma="nprz")
    v = vc.velden
    assert (v["doelgebied"], v["gemeente"], v["afkorting"], v["referenties"]) == ("Zuid", "Rotterdam", "NPRZ",
                                                                                 "de G4 of Rotterdam")
    assert v["programma_voluit"] == f"{vc.register.titel} (NPRZ)" and v["eindjaar"] == 2031
    assert (v["hoofdstukwoord"], v["Hoofdstukwoord"], v["vorig_jaar"]) == ("pijler", "Pijler", 2023)
    assert vc.vul("{Hoofdstukwoord} {pijler} in {jaar}", pijler="Werk") == "Pijler Werk in 2024"
    assert vc.register is vc.register and vc.doelstelling is vc.doelstelling  # looked up once
