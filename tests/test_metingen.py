"""The measurements loader (every problem with file, row and field) and which figure counts (revisions, "nu")."""

import math

import pandas as pd
import pytest
from wijkrapport.domain import metingen as mt
from wijkrapport.errors import DataValidationError
from wijkrapport.sources.metingen import STATUSSEN, load_metingen, parse_metingen

KOP = ["indicator", "gebied", "periode", "waarde", "status", "opmerking", "bron"]


def frame(*rows, kolommen=KOP):
    return pd.DataFrame([dict(zip(kolommen, r, strict=True)) for r in rows], columns=kolommen, dtype=str)


def problemen(raw, **kw):
    with pytest.raises(DataValidationError) as exc:
        parse_metingen(raw, "metingen.csv", **kw)
    return exc.value.problems


def een_probleem(raw, **kw):
    ps = problemen(raw, **kw)
    assert len(ps) == 1, [str(p) for p in ps]
    return ps[0]


GOED = ("x", "Zuid", "2023/24", "44.6", "", "", "r. 1")


def test_a_valid_file_is_typed():
    df = parse_metingen(frame(GOED, ("x", "G4", "2025-01-01", "12", "voorlopig", "noot", ""),
                              ("x", "G4", "2011", "", "onbekend", "nb", "")), "metingen.csv")
    assert df["waarde"].tolist()[:2] == [44.6, 12.0] and math.isnan(df["waarde"].iloc[2])
    assert df["status"].tolist() == ["definitief", "voorlopig", "onbekend"]
    assert df["rapportjaar"].tolist() == [2024, 2024, 2011]
    assert df["rij"].tolist() == [2, 3, 4]
    assert df["soort"].tolist() == ["schooljaar", "datum", "jaar"]


def test_optional_columns_may_be_left_out():
    df = parse_metingen(frame(("x", "Zuid", "2024", "1.5"), kolommen=KOP[:4]), "metingen.csv")
    assert df.loc[0, "status"] == "definitief" and df.loc[0, "bron"] == ""


def test_missing_and_unknown_columns():
    raw = frame(("x", "Zuid", "2024", "1", "typo"), kolommen=["indicator", "gebied", "periode", "waarde", "Status"])
    p = een_probleem(raw)
    assert (p.field, p.message) == ("Status", "onbekende kolom")
    raw = frame(("x", "Zuid", "1"), kolommen=["indicator", "gebied", "waarde"])
    assert [(p.field, p.message) for p in problemen(raw)] == [("periode", "kolom ontbreekt")]


@pytest.mark.parametrize("status", ["Voorlopig", "provisional", "voorlopig*", "definitief "])
def test_unknown_status(status):
    if status == "definitief ":  # surrounding whitespace is not a different status
        parse_metingen(frame(("x", "Zuid", "2024", "1", status, "", "")), "m.csv")
        return
    p = een_probleem(frame(("x", "Zuid", "2024", "1", status, "", "")))
    assert (p.row, p.field) == (2, "status") and "onbekende status" in p.message and "nader_voorlopig" in p.message


@pytest.mark.parametrize("status", [s for s in STATUSSEN if s not in ("definitief", "voorlopig", "nader_voorlopig",
                                                                       "gewijzigd")])
def test_a_status_without_figure_carries_no_number(status):
    p = een_probleem(frame(("x", "Zuid", "2024", "0", status, "", "")))
    assert (p.row, p.field) == (2, "waarde") and "draagt geen getal" in p.message
    parse_metingen(frame(("x", "Zuid", "2024", "", status, "", "")), "m.csv")


def test_nihil_is_zero():
    df = parse_metingen(frame(("x", "Zuid", "2024", "", "nihil", "", "")), "m.csv")
    assert df.loc[0, "waarde"] == 0.0
    assert mt.nu(df, "x", "Zuid", 2024).waarde == 0.0


@pytest.mark.parametrize("status", ["definitief", "voorlopig", "nader_voorlopig", "gewijzigd"])
def test_a_status_with_figure_needs_a_number(status):
    p = een_probleem(frame(("x", "Zuid", "2024", " ", status, "", "")))
    assert (p.row, p.field) == (2, "waarde") and "vraagt een getal" in p.message


def test_neither_status_nor_number_is_no_figure():
    # the older programme format: an empty waarde is "no figure"; it never becomes the current figure
    m = parse_metingen(frame(("x", "Zuid", "2023", "7", "", "", ""), ("x", "Zuid", "2024", "", "", "", "")), "m.csv")
    assert m["status"].tolist() == ["definitief", "onbekend"]
    assert mt.nu(m, "x", "Zuid", 2024).periode == "2023"


@pytest.mark.parametrize(("waarde", "tekst"), [
    ("inf", "eindig"), ("-Infinity", "eindig"), ("nan", "eindig"), ("NaN", "eindig"),
    ("1,5", "komma"), ("1.234,5", "komma"), ("\u22121.5", "decimaalpunt"), ("12%", "decimaalpunt"),
    ("=1+1", "decimaalpunt"), ("nb", "decimaalpunt"),
])
def test_bad_numbers(waarde, tekst):
    p = een_probleem(frame(("x", "Zuid", "2024", waarde, "", "", "")))
    assert (p.row, p.field, p.value) == (2, "waarde", waarde) and tekst in p.message


def test_unparsable_periode_names_row_and_field():
    p = een_probleem(frame(GOED, ("x", "Zuid", "23/24", "1", "", "", "")))
    assert (p.file, p.row, p.field, p.value) == ("metingen.csv", 3, "periode", "23/24")
    assert "2023/24" in p.message


@pytest.mark.parametrize(("gebied", "tekst"), [
    ("", "leeg"), ("  ", "leeg"), ("Zu\u200bid", "onzichtbaar"), ("Zuid\n", None), ("=HYPERLINK(1)", "formule"),
])
def test_bad_area_names(gebied, tekst):
    raw = frame(("x", gebied, "2024", "1", "", "", ""))
    if tekst is None:  # a trailing newline is whitespace around the name: the same area
        assert parse_metingen(raw, "m.csv").loc[0, "gebied"] == "Zuid"
        return
    p = een_probleem(raw)
    assert p.field == "gebied" and tekst in p.message


def test_area_names_are_unicode_normalised():
    # "Noordereiland" with a decomposed e-umlaut and the composed one are one area
    a = parse_metingen(frame(("x", "Bloemhof\u0065\u0308", "2024", "1", "", "", "")), "m.csv").loc[0, "gebied"]
    assert a == "Bloemhof\u00eb"


def test_indicator_ids_and_unknown_indicators():
    p = een_probleem(frame(("Fundamenteel niveau", "Zuid", "2024", "1", "", "", "")))
    assert p.field == "indicator"
    p = een_probleem(frame(("y", "Zuid", "2024", "1", "", "", "")), indicatoren={"x"})
    assert (p.field, p.value, p.message) == ("indicator", "y", "onbekende indicator voor dit programma")


def test_duplicates_are_refused_also_when_written_differently():
    p = een_probleem(frame(GOED, ("x", "Zuid", " 2023/24", "44.7", "", "", "")))
    assert (p.row, p.field) == (3, "status") and "dubbele rij" in p.message and "rij 2" in p.message


def test_a_revision_must_be_more_final():
    ok = frame(("x", "Zuid", "2023", "18.8", "voorlopig", "", ""), ("x", "Zuid", "2023", "18.7", "nader_voorlopig", "", ""),
               ("x", "Zuid", "2023", "18.6", "", "", ""), ("x", "Zuid", "2023", "18.5", "gewijzigd", "", ""),
               ("x", "Zuid", "2023", "18.4", "gewijzigd", "", ""))
    parse_metingen(ok, "m.csv")
    p = een_probleem(frame(("x", "Zuid", "2023", "18.6", "", "", ""), ("x", "Zuid", "2023", "18.8", "voorlopig", "", "")))
    assert p.row == 3 and "kan definitief van rij 2 niet vervangen" in p.message
    p = een_probleem(frame(("x", "Zuid", "2023", "", "geheim", "", ""), ("x", "Zuid", "2023", "5", "", "", "")))
    assert p.row == 3
    # an unknown figure may be filled in later
    parse_metingen(frame(("x", "G4", "2011", "", "onbekend", "", ""), ("x", "G4", "2011", "5", "voorlopig", "", "")), "m")


def test_every_problem_of_a_file_at_once():
    raw = frame(GOED, ("x", "Zuid", "okt. 2023", "1", "", "", ""), ("x", "G4", "2024", "1,5", "", "", ""),
                ("x", "G4", "2024", "2", "Voorlopig", "", ""), ("x", "Zuid", "2023/24", "44.6", "", "", ""))
    ps = problemen(raw)
    assert [(p.row, p.field) for p in ps] == [(3, "periode"), (4, "waarde"), (5, "status"), (6, "status")]


def test_load_from_file_names_the_file(tmp_path):
    path = tmp_path / "metingen.csv"
    path.write_text("\ufeffindicator,gebied,periode,waarde\nx,Zuid,2024,1.5\nx,Zuid,2025,abc\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as exc:
        load_metingen(path)
    assert exc.value.exit_code == 3
    assert "metingen.csv, rij 3, veld 'waarde'" in str(exc.value)
    path.write_text("indicator,gebied,periode,waarde\nx,Zuid,2024,1.5\n", encoding="utf-8")
    assert load_metingen(path)["waarde"].tolist() == [1.5]


# --- which figure counts -------------------------------------------------------------------------------------

def data(*rows):
    return parse_metingen(frame(*rows), "m.csv")


def test_the_definitive_figure_counts_and_is_marked_revised():
    m = data(("x", "Zuid", "2023", "18.8", "voorlopig", "", ""), ("x", "Zuid", "2023", "18.6", "definitief", "", ""))
    n = mt.nu(m, "x", "Zuid", 2024)
    assert (n.periode, n.waarde, n.status, n.herzien, n.vorige_waarde, n.vorige_status) == (
        "2023", 18.6, "definitief", True, 18.8, "voorlopig")
    assert len(mt.geldend(m)) == 1


def test_a_figure_confirmed_without_change_is_still_marked_revised():
    m = data(("x", "Zuid", "2023", "18.8", "voorlopig", "", ""), ("x", "Zuid", "2023", "18.8", "", "", ""))
    n = mt.op(m, "x", "Zuid", "2023")
    assert n.herzien and n.status == "definitief" and n.vorige_waarde == 18.8


def test_a_first_figure_after_unknown_is_not_a_revision():
    m = data(("x", "G4", "2011", "", "onbekend", "", ""), ("x", "G4", "2011", "5", "", "", ""))
    n = mt.op(m, "x", "G4", "2011")
    assert n.waarde == 5 and not n.herzien and n.vorige_status == ""


def test_rows_of_one_key_need_not_be_adjacent():
    # a revision appended a year later, with other rows in between
    m = data(("x", "Zuid", "2023", "18.8", "voorlopig", "", ""), ("y", "Zuid", "2023", "1", "", "", ""),
             ("x", "Zuid", "2023", "18.6", "gewijzigd", "", ""))
    assert mt.op(m, "x", "Zuid", "2023").waarde == 18.6


def test_nu_is_the_latest_period_with_a_figure_up_to_the_report_year():
    m = data(("x", "Zuid", "2011/12", "20", "", "", ""), ("x", "Zuid", "2022/23", "25", "", "", ""),
             ("x", "Zuid", "2023/24", "", "geheim", "", ""), ("x", "Zuid", "2024/25", "30", "voorlopig", "", ""))
    assert mt.nu(m, "x", "Zuid", 2024).periode == "2022/23"  # 2023/24 has no figure, 2024/25 belongs to 2025
    assert mt.nu(m, "x", "Zuid", 2025).periode == "2024/25"
    assert mt.nu(m, "x", "Zuid", 2011) is None
    assert mt.nu(m, "x", "G4", 2024) is None
    assert mt.reeks(m, "x", "Zuid", 2024)["periode"].tolist() == ["2011/12", "2022/23", "2023/24"]


def test_stand_per_indicator_and_area():
    m = data(("x", "Zuid", "2020", "1", "", "", ""), ("x", "Zuid", "2025-01-01", "2", "", "", ""),
             ("x", "G4", "2024", "3", "voorlopig", "", ""), ("x", "G4", "2024", "4", "", "", ""),
             ("y", "Zuid", "2026", "5", "", "", ""))
    s = mt.stand(m, 2024)
    assert s[["indicator", "gebied", "periode", "waarde", "herzien"]].values.tolist() == [
        ["x", "Zuid", "2025-01-01", 2.0, False], ["x", "G4", "2024", 4.0, True]]
    assert mt.stand(m, 2010).empty
