"""The landing page lists each kind of report under its own heading, from the manifest and the registry of
report types (their groups, in the registry's order)."""

from bs4 import BeautifulSoup
from wijkrapport.rapporten import soorten
from wijkrapport.rendering.landing import Groep, build_index, index_html

GROEPEN = [s.landingsgroep() for s in soorten()]


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
    soup = BeautifulSoup(build_index(tmp_path, manifest, GROEPEN).read_text(encoding="utf-8"), "html.parser")
    groepen = {h2.get_text(strip=True): [li.find("strong").get_text(strip=True) if li.find("strong") else
                                         li.get_text(" ", strip=True) for li in h2.find_next("ul").find_all("li")]
               for h2 in soup.find_all("h2") if h2.get("id") in ("programma", "programmas", "wijken")}
    assert list(groepen) == ["Voortgangsrapportage", "Programmarapporten", "Wijkdocumenten"]
    assert any("Wijkscan" in t for t in groepen["Programmarapporten"])
    assert not any("Wijkscan" in t for t in groepen["Voortgangsrapportage"])
    assert "Nooit gebouwd" not in soup.get_text()
    assert "de voortgangsrapportage, de programmarapporten en de wijkdocumenten" in soup.find("header").get_text()


def test_groups_come_from_the_types_and_no_report_is_left_out():
    """A type's group (title, per gebied) is what it declares; a report no group claims is still listed."""
    manifest = {"rapporten": {
        "scans/noord": {**_entry("Scan Noord", "scans/noord.html"), "gebied": "Noord"},
        "scans/zuid": {**_entry("Scan Zuid", "scans/zuid.html"), "gebied": "Zuid"},
        "oud/rapport": _entry("Een oud rapport", "oud/rapport.html"),
        "scansx": _entry("Geen scan", "scansx.html"),
    }}
    soup = BeautifulSoup(index_html("2024", manifest, [Groep("scans", "Wijkscans", per_gebied=True, ids="scans")]),
                         "html.parser")
    assert [h2.get_text(strip=True) for h2 in soup.find_all("h2")][:2] == ["Wijkscans", "Overige rapporten"]
    assert [h3.get_text(strip=True) for h3 in soup.find_all("h3")] == ["Noord", "Zuid"]
    overig = soup.find("h2", id="overig").find_next("ul").get_text(" ", strip=True)
    assert "Een oud rapport" in overig and "Geen scan" in overig
    assert soup.find("input", id="zoek") is not None  # a group per gebied brings the search field
