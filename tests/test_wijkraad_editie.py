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
    kop = [th.get_text(" ", strip=True) for th in soup.find("caption", string=re.compile("^Kerncijfers")).parent.select("thead th")]
    assert kop[2:] == ["Carnisse", "Zuiderpark en Zuidrand", "Zuidplein", "Rotterdam"]
    assert "11.620" in text and "668.050" in text
    assert "Rotterdam: berekend uit alle 71 wijken." in text
    assert "Misdrijven per 1.000 inwoners, 2024" in text
    assert not re.search(r"\bnan\b|\bNaN\b|\bNone\b", text)
    assert "Wijkraad Carnisse-Zuidplein-Zuiderpark" in pdf_text(target / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark.pdf")
    kern = (target / "data" / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark" / "kerncijfers.csv").read_text(encoding="utf-8")
    assert kern.splitlines()[0] == "variabele,label,eenheid,jaar,carnisse,zuiderpark-en-zuidrand,zuidplein,rotterdam"


def test_documents_and_toezeggingen_up_to_the_report_year_with_the_cut_off(volledige_build):
    target, _ = volledige_build
    leeg = " ".join(_soup(target / "wijkraden" / "wijkraad-hoogvliet.html").get_text(" ").split())
    # the source has no documents or toezeggingen about Hoogvliet's wijken: said, not an empty table
    assert "De bron heeft geen stukken van of over de raad tot en met 31 december 2024." in leeg
    assert "De bron heeft geen toezeggingen van het college over deze wijken tot en met 31 december 2024." in leeg
    soup = _soup(target / "wijkraden" / "wijkraad-carnisse-zuidplein-zuiderpark.html")
    text = " ".join(soup.get_text(" ").split())
    assert "Stukken tot en met 31 december 2024." in text
    assert "Toezeggingen tot en met 31 december 2024." in text
    assert re.search(r"De bron heeft \d+ stukken van na 31 december 2024: niet in deze lijst\.", text)
    toez = soup.find("caption", string=re.compile("^Toezeggingen van het college")).parent
    rijen = toez.select("tbody tr")
    assert rijen and all(re.search(r"afgedaan|nog niet afgedaan", r.get_text()) for r in rijen)
    links = [a["href"] for a in toez.select("a")]
    assert links and all(h.startswith("https://") and h in toez.get_text() for h in links)  # link and text
    assert all(not re.search(r"\b202[5-9]\b", r.find("td").get_text()) for r in rijen)  # made up to 2024 only


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
