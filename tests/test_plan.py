"""The plan's checks guard only the reports to build, and a check that passed is not repeated for the same inputs."""

import pytest
from wijkrapport.engine.rapport import Plan, Rapport
from wijkrapport.errors import DataValidationError


def _rapport(rid: str) -> Rapport:
    return Rapport(id=rid, jaar=2024, titel=rid, ondertitel="", hoofdstukken=(), html_rel=f"{rid}.html",
                   pdf_rel=f"{rid}.pdf", data_rel=f"data/{rid}", notebooks_rel=f"notebooks/{rid}")


def test_checks_run_for_the_reports_to_build_only():
    calls = []
    plan = Plan()
    plan.add([_rapport("a"), _rapport("b")], lambda ids: calls.append(("ab", sorted(ids))))
    plan.add([_rapport("c")], lambda ids: calls.append(("c", sorted(ids))))
    plan.add([_rapport("a")], lambda ids: calls.append(("a2", sorted(ids))))
    assert [r.id for r in plan.rapporten] == ["a", "b", "c"], "a report guarded twice is listed once"
    plan.controleer({"b"})
    assert calls == [("ab", ["b"])]


def test_a_check_with_a_key_that_passed_is_skipped_and_a_failing_one_is_not_remembered():
    calls = []
    plan = Plan()
    plan.add([_rapport("a")], lambda ids: calls.append("data"), sleutel="k1")
    plan.add([_rapport("a")], lambda ids: calls.append("params"))
    passed = plan.controleer({"a"}, set())
    assert passed == {"k1"} and calls == ["data", "params"]
    assert plan.controleer({"a"}, passed) == set() and calls == ["data", "params", "params"]

    def bad(_ids):
        raise DataValidationError("kapot", file="data/x.csv")

    failing = Plan()
    failing.add([_rapport("a")], bad, sleutel="k2")
    with pytest.raises(DataValidationError):
        failing.controleer({"a"}, set())


# --- the planner over the registry of report types ----------------------------------------------------------------

WIJKRADEN = """jaar: 2024
notebook: wijkraad.ipynb
wijkraden:
  - slug: wijkraad-hoogvliet
    naam: "Wijkraad Hoogvliet"
    wijken: [hoogvliet-noord, hoogvliet-zuid]
"""


@pytest.fixture()
def project(tmp_path, monkeypatch):
    from helpers import make_project

    root = make_project(tmp_path, wijkraden_yml=WIJKRADEN)
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(root))
    return root


def test_every_type_of_the_registry_is_planned_and_only_selects_across_types(project):
    from wijkrapport.plan import plan
    from wijkrapport.rapporten import soorten

    alles = plan(2024, None)
    ids = {r.id for r in alles.rapporten}
    assert {"voortgangsrapportage", "programmas/wijkscan", "wijkraden/wijkraad-hoogvliet", "wijken/carnisse"} <= ids
    assert [g.titel for g in alles.groepen] == [s.groep.titel for s in soorten()]
    assert "wijkrapport.rapporten.wijkdocument.views" in alles.voorladen
    gekozen = plan(2024, ["wijkscan", "carnisse", "wijkraad-hoogvliet"])
    assert {r.id for r in gekozen.rapporten} == {"programmas/wijkscan", "wijken/carnisse", "wijkraden/wijkraad-hoogvliet"}
    carnisse = next(r for r in gekozen.rapporten if r.id == "wijken/carnisse")
    assert (carnisse.html_rel, carnisse.data_rel, carnisse.notebooks_rel) == (
        "wijken/carnisse.html", "data/wijken/carnisse", "notebooks/wijken/carnisse")


def test_an_unknown_name_says_what_each_type_accepts(project):
    from wijkrapport.errors import ConfigError
    from wijkrapport.plan import plan

    with pytest.raises(ConfigError) as exc:
        plan(2024, ["atlantis", "Wijkraad-Hoogvliet"])
    tekst = str(exc.value)
    assert "'atlantis'" in tekst and ("verwacht 'voortgangsrapportage', een programma uit params/2024/programmas.yml, "
                                      "een wijkraad uit params/2024/wijkraden.yml of een wijk uit params/2024/wijken.yml"
                                      ) in tekst
    assert "bedoelt u 'wijkraad-hoogvliet'?" in tekst  # the names of every type, not only the wijken


def test_a_name_in_two_types_is_a_configuration_error(project):
    from wijkrapport.errors import ConfigError
    from wijkrapport.plan import plan

    (project / "params" / "2024" / "wijkraden.yml").write_text(
        WIJKRADEN.replace("slug: wijkraad-hoogvliet", "slug: carnisse"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        plan(2024, None)
    assert "params/2024/wijkraden.yml" in str(exc.value) and "'carnisse'" in str(exc.value)
    assert "dubbelzinnig" in str(exc.value)


def test_editing_a_notebook_changes_the_inputs_of_exactly_the_reports_that_run_it(project):
    """A report is rebuilt when its inputs change (``incremental.up_to_date``): editing the wijkraad notebook
    changes the editions' inputs and no other report's; the programme's area notebook only its programmes'."""
    from wijkrapport.plan import plan

    def inputs() -> dict[str, tuple]:
        return {r.id: r.inputs for r in plan(2024, None).rapporten}

    for notebook, prefix in [("wijkraad.ipynb", "wijkraden/"), ("programma_gebieden.ipynb", "programmas/"),
                             ("voortgang_pijler.ipynb", "voortgangsrapportage")]:
        voor = inputs()
        nb = project / "notebooks" / notebook
        nb.write_text(nb.read_text(encoding="utf-8").replace('"cells": [', '"cells": [ ', 1), encoding="utf-8")
        na = inputs()
        veranderd = {rid for rid in na if na[rid] != voor[rid]}
        assert veranderd and veranderd == {rid for rid in na if rid.startswith(prefix)}, notebook


def test_the_modules_to_preload_exist():
    """The kernel fork server imports them by name (engine.preload): a renamed module would only slow kernels."""
    import importlib.util

    from wijkrapport.rapporten import soorten

    for s in soorten():
        for module in s.voorladen:
            assert importlib.util.find_spec(module) is not None, (s.naam, module)
