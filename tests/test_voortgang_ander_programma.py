"""The voortgangsrapportage's notebooks for another programme than the NPRZ: a YAML file plus a CSV, no code.

The real notebooks' code cells run in-process (no kernel, so the test stays cheap) with the real views for the
test programme ``proef`` (doelgebied Oost, compared with Stad, chapters called tafels, no yearly records); what the
views display is collected and read as the report's text.
"""

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import ROOT
from proefprogrammas import PROEF_CSV, PROEF_YML

HOOFDSTUKKEN = yaml.safe_load((ROOT / "params" / "2024" / "voortgangsrapportage.yml").read_text(encoding="utf-8"))


def _draai(notebook: str, ns: dict) -> None:
    cellen = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    for cel in cellen:
        if cel["cell_type"] == "code" and "parameters" not in cel.get("metadata", {}).get("tags", []):
            exec(compile("".join(cel["source"]), notebook, "exec"), ns)  # noqa: S102 - the project's own notebook


@pytest.fixture(scope="module")
def rapport(tmp_path_factory):
    root = tmp_path_factory.mktemp("proef")
    (root / "params" / "programmas").mkdir(parents=True)
    yml = PROEF_YML + "onderdelen:\n  demografie: {soort: demografie, titel: Inwoners}\n"
    (root / "params" / "programmas" / "proef.yml").write_text(yml, encoding="utf-8")
    (root / "data" / "programmas" / "proef").mkdir(parents=True)
    (root / "data" / "programmas" / "proef" / "waarden.csv").write_text(PROEF_CSV, encoding="utf-8")
    tabellen = root / "tabellen"
    tabellen.mkdir()
    getoond: list[str] = []

    def display(obj, *args, **kwargs):
        getoond.append(obj.get("text/html", "") if isinstance(obj, dict) else getattr(obj, "data", ""))

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIJKRAPPORT_ROOT", str(root))
        from wijkrapport.rendering import show

        mp.setattr(show, "display", display)
        gezien = set()
        for h in HOOFDSTUKKEN["hoofdstukken"]:
            if h["notebook"] in gezien and h["notebook"] != "voortgang_pijler.ipynb":
                continue
            gezien.add(h["notebook"])
            if h["notebook"] == "voortgang_pijler.ipynb":
                for pijler in ("onderwijs", "leefbaarheid"):
                    _draai(h["notebook"], {"jaar": 2024, "programma": "proef", "tabellen_dir": str(tabellen),
                                           "pijler": pijler})
                gezien.add("pijlers")
                continue
            _draai(h["notebook"], {"jaar": 2024, "programma": "proef", "tabellen_dir": str(tabellen)})
    tekst = BeautifulSoup("".join(getoond), "html.parser").get_text(" ")
    return " ".join(tekst.split()), tabellen


def test_every_chapter_runs_for_another_programme_in_its_own_words(rapport):
    tekst, _ = rapport
    assert "Oost start" in tekst and "Oost nu" in tekst  # the effect and demografie tables' headings
    assert "Stad nu" in tekst and "12.345" in tekst  # demografie: the doelgebied beside its comparison area
    assert "Tafel" in tekst  # the programme's word for a chapter
    for vreemd in ("Zuid", "G4", "Rotterdam", "Rdam", "NPRZ", "pijler"):
        assert not re.search(rf"\b{vreemd}\b", tekst), vreemd


def test_the_tables_behind_it_carry_the_programmes_area_columns(rapport):
    _, tabellen = rapport
    effect = (tabellen / "effecttabel.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"stad_start", "stad_huidig", "oost_start", "oost_huidig"} <= set(effect)
    assert not [k for k in effect if k.startswith(("zuid", "g4", "rotterdam"))]
