"""The NPRZ measurements (data/nprz/metingen.csv) and the printed 2024 table (data/nprz/2024/gedrukt.csv).

From the tidy measurements and the period rule, the start and current values of every row of the printed
effect tables come back for report year 2024, with the same periods.
"""

import re

import pandas as pd
import pytest
from helpers import ROOT
from wijkrapport.domain import metingen as mt
from wijkrapport.errors import DataValidationError
from wijkrapport.sources import perioden
from wijkrapport.sources.gedrukt import getallen, load_gedrukt, parse_gedrukt
from wijkrapport.sources.metingen import load_metingen
from wijkrapport.sources.registry import gebiedskolommen, load_programma

METINGEN = ROOT / "data" / "nprz" / "metingen.csv"
GEDRUKT = ROOT / "data" / "nprz" / "2024" / "gedrukt.csv"
REFERENTIE = ROOT.parent / "shared" / "reference" / "nprz-voortgangsrapportage-2024.txt"

GEBIEDEN = {"zuid": "Zuid", "g4": "G4", "rotterdam": "Rotterdam"}
KOLOMMEN = gebiedskolommen(load_programma("nprz"))
#: Printed cells that are not measurements (data/nprz/PROVENANCE.md): the document does not fix their column,
#: or (m2 start) prints no period for them.
GEEN_METING = {
    ("vmbo_diploma_techniek", "rotterdam_huidig"), ("vmbo_diploma_zorg_welzijn", "rotterdam_huidig"),
    ("m2_bedrijfsruimte", "rotterdam_start"), ("m2_bedrijfsruimte", "rotterdam_huidig"),
    ("koopwoningen", "g4_huidig"), ("koopwoningen", "rotterdam_start"), ("m2_bedrijfsruimte", "zuid_start"),
}


@pytest.fixture(scope="module")
def programma():
    return load_programma("nprz")


@pytest.fixture(scope="module")
def metingen(programma):
    return load_metingen(METINGEN, programma.meting_ids())


@pytest.fixture(scope="module")
def gedrukt():
    return load_gedrukt(GEDRUKT, KOLOMMEN)


@pytest.fixture(scope="module")
def effecttabel():
    """The printed table as text, with the old column names (``<gebied>_start``, ``<gebied>_huidig``)."""
    raw = pd.read_csv(GEDRUKT, dtype=str, keep_default_na=False).rename(columns={"indicator": "indicator_id"})
    for pre in GEBIEDEN:
        raw = raw.rename(columns={f"{pre}_start_gedrukt": f"{pre}_start", f"{pre}_nu_gedrukt": f"{pre}_huidig"})
    return raw


def test_every_indicator_has_a_series(programma, metingen):
    assert programma.meting_ids() == set(metingen["indicator"])
    # one series for the indicator measured against Rotterdam and against G4
    assert programma.indicator("kinderen_armoede_rotterdam").meting_id == "kinderen_110_sociaal_minimum"
    assert programma.indicator("kinderen_armoede_g4").meting_id == "kinderen_110_sociaal_minimum"
    zuid = mt.reeks(metingen, "kinderen_110_sociaal_minimum", "Zuid")
    assert zuid["periode"].tolist() == ["2011", "2020", "2023"]


def test_the_2024_table_comes_back_from_the_measurements(programma, metingen, gedrukt, effecttabel):
    """Start and nu of every printed row, every area: same value, same period (report year 2024)."""
    assert len(effecttabel) == len(gedrukt) == 46
    per_id = gedrukt.set_index("indicator")
    checked = missing = 0
    for _, row in effecttabel.iterrows():
        ind = row["indicator_id"]
        serie = programma.indicator(ind).meting_id
        g = per_id.loc[ind]
        jaar = int(g["jaar"])
        for pre, gebied in GEBIEDEN.items():
            for kant in ("start", "huidig"):
                kolom = f"{pre}_{kant}"
                printed = row[kolom]
                if printed == "" or (ind, kolom) in GEEN_METING:
                    continue
                if kant == "huidig":
                    m = mt.nu(metingen, serie, gebied, jaar)
                    assert m is not None, (ind, gebied)
                    assert m.periode == g["periode_nu"], (ind, gebied, m.periode, g["periode_nu"])
                else:
                    m = mt.op(metingen, serie, gebied, g["periode_start"])
                    assert m is not None, (ind, gebied, g["periode_start"])
                assert m.waarde == float(printed), (ind, kolom, m.waarde, printed)
                checked += 1
        # what the table leaves empty is not in the measurements either (no invented figures)
        for pre, gebied in GEBIEDEN.items():
            if row[f"{pre}_huidig"] == "" or (ind, f"{pre}_huidig") in GEEN_METING:
                assert mt.op(metingen, serie, gebied, g["periode_nu"]) is None, (ind, gebied)
                missing += 1
    assert checked == 246 - len(GEEN_METING)  # 246 printed values
    assert missing == 13 + 4  # 13 empty current cells, 4 not measurements


def test_the_current_status_is_the_printed_one(metingen, gedrukt, programma):
    for _, g in gedrukt.iterrows():
        m = mt.nu(metingen, programma.indicator(g["indicator"]).meting_id, "Zuid", int(g["jaar"]))
        assert (m.status == "voorlopig") == ("voorlopig" in g["peildatum_gedrukt"]), g["indicator"]


def test_the_old_first_year_rule_would_have_picked_a_later_school_year(metingen):
    # appending school year 2024/25 (test value) must not change the 2024 report, only the 2025 one
    extra = metingen.iloc[[0]].assign(indicator="fundamenteel_niveau", gebied="Zuid", periode="2024/25", waarde=94.0,
                                      rij=10_000, rapportjaar=perioden.rapportjaar("2024/25"),
                                      eerste_dag=pd.Timestamp("2024-08-01"), laatste_dag=pd.Timestamp("2025-07-31"))
    data = pd.concat([metingen, extra], ignore_index=True)
    assert mt.nu(data, "fundamenteel_niveau", "Zuid", 2024).periode == "2023/24"
    assert mt.nu(data, "fundamenteel_niveau", "Zuid", 2025).periode == "2024/25"


def test_series_hold_every_period_the_document_prints(metingen):
    # periods between start and now, from the indicator pages and the table "Algemene indicatoren"
    assert mt.reeks(metingen, "thuiszitters", "Zuid")["periode"].tolist() == ["2021/22", "2022/23", "2023/24"]
    assert mt.reeks(metingen, "mbo_uitstroom_diploma_zorg", "Zuid")["waarde"].tolist() == [
        7.5, 12.3, 13.1, 14.0, 15.4, 15.2]
    vsv = mt.reeks(metingen, "nieuwe_vsv", "G4")
    assert vsv["periode"].tolist() == ["2012/13", "2022/23", "2023/24"] and vsv["waarde"].tolist() == [3.6, 3.0, 2.8]
    assert mt.op(metingen, "jongeren_met_startkwalificatie", "G4", "2011").status == "onbekend"  # printed "nb"
    assert mt.nu(metingen, "woz_waarde", "Nederland", 2024).waarde == 379000
    assert set(metingen["gebied"]) == {"Zuid", "G4", "Rotterdam", "Nederland", "Amsterdam", "Den Haag", "Utrecht",
                                       "Focuswijken"}


def test_registry_start_periods_match_the_printed_ones(programma, gedrukt):
    """The registry's startjaar names the start period; one entry still needs the integration's attention."""
    afwijkend = {}
    for _, g in gedrukt.iterrows():
        start = programma.indicator(g["indicator"]).startjaar
        if ("" if start is None else str(start)) != g["periode_start"]:
            afwijkend[g["indicator"]] = (start, g["periode_start"])
    # schoolgewicht: the driejaarsgemiddelde printed 16/18 is the period 2016-2018 (m2 bedrijfsruimte: none in both)
    assert afwijkend == {}
    assert programma.indicator("schoolgewicht").startjaar == "2016-2018"


@pytest.mark.skipif(not REFERENTIE.exists(), reason="../shared/reference is not beside this clone")
def test_every_figure_stands_in_the_source_lines_it_names():
    regels = REFERENTIE.read_text(encoding="utf-8").split("\n")
    getal = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
    raw = pd.read_csv(METINGEN, dtype=str, keep_default_na=False)
    for i, r in raw.iterrows():
        bron = re.fullmatch(r"VGR 2024, r\. (\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)", r["bron"])
        assert bron, (i + 2, r["bron"])
        if r["waarde"] == "":
            continue
        gevonden = set()
        for deel in bron.group(1).split(", "):
            a, _, b = deel.partition("-")
            for regel in regels[int(a) - 1:int(b or a)]:
                gevonden |= {float(x.replace(".", "").replace(",", ".")) for x in getal.findall(regel)}
        assert float(r["waarde"]) in gevonden, (i + 2, r["indicator"], r["gebied"], r["periode"], r["waarde"])


# --- the printed table ---------------------------------------------------------------------------------------

def test_printed_table_has_no_year_in_its_columns(gedrukt):
    assert set(gedrukt["jaar"]) == {2024} and set(gedrukt["eindjaar"]) == {2031}
    assert not any(re.search(r"20[1-4]\d", c) for c in gedrukt.columns)
    fund = gedrukt.set_index("indicator").loc["fundamenteel_niveau"]
    assert (fund["pct_ingelopen_gedrukt"], fund["doel_jaar_gedrukt"], fund["periode_start"]) == (58.0, 93.2, "2017/18")
    assert gedrukt.set_index("indicator").loc["laag_opgeleide_ouders", "doel_jaar_decimalen"] == 0  # printed "25%"


def _raw():
    return pd.read_csv(GEDRUKT, dtype=str, keep_default_na=False)


def _fout(raw, gebieden=KOLOMMEN) -> list:
    with pytest.raises(DataValidationError) as exc:
        parse_gedrukt(raw, "gedrukt.csv", gebieden)
    return exc.value.problems


def test_printed_table_refuses_a_current_period_after_its_year():
    raw = _raw()
    raw.loc[0, "periode_nu"] = "2025-01-02"
    raw.loc[1, "periode_nu"] = "2024/25"
    ps = _fout(raw)
    assert [(p.row, p.field) for p in ps] == [(2, "periode_nu"), (3, "periode_nu")]
    assert "rapportjaar 2025" in ps[0].message


def test_printed_table_failure_cases():
    raw = _raw()
    raw.loc[2, "periode_start"] = "16/18"
    raw.loc[3, "doel_jaar_gedrukt"] = "20,3"
    raw.loc[4, "jaar"] = "2025"
    raw.loc[5, "pct_ingelopen_gedrukt"] = "inf"
    raw.loc[0, "doel_jaar_gedrukt"] = "1"  # the row says doel_jaar_gedrukt=nvt
    ps = _fout(raw)
    velden = {(p.row, p.field) for p in ps}
    assert {(4, "periode_start"), (5, "doel_jaar_gedrukt"), (2, "doel_jaar_gedrukt")} <= velden
    assert any("jaar verschilt" in p.message for p in ps)
    assert any(p.field == "pct_ingelopen_gedrukt" and "eindig" in p.message for p in ps)


def test_printed_table_column_names_are_fixed():
    raw = _raw().rename(columns={"doel_jaar_gedrukt": "doel_2024_gedrukt"})
    ps = _fout(raw)
    assert ("doel_2024_gedrukt", "onbekende kolom") in {(p.field, p.message) for p in ps}
    assert KOLOMMEN == ["zuid", "g4", "rotterdam"]
    assert all(c in _raw().columns for c in getallen(KOLOMMEN))


def test_printed_value_columns_follow_the_programmes_areas():
    """Another programme's areas name other columns: the NPRZ file is refused for them, naming both sides."""
    ps = _fout(_raw(), ["noord", "g4", "rotterdam"])
    fouten = {(p.field, p.message) for p in ps}
    assert ("zuid_start_gedrukt", "onbekende kolom") in fouten
    assert any(p.field == "noord_nu_gedrukt" for p in ps)
    hernoemd = _raw().rename(columns={"zuid_start_gedrukt": "noord_start_gedrukt", "zuid_nu_gedrukt": "noord_nu_gedrukt"})
    df = parse_gedrukt(hernoemd, "gedrukt.csv", ["noord", "g4", "rotterdam"])
    assert df["noord_nu_gedrukt"].notna().sum() == _raw()["zuid_nu_gedrukt"].ne("").sum()
