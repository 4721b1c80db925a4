"""A new year is a data drop: 2025 on a copy of the project, with appended measurements (test values, not shipped).

One build, shared by every check: appended rows for a few indicators (one a revision), ``new-year 2025``,
``--year 2025 --only voortgangsrapportage``. The yearly records of 2025 (interventies, financiën, ...) are not
there: their chapters say so.
"""

import csv
import re
from collections import Counter

import pytest
import yaml
from helpers import make_project, run_cli
from voortgang_sjablonen import sjabloon
from wijkrapport.rapporten.voortgangsrapportage.context import Voortgangscontext

NIEUW = """\
fundamenteel_niveau,Zuid,2024/25,94.0,voorlopig,testwaarde,test
fundamenteel_niveau,G4,2024/25,95.2,voorlopig,testwaarde,test
fundamenteel_niveau,Zuid,2024/25,93.9,definitief,testwaarde,test
kinderen_110_sociaal_minimum,Zuid,2024,17.9,voorlopig,testwaarde,test
kinderen_110_sociaal_minimum,Rotterdam,2024,14.5,voorlopig,testwaarde,test
kinderen_110_sociaal_minimum,G4,2024,12.4,voorlopig,testwaarde,test
streefniveau,G4,2024/25,60.0,voorlopig,testwaarde,test
"""


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("nieuw-jaar"))
    metingen = project / "data" / "nprz" / "metingen.csv"
    metingen.write_text(metingen.read_text(encoding="utf-8") + NIEUW, encoding="utf-8")
    env = {"WIJKRAPPORT_ROOT": str(project)}
    scaffold = run_cli("new-year", "2025", env=env)
    assert scaffold.returncode == 0, scaffold.stderr
    # every notebook once, the pijler notebook for the two pijlers the tests read (test time)
    params = project / "params" / "2025" / "voortgangsrapportage.yml"
    run = yaml.safe_load(params.read_text(encoding="utf-8"))
    run["hoofdstukken"] = [h for h in run["hoofdstukken"]
                           if h.get("parameters", {}).get("pijler") in (None, "thuisbasis", "school")]
    params.write_text(yaml.safe_dump(run, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = project / "reports"
    result = run_cli("--only", "voortgangsrapportage", "--jobs", "2", "--out", str(out), env=env)  # default: 2025
    assert result.returncode == 0, result.stderr + result.stdout
    html = (out / "2025" / "voortgangsrapportage.html").read_text(encoding="utf-8")
    return project, out / "2025", html, scaffold.stdout


def _tekst(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "\n", html))


def _rijen(target, naam):
    with open(target / "data" / naam, encoding="utf-8") as f:
        return {r["indicator_id"]: r for r in csv.DictReader(f)}


def test_new_year_lists_per_report_what_has_not_arrived(gebouwd):
    _, _, _, stdout = gebouwd
    assert "voortgangsrapportage:\n" in stdout
    assert "data/nprz/2025/interventies.csv ontbreekt" in stdout and "data/nprz/2025/financien.csv ontbreekt" in stdout
    assert "meting streefniveau (Zuid): nog geen nieuw cijfer sinds de rapportage over 2024" in stdout
    assert "meting fundamenteel_niveau " not in stdout  # it has a 2024/25 figure


def test_shares_and_targets_of_the_new_year(gebouwd):
    _, target, _, _ = gebouwd
    tabel = _rijen(target, "effecttabel.csv")
    assert float(tabel["fundamenteel_niveau"]["aandeel"]) == 55.0  # nprz-2011 in 2025
    assert float(tabel["kinderen_armoede_rotterdam"]["aandeel"]) == 33.3  # up-2023-2027 in 2025
    doel = _rijen(target, "doelstelling.csv")
    f = doel["fundamenteel_niveau"]
    assert list(f)[9:11] == ["doel_2025", "doel_2031"]
    # 91,6 + 55% x (95,2 - 91,6) = 93,58; the revised (definitief) 93,9 counts, not the voorlopig 94,0
    assert (f["zuid_huidig"], f["referentie_huidig"], f["doel_2025"], f["status"]) == ("93.9", "95.2", "93.6", "groen")
    k = doel["kinderen_armoede_rotterdam"]
    assert (k["zuid_huidig"], k["doel_2025"]) == ("17.9", "19.4")  # 21,9 + 33,3% x (14,5 - 21,9)
    # one peildatum per row: G4 2024/25 arrived before Zuid's, so the row still compares 2023/24 with 2023/24
    assert (doel["streefniveau"]["zuid_huidig"], doel["streefniveau"]["referentie_huidig"]) == ("50.2", "58.2")
    assert all(r["pct_ingelopen_gepubliceerd"] == "" for r in doel.values()), "no printed report for 2025"
    assert len(doel) == 41


def test_labels_say_the_new_year_and_revisions_are_marked(gebouwd):
    _, target, html, _ = gebouwd
    tekst = _tekst(html)
    vc = Voortgangscontext(jaar=2025, programma="nprz")
    for label in ("Voortgangsrapportage NPRZ 2025", "Doel 2025",  # title from the params, column from the year
                  vc.vul(sjabloon("voortgang_doelstelling.ipynb", "caption", "toon_alle_effecten")),
                  vc.vul(sjabloon("voortgang_pijler.ipynb", "groen"), doel="93,6%"),  # fundamenteel_niveau
                  vc.vul(sjabloon("voortgang_pijler.ipynb", "herzien"), peildatum="2024/25", vorige_waarde="94,0%"),
                  vc.vul(sjabloon("voortgang_doelstelling.ipynb", "geen_gedrukt"))):
        assert label in tekst, label
    assert "% gedrukt" not in tekst and not (target / "data" / "afwijkingen.csv").exists()


def test_lagging_chapters_say_so(gebouwd):
    _, target, html, _ = gebouwd
    tekst = _tekst(html)
    vc = Voortgangscontext(jaar=2025, programma="nprz")
    # algemene indicatoren, verhuisbewegingen, two tables of thuisbasis, interventies, financiën
    keer = {"voortgang_samenvatting.ipynb": 1, "voortgang_verhuisbewegingen.ipynb": 1, "voortgang_pijler.ipynb": 2,
            "voortgang_interventies.ipynb": 1, "voortgang_financien.ipynb": 1}
    verwacht = Counter()
    for notebook, n in keer.items():
        verwacht[vc.vul(sjabloon(notebook, "geen_cijfers"))] += n
    assert all("2025" in zin for zin in verwacht)
    assert {zin: tekst.count(zin) for zin in verwacht} == dict(verwacht)
    assert "Kleur 2025" not in tekst and "Kleur 2024" not in tekst
    assert not (target / "data" / "interventies_werk.csv").exists()
    assert not (target / "data" / "financien.csv").exists()


def test_no_2024_except_data_periods(gebouwd):
    """Every '2024' left in the report is a period from the measurements (a table cell, or the period named after a
    figure) or a year of the regime table; no label, caption or source says 2024."""
    _, _, html, _ = gebouwd
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    knopen = [" ".join(t.split()) for t in re.split(r"<[^>]+>", html)]
    gevonden = [k for k in knopen if "2024" in k]
    assert gevonden, "the data periods of 2024 are shown"
    for knoop in gevonden:
        if re.fullmatch(r"20\d\d(/\d\d|-\d\d-\d\d)?", knoop):
            continue  # a period in a table cell
        rest = re.sub(r"\(20\d\d( voorlopig)?\)|20\d\d/\d\d|20\d\d-\d\d-\d\d", "", knoop)  # periods in a sentence
        assert "2024" not in rest, knoop

