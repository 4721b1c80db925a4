"""Every notebook as an analyst meets it in JupyterLab: no outputs committed, a parameters cell, thin,
and it runs top to bottom with its default parameters."""

from pathlib import Path

import nbformat
import papermill as pm
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_clean_with_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be tagged 'parameters'"
    assert all(not c.outputs and c.execution_count is None for c in code), "commit notebooks without outputs"
    # thin: narrative plus calls into lib/, no definitions or loops in notebooks
    for c in code:
        assert not any(line.startswith(("def ", "class ", "for ", "while ")) for line in c.source.splitlines()), c.source


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom_with_default_parameters(path, tmp_path):
    out = tmp_path / path.name
    pm.execute_notebook(str(path), str(out), kernel_name="python3", progress_bar=False, cwd=str(path.parent))
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


def test_the_commit_guard_strips_outputs_with_local_hooks_only(tmp_path):
    """`.pre-commit-config.yaml` uses no hook repository (none is reachable from the research machines), and its
    nbstripout hook turns a notebook as the Lab autosaves it into one that may be committed."""
    import subprocess
    import sys

    import yaml

    root = Path(__file__).resolve().parents[1]
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"] and {r["repo"] for r in config["repos"]} == {"local"}
    hook = next(h for r in config["repos"] for h in r["hooks"] if h["id"] == "nbstripout")
    assert "*.ipynb filter=nbstripout" in (root / ".gitattributes").read_text(encoding="utf-8")

    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="x" * 100)]
    code.execution_count = 7
    path = tmp_path / "bewerkt.ipynb"
    nbformat.write(nb, path)
    programma, *opties = hook["entry"].split()
    subprocess.run([str(Path(sys.executable).parent / Path(programma).name), *opties, str(path)], check=True)
    stripped = nbformat.read(path, as_version=4)
    assert all(not c.outputs and c.execution_count is None for c in stripped.cells if c.cell_type == "code")
    assert [(c.id, c.source) for c in stripped.cells] == [(c.id, c.source) for c in nb.cells]  # ids kept: no noise
