"""Meldingen: the import (with row/field errors), the computations, and the seeded voorbeelddata."""

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, make_project, run_cli
from wijkdocument_notebook import teksten
from wijkrapport.domain import meldingen as mld
from wijkrapport.errors import DataValidationError
from wijkrapport.rapporten.wijkdocument.meldingen_views import samenvatting_zin
from wijkrapport.rapporten.wijkdocument.views import Wijkcontext
from wijkrapport.sources import meldingen as src

KOP = "melding_id,datum_melding,hoofdcategorie,subcategorie,wijk,status,datum_afgehandeld\n"
GOED = (
    "A1,2024-01-10,Afval,Zwerfafval,Carnisse,afgehandeld,2024-01-12\n"  # 2 days, term 3: on time
    "A2,2024-02-01,Afval,Volle container,carnisse,afgehandeld,2024-02-09\n"  # slug form; 8 days: late
    "A3,2024-05-03,Overlast,Geluidsoverlast,Carnisse,in_behandeling,\n"  # open
    "A4,2024-11-20,Straat en stoep,Losse tegel,Carnisse,geannuleerd,\n"  # cancelled: not counted as handled
    "A5,2023-12-30,Afval,Zwerfafval,Carnisse,afgehandeld,2024-01-01\n"  # previous year
    "A6,2024-03-01,Afval,Zwerfafval,Pendrecht,afgehandeld,2024-03-02\n"  # another wijk
)


def _project(tmp_path: Path, rows: str = GOED, kop: str = KOP, encoding: str = "utf-8") -> Path:
    root = tmp_path / "project"
    (root / "data" / "wijken").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "wijken" / "crosswalk.csv", root / "data" / "wijken" / "crosswalk.csv")
    shutil.copy(ROOT / "data" / "wijken" / "bestanden.yml", root / "data" / "wijken" / "bestanden.yml")
    shutil.copytree(ROOT / "data" / "meldingen", root / "data" / "meldingen",
                    ignore=shutil.ignore_patterns("meldingen.csv", "bron"))
    (root / "data" / "meldingen" / "meldingen.csv").write_bytes((kop + rows).encode(encoding))
    return root


@pytest.fixture
def geladen(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(_project(tmp_path)))
    return src.load()


def test_import_types_dates_and_maps_wijk_names_and_slugs(geladen):
    bron, df, termijnen = geladen
    assert bron.voorbeelddata is True
    assert df["wijk_slug"].tolist()[:2] == ["carnisse", "carnisse"]
    assert df["datum_melding"].dtype.kind == "M" and pd.isna(df.loc[2, "datum_afgehandeld"])
    assert termijnen["Afval"] == 3


def test_per_onderwerp_counts_rates_and_share_within_term(geladen):
    _, df, termijnen = geladen
    t = mld.per_onderwerp(df, termijnen, "carnisse", 2024, inwoners=2000, inwoners_alle=4000).set_index("hoofdcategorie")
    # 2024, Carnisse: Afval 2 (one on time, one late), Overlast 1 open, Straat en stoep 1 cancelled
    assert t.loc["Afval", "aantal"] == 2 and t.loc["Afval", "per_1000"] == pytest.approx(1.0)
    assert t.loc["Afval", "alle_per_1000"] == pytest.approx(3 / 4000 * 1000)  # with Pendrecht's
    assert t.loc["Afval", "afgehandeld"] == 2 and t.loc["Afval", "binnen_termijn_pct"] == pytest.approx(50.0)
    assert t.loc["Overlast", "aantal"] == 1 and pd.isna(t.loc["Overlast", "binnen_termijn_pct"])
    assert t.loc["Verlichting", "aantal"] == 0
    assert mld.totaal(df, termijnen, "carnisse", 2024) == {"aantal": 4, "afgehandeld": 2, "binnen_termijn_pct": 50.0,
                                                          "open": 1}


def test_per_kwartaal_fills_quarters_without_meldingen(geladen):
    _, df, _ = geladen
    k = mld.per_kwartaal(df, "carnisse", 2024)
    assert list(k.index) == ["2023-K1", "2023-K2", "2023-K3", "2023-K4", "2024-K1", "2024-K2", "2024-K3", "2024-K4"]
    assert k.loc["2024-K1", "Afval"] == 2 and k.loc["2023-K4", "Afval"] == 1 and k.loc["2024-K3"].sum() == 0


def test_summary_sentence_says_voorbeelddata(geladen):
    _, df, termijnen = geladen
    t = mld.per_onderwerp(df, termijnen, "carnisse", 2024, 2000, 4000)
    wd = Wijkcontext(jaar=2024, wijk="carnisse")
    sjablonen = dict(geen={"voorbeeld": "-", "echt": "-"}, aantal={"voorbeeld": "voorbeeld {aantal}{per_inwoners}.",
                     "echt": "echt {aantal}{per_inwoners}."}, per_inwoners=" ({per_1000})", meeste="over {onderwerpen}.",
                     termijn="op tijd {pct}.", nog_open="open {open}.")
    zin = samenvatting_zin(wd, mld.totaal(df, termijnen, "carnisse", 2024), t, 2000, True, **sjablonen)
    assert zin.startswith("voorbeeld 4 (2,0).")  # the example data's template, 4 meldingen, 2,0 per 1.000 inwoners
    assert "op tijd 50%." in zin and zin.endswith("open 1.")
    assert samenvatting_zin(wd, mld.totaal(df, termijnen, "carnisse", 2024), t, 2000, False,
                            **sjablonen).startswith("echt 4")


@pytest.mark.parametrize(
    ("rij", "veld", "melding"),
    [
        ("B1,2024-13-01,Afval,Zwerfafval,Carnisse,gemeld,", "datum_melding", "geen geldige datum"),
        ("B1,01-02-2024,Afval,Zwerfafval,Carnisse,gemeld,", "datum_melding", "str_matches"),
        ("B1,2024-02-01,Afval,Zwerfafval,Carnisse,afgehandeld,", "datum_afgehandeld", "datum van afhandeling ontbreekt"),
        ("B1,2024-02-01,Afval,Zwerfafval,Carnisse,gemeld,2024-02-03", "datum_afgehandeld", "heeft geen afhandeldatum"),
        ("B1,2024-02-05,Afval,Zwerfafval,Carnisse,afgehandeld,2024-02-01", "datum_afgehandeld", "vóór de datum van melding"),
        ("B1,2024-02-01,Parkeren,Fout geparkeerd,Carnisse,gemeld,", "hoofdcategorie", "isin"),
        ("B1,2024-02-01,Afval,Zwerfafval,Atlantis,gemeld,", "wijk", "crosswalk"),
        ("B1,2024-02-01,Afval,Zwerfafval,Carnisse,opgelost,", "status", "isin"),
        ("A1,2024-02-01,Afval,Zwerfafval,Carnisse,gemeld,", "melding_id", "unique"),
    ],
)
def test_malformed_rows_name_file_row_and_field(tmp_path, monkeypatch, rij, veld, melding):
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(_project(tmp_path, rows=GOED + rij + "\n")))
    with pytest.raises(DataValidationError) as exc:
        src.load()
    tekst = str(exc.value)
    assert "data/meldingen/meldingen.csv" in tekst
    assert f"rij 8, veld '{veld}'" in tekst and melding in tekst, tekst


def test_missing_column_and_wrong_encoding_are_errors(tmp_path, monkeypatch):
    kop = KOP.replace(",status", ",toestand")
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(_project(tmp_path / "a", kop=kop)))
    with pytest.raises(DataValidationError, match="veld 'status': kolom ontbreekt"):
        src.load()
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(_project(tmp_path / "b", rows=GOED.replace("Zwerfafval", "Zwerfafval é"),
                                                        encoding="latin-1")))
    with pytest.raises(DataValidationError, match="tekstcodering"):
        src.load()


def test_bad_meldingen_export_stops_the_run_before_anything_is_built(tmp_path):
    project = make_project(tmp_path)
    (project / "data" / "meldingen" / "meldingen.csv").write_text(KOP + GOED.replace("2024-01-12", "2024-01-32"),
                                                                   encoding="utf-8")
    out = project / "reports"
    result = run_cli("--year", "2024", "--only", "carnisse", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(project)},
                     timeout=300)
    assert result.returncode == 3, result.stderr + result.stdout
    assert "data/meldingen/meldingen.csv, rij 2, veld 'datum_afgehandeld'" in result.stderr
    assert not (out / "2024" / "wijken" / "carnisse.html").exists()


def test_voorbeelddata_are_regenerated_by_the_seeded_script():
    script = ROOT / "data" / "meldingen" / "bron" / "maak_voorbeeld.py"
    spec = importlib.util.spec_from_file_location("maak_voorbeeld", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "data" / "meldingen" / "meldingen.csv").read_text(encoding="utf-8")
    assert module.tekst() == committed, "rerun data/meldingen/bron/maak_voorbeeld.py"
    bron = (ROOT / "data" / "meldingen" / "bron.yml").read_text(encoding="utf-8")
    assert "voorbeelddata: true" in bron


def test_a_year_the_export_does_not_reach_says_so_instead_of_zero(geladen, monkeypatch):
    from wijkrapport.rapporten.wijkdocument import meldingen_views
    from wijkrapport.rendering import context

    getoond = []
    monkeypatch.setattr(meldingen_views, "toon_tekst", lambda t, klasse="": getoond.append(t))
    monkeypatch.setattr(meldingen_views, "toon_html", lambda t: getoond.append(t))
    monkeypatch.setattr(context, "toon_tabel", lambda *a, **k: getoond.append("tabel"))
    meldingen_views.toon_meldingen(Wijkcontext(jaar=2025, wijk="carnisse"),
                                   **dict(teksten("toon_meldingen"), nog_niet="nog niet {jaar}", loopt_tot="tot {datum}"))
    assert "nog niet 2025 tot 20-11-2024" in getoond
    assert "tabel" not in getoond  # the year the export reaches: tables as before (the wijkdocument builds)


def test_a_wijk_outside_the_exports_gebieden_gets_no_figures_not_zeros(geladen, monkeypatch):
    from wijkrapport.rapporten.wijkdocument import meldingen_views
    from wijkrapport.rendering import context

    getoond = []
    monkeypatch.setattr(meldingen_views, "toon_tekst", lambda t, klasse="": getoond.append(t))
    monkeypatch.setattr(meldingen_views, "toon_html", lambda t: getoond.append(t))
    monkeypatch.setattr(context, "toon_tabel", lambda *a, **k: getoond.append("tabel"))
    buiten = {"voorbeeld": "voorbeeld: alleen {gebieden}, niet {wijk}", "echt": "echt: alleen {gebieden}, niet {wijk}"}
    meldingen_views.toon_meldingen(Wijkcontext(jaar=2024, wijk="kralingseveer"),
                                   **dict(teksten("toon_meldingen"), buiten_bron=buiten))
    assert "voorbeeld: alleen Charlois, Feijenoord, IJsselmonde en Hoogvliet, niet Kralingseveer" in getoond
    assert "tabel" not in getoond


@pytest.mark.parametrize(("oud", "nieuw", "veld", "woorden"), [
    ("gebieden: [Charlois,", "gebieden: [Charlos,", "gebieden", "niet in de crosswalk"),
    ("gebieden: [Charlois, Feijenoord, IJsselmonde, Hoogvliet]", "gebieden: [Feijenoord]", "wijk", "buiten de gebieden"),
])
def test_the_exports_gebieden_are_checked_against_crosswalk_and_rows(tmp_path, monkeypatch, oud, nieuw, veld, woorden):
    root = _project(tmp_path)
    bron = root / "data" / "meldingen" / "bron.yml"
    tekst = bron.read_text(encoding="utf-8")
    assert oud in tekst
    bron.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(root))
    with pytest.raises(DataValidationError) as exc:
        src.load()
    assert any(p.field == veld and woorden in p.message for p in exc.value.problems), [str(p) for p in exc.value.problems]
