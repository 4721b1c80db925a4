"""The 71-wijk extract (data/wijken/rotterdam-raadzoeker-71-wijken/): its loaders on the real files and on broken
copies, its conversion script, and its agreement with the older 25-wijk files, the crosswalk and the map."""

from __future__ import annotations

import csv
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from wijkrapport.errors import DataValidationError
from wijkrapport.sources import geo, raadzoeker, wijken

ROOT = Path(__file__).resolve().parents[1]
MAPNAAM = yaml.safe_load((ROOT / "data" / "wijken" / "bestanden.yml").read_text(encoding="utf-8"))["raadzoeker"]["map"]
MAP = ROOT / "data" / "wijken" / MAPNAAM
OUD = ROOT / "data" / "wijken" / "rotterdam-raadzoeker-wijkprofiel-cbs-politie"
SHARED = ROOT.parent / "shared" / "reference-data" / "rotterdam-raadzoeker-71-wijken" / "wijken.jsonl"


# --- the real files ---------------------------------------------------------------------------------------------

def test_real_files_load_and_agree_with_each_other():
    raadzoeker.validate_all()
    w = raadzoeker.load_wijken()
    assert len(w) == 71 and w["wijk_slug"].is_unique
    k = raadzoeker.load_kerncijfers()
    assert set(k["wijk_slug"]) == set(w["wijk_slug"])
    assert k["jaar"].dtype.kind == "i" and k["waarde"].dtype.kind == "f"
    # stable names and converted units: Carnisse, 1 January 2024: 11.620 inhabitants, WOZ € 190.000
    carnisse = k[(k["wijk_slug"] == "carnisse") & (k["jaar"] == 2024)].set_index("variabele")["waarde"]
    assert carnisse["inwoners"] == 11620 and carnisse["woz"] == 190_000 and carnisse["autos_per_huishouden"] == 0.5
    detail = raadzoeker.load_wijkprofiel_detail()
    assert set(detail["editie"]) == {raadzoeker.load_wijkprofiel()["editie"].max()}
    assert len(detail) == 71 * 3 * 1 + 71 * (4 + 5 + 4) * 2
    pol = raadzoeker.load_politie()
    assert pol.groupby("wijk_slug")["categorie"].nunique().eq(10).all()
    toez = raadzoeker.load_toezeggingen()
    assert set(toez["stand"]) == {raadzoeker.STAND_AFGEDAAN, raadzoeker.STAND_OPEN}
    assert (toez["stand"] == raadzoeker.STAND_AFGEDAAN).eq(toez["afgedaan_op"].notna()).all()
    stukken = raadzoeker.load_wijkraad_stukken()
    assert stukken["datum"].dtype.kind == "M"
    # verbatim: the source's trailing space in a document number is kept
    assert "24bb008007 " in set(stukken["nummer"])
    bron = raadzoeker.load_bron()
    assert bron.bronvermelding.wijkprofiel == "Cijfers: gemeente Rotterdam; OBI, Wijkprofiel 2014-2026"
    assert stukken.groupby("wijk_slug").size().max() <= bron.max_stukken_per_wijk


def test_every_wijk_of_the_data_is_in_the_crosswalk_and_on_the_map():
    slugs = set(raadzoeker.load_wijken()["wijk_slug"])
    cw = wijken.load_crosswalk()
    assert slugs == set(cw["wijk_slug"])
    polygons = set(geo.load_buurten()["cbs_buurtcode"])
    missing = [(r.wijk_slug, c) for r in cw.itertuples() for c in r.cbs_buurtcodes.split(";") if c not in polygons]
    assert missing == []
    # the police figures cover the same buurten as the CBS figures for every wijk
    assert (cw["politie_code"] == cw["cbs_buurtcodes"]).all()


def test_the_25_wijken_keep_their_figures():
    """Every value the older 25-wijk files hold is equal in the 71-wijk files (1.642 values)."""
    cbs = {"aantal_inwoners": "inw", "gem_woz_waarde_x1000eur": "woz", "pct_huurwoningen": "huur",
           "pct_huurwoningen_corporatie": "corp", "gem_inkomen_per_inwoner_x1000eur": "ink",
           "pct_huishoudens_laag_inkomen": "laag", "personen_alg_bijstandsuitkering": "bijst", "pct_0_15_jaar": "jong",
           "pct_65_plus": "oud", "pct_eenpersoonshuishoudens": "eenp", "personenautos_per_huishouden": "auto"}
    nieuw = {(r["wijk_slug"], r["jaar"], r["variabele"]): float(r["waarde"]) for r in _rows(MAP / "cbs_kerncijfers.csv")}
    paren = [(nieuw.get((r["wijk_slug"], r["jaar"], key)), float(r[col]))
             for r in _rows(OUD / "cbs_kerncijfers_wijk_2022_2025.csv") for col, key in cbs.items() if r[col] != ""]
    pol = {(r["wijk_slug"], r["jaar"], r["categorie"]): float(r["aantal"]) for r in _rows(MAP / "politie_misdrijven.csv")}
    paren += [(pol.get((r["wijk_slug"], r["jaar"], cat)), float(r[col]))
              for r in _rows(OUD / "politie_misdrijven_wijk_2018_2025.csv")
              for col, cat in (("totaal_misdrijven", "Totaal misdrijven"), ("woninginbraak", "Woninginbraak"))]
    wp = {(r["wijk_slug"], r["editie"], r["index"]): float(r["waarde"]) for r in _rows(MAP / "wijkprofiel_index.csv")}
    paren += [(wp.get((r["wijk_slug"], r["editie"], ix)), float(r[col]))
              for r in _rows(OUD / "wijkprofiel_index_wijk_2014_2026.csv")
              for col, ix in (("fysieke_index", "fysiek"), ("veiligheidsindex", "veiligheid"),
                              ("sociale_index", "sociaal")) if r[col] != ""]
    assert len(paren) == 1642
    assert [p for p in paren if p[0] != p[1]] == []


def test_the_25_wijken_keep_their_figures_through_the_loaders():
    """The wijk figures (``sources.wijken``, now read from the 71-wijk files) equal the older 25-wijk file, converted
    as before (WOZ and income x 1.000)."""
    factor = {"gem_woz_waarde_x1000eur": 1000, "gem_inkomen_per_inwoner_x1000eur": 1000}
    naam = {"aantal_inwoners": "inwoners", "gem_woz_waarde_x1000eur": "woz", "pct_huurwoningen": "pct_huur",
            "pct_huurwoningen_corporatie": "pct_corporatie", "gem_inkomen_per_inwoner_x1000eur": "inkomen_per_inwoner",
            "pct_huishoudens_laag_inkomen": "pct_laagste_40_huishoudens", "personen_alg_bijstandsuitkering": "bijstand",
            "pct_0_15_jaar": "pct_0_15", "pct_65_plus": "pct_65_plus", "pct_eenpersoonshuishoudens": "pct_eenpersoonshuishoudens"}
    oud = {(r["wijk_slug"], int(r["jaar"]), naam[col]): float(r[col]) * factor.get(col, 1)
           for r in _rows(OUD / "cbs_kerncijfers_wijk_2022_2025.csv") for col in naam if r[col] != ""}
    nieuw = wijken.load_kerncijfers_recent().set_index(["wijk_slug", "jaar", "variabele"])["waarde"].to_dict()
    assert len(oud) > 500
    assert {k: (v, nieuw.get(k)) for k, v in oud.items() if nieuw.get(k) != v} == {}
    assert wijken.load_kerncijfers_recent()["wijk_slug"].nunique() == 71


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared beside the project")
def test_conversion_reproduces_the_committed_files(tmp_path):
    script = MAP / "bron" / "maak_csv.py"
    result = subprocess.run([sys.executable, str(script), str(SHARED), str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert len(made) == 9
    for name in made:
        assert (tmp_path / name).read_bytes() == (MAP / name).read_bytes(), name


def test_conversion_stops_on_an_unknown_status(tmp_path):
    spec = importlib.util.spec_from_file_location("maak_csv", MAP / "bron" / "maak_csv.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.stand("afgedaan 16-09-2026", "x") == ("afgedaan", "2026-09-16", "")
    assert mod.stand("nog niet afgedaan · verwacht 24-09-2026", "x") == ("nog niet afgedaan", "", "2026-09-24")
    with pytest.raises(SystemExit, match="onbekende status"):
        mod.stand("afgehandeld 16-09-2026", "carnisse toez 1")


def test_crosswalk_check_script_passes_and_its_output_is_committed():
    result = subprocess.run([sys.executable, str(ROOT / "data" / "wijken" / "check_crosswalk.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stdout == (ROOT / "data" / "wijken" / "crosswalk_check.txt").read_text(encoding="utf-8")
    assert "waarden die ook in de 25-wijkenbestanden staan: 1642 gelijk, 0 verschillend" in result.stdout


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


# --- broken copies ------------------------------------------------------------------------------------------------

@pytest.fixture
def kopie(tmp_path, monkeypatch):
    """A project folder holding only a copy of the 71-wijk data; the loaders read it."""
    dst = tmp_path / "data" / "wijken" / MAPNAAM
    shutil.copytree(MAP, dst)
    shutil.copy2(ROOT / "data" / "wijken" / "crosswalk.csv", dst.parent / "crosswalk.csv")
    shutil.copy2(ROOT / "data" / "wijken" / "bestanden.yml", dst.parent / "bestanden.yml")
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    return dst


def _regel(path: Path, begin: str) -> int:
    """Line number (1 = header) of the first line that starts with ``begin``."""
    for nr, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(begin):
            return nr
    raise AssertionError(f"geen regel begint met {begin!r}")


def _vervang(path: Path, nr: int, oud: str, nieuw: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert oud in lines[nr - 1], lines[nr - 1]
    lines[nr - 1] = lines[nr - 1].replace(oud, nieuw, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _problemen(load) -> list:
    with pytest.raises(DataValidationError) as exc:
        load()
    return exc.value.problems


# (file, start of the line to break, text, replacement, loader, field, words in the message)
GEBROKEN = [
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "69.0", '"69,0"', "load_kerncijfers", "waarde", "getal"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "69.0", "169.0", "load_kerncijfers", None, "aandeel"),
    ("cbs_kerncijfers.csv", "carnisse,2024,inw,", "11620", "11620.5", "load_kerncijfers", None, "geheel"),
    ("cbs_kerncijfers.csv", "carnisse,2024,inw,", "11620", "-11620", "load_kerncijfers", "waarde", "greater_than"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "huur", "huur2", "load_kerncijfers", "variabele", "variabelen.csv"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "carnisse", "Carnisse", "load_kerncijfers", "wijk_slug",
     "waarschijnlijk dezelfde als 'carnisse'"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "carnisse", "c\u0430rnisse", "load_kerncijfers", "wijk_slug",
     "verschillende schriften"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "carnisse", "carnis\u200bse", "load_kerncijfers", "wijk_slug",
     "U+200B"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "carnisse", "atlantis", "load_kerncijfers", "wijk_slug",
     "wijken.csv"),
    ("cbs_kerncijfers.csv", "carnisse,2024,huur,", "2024", "2042.5", "load_kerncijfers", None, "jaar"),
    ("politie_misdrijven.csv", "carnisse,Woninginbraak,2024,", ",24", ",2400", "load_politie", None, "Totaal misdrijven"),
    ("wijkprofiel_index.csv", "carnisse,2026,fysiek,", ",83", ",", "load_wijkprofiel", "waarde", "leeg"),
    ("wijkprofiel_detail.csv", "carnisse,2026,fysiek,subjectief,Wonen,", "subjectief", "subjectieve",
     "load_wijkprofiel_detail", "deel", "isin"),
    ("wijkraden.csv", "zuiderpark-en-zuidrand,Wijkraad Carnisse-Zuiderpark", "Zuiderpark", "ZuiderPark", "load_wijkraad_namen",
     "wijkraad_naam", "waarschijnlijk dezelfde als 'Wijkraad Carnisse-Zuiderpark'"),
    ("wijkraad_stukken.csv", "carnisse,1,", "https://gemeenteraad", "javascript:alert(1)//gemeenteraad",
     "load_wijkraad_stukken", "link", "https"),
    ("wijkraad_stukken.csv", "carnisse,1,", "2026-05-06", "2026-02-30", "load_wijkraad_stukken", "datum", "datum"),
    ("wijkraad_stukken.csv", "carnisse,1,", "Bijlage 2", "Bijlage\t2", "load_wijkraad_stukken", "titel", "stuurtekens"),
    ("wijkraad_stukken.csv", "carnisse,2,", "carnisse,2,", "carnisse,9,", "load_wijkraad_stukken", "volgorde", "zonder gaten"),
    ("toezeggingen.csv", "carnisse,1,", "afgedaan 16-09-2026,afgedaan,2026-09-16", "afgedaan 16-10-2026,afgedaan,2026-09-16",
     "load_toezeggingen", "afgedaan_op", "past niet bij de status"),
    ("toezeggingen.csv", "carnisse,1,", "afgedaan 16-09-2026,afgedaan", "afgehandeld 16-09-2026,afgedaan",
     "load_toezeggingen", "status", "verwacht"),
    ("toezeggingen.csv", "carnisse,1,", "afgedaan 16-09-2026,afgedaan,2026-09-16", "afgedaan 16-09-2025,afgedaan,2025-09-16",
     "load_toezeggingen", "afgedaan_op", "vóór de datum"),
    ("toezeggingen.csv", "carnisse,1,", ",afgedaan,", ",open,", "load_toezeggingen", "stand", "isin"),
    ("stukken_aantallen.csv", "carnisse,Motie,", "22", "twintig", "load_stukken_aantallen", "aantal", "getal"),
    ("wijken.csv", "carnisse,", ",58", ",-1", "load_wijken", "wijkraad_vergaderingen", "greater_than"),
    ("variabelen.csv", "huur,", "aandeel,woning", "aandeel,", "load_variabelen", None, "'per' is leeg"),
]


@pytest.mark.parametrize("bestand,begin,oud,nieuw,loader,veld,woorden", GEBROKEN,
                         ids=[f"{g[0]}-{g[3][:18]}" for g in GEBROKEN])
def test_a_broken_value_is_reported_with_file_row_and_field(kopie, bestand, begin, oud, nieuw, loader, veld, woorden):
    path = kopie / bestand
    nr = _regel(path, begin)
    _vervang(path, nr, oud, nieuw)
    problemen = _problemen(getattr(raadzoeker, loader))
    hit = [p for p in problemen if p.file.endswith(bestand) and p.row == nr and (veld is None or p.field == veld)]
    assert hit, [str(p) for p in problemen]
    assert any(woorden.lower() in str(p).lower() for p in hit), [str(p) for p in hit]


def test_an_extra_field_names_the_file_and_line(kopie):
    path = kopie / "cbs_kerncijfers.csv"
    nr = _regel(path, "carnisse,2024,huur,")
    _vervang(path, nr, "69.0", "69,0")  # a decimal comma without quotes: one field too many
    problemen = _problemen(raadzoeker.load_kerncijfers)
    assert problemen[0].file.endswith("cbs_kerncijfers.csv") and problemen[0].row == nr, [str(p) for p in problemen]
    assert "velden" in problemen[0].message


def test_every_problem_of_a_file_is_reported_at_once(kopie):
    path = kopie / "cbs_kerncijfers.csv"
    a = _regel(path, "carnisse,2024,huur,")
    b = _regel(path, "heijplaat,2024,huur,")
    _vervang(path, a, "69.0", "x")
    _vervang(path, b, "huur", "huurr")
    rows = {(p.row, p.field) for p in _problemen(raadzoeker.load_kerncijfers)}
    assert (a, "waarde") in rows and (b, "variabele") in rows


def test_a_duplicate_row_is_an_error(kopie):
    path = kopie / "politie_misdrijven.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    n = len(text.splitlines()) + 1
    assert [(p.row, p.message) for p in _problemen(raadzoeker.load_politie)] == [
        (n, "dubbele rij: carnisse, Totaal misdrijven, 2018 staat al in rij 2")]


def test_identifiers_are_normalised_and_a_repeat_after_normalising_is_named(kopie):
    """White space around a slug goes (as in every loader); a row that then repeats another names it."""
    path = kopie / "cbs_kerncijfers.csv"
    nr = _regel(path, "carnisse,2024,huur,")
    _vervang(path, nr, "carnisse", "\u00a0carnisse ")
    df = raadzoeker.load_kerncijfers()
    assert len(df[(df["wijk_slug"] == "carnisse") & (df["jaar"] == 2024) & (df["variabele"] == "pct_huur")]) == 1
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "carnisse ,2024,huur,70.0\n", encoding="utf-8")
    (p,) = _problemen(raadzoeker.load_kerncijfers)
    assert (p.row, p.field) == (len(text.splitlines()) + 1, "wijk_slug")
    assert p.message.startswith("waarschijnlijk dezelfde als ") and f"' in rij {nr}: " in p.message


def test_more_items_than_the_source_keeps_is_an_error(kopie):
    bron = kopie / "bron.yml"
    bron.write_text(bron.read_text(encoding="utf-8").replace("max_stukken_per_wijk: 8", "max_stukken_per_wijk: 7"),
                    encoding="utf-8")
    problemen = _problemen(raadzoeker.load_wijkraad_stukken)
    assert any(p.field == "volgorde" and "meer dan de 7" in p.message for p in problemen)


def test_bron_yml_with_an_unknown_key_names_it(kopie):
    bron = kopie / "bron.yml"
    bron.write_text(bron.read_text(encoding="utf-8") + "max_stukken: 8\n", encoding="utf-8")
    problemen = _problemen(raadzoeker.load_bron)
    assert any(p.field == "max_stukken" and p.file.endswith("bron.yml") for p in problemen)


def test_a_detail_of_another_edition_is_caught_across_files(kopie):
    path = kopie / "wijkprofiel_detail.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("carnisse,2026,", "carnisse,2024,"), encoding="utf-8")
    raadzoeker.load_wijkprofiel_detail()  # valid on its own
    problemen = _problemen(raadzoeker.validate_all)
    assert any(p.field == "editie" and p.file.endswith("wijkprofiel_detail.csv") and p.row == 2 for p in problemen)


def test_a_missing_or_undecodable_file_is_named(kopie):
    (kopie / "toezeggingen.csv").unlink()
    assert any(p.file.endswith("toezeggingen.csv") for p in _problemen(raadzoeker.load_toezeggingen))
    path = kopie / "stukken_aantallen.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace("carnisse", "carnissé").encode("latin-1"))
    assert any("codering" in str(p) for p in _problemen(raadzoeker.load_stukken_aantallen))


def test_a_broken_wijken_file_is_reported_once_by_validate_all(kopie):
    path = kopie / "wijken.csv"
    _vervang(path, 2, "carnisse,", "Carnisse,")
    problemen = _problemen(raadzoeker.validate_all)
    assert len([p for p in problemen if p.file.endswith("wijken.csv")]) == 1


def test_text_that_looks_like_a_formula_stays_text(kopie):
    """Titles are data, never evaluated: a leading '=' survives as text (the xlsx writer must keep it text)."""
    path = kopie / "wijkraad_stukken.csv"
    _vervang(path, 2, "Bijlage 2 behorende", "=HYPERLINK(1) behorende")
    titel = raadzoeker.load_wijkraad_stukken().iloc[0]["titel"]
    assert titel.startswith("=HYPERLINK(1)") and isinstance(titel, str)


def test_a_bom_is_accepted(kopie):
    path = kopie / "stukken_aantallen.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert list(raadzoeker.load_stukken_aantallen().columns) == ["wijk_slug", "soort", "aantal"]
    assert isinstance(raadzoeker.load_stukken_aantallen(), pd.DataFrame)


def test_wijken_sharing_a_cbs_area_must_carry_the_same_figures(kopie):
    """Groot IJsselmonde-Noord and -Zuid are one CBS buurt: a figure changed in one of them is caught (row named)."""
    path = kopie / "cbs_kerncijfers.csv"
    nr = _regel(path, "groot-ijsselmonde-zuid,2024,inw,")
    lines = path.read_text(encoding="utf-8").split("\n")
    waarde = lines[nr - 1].rsplit(",", 1)[1]
    _vervang(path, nr, f",{waarde}", f",{int(waarde) + 5}")
    problemen = _problemen(raadzoeker.validate_all)
    noord = _regel(path, "groot-ijsselmonde-noord,2024,inw,")
    assert {p.row for p in problemen if p.file.endswith("cbs_kerncijfers.csv")} == {nr, noord}
    (kopie / "politie_misdrijven.csv").write_text(
        "\n".join(line for line in (kopie / "politie_misdrijven.csv").read_text(encoding="utf-8").split("\n")
                  if not line.startswith("groot-ijsselmonde-noord,Straatroof,2019,")), encoding="utf-8")
    problemen = _problemen(raadzoeker.validate_all)
    assert any(p.file.endswith("politie_misdrijven.csv") and "ontbreekt" in p.message for p in problemen)


def test_a_wijk_outside_the_crosswalk_is_named(kopie):
    _vervang(kopie / "wijken.csv", 2, "carnisse,", "carnisse-oost,")
    for name in ("cbs_kerncijfers.csv", "wijkprofiel_index.csv", "wijkprofiel_detail.csv", "politie_misdrijven.csv",
                 "wijkraden.csv", "wijkraad_stukken.csv", "toezeggingen.csv", "stukken_aantallen.csv"):
        path = kopie / name
        path.write_text("\n".join(line.replace("carnisse,", "carnisse-oost,", 1) if line.startswith("carnisse,") else line
                                  for line in path.read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    problemen = _problemen(raadzoeker.validate_all)
    assert any(p.row == 2 and p.value == "carnisse-oost" and "crosswalk" in p.message for p in problemen)
    assert any(p.value == "carnisse" and "ontbreekt" in p.message for p in problemen)
