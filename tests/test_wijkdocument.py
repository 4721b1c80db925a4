"""Wijkdocumenten: the real notebook for wijken with different data gaps, and params/data checks."""

import re

import pytest
from bs4 import BeautifulSoup
from conftest import WIJKEN_SNEL
from helpers import make_project, pdf_text, run_cli

pytestmark = pytest.mark.slow

WIJKEN = WIJKEN_SNEL


@pytest.fixture(scope="module")
def gebouwd(volledige_build):
    """The session's real build: its three wijkdocumenten are the fast profile's wijken."""
    assert "carnisse" in WIJKEN and "hoogvliet-zuid" in WIJKEN and "groot-ijsselmonde-noord" in WIJKEN
    return None, volledige_build[0]


def _text(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")


def test_carnisse_shows_inhabitants_in_dutch_format(gebouwd):
    _, target = gebouwd
    text = _text(target / "wijken" / "carnisse.html")
    soup = BeautifulSoup((target / "wijken" / "carnisse.html").read_text(encoding="utf-8"), "html.parser")
    samenvatting = soup.select_one(".samenvatting").get_text(" ")
    assert "Carnisse" in samenvatting and "11.620" in samenvatting and "2024" in samenvatting  # inhabitants, 1 Jan
    kaart = [f.get_text(" ") for f in soup.find_all("figcaption") if "Kaart" in f.get_text()]
    assert len(kaart) == 1 and "Carnisse" in kaart[0] and "Charlois" in kaart[0]  # the map of its gebied
    assert "Kwamen wonen" in text  # the verhuisbewegingen of its gebied
    assert not re.search(r"\bnan\b|\bNaN\b|\bNone\b", text)
    assert not re.search(r"\b\d+\.\d+%", text), "decimal point in a Dutch percentage"


def test_wijk_without_nprz_data_says_so_instead_of_zero(gebouwd):
    _, target = gebouwd
    text = _text(target / "wijken" / "hoogvliet-zuid.html")
    assert "Hoogvliet-zuid" in text
    assert "Kwamen wonen" not in text  # no verhuisbewegingen table (the notebook's sentence says why), no zeros
    assert not (target / "data" / "wijken" / "hoogvliet-zuid" / "verhuisbewegingen.csv").exists()
    kern = (target / "data" / "wijken" / "hoogvliet-zuid" / "kerncijfers.csv").read_text(encoding="utf-8")
    assert "inwoners,Inwoners,aantal,2024," in kern and ",668050," in kern  # Rotterdam: all wijken, not 'geen gegevens'
    assert "71 wijken" in text  # how the Rotterdam column was made: from all 71 wijken


def test_shared_cbs_buurt_caveat_is_stated(gebouwd):
    _, target = gebouwd
    text = _text(target / "wijken" / "groot-ijsselmonde-noord.html")
    assert "één CBS-buurt" in text


def test_pdf_and_csv_per_wijk(gebouwd):
    _, target = gebouwd
    assert "11.620" in pdf_text(target / "wijken" / "carnisse.pdf")
    kern = (target / "data" / "wijken" / "carnisse" / "kerncijfers.csv").read_text(encoding="utf-8")
    assert kern.splitlines()[0].startswith("variabele,label,eenheid,jaar,wijk")
    assert "inwoners,Inwoners,aantal,2024,11620" in kern


def test_pdf_shows_every_chart_as_an_image_with_its_alt_text(gebouwd):
    import pikepdf

    _, target = gebouwd
    soup = BeautifulSoup((target / "wijken" / "carnisse.html").read_text(encoding="utf-8"), "html.parser")
    alts = sorted(svg["aria-label"] for svg in soup.select("figure.grafiek svg"))
    assert len(alts) >= 3
    with pikepdf.open(target / "wijken" / "carnisse.pdf") as doc:
        images = {obj.objgen for page in doc.pages for obj in page.get_images().values()}  # resources may be shared
        figure_alts = sorted(str(o.Alt) for o in doc.objects
                             if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure" and "/Alt" in o)
    assert len(images) == len(alts)
    assert figure_alts == alts


def test_wijk_in_params_without_data_stops_the_run(tmp_path):
    project = make_project(tmp_path, wijken_yml=WIJKEN + "  - slug: atlantis\n")
    result = run_cli("--year", "2024", "--out", str(project / "reports"), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 3
    assert "atlantis" in result.stderr and "wijken.yml" in result.stderr
    assert not (project / "reports" / "2024" / "wijken").exists()


def test_path_traversal_slug_is_refused(tmp_path):
    project = make_project(tmp_path, wijken_yml=WIJKEN + "  - slug: ../../etc\n")
    result = run_cli("--year", "2024", "--out", str(project / "reports"), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 2
    assert "wijken.3.slug" in result.stderr
    assert "wijken.yml" in result.stderr


def test_hoogvliet_zuid_shows_the_action_plan_with_disputed_actions(gebouwd):
    _, target = gebouwd
    soup = BeautifulSoup((target / "wijken" / "hoogvliet-zuid.html").read_text(encoding="utf-8"), "html.parser")
    rows = [tr for tr in soup.select("table tr") if re.fullmatch(r"\d\.\d\.\d", tr.find(["th", "td"]).get_text(strip=True))]
    assert len(rows) == 34
    disputed = [tr.find("th").get_text(strip=True) for tr in rows if "afwijking" in (tr.get("class") or [])]
    assert disputed == ["3.3.1", "4.2.2"]
    assert all("betwist" in tr.get_text() for tr in rows if "afwijking" in (tr.get("class") or []))
    text = soup.get_text(" ")
    assert "34 nog niet beoordeeld" in text  # the count per status, with the status in words
    assert (target / "data" / "wijken" / "hoogvliet-zuid" / "actieplan_hoogvliet-2025_telling.csv").exists()
    # the honesty check, per doel: outcomes are shown next to the (not yet assessed) actions, in a box
    from wijkrapport.sources.actieplan import plans_for_wijk

    plan = plans_for_wijk("hoogvliet-zuid", 2024)[0][0]
    kop = next(h for h in soup.find_all("h3") if plan.titel in h.get_text())
    oordelen = [p.get_text(" ") for p in kop.find_all_next("p", class_="kader")]
    assert len(oordelen) == len(plan.doelen) == 5  # one per doel
    assert any("Gemiddelde WOZ-waarde" in o and "288.000" in o for o in oordelen)
    pdf = pdf_text(target / "wijken" / "hoogvliet-zuid.pdf")
    assert "3.3.1" in pdf and "4.2.2" in pdf and "betwist" in pdf
    acties = (target / "data" / "wijken" / "hoogvliet-zuid" / "actieplan_hoogvliet-2025.csv").read_text(encoding="utf-8")
    assert acties.count("\n") == 35


def test_meldingen_chapter_says_voorbeelddata_wherever_they_are_used(gebouwd):
    _, target = gebouwd
    soup = BeautifulSoup((target / "wijken" / "hoogvliet-zuid.html").read_text(encoding="utf-8"), "html.parser")
    kop = next(h for h in soup.find_all("h3") if "Meldingen over de openbare ruimte" in h.get_text())
    assert "(voorbeelddata)" in kop.get_text()
    captions = [c.get_text() for c in soup.find_all(["caption", "figcaption"]) if "Meldingen" in c.get_text()]
    assert len(captions) >= 3 and all("voorbeelddata" in c for c in captions), captions
    assert "voorbeelddata" in soup.select_one("p.kader.let-op").get_text()  # the warning box
    samenvatting = kop.find_next("p", class_=lambda c: not c)  # the summary sentence after the warning
    assert "voorbeelddata" in samenvatting.get_text() and re.search(r"\d+,\d", samenvatting.get_text())
    assert "voorbeelddata" in pdf_text(target / "wijken" / "hoogvliet-zuid.pdf")
    tabel = (target / "data" / "wijken" / "hoogvliet-zuid" / "meldingen_per_onderwerp.csv").read_text(encoding="utf-8")
    assert tabel.splitlines()[0].startswith("hoofdcategorie,aantal,per_1000") and len(tabel.splitlines()) == 7


def test_most_of_the_prose_is_written_in_the_notebook(gebouwd):
    """Issue 22: at least half of each wijkdocument's prose (word trigrams of its headings, paragraphs, lists and
    captions; ``tests/proza.py``) is written in the notebook or the params, not in ``lib/``."""
    from proza import aandeel

    _, target = gebouwd
    pages = sorted((target / "wijken").glob("*.html"))
    assert len(pages) == 3
    for page in pages:
        share, in_notebook, in_lib = aandeel(page.read_text(encoding="utf-8"))
        assert share >= 0.5, f"{page.name}: {share:.0%} in the notebook ({in_notebook} trigrams; {in_lib} in lib/)"
