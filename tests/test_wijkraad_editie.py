"""The wijkraad edition as built by the shared build (two wijkraden, conftest.WIJKRADEN_SNEL), and its params."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from helpers import make_project, pdf_text, run_cli

pytestmark = pytest.mark.slow


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_edition_per_wijkraad_with_its_wijken_side_by_side(volledige_build):
    target, _ = volledige_build
    soup = _soup(target / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark.html")
    text = soup.get_text(" ")
    tabel = soup.find("caption", string=re.compile("^Kerncijfers")).parent
    kop = [th.get_text(" ", strip=True) for th in tabel.select("thead th")]
    assert kop[2:] == ["Carnisse", "Zuiderpark en Zuidrand", "Zuidplein", "Rotterdam"]
    assert "11.620" in text and "668.050" in text
    # the note on the Rotterdam column names the facts: all 71 wijken, the two that share one set of CBS figures
    noot = " ".join(tabel.parent.get_text(" ").split())
    assert "71" in noot and "Groot IJsselmonde-Noord en Groot IJsselmonde-Zuid" in noot
    politie = soup.find("caption", string=re.compile("per 1.000 inwoners")).get_text()
    assert "2024" in politie  # the latest year with police figures
    assert not re.search(r"\bnan\b|\bNaN\b|\bNone\b|[{}]", text)  # no value missing, no template field left
    assert "Wijkraad Carnisse-Zuidplein-Zuiderpark" in pdf_text(target / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark.pdf")
    kern = (target / "data" / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark" / "kerncijfers.csv").read_text(encoding="utf-8")
    assert kern.splitlines()[0] == "variabele,label,eenheid,jaar,carnisse,zuiderpark-en-zuidrand,zuidplein,rotterdam"


def _alinea_met(soup, patroon: str) -> str:
    """The one paragraph whose text matches ``patroon`` (whitespace normalised)."""
    alineas = [" ".join(p.get_text(" ").split()) for p in soup.find_all("p")]
    treffers = [a for a in alineas if re.search(patroon, a)]
    assert len(treffers) == 1, (patroon, treffers)
    return treffers[0]


def test_documents_and_toezeggingen_up_to_the_report_year_with_the_cut_off(volledige_build):
    from wijkrapport.domain import wijkraden
    from wijkrapport.sources import raadzoeker

    target, _ = volledige_build
    bron = raadzoeker.load_bron()
    hoogvliet = _soup(target / "wijkraden" / "wijkraad-hoogvliet.html")
    # the source has no documents or toezeggingen about Hoogvliet's wijken: said, not an empty table
    assert not hoogvliet.find("caption", string=re.compile("stukken|Toezeggingen"))
    assert not (target / "data" / "wijkraden" / "wijkraad-hoogvliet" / "stukken.csv").exists()
    assert "31 december 2024" in _alinea_met(hoogvliet, r"geen stukken")
    assert "31 december 2024" in _alinea_met(hoogvliet, r"geen toezeggingen")
    soup = _soup(target / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark.html")
    wijken = ["carnisse", "zuiderpark-en-zuidrand", "zuidplein"]
    stukken = wijkraden.stukken_van(raadzoeker.load_wijkraad_stukken(), wijken, 2024, bron.max_stukken_per_wijk)
    assert stukken.rijen.empty and stukken.later > 1
    # the cut-off note: the end date, and the documents after it counted with the plural
    assert re.search(rf"\b{stukken.later} stukken van na 31 december 2024", _alinea_met(soup, r"geen stukken"))
    toez = soup.find("caption", string=re.compile("^Toezeggingen van het college")).parent
    rijen = toez.select("tbody tr")
    assert rijen and all(re.search(r"afgedaan|nog niet afgedaan", r.get_text()) for r in rijen)
    links = [a["href"] for a in toez.select("a")]
    assert links and all(h.startswith("https://") and h in toez.get_text() for h in links)  # link and text
    assert all(not re.search(r"\b202[5-9]\b", r.find("td").get_text()) for r in rijen)  # made up to 2024 only
    # the count above the table: as many toezeggingen as rows, and how many were afgedaan on 31 December
    afgedaan = sum(1 for r in rijen if r.select("td")[-1].get_text().startswith("afgedaan op"))
    telling = _alinea_met(soup, rf"\b{len(rijen)} toezeggingen\b")
    assert f"{afgedaan} afgedaan" in telling and f"{len(rijen) - afgedaan} nog niet" in telling
    assert "31 december 2024" in " ".join(toez.parent.get_text(" ").split())  # the cut-off note under the table


def test_prose_of_the_edition_is_mostly_written_in_its_notebook(volledige_build):
    """Issue 22: at least half of the edition's prose (strict word-trigram measure of tests/proza.py) is written in
    notebooks/wijkraad.ipynb or the params, not in lib/."""
    import proza

    target, _ = volledige_build
    for slug in ("wijkraad-carnisse-zuidplein-zuiderpark", "wijkraad-hoogvliet"):
        aandeel, in_notebook, in_lib = proza.aandeel((target / "wijkraden" / f"{slug}.html").read_text(encoding="utf-8"))
        assert aandeel >= 0.5, f"{slug}: {aandeel:.1%} in het notebook ({in_notebook} trigrammen tegen {in_lib} in lib/)"


def test_landing_page_lists_wijkraden_grouped_by_gebied(volledige_build):
    target, _ = volledige_build
    soup = _soup(target / "index.html")
    sectie = soup.find(id="wijkraden").parent
    groepen = {g.find("h3").get_text(): [li.find("strong").get_text() for li in g.select("li")]
               for g in sectie.select(".gebiedgroep")}
    assert groepen == {"Charlois": ["Wijkraad Carnisse-Zuidplein-Zuiderpark: editie 2024"],
                       "Hoogvliet": ["Wijkraad Hoogvliet: editie 2024"]}
    assert soup.find(id="zoek") is not None
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rapporten"]["wijkraden/wijkraad-hoogvliet"]["gebied"] == "Hoogvliet"


def test_only_by_wijkraad_slug_and_bad_params(tmp_path):
    yml = ("jaar: 2024\nwijkraden:\n  - slug: wijkraad-x\n    naam: X\n    wijken: [carnisse]\n"
           "  - slug: wijkraad-y\n    naam: Y\n    wijken: [atlantis]\n")
    project = make_project(tmp_path, wijkraden_yml=yml)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    result = run_cli("--year", "2024", "--only", "wijkraad-y", "--out", str(tmp_path / "uit"), env=env)
    assert result.returncode == 3, result.stderr
    assert "wijkraden.yml" in result.stderr and "atlantis" in result.stderr
    dubbel = yml.replace("[atlantis]", "[carnisse]")
    (project / "params" / "2024" / "wijkraden.yml").write_text(dubbel, encoding="utf-8")
    result = run_cli("--year", "2024", "--only", "wijkraad-x", "--out", str(tmp_path / "uit"), env=env)
    assert result.returncode == 2 and "carnisse hoort bij meer dan één wijkraad" in result.stderr


def test_generated_params_match_the_data(tmp_path):
    """params/2024/wijkraden.yml is what the generator makes from the data (39 wijk- en dorpsraden)."""
    from wijkrapport import config
    from wijkrapport.tools import wijkraadparams

    tekst = wijkraadparams.tekst(2024)
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    assert (root / "params" / "2024" / "wijkraden.yml").read_text(encoding="utf-8") == tekst
    assert len(config.wijkraden_params(2024).wijkraden) == 39
