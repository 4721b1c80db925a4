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
