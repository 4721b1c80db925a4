"""A programme's own areas reach its voortgangsrapportage: headings, short names, colours and its yearly records.

Another programme than the NPRZ (here "Noord" measured against "Amsterdam" and "Nederland") is a YAML file plus
CSVs: nothing in lib names the NPRZ's areas or its file names.
"""

import copy

import pandas as pd
import pytest
import yaml
from wijkrapport.errors import ConfigError, DataValidationError
from wijkrapport.rapporten.voortgangsrapportage.views import effect_kolommen, export_kolommen, kortenaam
from wijkrapport.rendering.charts import PALET, gebiedkleuren
from wijkrapport.sources import jaarbestanden
from wijkrapport.sources.registry import load_programma, load_programma_file

NOORD = {
    "naam": "noord",
    "titel": "Programma Noord",
    "gemeente": "Amsterdam",
    "doelgebied": "Noord",
    "vergelijkingsgebieden": ["Amsterdam", "Nederland"],
    "kortenamen": {"Amsterdam": "Adam"},
    "kleuren": {"Nederland": "#123456"},
    "pijlers": [{"id": "werk", "label": "Werk"}],
    "regimes": {"lineair": {"aandeel": {2022: 0.0, 2030: 100.0}}},
    "indicatoren": [
        {"id": "a", "label": "A", "pijler": "werk", "soort": "doel", "eenheid": "pct", "polariteit": "hoger",
         "referentie": "Amsterdam", "startjaar": 2022, "regime": "lineair"},
    ],
    "onderdelen": {
        "schoolverzuim": {"soort": "aandelen", "bestand": "schoolverzuim.csv", "pijler": "werk", "gebied": "Noord",
                          "totaal": "Amsterdam", "periode": "schooljaar"},
        "kerncijfers": {"soort": "algemene_indicatoren", "bestand": "kerncijfers.csv",
                        "gebieden": ["Noord", "Amsterdam"]},
    },
}


def _laad(tmp_path, data=NOORD):
    pad = tmp_path / "noord.yml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_programma_file(pad)


def test_the_effect_table_is_headed_with_the_programmes_doelgebied_and_short_names(tmp_path):
    p = _laad(tmp_path)
    koppen = {k.naam: k.kop for k in effect_kolommen(p, 2024, 2030, gedrukt=False)}
    assert koppen["noord_start"] == "Noord start" and koppen["noord_huidig"] == "Noord nu"
    assert not any("zuid" in naam for naam in koppen)
    assert [kortenaam(p, r) for r in ("Amsterdam", "Nederland", "vast", None, "")] == ["Adam", "Nederland", "vast",
                                                                                     "–", "–"]
    kolommen = export_kolommen(p)
    assert kolommen[kolommen.index("startjaar") + 1:kolommen.index("referentie_huidig")] == [
        "amsterdam_start", "amsterdam_huidig", "nederland_start", "nederland_huidig", "noord_start", "noord_huidig"]


def test_the_nprz_keeps_its_printed_headings():
    p = load_programma("nprz")
    koppen = [k.kop for k in effect_kolommen(p, 2024, 2031, gedrukt=True)]
    assert koppen[3:5] == ["Zuid start", "Zuid nu"] and "% gedrukt" in koppen
    assert kortenaam(p, "Rotterdam") == "Rdam" and kortenaam(p, "G4") == "G4"


def test_area_colours_come_from_the_programme_file_and_else_from_the_palette(tmp_path):
    kleuren = gebiedkleuren(_laad(tmp_path))
    assert kleuren["Nederland"] == "#123456"
    assert kleuren["Noord"] == PALET[0] and kleuren["Amsterdam"] == PALET[1]
    zonder = copy.deepcopy(NOORD)
    zonder["kleuren"] = {"Noord": PALET[1]}  # a colour taken by hand is not handed out again
    kleuren = gebiedkleuren(_laad(tmp_path, zonder))
    assert kleuren["Noord"] == PALET[1] and PALET[1] not in (kleuren["Amsterdam"], kleuren["Nederland"])
    assert len(set(kleuren.values())) == 3


@pytest.mark.parametrize("sleutel, waarde, veld", [
    ("kleuren", {"Zuid": "#00689e"}, "kleuren.Zuid"),  # an area the programme does not name
    ("kleuren", {"Noord": "#00689"}, "kleuren.Noord"),  # not #rrggbb
    ("kleuren", {"Noord": "=HYPERLINK(1)"}, "kleuren.Noord"),
    ("kortenamen", {"Rotterdam": "Rdam"}, "kortenamen.Rotterdam"),
    ("zinsnamen", {"Nederlandd": "heel Nederland"}, "zinsnamen.Nederlandd"),  # a typo printed the raw name
])
def test_a_bad_area_key_or_colour_is_named(tmp_path, sleutel, waarde, veld):
    data = copy.deepcopy(NOORD)
    data[sleutel] = waarde
    with pytest.raises(ConfigError) as exc:
        _laad(tmp_path, data)
    assert veld in str(exc.value)


@pytest.mark.parametrize("gebieden, veld", [
    (["Amsterdam", "amsterdam"], "vergelijkingsgebieden.1"),  # one column for two areas: figures overwritten
    (["Den Haag", "Den-Haag"], "vergelijkingsgebieden.1"),
    (["Amsterdam", "\u6771\u4eac"], "vergelijkingsgebieden.1"),  # no a-z or 0-9 left for a column name
    (["Amsterdam", "Referentie"], "vergelijkingsgebieden.1"),  # referentie_huidig is the table's own column
])
def test_two_areas_with_one_column_name_are_refused(tmp_path, gebieden, veld):
    data = copy.deepcopy(NOORD)
    data["vergelijkingsgebieden"] = gebieden
    data["kortenamen"], data["kleuren"] = {}, {}
    data["indicatoren"][0]["referentie"] = gebieden[0]
    with pytest.raises(ConfigError) as exc:
        _laad(tmp_path, data)
    assert veld in str(exc.value)


def test_area_keys_are_normalised_like_the_areas(tmp_path):
    data = copy.deepcopy(NOORD)
    data["kortenamen"] = {"Amsterdam\u00a0": "Adam"}  # a no-break space copied from a spreadsheet
    data["onderdelen"]["kerncijfers"]["gebieden"] = [" Noord", "Amsterdam\u00a0"]
    p = _laad(tmp_path, data)
    assert p.kortenamen == {"Amsterdam": "Adam"} and p.onderdelen["kerncijfers"].gebieden == ["Noord", "Amsterdam"]


def _schrijf(tmp_path, naam, tekst):
    map_ = tmp_path / "data" / "noord" / "2024"
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_text(tekst, encoding="utf-8")


@pytest.fixture
def noord(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    data = copy.deepcopy(NOORD)
    data["data"] = "noord/metingen.csv"
    return _laad(tmp_path, data)


def test_a_yearly_record_is_read_by_its_kind_under_any_file_name(noord, tmp_path):
    _schrijf(tmp_path, "schoolverzuim.csv",
             "schooljaar,regel,gebied,waarde,aandeel_gepubliceerd\n2023/24,Verzuim,Noord,12,40.0\n"
             "2023/24,Verzuim,Amsterdam,30,40.0\n")
    t = jaarbestanden.load_tabel(noord, 2024, "schoolverzuim.csv")
    assert list(t["waarde"]) == [12.0, 30.0]
    assert [r.soort for r in jaarbestanden.records(noord)] == ["aandelen", "algemene_indicatoren",
                                                               "indicatorpaginas"]
    with pytest.raises(KeyError):
        jaarbestanden.record(noord, "thuiszitters.csv")


def test_general_indicators_name_only_the_areas_the_programme_lets_them(noord, tmp_path):
    kop = "indicator_id,indicator,peildatum,eenheid,gebied,waarde,symbool\n"
    _schrijf(tmp_path, "kerncijfers.csv", kop + "werk,Werkloosheid,2024,pct,Noord,5.1,\n"
                                                "werk,Werkloosheid,2024,pct,Zuid,4.0,\n")
    with pytest.raises(DataValidationError) as exc:
        jaarbestanden.load_tabel(noord, 2024, "kerncijfers.csv")
    [probleem] = [p for p in exc.value.problems if p.field == "gebied"]
    assert probleem.value == "Zuid" and probleem.row == 3
    vrij = noord.model_copy(update={"onderdelen": {k: o.model_copy(update={"gebieden": []})
                                                   for k, o in noord.onderdelen.items()}})
    assert list(jaarbestanden.load_tabel(vrij, 2024, "kerncijfers.csv")["gebied"]) == ["Noord", "Zuid"]


def test_the_age_breakdown_of_a_count_table_is_optional_and_then_part_of_its_key(noord, tmp_path):
    rijen = ("schooljaar,regel,leeftijd,gebied,waarde,aandeel_gepubliceerd\n"
             "2023/24,Verzuim,5-11,Noord,4,\n2023/24,Verzuim,12-17,Noord,8,\n2023/24,Verzuim,12-17,Noord,9,\n")
    _schrijf(tmp_path, "schoolverzuim.csv", rijen)
    with pytest.raises(DataValidationError):
        jaarbestanden.load_tabel(noord, 2024, "schoolverzuim.csv")
    _schrijf(tmp_path, "schoolverzuim.csv", rijen.rsplit("\n", 2)[0] + "\n")
    assert isinstance(jaarbestanden.load_tabel(noord, 2024, "schoolverzuim.csv"), pd.DataFrame)
