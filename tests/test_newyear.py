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
    assert "voortgangsrapportage:\n" in result.stdout and "data/nprz/2025/interventies.csv ontbreekt" in result.stdout
    assert "meting fundamenteel_niveau (Zuid): nog geen nieuw cijfer sinds de rapportage over 2024 (laatste periode 2023/24" \
        in result.stdout
    assert "Politie misdrijven per wijk" not in result.stdout  # police data reach 2025
    again = run_cli("new-year", "2025", env=env)
    assert again.returncode == 2 and "bestaat al" in again.stderr


def test_new_year_without_measurements_stops_with_data_error(tmp_path):
    """Yearly records may lag, the measurements may not: without them nothing runs (exit 3)."""
    project = make_project(tmp_path)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    assert run_cli("new-year", "2025", env=env).returncode == 0
    (project / "data" / "nprz" / "metingen.csv").unlink()
    result = run_cli("--year", "2025", "--only", "voortgangsrapportage", "--out", str(project / "reports"), env=env)
    assert result.returncode == 3
    assert "data/nprz/metingen.csv" in result.stderr and not (project / "reports" / "2025").exists()


def test_new_year_params_build_once_data_exist(tmp_path):
    """The wijkscan data already reach 2025 (CBS 2025, police 2025): the scaffolded 2025 params build it."""
    project = make_project(tmp_path)
    env = {"WIJKRAPPORT_ROOT": str(project)}
    scaffold = run_cli("new-year", "2025", env=env)
    assert scaffold.returncode == 0, scaffold.stderr
    assert "jaar: 2025" in (project / "params" / "2025" / "programmas.yml").read_text(encoding="utf-8")
    assert "indicator fysieke_index" not in scaffold.stdout  # Wijkprofiel 2026 edition exists
    out = project / "reports"
    result = run_cli("--year", "2025", "--only", "wijkscan", "--jobs", "2", "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    html = (out / "2025" / "programmas" / "wijkscan.html").read_text(encoding="utf-8")
    assert "Wijkscan Zuid en Hoogvliet 2025" in html and "Scores per gebied in 2025" in html
