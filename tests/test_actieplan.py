"""Wijkactieplannen: the transcribed Hoogvliet plan, import errors with row and field, and escaping of user text."""

import csv
import shutil

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, make_project, pdf_text, run_cli
from wijkrapport.errors import DataValidationError
from wijkrapport.sources.actieplan import load_plan, plans_for_wijk

PLAN = ROOT / "data" / "actieplannen" / "hoogvliet-2025"


def test_hoogvliet_plan_has_all_34_actions_with_both_disputed_ones():
    plan, acties = load_plan(PLAN)
    assert len(acties) == 34
    assert plan.wijken == ["hoogvliet-noord", "hoogvliet-zuid"]
    assert set(acties["status"]) == {"wit"}  # the concept: nothing assessed yet
    betwist = acties[acties["gemeente_reactie"] == "betwist"]
    assert list(betwist["actie_nummer"]) == ["3.3.1", "4.2.2"]
    assert all("D2025-123702" in t for t in betwist["gemeente_reactie_toelichting"])
    assert "geen uren beschikbaar" in betwist.iloc[0]["uitvoerbaar_toelichting"]
    assert (acties["gemeente_reactie"] == "akkoord").sum() == 32  # the letter: 32 agreed
    assert acties.groupby("doel_nummer").size().to_dict() == {"1": 4, "2": 8, "3": 8, "4": 6, "5": 8}


def test_plan_covers_both_hoogvliet_wijken_and_no_other(monkeypatch):
    assert [p.plan_id for p, _ in plans_for_wijk("hoogvliet-noord", 2024)] == ["hoogvliet-2025"]
    assert plans_for_wijk("carnisse", 2024) == []


def _broken_copy(tmp_path, edit_rows=None, edit_plan=None):
    folder = tmp_path / "plan"
    shutil.copytree(PLAN, folder)
    if edit_rows:
        path = folder / "acties.csv"
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        edit_rows(rows)
        fields = list(rows[0])
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fields, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    if edit_plan:
        path = folder / "plan.yml"
        path.write_text(edit_plan(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_every_bad_field_is_reported_with_row_and_field(tmp_path):
    def edit(rows):
        rows[0]["status"] = "paars"
        rows[4]["actie_nummer"] = "9.9.9"  # does not start with its resultaat
        rows[6]["planning_maanden"] = "6"

    with pytest.raises(DataValidationError) as exc:
        load_plan(_broken_copy(tmp_path, edit_rows=edit))
    text = str(exc.value)
    assert "acties.csv" in text
    assert "rij 2, veld 'status'" in text and "paars" in text
    assert "rij 8, veld 'planning_maanden'" in text
    assert "actie_nummer hoort te beginnen met resultaat_nummer" in text


def test_missing_column_and_unknown_outcome_indicator(tmp_path):
    def drop(rows):
        for r in rows:
            r.pop("door_wie")

    with pytest.raises(DataValidationError, match="door_wie"):
        load_plan(_broken_copy(tmp_path / "a", edit_rows=drop))
    with pytest.raises(DataValidationError) as exc:
        load_plan(_broken_copy(tmp_path / "b", edit_plan=lambda t: t.replace("[sociale_index]", "[geluk]", 1)))
    assert "plan.yml" in str(exc.value) and "doelen.0.uitkomstindicatoren.0" in str(exc.value)


@pytest.mark.slow
def test_action_text_with_script_appears_as_text(tmp_path):
    project = make_project(tmp_path, wijken_yml="jaar: 2024\nnotebook: wijkdocument.ipynb\nwijken:\n  - slug: hoogvliet-zuid\n")
    (project / "params" / "2024" / "voortgangsrapportage.yml").unlink(missing_ok=True)
    path = project / "data" / "actieplannen" / "hoogvliet-2025" / "acties.csv"
    text = path.read_text(encoding="utf-8").replace(
        "instellen van een evenementen budget voor Hoogvliet", "<script>alert(1)</script> & <b>vet</b>", 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("--only", "hoogvliet-zuid", "--out", str(out), env={"WIJKRAPPORT_ROOT": str(project)})
    assert result.returncode == 0, result.stderr + result.stdout
    html = (out / "2024" / "wijken" / "hoogvliet-zuid.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert "<script>alert(1)</script> & <b>vet</b>" in soup.get_text()
    assert "<script>alert(1)</script>" in pdf_text(out / "2024" / "wijken" / "hoogvliet-zuid.pdf")
