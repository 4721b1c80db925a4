"""Accessibility and publishability of the generated output, checked in a real browser.

axe-core (tests/a11y/axe.min.js, pinned) runs in Debian's Chromium driven by Playwright over the landing
page, the voortgangsrapportage and three wijkdocumenten; serious or critical violations fail. PDFs are
checked for tags, title and language; the open-data downloads for presence and agreement with the tables.
If the browser is missing the test fails and says why: it never skips.
"""

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pikepdf
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

A11Y = Path(__file__).parent / "a11y"
AXE_SHA256 = "7dbfabdfc6062936d79c873ddbb5f811a1219fca3928bd8cc9dd81f1e65f4720"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PAGINAS = ["index.html", "voortgangsrapportage.html", "wijken/carnisse.html", "wijken/hoogvliet-zuid.html",
           "wijken/groot-ijsselmonde-noord.html", "programmas/wijkscan.html"]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium ontbreekt: 'make test' installeert het Debian-pakket 'chromium' (als root); "
                    "installeer het anders met 'sudo apt-get install chromium'.")
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_axe_is_the_pinned_version():
    assert hashlib.sha256((A11Y / "axe.min.js").read_bytes()).hexdigest() == AXE_SHA256


@pytest.mark.parametrize("pagina", PAGINAS)
def test_no_serious_or_critical_axe_violations(volledige_build, browser, pagina):
    target, _ = volledige_build
    page = browser.new_page()
    page.goto((target / pagina).as_uri())
    page.add_script_tag(path=str(A11Y / "axe.min.js"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    page.close()
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"{pagina}:\n" + "\n".join(bad)


@pytest.mark.parametrize("pagina", PAGINAS[1:])
def test_every_chart_has_alt_text_and_structure(volledige_build, pagina):
    target, _ = volledige_build
    soup = BeautifulSoup((target / pagina).read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "nl"
    assert len(soup.find_all("h1")) == 1
    assert soup.find("a", class_="skiplink") and soup.find("main") and soup.find("nav")
    charts = soup.select("figure.grafiek svg")
    assert charts, "no charts found"
    for svg in charts:
        assert svg.get("role") == "img" and svg.get("aria-label", "").strip()
    for img in soup.find_all("img"):
        assert img.get("alt", "").strip()
    for table in soup.find_all("table"):
        assert table.find("caption") is not None
        koppen = table.find_all("th")
        assert koppen and all(th.get("scope") in ("col", "row") for th in koppen)


def test_readable_on_a_phone_without_horizontal_scroll(volledige_build, browser):
    target, _ = volledige_build
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for pagina in ("wijken/carnisse.html", "voortgangsrapportage.html", "programmas/wijkscan.html"):
        page.goto((target / pagina).as_uri())
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{pagina} scrolls {overflow}px sideways on a phone"
    page.close()


def test_readable_at_200_percent_zoom(volledige_build, browser):
    """WCAG 1.4.4/1.4.10: a 1280px wide window at 200% zoom is a 640 CSS px viewport at device scale 2.

    Text must not be cut off and the page must not scroll sideways (wide tables scroll inside their own box).
    """
    target, _ = volledige_build
    page = browser.new_page(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    for pagina in PAGINAS:
        page.goto((target / pagina).as_uri())
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{pagina} scrolls {overflow}px sideways at 200% zoom"
    page.close()


@pytest.mark.parametrize("pdf", ["voortgangsrapportage.pdf", "wijken/carnisse.pdf", "programmas/wijkscan.pdf"])
def test_pdf_is_tagged_with_title_and_language(volledige_build, pdf):
    target, _ = volledige_build
    with pikepdf.open(target / pdf) as doc:
        root = doc.Root
        assert str(root.get("/Lang")) == "nl"
        assert bool(root.MarkInfo.Marked)
        assert "/StructTreeRoot" in root
        assert "/Outlines" in root  # bookmarks from the headings
        assert str(doc.docinfo.get("/Title", "")).strip()
        assert bool(root.ViewerPreferences.DisplayDocTitle)


def test_open_data_downloads_match_the_tables(volledige_build):
    target, _ = volledige_build
    for data_dir, book in ((target / "data", "voortgangsrapportage.xlsx"),
                           (target / "data" / "wijken" / "carnisse", "carnisse.xlsx")):
        sheets = pd.read_excel(data_dir / book, sheet_name=None)
        csvs = sorted(data_dir.glob("*.csv"))
        assert csvs and set(sheets) == {c.stem[:31] for c in csvs}
        for csv in csvs:
            frame = pd.read_csv(csv)
            pd.testing.assert_frame_equal(frame, sheets[csv.stem[:31]], check_dtype=False)
    html = (target / "wijken" / "carnisse.html").read_text(encoding="utf-8")
    assert "../data/wijken/carnisse/carnisse.xlsx" in html
    assert "../data/wijken/carnisse/kerncijfers.csv" in html


def test_landing_page_lists_every_report_and_filters_without_javascript(volledige_build, browser):
    target, _ = volledige_build
    soup = BeautifulSoup((target / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in soup.find_all("a", href=True)}
    for rel in ("voortgangsrapportage.html", "voortgangsrapportage.pdf", "wijken/carnisse.html",
                "wijken/carnisse.pdf", "data/wijken/carnisse/carnisse.xlsx"):
        assert rel in links
    assert "Laatst bijgewerkt" in soup.get_text()
    page = browser.new_page(java_script_enabled=True)
    page.goto((target / "index.html").as_uri())
    page.fill("#zoek", "carn")
    visible = page.eval_on_selector_all(".rapportlijst li:not([hidden])", "els => els.map(e => e.dataset.naam)")
    assert visible and all("carn" in v for v in visible)
    page.close()
