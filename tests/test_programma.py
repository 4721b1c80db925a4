"""Generic programme reports: any programme from YAML + tidy CSV, each progress regime, and the wijkscan example."""

import importlib.util
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, make_project, pdf_text, run_cli
from wijkrapport import programma as pr
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
    # lower is better: the negative bound lies 15% above the average of all scanned wijken
    assert grenzen.loc["bijstand_per_1000", "negatief"] == pytest.approx(ref * 1.15)
    assert grenzen.loc["bijstand_per_1000", "positief"] == pytest.approx(ref * 0.85)
    scores, waarden = pr.drempel_scores(programma, data, 2024)
    assert len(scores) == 25 and "Alle scanwijken" not in scores.index
    # Bloemhof: fysieke index 83 (< 90) scores negative; Katendrecht 117 (> 110) positive
    assert waarden.loc["Bloemhof", "fysieke_index"] == 83.0 and scores.loc["Bloemhof", "fysieke_index"] == "rood"
    assert scores.loc["Katendrecht", "fysieke_index"] == "groen"
    ids = list(waarden.columns)
    assert (scores["aantal_rood"] == (scores[ids] == "rood").sum(axis=1)).all()
    assert scores["aandachtsgebied"].tolist() == (scores["aantal_rood"] >= 3).tolist()
    assert scores["aantal_rood"].is_monotonic_decreasing


PROEF_YML = """naam: proef
titel: Proefprogramma Oost
gemeente: Voorbeeldstad
hoofdstukwoord: tafel
doelgebied: Oost
gebiedsoort: buurt
vergelijkingsgebieden: [Stad]
data: programmas/proef/waarden.csv
peildatum: 2024-07-01
aandachtsgebied_vanaf: 2
pijlers:
  - {id: onderwijs, label: Onderwijs}
  - {id: leefbaarheid, label: Leefbaarheid}
regimes:
  lineair:
    omschrijving: "Van 0% in 2020 naar 100% in 2030"
    aandeel: {2020: 0.0, 2024: 40.0, 2030: 100.0}
indicatoren:
  - id: startkwalificatie
    label: Jongeren met een startkwalificatie
    pijler: onderwijs
    eenheid: pct
    polariteit: hoger
    referentie: Stad
    startjaar: 2020
    regime: lineair
    bron: Proefbron onderwijs
  - id: voortijdig_schoolverlaters
    label: Voortijdig schoolverlaters
    pijler: onderwijs
    eenheid: pct
    polariteit: lager
    ambitie:
      nulmeting: {datum: 2022-07-01, waarde: 6.0}
      horizonten:
        - {naam: na 1 jaar, datum: 2023-07-01, waarde: 5.5}
        - {naam: na 4 jaar, datum: 2026-07-01, waarde: 4.0}
        - {naam: na 15 jaar, datum: 2037-07-01, richting: daling}
    bron: Proefbron onderwijs
  - id: overlast
    label: Ervaren overlast
    pijler: leefbaarheid
    eenheid: pct
    polariteit: lager
    drempels: {negatief: 30, positief: 20}
    bron: Proefbron leefbaarheid
  - id: groen_per_woning
    label: Groen per woning
    pijler: leefbaarheid
    eenheid: m2
    polariteit: hoger
    drempels: {referentie: Stad, marge_pct: 10}
    bron: Proefbron leefbaarheid
  - id: inwoners
    label: Inwoners
    pijler: leefbaarheid
    soort: demografie
    eenheid: aantal
    bron: Proefbron bevolking
"""

PROEF_CSV = """indicator,gebied,periode,waarde
startkwalificatie,Oost,2020,60.0
startkwalificatie,Oost,2024,66.0
startkwalificatie,Stad,2020,75.0
startkwalificatie,Stad,2024,80.0
voortijdig_schoolverlaters,Oost,2023,5.8
voortijdig_schoolverlaters,Oost,2024,4.9
overlast,Buurt A,2024,35.0
overlast,Buurt B,2024,25.0
overlast,Buurt C,2024,15.0
groen_per_woning,Stad,2024,40.0
groen_per_woning,Buurt A,2024,30.0
groen_per_woning,Buurt B,2024,42.0
groen_per_woning,Buurt C,2024,50.0
inwoners,Oost,2024,12345
"""


def _proef_project(tmp_path: Path, yml: str = PROEF_YML, csv: str = PROEF_CSV) -> Path:
    root = make_project(tmp_path)
    year = root / "params" / "2024"
    shutil.rmtree(year)
    year.mkdir()
    (year / "programmas.yml").write_text("jaar: 2024\nprogrammas:\n  - naam: proef\n", encoding="utf-8")
    (root / "params" / "programmas" / "proef.yml").write_text(yml, encoding="utf-8")
    folder = root / "data" / "programmas" / "proef"
    folder.mkdir(parents=True)
    (folder / "waarden.csv").write_text(csv, encoding="utf-8")
    return root


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
    # ambition on 2024-07-01: 366 of the 1096 days from 5.5 to 4.0 -> 5.0; measured 4.9 (lower is better) -> groen
    assert t.loc["voortijdig_schoolverlaters", "doel"] == pytest.approx(5.5 - 1.5 * 366 / 1096)
    assert t.loc["voortijdig_schoolverlaters", "status"] == "groen"
    # thresholds: overlast A 35 > 30 rood, B neutral, C 15 < 20 groen; groen around Stad 40: bounds 36 and 44
    assert t.loc["overlast", ["aantal_rood", "aantal_neutraal", "aantal_groen"]].tolist() == [1, 1, 1]
    assert t.loc["groen_per_woning", ["aantal_rood", "aantal_neutraal", "aantal_groen"]].tolist() == [1, 1, 1]
    scores, _ = pr.drempel_scores(programma, data, 2024)
    assert scores.loc["Buurt A", "aantal_rood"] == 2 and bool(scores.loc["Buurt A", "aandachtsgebied"])
    assert t.loc["inwoners", "voortgang"] == "monitoring" and t.loc["inwoners", "status"] == ""


@pytest.mark.slow
def test_programme_report_renders_from_yaml_and_csv_alone(tmp_path):
    root = _proef_project(tmp_path)
    out = tmp_path / "out"
    result = run_cli("--year", "2024", "--jobs", "2", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(root)})
    assert result.returncode == 0, result.stderr + result.stdout
    html = (out / "2024" / "programmas" / "proef.html").read_text(encoding="utf-8")
    for tekst in ("Proefprogramma Oost 2024", "Tafel Onderwijs", "Tafel Leefbaarheid", "Scores per gebied",
                  "Goede richting", "Doel gehaald", "68,0%", "30,0%", "Buurt A", "Aandachtsgebied", "een daling",
                  "Bron: Proefbron onderwijs", "12.345"):
        assert tekst in html, tekst
    assert "nprz" not in html.lower() and "Zuid" not in html
    jaren = re.findall(r'<th scope="row">(\d{4}[^<]*)</th>', html)  # the year column of each chart's figures
    assert jaren and all(re.fullmatch(r"\d{4}", j) for j in jaren), jaren  # "2022", never "2022.0"
    pdf = pdf_text(out / "2024" / "programmas" / "proef.pdf")
    assert "Tafel Leefbaarheid" in pdf and "Scores per gebied" in pdf
    tabellen = out / "2024" / "data" / "programmas" / "proef"
    scores = pd.read_csv(tabellen / "scores_per_gebied.csv")
    assert scores.set_index("gebied").loc["Buurt A", "aantal_rood"] == 2
    status = pd.read_csv(tabellen / "status_per_hoofdstuk.csv").set_index("pijler")
    assert status.loc["onderwijs", ["groen", "oranje"]].tolist() == [1, 1]


@pytest.mark.parametrize(
    ("vervang", "door", "sleutel", "verwacht"),
    [
        ("drempels: {negatief: 30, positief: 20}", "drempels: {negatief: 30, referentie: Stad}", "indicatoren.2.drempels",
         "negatief en positief"),
        ("- {naam: na 15 jaar, datum: 2037-07-01, richting: daling}", "- {naam: na 15 jaar, datum: 2037-07-01}",
         "indicatoren.1.ambitie.horizonten.2", "waarde of een richting"),
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
