"""Inputs that cannot fool the report: identifiers normalised before validation, look-alikes refused, numbers finite,
CSV structure checked, only declared inputs hashed, free text kept as text in workbooks and charts."""

import math

import openpyxl
import pandas as pd
import pytest
from wijkrapport import inputs
from wijkrapport.errors import DataValidationError
from wijkrapport.incremental import file_hash
from wijkrapport.rendering import charts, opendata
from wijkrapport.sources import base, jaarbestanden, sleutels
from wijkrapport.sources.registry import load_programma, voortgang_invoer


@pytest.mark.parametrize("ruw, normaal", [
    ("Carnisse ", "Carnisse"), ("\u00a0Carnisse\u00a0", "Carnisse"), ("\tCarnisse\u3000", "Carnisse"),
    ("Cafe\u0301", "Caf\u00e9"),  # NFD -> NFC
])
def test_identifiers_lose_surrounding_white_space_and_take_nfc(ruw, normaal):
    assert sleutels.normaal(ruw) == normaal


@pytest.mark.parametrize("a, b", [
    ("Carnisse", "carnisse"), ("Carnisse", "C\u0430rnisse"),  # Cyrillic а
    ("Abe", "\u0391\u0392\u0395"),  # Greek capitals
    ("Carnisse", "\uff23\uff41\uff52\uff4e\uff49\uff53\uff53\uff45"),  # full-width
    ("pendrecht", "PENDRECHT"),
])
def test_look_alikes_share_a_skeleton(a, b):
    assert sleutels.skelet(a) == sleutels.skelet(b)


@pytest.mark.parametrize("a, b", [("Carnisse", "Charlois"), ("Oud-IJsselmonde", "Oud-Charlois"), ("Zuid", "Zuidwijk")])
def test_different_names_do_not(a, b):
    assert sleutels.skelet(a) != sleutels.skelet(b)


def test_normaliseer_reports_invisible_characters_and_mixed_scripts_with_row_and_field():
    df = pd.DataFrame({"gebied": ["Carn\u200bisse", "C\u0430rnisse", "Feijenoord", "Caf\u00e9", "\ufeffBloemhof"],
                       "tekst": ["  vrije tekst  ", "x", "y", "z", "w"]})
    out, problems = sleutels.normaliseer(df, ["gebied"], "f.csv")
    assert [(p.row, p.field) for p in problems] == [(2, "gebied"), (3, "gebied"), (6, "gebied")]
    assert "U+200B ZERO WIDTH SPACE" in problems[0].message and "Latijn en Cyrillisch" in problems[1].message
    assert "U+FEFF" in problems[2].message
    assert out["tekst"].tolist()[0] == "  vrije tekst  "  # free text is never rewritten


def test_probable_duplicates_name_the_spelling_used_most():
    df = pd.DataFrame({"gebied": ["Carnisse", "Carnisse", "carnisse", "Charlois", "C\u0430rnisse"]})
    problems = sleutels.dubbel_problemen(df, ["gebied"], "f.csv")
    assert [(p.row, p.value) for p in problems] == [(4, "carnisse"), (6, "C\u0430rnisse")]
    assert all("waarschijnlijk dezelfde als 'Carnisse' in rij 2" in p.message for p in problems)
    known = sleutels.dubbel_problemen(pd.DataFrame({"gebied": ["rotterdam"]}), ["gebied"], "f.csv",
                                      bekend={"gebied": ["Rotterdam"]})
    assert known and "'Rotterdam' in de instellingen" in known[0].message


@pytest.mark.parametrize("tekst", ["inf", "-inf", "Infinity", "nan", "NaN", "1e400", "-1e400", "1_000", "\u0661\u0662",
                                   "\uff11\uff12", "0x10", "\u22125", "12,5"])
def test_only_finite_plain_numbers_count(tekst):
    raw = pd.DataFrame({"waarde": [tekst]})
    assert math.isnan(base.to_number(raw["waarde"]).iloc[0])
    problems = base.numeric_problems(raw, ["waarde"], "f.csv")
    assert len(problems) == 1 and problems[0].row == 2 and problems[0].field == "waarde"


def test_a_year_must_be_whole():
    raw = pd.DataFrame({"jaar": ["2024", "2024.0", "2024.4", " 2023 "]})
    problems = base.numeric_problems(raw, ["jaar"], "f.csv", geheel=("jaar",))
    assert [(p.row, p.value) for p in problems] == [(4, "2024.4")]
    assert base.to_number(raw["jaar"]).tolist() == [2024.0, 2024.0, 2024.4, 2023.0]


@pytest.mark.parametrize("inhoud, melding", [
    ("a,b\n1,2,3\n4,5,6\n", "rij 2: rij heeft 3 velden, de kopregel 2"),  # pandas: first column as index, shifted
    ("a,b\n1,2\n4\n", "rij 3: rij heeft 1 velden"),
    ("a,a \n1,2\n", "veld 'a': kolom staat twee keer in de kopregel"),
    ("a,\n1,2\n", "kolom 2 heeft geen naam"),
    ("a,b\n", "alleen een kopregel"),
    ("a,b\n1,\"2\n", "geen leesbare CSV"),
    ("a,b\n1,2\x00\n", "NUL"),
    ("a,b\u200b\n1,2\n", "U+200B"),
])
def test_csv_structure_problems_are_named(tmp_path, inhoud, melding):
    path = tmp_path / "t.csv"
    path.write_text(inhoud, encoding="utf-8")
    with pytest.raises(DataValidationError) as exc:
        base.read_csv(path)
    assert melding in str(exc.value)


def test_csv_header_is_normalised_cells_are_not(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\ufeffa , b\n x ,\n", encoding="utf-8")
    df = base.read_csv(path)
    assert list(df.columns) == ["a", "b"] and df.iloc[0].tolist() == [" x ", ""]


def test_a_folder_and_an_oversized_file_are_refused_without_reading(tmp_path):
    (tmp_path / "map.csv").mkdir()
    with pytest.raises(DataValidationError, match="is een map"):
        base.read_csv(tmp_path / "map.csv")
    groot = tmp_path / "groot.csv"
    with groot.open("wb") as f:
        f.truncate(40 * 1024**3)  # sparse: reading it would need 40 GB
    with pytest.raises(DataValidationError, match="40960 MB"):
        base.read_csv(groot)
    with pytest.raises(DataValidationError, match="40960 MB"):
        file_hash(groot)


def test_file_hash_reads_in_chunks_and_equals_sha256(tmp_path):
    import hashlib

    path = tmp_path / "x.bin"
    path.write_bytes(b"abc" * 100_000)
    assert file_hash(path) == hashlib.sha256(b"abc" * 100_000).hexdigest()


def test_declared_voortgang_inputs_are_the_files_the_loaders_read():
    programma = load_programma("nprz")
    namen = {p.name for p in voortgang_invoer(programma, 2024)}
    onderdelen = {n for o in programma.onderdelen.values() for n in (o.bestand, o.samenvatting) if n}
    assert namen == {"metingen.csv", "gedrukt.csv", "indicatorpaginas.csv", *onderdelen}
    assert {r.naam for r in jaarbestanden.records(programma)} == {"indicatorpaginas.csv", *onderdelen}
    assert {r.soort for r in jaarbestanden.records(programma)} <= set(jaarbestanden.SOORTEN)
    # a year whose records lag declares only what exists: the measurements
    assert [p.name for p in voortgang_invoer(programma, 2099)] == ["metingen.csv"]


def test_declared_inputs_exist_and_stray_files_are_not_declared(tmp_path, monkeypatch):
    import shutil

    from helpers import ROOT

    voortgang = voortgang_invoer(load_programma("nprz"), 2024)
    for p in inputs.wijken() + inputs.geo() + inputs.actieplannen() + inputs.meldingen() + voortgang:
        assert p.is_file(), p
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "wijken" / "backup.csv").write_text("x", encoding="utf-8")
    gelezen = inputs.wijken()
    assert gelezen and all(p.name != "backup.csv" for p in gelezen)


def test_workbook_cells_with_formulas_stay_text(tmp_path):
    (tmp_path / "t.csv").write_text('naam,toelichting,getal,code\nx,"=HYPERLINK(""http://x"",""klik"")",1.5,0123\n'
                                    "y,+cmd|' /C calc'!A0,2,0456\nz,@SUM(A1),,0789\nq,-1+1,3e+06,0001\n", encoding="utf-8")
    book = openpyxl.load_workbook(opendata.workbook(tmp_path, "t"))
    cellen = {c.coordinate: c for row in book["t"].iter_rows() for c in row}
    assert not [c for c in cellen.values() if c.data_type == "f"]
    assert cellen["B2"].value == '=HYPERLINK("http://x","klik")' and cellen["B2"].data_type == "s"
    assert cellen["B2"].quotePrefix and cellen["B3"].quotePrefix and cellen["B4"].quotePrefix and cellen["B5"].quotePrefix
    assert cellen["C2"].value == 1.5 and cellen["C5"].value == 3000000  # numbers stay numbers
    assert cellen["D2"].value == "0123"  # a code keeps its leading zero


def test_chart_text_is_literal():
    frame = pd.DataFrame({"jaar": [2022, 2023], "$x^2$_{a}": [1.0, 2.0], "_verborgen": [2.0, 3.0]})
    svg = charts.figure_svg(charts.line_chart(frame, "jaar", ["$x^2$_{a}", "_verborgen"], "aantal"))
    assert "$x^2$_{a}" in svg and "_verborgen" in svg  # not mathematics, and not left out of the legend
    fig = charts.bar_chart(["$\\frac{1}{0}$", "$$"], [1.0, 2.0], "aantal")  # invalid mathtext would raise
    assert "$\\frac{1}{0}$" in charts.figure_svg(fig) and charts.figure_png(fig)


def test_programme_area_names_are_normalised_and_look_alikes_refused(tmp_path):
    import yaml
    from helpers import ROOT
    from wijkrapport.errors import ConfigError
    from wijkrapport.sources.registry import parse_programma

    raw = yaml.safe_load((ROOT / "params" / "programmas" / "wijkscan.yml").read_text(encoding="utf-8"))
    programma = parse_programma({**raw, "doelgebied": f" {raw['doelgebied']}\u00a0"}, tmp_path / "p.yml")
    assert programma.doelgebied == raw["doelgebied"]
    with pytest.raises(ConfigError, match="verschillende schriften"):
        parse_programma({**raw, "vergelijkingsgebieden": ["R\u043etterdam"]}, tmp_path / "p.yml")


def test_the_verhuis_credit_names_a_report_only_for_a_year_whose_file_has_arrived():
    from helpers import ROOT
    from wijkrapport.sources.jaarbestanden import verhuis_bron

    assert "2024" in verhuis_bron(2024)
    assert not (ROOT / "data" / "nprz" / "2099").exists()
    assert verhuis_bron(2099) == ""  # no figures for that year: the credit names no report of that year
