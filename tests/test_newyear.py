from helpers import make_project, run_cli


def test_new_year_scaffolds_params_and_lists_missing_data(tmp_path):
    project = make_project(tmp_path)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    result = run_cli("new-year", "2025", env=env)
    assert result.returncode == 0, result.stderr
    params = project / "params" / "2025"
    text = (params / "voortgangsrapportage.yml").read_text(encoding="utf-8")
    assert "jaar: 2025" in text and "Voortgangsrapportage NPRZ 2025" in text
    assert "jaar: 2025" in (params / "wijken.yml").read_text(encoding="utf-8")
    assert "data/nprz/2025/effecttabel.csv" in result.stdout
    assert "Politie misdrijven per wijk" not in result.stdout  # police data reach 2025
    again = run_cli("new-year", "2025", env=env)
    assert again.returncode == 2 and "bestaat al" in again.stderr


def test_new_year_without_data_stops_with_data_error(tmp_path):
    project = make_project(tmp_path)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    assert run_cli("new-year", "2025", env=env).returncode == 0
    result = run_cli("--year", "2025", "--only", "voortgangsrapportage", "--out", str(project / "reports"), env=env)
    assert result.returncode == 3
    assert "data/nprz/2025/effecttabel.csv" in result.stderr
