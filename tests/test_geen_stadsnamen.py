"""The city of the wijk reports is data, not code: the names ``data/wijken/bestanden.yml`` gives (the city's name, its
adjective and CBS code, the area of the verhuisbewegingen' total row and its label) are refused in the code and
notebooks of the wijkdocument and the wijkraad edition, in strings and names, outside docstrings and comments (read
with the tokenizer of ``test_geen_jaartallen``); in a notebook's markdown anywhere. Another city's wijkdocumenten
are a data drop, not a code change.
"""

from __future__ import annotations

import json
import re

import yaml
from helpers import ROOT
from test_geen_jaartallen import treffers

BESTANDEN = [
    "lib/wijkrapport/domain/wijkdata.py", "lib/wijkrapport/domain/stad.py",
    *(f"lib/wijkrapport/rapporten/{soort}/{p.name}" for soort in ("wijkdocument", "wijkraad")
      for p in sorted((ROOT / "lib" / "wijkrapport" / "rapporten" / soort).glob("*.py"))),
    "lib/wijkrapport/sources/raadzoeker.py", "lib/wijkrapport/sources/wijken.py", "lib/wijkrapport/sources/gemeente.py",
    "lib/wijkrapport/rendering/landing.py",
]
NOTEBOOKS = sorted([*(ROOT / "notebooks").glob("wijkdocument*.ipynb"), *(ROOT / "notebooks").glob("wijkraad*.ipynb")])
#: the one exception: the name of the city's column in the kerncijfers' CSV downloads, a published format kept as it
#: was (``wijkdata.STADKOLOM``; every other use goes through that constant)
TOEGESTAAN = {("lib/wijkrapport/domain/wijkdata.py", '"rotterdam"')}


def _namen() -> set[str]:
    config = yaml.safe_load((ROOT / "data" / "wijken" / "bestanden.yml").read_text(encoding="utf-8"))
    g, v = config["gemeente"], config["verhuisbewegingen"]
    return {g["naam"], g["bijvoeglijk"], g["code"], v["totaal"], *v["label"].split()} - {"Heel"}


def _patroon(namen: set[str]) -> re.Pattern:
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(namen)), re.I)


def test_the_names_come_from_the_config_and_are_found_where_they_must_be():
    namen = _namen()
    assert {"Rotterdam", "Rotterdamse", "GM0599", "Zuid"} <= namen  # what the config holds today
    p = _patroon(namen)
    bron = ('"""Rotterdam in a docstring."""\n# Zuid in a comment\nx = "GM0599"\nrotterdam = 1\n'
            'y = f"heel {x} Zuid"\nz = "rotterdam_per_1000"\n')
    assert [r for r, _ in treffers(bron, p, namen=True)] == [3, 4, 5]  # a column name with a suffix is no name


def test_no_city_name_in_the_code_and_notebooks_of_the_wijk_reports():
    assert len(BESTANDEN) > 10 and len(NOTEBOOKS) == 2
    p = _patroon(_namen())
    gevonden = []
    for naam in BESTANDEN:
        gevonden += [(naam, r, t) for r, t in treffers((ROOT / naam).read_text(encoding="utf-8"), p, namen=True)
                     if (naam, t) not in TOEGESTAAN]
    for pad in NOTEBOOKS:
        for n, cel in enumerate(json.loads(pad.read_text(encoding="utf-8"))["cells"]):
            bron = "".join(cel["source"])
            if cel["cell_type"] == "code":
                gevonden += [(f"{pad.name} cel {n}", r, t) for r, t in treffers(bron, p, namen=True)]
            else:
                gevonden += [(f"{pad.name} cel {n}", 0, m.group()) for m in p.finditer(bron)]
    assert gevonden == []
