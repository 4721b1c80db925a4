"""Generic programme reports: any programme from YAML + tidy CSV, each progress regime, and the wijkscan example."""

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, pdf_text, run_cli
from proefprogrammas import PROEF_CSV, PROEF_YML, programma_project
from wijkrapport import programma as pr
from wijkrapport.format import round_half_up
from wijkrapport.registry import load_programma
from wijkrapport.sources import programma as src


def test_wijkscan_data_is_derived_from_the_open_data_in_the_repo():
    script = ROOT / "data" / "programmas" / "wijkscan" / "bron" / "maak_waarden.py"
    spec = importlib.util.spec_from_file_location("maak_waarden", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "data" / "programmas" / "wijkscan" / "waarden.csv").read_text(encoding="utf-8")
    assert module.tekst() == committed, "rerun data/programmas/wijkscan/bron/maak_waarden.py"


def test_wijkscan_scores_against_fixed_and_relative_bounds():
    programma = load_programma("wijkscan")
    data = src.load(programma)
    grenzen = pr.grenzen(programma, data, 2024)
    assert grenzen.loc["fysieke_index", ["negatief", "positief"]].tolist() == [90.0, 110.0]
    ref = grenzen.loc["bijstand_per_1000", "referentie_waarde"]
    # lower is better: the negative bound lies 15% above the average of all scanned wijken, rounded like the figures
    assert grenzen.loc["bijstand_per_1000", "decimalen"] == 1
    assert grenzen.loc["bijstand_per_1000", "negatief"] == round_half_up(ref * 1.15, 1)
    assert grenzen.loc["bijstand_per_1000", "positief"] == round_half_up(ref * 0.85, 1)
    scores, waarden = pr.drempel_scores(programma, data, 2024)
    assert len(scores) == 25 and "Alle scanwijken" not in scores.index
    # Bloemhof: fysieke index 83 (< 90) scores negative; Katendrecht 117 (> 110) positive
    assert waarden.loc["Bloemhof", "fysieke_index"] == 83.0 and scores.loc["Bloemhof", "fysieke_index"] == "rood"
    assert scores.loc["Katendrecht", "fysieke_index"] == "groen"
    ids = list(waarden.columns)
    assert (scores["aantal_rood"] == (scores[ids] == "rood").sum(axis=1)).all()
    assert scores["aandachtsgebied"].tolist() == (scores["aantal_rood"] >= 3).tolist()
    assert scores["aantal_rood"].is_monotonic_decreasing


def _proef_project(tmp_path: Path, yml: str = PROEF_YML, csv: str = PROEF_CSV) -> Path:
    return programma_project(tmp_path, {"proef": (yml, csv)})


def test_each_regime_computed_for_a_programme_built_in_the_test(tmp_path, monkeypatch):
    root = _proef_project(tmp_path)
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(root))
    programma = load_programma("proef")
    data = src.load(programma)
    t = pr.overzicht(programma, data, 2024).set_index("indicator_id")
    # trajectory: (66 - 60) / (80 - 60) = 30% closed, 40% needed in 2024: doel 60 + 0.4 * 20 = 68 -> oranje
    assert t.loc["startkwalificatie", "pct_ingelopen"] == pytest.approx(30.0)
    assert t.loc["startkwalificatie", "doel"] == pytest.approx(68.0)
    assert t.loc["startkwalificatie", "status"] == "oranje"
    # ambition on 2024-07-01: 366 of the 1096 days from 5.5 to 4.0 -> 4.999, printed (and compared) as 5.0 with the
    # source's one decimal; measured 4.9 (lower is better) -> groen
    assert 5.5 - 1.5 * 366 / 1096 == pytest.approx(4.999, abs=1e-3)
    assert t.loc["voortijdig_schoolverlaters", "doel"] == 5.0 and t.loc["voortijdig_schoolverlaters", "decimalen"] == 1
    assert t.loc["voortijdig_schoolverlaters", "status"] == "groen"
    # thresholds: overlast A 35 > 30 rood, B neutral, C 15 < 20 groen; groen around Stad 40: bounds 36 and 44
    assert t.loc["overlast", ["aantal_rood", "aantal_neutraal", "aantal_groen"]].tolist() == [1, 1, 1]
    assert t.loc["groen_per_woning", ["aantal_rood", "aantal_neutraal", "aantal_groen"]].tolist() == [1, 1, 1]
    scores, _ = pr.drempel_scores(programma, data, 2024)
    assert scores.loc["Buurt A", "aantal_rood"] == 2 and bool(scores.loc["Buurt A", "aandachtsgebied"])
    assert t.loc["inwoners", "voortgang"] == "monitoring" and t.loc["inwoners", "status"] == ""


@pytest.mark.slow
def test_programme_report_renders_from_yaml_and_csv_alone(programmas_gebouwd):
    _project, gebouwd = programmas_gebouwd  # proef, built in one run with the programmes of test_programma_lezer.py
    html = (gebouwd / "programmas" / "proef.html").read_text(encoding="utf-8")
    for tekst in ("Proefprogramma Oost 2024", "Tafel Onderwijs", "Tafel Leefbaarheid", "Scores per gebied",
                  "Goede richting", "Doel gehaald", "68,0%", "30,0%", "Buurt A", "Aandachtsgebied", "een daling",
                  "Bron: Proefbron onderwijs", "12.345"):
        assert tekst in html, tekst
    assert "nprz" not in html.lower() and "Zuid" not in html
    jaren = re.findall(r'<th scope="row">(\d{4}[^<]*)</th>', html)  # the year column of each chart's figures
    assert jaren and all(re.fullmatch(r"\d{4}", j) for j in jaren), jaren  # "2022", never "2022.0"
    pdf = pdf_text(gebouwd / "programmas" / "proef.pdf")
    assert "Tafel Leefbaarheid" in pdf and "Scores per gebied" in pdf
    tabellen = gebouwd / "data" / "programmas" / "proef"
    scores = pd.read_csv(tabellen / "scores_per_gebied.csv")
    assert scores.set_index("gebied").loc["Buurt A", "aantal_rood"] == 2
    status = pd.read_csv(tabellen / "status_per_hoofdstuk.csv").set_index("pijler")
    assert status.loc["onderwijs", ["groen", "oranje"]].tolist() == [1, 1]


@pytest.mark.parametrize(
    ("vervang", "door", "sleutel", "verwacht"),
    [
        ("drempels: {negatief: 30, positief: 20}", "drempels: {negatief: 30, referentie: Stad}", "indicatoren.2.drempels",
         "negatief en positief"),
        ("- {naam: na 15 jaar, datum: 2037-07-01, richting: daling}",
         "- {naam: na 15 jaar, datum: 2037-07-01, richting: daling, waarde: 3.0}",
         "indicatoren.1.ambitie.horizonten.2", "niet allebei"),
        ("richting: daling", "richting: stijging", "indicatoren.1", "verwacht daling"),
        ("drempels: {referentie: Stad, marge_pct: 10}", "drempels: {referentie: Dorp, marge_pct: 10}",
         "indicatoren.3.drempels.referentie", "onbekend gebied 'Dorp'"),
        ("regime: lineair", "regime: kwadratisch", "indicatoren.0.regime", "onbekend regime"),
        ("data: programmas/proef/waarden.csv", "data: ../../etc/passwd.csv", "data", "binnen data/"),
    ],
)
def test_invalid_programme_names_file_and_key_path(tmp_path, vervang, door, sleutel, verwacht):
    assert vervang in PROEF_YML
    root = _proef_project(tmp_path, yml=PROEF_YML.replace(vervang, door))
    result = run_cli("--year", "2024", env={"WIJKRAPPORT_ROOT": str(root)}, timeout=120)
    assert result.returncode == 2, result.stderr + result.stdout
    assert "params/programmas/proef.yml" in result.stderr
    assert sleutel in result.stderr and verwacht in result.stderr, result.stderr


def test_bad_programme_data_names_row_and_field(tmp_path):
    csv = PROEF_CSV.replace("overlast,Buurt B,2024,25.0", 'overlast,Buurt B,2024,"25,0"').replace(
        "inwoners,Oost,2024,12345", "inwonertal,Oost,2024,12345\nstartkwalificatie,Oost,2020,61.0")
    root = _proef_project(tmp_path, csv=csv)
    result = run_cli("--year", "2024", env={"WIJKRAPPORT_ROOT": str(root)}, timeout=120)
    assert result.returncode == 3, result.stderr + result.stdout
    err = result.stderr
    assert "data/programmas/proef/waarden.csv" in err
    assert "onbekende indicator" in err and "inwonertal" in err
    assert "dubbele rij" in err
    assert "rij 9, veld 'waarde'" in err and "25,0" in err
