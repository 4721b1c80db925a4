"""CBS StatLine import against recorded OData responses (no network): see tests/fixtures/cbs/maak_fixtures.py."""

import json
import math
from pathlib import Path

import pandas as pd
import pytest
import responses
from responses import matchers
from wijkrapport.cli import main
from wijkrapport.errors import DataValidationError
from wijkrapport.tools import cbs_import

FIX = Path(__file__).parent / "fixtures" / "cbs" / "85984NED"
BASIS = "https://opendata.cbs.nl/ODataFeed/odata/85984NED/"
G4 = ["GM0599", "GM0363", "GM0518", "GM0344"]
VARIABELEN = (FIX / "select.txt").read_text(encoding="utf-8").strip().split(",")[1:]


def _json(name: str) -> dict:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def _register(rsps, pagina1: dict | None = None) -> None:
    fmt = matchers.query_param_matcher({"$format": "json"})
    rsps.get(BASIS, json=_json("index.json"), match=[fmt])
    for name in ("TableInfos", "DataProperties", "CategoryGroups", "WijkenEnBuurten"):
        rsps.get(BASIS + name, json=_json(f"{name}.json"), match=[fmt])
    # the dataset is served only for the filter and select the importer must send
    filt = " or ".join(f"startswith(WijkenEnBuurten,'{p}{g[2:]}')" for g in G4 for p in ("GM", "WK", "BU"))
    rsps.get(BASIS + "UntypedDataSet", json=pagina1 or _json("UntypedDataSet.page1.json"),
             match=[matchers.query_param_matcher({"$format": "json", "$filter": filt,
                                                  "$select": (FIX / "select.txt").read_text(encoding="utf-8").strip()})])
    rsps.get(BASIS + "UntypedDataSet", json=_json("UntypedDataSet.page2.json"),
             match=[matchers.query_param_matcher({"$skiptoken": "Guid'12'"})])


@pytest.fixture
def cbs():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _register(rsps)
        yield rsps


def test_import_writes_tidy_csv_variables_and_metadata(cbs, tmp_path):
    target = cbs_import.importeer("85984NED", G4, VARIABELEN, out_dir=tmp_path)
    data = pd.read_csv(target / "data.csv", dtype={"periode": str})
    # both pages were read: 25 regions x 8 variables
    assert data["regio_code"].nunique() == 25 and len(data) == 200
    rdam = data[(data["regio_code"] == "GM0599")].set_index("variabele")
    # padded keys stripped; stable names from data/cbs/variabelen.csv; real published values
    assert rdam.loc["inwoners", "waarde"] == 670610 and rdam.loc["woningvoorraad", "waarde"] == 324597
    assert rdam.loc["inwoners", "regio_naam"] == "Rotterdam" and rdam.loc["inwoners", "soort_regio"] == "gemeente"
    assert set(data["periode"]) == {"2024"}
    charlois = data[(data["regio_code"] == "WK059915") & (data["variabele"] == "inwoners")].iloc[0]
    assert charlois["waarde"] == 70525 and charlois["regio_naam"] == "Charlois" and charlois["gemeente_code"] == "GM0599"
    # counts at wijk level are randomly rounded to multiples of 5 by CBS: marked; gemeente totals are not
    assert bool(charlois["afgerond"]) and not bool(rdam.loc["inwoners", "afgerond"])
    # a key without a stable name gets a derived one
    assert "mannen" in set(data["variabele"]) and "oppervlakte_totaal" in set(data["variabele"])
    var = pd.read_csv(target / "variabelen.csv").set_index("cbs_key")
    assert var.loc["AantalInwoners_5", "eenheid"] == "aantal" and var.loc["AantalInwoners_5", "afronding"] == 5
    meta = json.loads((target / "metadata.json").read_text(encoding="utf-8"))
    assert meta["titel"] == "Kerncijfers wijken en buurten 2024" and meta["periode"] == "2024"
    assert meta["gewijzigd_door_cbs"] == "2025-03-27T02:00:00" and meta["licentie"] == "CC BY 4.0"
    assert meta["bron"] == "CBS, Kerncijfers wijken en buurten 2024 (85984NED), CC BY 4.0"


def test_statline_symbols_become_status_not_numbers(cbs, tmp_path):
    data = pd.read_csv(cbs_import.importeer("85984NED", G4, VARIABELEN, out_dir=tmp_path) / "data.csv")
    cel = data.set_index(["regio_code", "cbs_key"])
    assert math.isnan(cel.loc[("WK059918", "Woningvoorraad_35"), "waarde"])
    assert cel.loc[("WK059918", "Woningvoorraad_35"), "status"] == "onbekend_of_geheim"
    assert cel.loc[("WK059919", "Bevolkingsdichtheid_34"), "status"] == "geheim"
    assert cel.loc[("WK059924", "AantalInwoners_5"), ["waarde", "status"]].tolist() == [0.0, "nihil"]
    assert cel.loc[("WK059925", "Mannen_6"), ["waarde", "status"]].tolist() == [45.0, "voorlopig"]
    # the three real "." cells of the source (no density for port wijken) are suppressed, not zero
    assert cel.loc[("WK059922", "Bevolkingsdichtheid_34"), "status"] == "onbekend_of_geheim"
    assert (data["status"] == "definitief").sum() == 200 - 4 - 3  # four altered cells, three real "."


def test_unknown_symbol_is_an_error_and_the_previous_import_stays(tmp_path):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _register(rsps)
        eerste = cbs_import.importeer("85984NED", G4, VARIABELEN, out_dir=tmp_path)
    before = (eerste / "data.csv").read_bytes()
    kapot = _json("UntypedDataSet.page1.json")
    kapot["value"][3]["Woningvoorraad_35"] = "  12#45"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _register(rsps, pagina1=kapot)
        with pytest.raises(DataValidationError) as exc:
            cbs_import.importeer("85984NED", G4, VARIABELEN, out_dir=tmp_path)
    assert "CBS 85984NED, rij 3, veld 'Woningvoorraad_35'" in str(exc.value) and "12#45" in str(exc.value)
    assert (eerste / "data.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["85984NED"]


def test_cli_validates_arguments_and_reports_unknown_keys(cbs, tmp_path, capsys):
    assert main(["cbs-import", "85984", "--gemeente", "GM0599", "--out", str(tmp_path)]) == 2
    assert "verwacht een StatLine-tabelnummer" in capsys.readouterr().err
    assert main(["cbs-import", "85984NED", "--gemeente", "0599", "--out", str(tmp_path)]) == 2
    assert "GM0599" in capsys.readouterr().err
    assert main(["cbs-import", "85984NED", "--gemeente", "GM0599", "--variabele", "Inwoners_99",
                 "--out", str(tmp_path)]) == 2
    assert "veld '--variabele'" in capsys.readouterr().err
    code = main(["cbs-import", "85984NED", *[a for g in G4 for a in ("--gemeente", g)],
                 *[a for v in VARIABELEN for a in ("--variabele", v)], "--out", str(tmp_path)])
    assert code == 0 and (tmp_path / "85984NED" / "data.csv").exists()


def test_variable_keys_that_changed_between_years_map_to_one_name():
    namen = cbs_import.stabiele_namen()
    per_tabel = namen.pivot(index="variabele", columns="tabel", values="cbs_key")
    # 2023 (85618NED) and 2024 (85984NED) number the same variable differently
    assert per_tabel.loc["woningvoorraad"].tolist() == ["Woningvoorraad_34", "Woningvoorraad_35"]
    assert per_tabel.loc["woz_waarde", "85984NED"] == "GemiddeldeWOZWaardeVanWoningen_39"


def test_value_parsing_and_period_codes():
    assert cbs_import.waarde("  670610") == (670610.0, "definitief")
    assert cbs_import.waarde(" 3.5**") == (3.5, "nader_voorlopig")
    assert cbs_import.waarde("") == (pytest.approx(float("nan"), nan_ok=True), "niet_van_toepassing")
    with pytest.raises(ValueError):
        cbs_import.waarde("1,5")
    assert cbs_import._periode("2024JJ00") == "2024"
    assert cbs_import._periode("2023KW03") == "2023-K3"
    assert cbs_import._periode("2024MM11") == "2024-11"
    assert cbs_import.afgeleide_naam("OppervlakteTotaal_122") == "oppervlakte_totaal"
