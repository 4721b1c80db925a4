"""The landing page lists each kind of report under its own heading, from the manifest."""

from bs4 import BeautifulSoup
from wijkrapport.rendering.landing import build_index


def _entry(titel: str, html: str) -> dict:
    return {"titel": titel, "html": html, "pdf": html.replace(".html", ".pdf"), "status": "gebouwd",
            "outputs": [html, html.replace(".html", ".pdf")]}


def test_programme_reports_are_not_listed_as_voortgangsrapportage(tmp_path):
    manifest = {"rapporten": {
        "voortgangsrapportage": _entry("Voortgangsrapportage NPRZ 2024", "voortgangsrapportage.html"),
        "programmas/wijkscan": _entry("Wijkscan 2024", "programmas/wijkscan.html"),
        "wijken/carnisse": _entry("Carnisse: wijkdocument 2024", "wijken/carnisse.html"),
        "wijken/leeg": {"titel": "Nooit gebouwd", "status": "mislukt"},
    }}
    soup = BeautifulSoup(build_index(tmp_path, manifest).read_text(encoding="utf-8"), "html.parser")
    groepen = {h2.get_text(strip=True): [li.find("strong").get_text(strip=True) if li.find("strong") else
                                         li.get_text(" ", strip=True) for li in h2.find_next("ul").find_all("li")]
               for h2 in soup.find_all("h2") if h2.get("id") in ("programma", "programmas", "wijken")}
    assert list(groepen) == ["Voortgangsrapportage", "Programmarapporten", "Wijkdocumenten"]
    assert any("Wijkscan" in t for t in groepen["Programmarapporten"])
    assert not any("Wijkscan" in t for t in groepen["Voortgangsrapportage"])
    assert "Nooit gebouwd" not in soup.get_text()
    assert "de voortgangsrapportage, de programmarapporten en de wijkdocumenten" in soup.find("header").get_text()
