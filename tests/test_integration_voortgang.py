"""The real pipeline: notebooks executed by papermill into a temporary output folder."""

import csv
import json
import re

import pytest
from bs4 import BeautifulSoup
from helpers import pdf_text, run_cli
from proza import aandeel
from wijkrapport.sources.registry import load_programma

pytestmark = pytest.mark.slow

def _hoofdstukken() -> list:
    import yaml
    from helpers import ROOT

    return yaml.safe_load((ROOT / "params" / "2024" / "voortgangsrapportage.yml").read_text(encoding="utf-8"))["hoofdstukken"]


@pytest.fixture(scope="session")
def gebouwd(volledige_build):
    return volledige_build


def test_html_holds_every_chapter_in_document_order(gebouwd):
    """One h2 per chapter of the params; each pijler chapter is headed by its pijler, in the order of the params."""
    target, _ = gebouwd
    soup = BeautifulSoup((target / "voortgangsrapportage.html").read_text(encoding="utf-8"), "html.parser")
    h2 = [h.get_text(" ", strip=True) for h in soup.select("main h2")]
    hoofdstukken = _hoofdstukken()
    assert len(h2) == len(hoofdstukken)
    programma = load_programma("nprz")
    for kop, h in zip(h2, hoofdstukken, strict=True):
        if "pijler" in h.get("parameters", {}):
            assert kop.endswith(programma.pijler_label(h["parameters"]["pijler"])), kop
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "nl"


def test_the_story_is_written_in_the_notebooks(gebouwd):
    """Issue 22: at least half of the report's prose (word trigrams, tables excluded) is written in its notebooks
    or the params, not in lib/ (tests/proza.py)."""
    target, _ = gebouwd
    share, in_notebooks, in_lib = aandeel((target / "voortgangsrapportage.html").read_text(encoding="utf-8"))
    assert share >= 0.5, f"{share:.1%}: {in_notebooks} trigrams in notebooks/params, {in_lib} in lib"


def test_html_shows_computed_figures_in_dutch_format(gebouwd):
    target, _ = gebouwd
    html = (target / "voortgangsrapportage.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    for figure in ("58,8%", "93,2%", "44,3%", "-14,3%", "21,6%", "52,8%", "20,3%"):
        assert figure in text, figure
    assert "58,0%" in text  # the printed value is shown beside ours
    assert not re.search(r"\b\d+\.\d%", text), "decimal point in a Dutch percentage"
    assert not re.search(r"\bnan\b|\bNaN\b|\bNone\b", text)


def test_pdf_has_text_and_figures(gebouwd):
    target, _ = gebouwd
    text = pdf_text(target / "voortgangsrapportage.pdf")
    assert "Voortgangsrapportage NPRZ 2024" in text
    assert "58,8%" in text
    assert "Pagina 2 van" in text


def test_doelstelling_csv_contract(gebouwd):
    target, _ = gebouwd
    with open(target / "data" / "doelstelling.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:12] == [
        "indicator_id", "indicator", "pijler", "referentie", "startjaar", "zuid_start", "zuid_huidig",
        "referentie_huidig", "pct_ingelopen", "doel_2024", "doel_2031", "status",
    ]
    assert {"soort", "pct_ingelopen_gepubliceerd"} <= set(rows[0])
    by_id = {r["indicator_id"]: r for r in rows}
    f = by_id["fundamenteel_niveau"]
    assert (f["pct_ingelopen"], f["doel_2024"], f["doel_2031"], f["status"]) == ("58.8", "93.2", "95.0", "groen")
    assert f["pct_ingelopen_gepubliceerd"] == "58.0"
    assert {r["referentie"] for r in rows} == {"G4", "Rotterdam", "vast"}
    assert {r["soort"] for r in rows} == {"doel", "indicator"}
    assert all(r["status"] in ("groen", "oranje", "rood", "grijs") for r in rows)


def test_executed_notebooks_kept_for_audit_and_manifest(gebouwd):
    target, _ = gebouwd
    notebooks = sorted(p.name for p in (target / "notebooks").glob("*.ipynb"))
    assert len(notebooks) == len(_hoofdstukken())
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["rapporten"]["voortgangsrapportage"]
    assert entry["status"] == "gebouwd"
    assert "voortgangsrapportage.pdf" in entry["outputs"]
    from wijkrapport import __version__

    assert entry["versie"] == __version__ and manifest["jaar"] == "2024"
    inputs = entry["inputs"]
    assert {"wijkrapport-code", "params/2024/voortgangsrapportage.yml", "notebooks/voortgang_doelstelling.ipynb",
            "data/nprz/metingen.csv", "data/nprz/2024/gedrukt.csv", "data/nprz/2024/interventies.csv"} <= set(inputs)
    assert all(len(h) == 64 for h in inputs.values()), "sha256 per input"
    assert entry["duur_s"] > 0 and entry["duur_notebooks_s"] > 0 and entry["duur_html_pdf_s"] > 0
    assert abs(entry["duur_s"] - entry["duur_notebooks_s"] - entry["duur_html_pdf_s"]) < 0.05
    assert entry["outputs"] and all((target / o).is_file() for o in entry["outputs"])


def test_rerun_without_changes_builds_nothing(gebouwd):
    target, _ = gebouwd
    before = (target / "voortgangsrapportage.pdf").read_bytes()
    project = target.parent.parent
    result = run_cli("--year", "2024", "--out", str(target.parent), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 0, result.stderr
    assert "Niets te doen" in result.stdout
    assert (target / "voortgangsrapportage.pdf").read_bytes() == before
