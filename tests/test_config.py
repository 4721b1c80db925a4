"""The params models' shared checks (notebook name, slug, a list without repeats) name the key and the value, in-process."""

import pytest
from pydantic import ValidationError
from wijkrapport import config

RAAD = {"naam": "Wijkraad", "wijken": ["carnisse"]}


def _fout(model, raw: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(raw)
    return [(".".join(map(str, e["loc"])), e["msg"].removeprefix("Value error, ")) for e in info.value.errors()]


@pytest.mark.parametrize("model,raw,verwacht", [
    (config.VoortgangsParams, {"programma": "nprz", "jaar": 2024, "titel": "t", "hoofdstukken": [{"notebook": "a/b.ipynb"}]},
     [("hoofdstukken.0.notebook", "verwacht een notebooknaam zoals 'voortgang_pijler.ipynb' (geen map of pad)")]),
    (config.WijkradenParams, {"jaar": 2024, "notebook": "../w.ipynb", "wijkraden": [{"slug": "a", **RAAD}]},
     [("notebook", "verwacht een notebooknaam zoals 'wijkraad.ipynb' (geen map of pad)")]),
    (config.WijkenParams, {"jaar": 2024, "wijken": [{"slug": "Carnisse"}]},
     [("wijken.0.slug", "een wijk-slug bestaat uit kleine letters, cijfers en '-' (geen pad, geen spaties); "
                        "bedoelt u 'carnisse'?")]),
    (config.WijkradenParams, {"jaar": 2024, "wijkraden": [{"slug": "a/b", **RAAD}]},
     [("wijkraden.0.slug", "een slug bestaat uit kleine letters, cijfers en '-' (geen pad, geen spaties)")]),
    (config.WijkenParams, {"jaar": 2024, "wijken": [{"slug": "carnisse"}, {"slug": "carnisse"}]},
     [("wijken", "wijk 'carnisse' staat twee keer in de lijst")]),
    (config.WijkradenParams, {"jaar": 2024, "wijkraden": [{"slug": "b", **RAAD}, {"slug": "b", **RAAD}]},
     [("wijkraden", "wijkraad b staat twee keer in de lijst")]),
    (config.WijkradenParams, {"jaar": 2024, "wijkraden": [{"slug": "a", **RAAD}, {"slug": "b", **RAAD}]},
     [("wijkraden", "wijk carnisse hoort bij meer dan één wijkraad")]),
    (config.ProgrammasParams, {"jaar": 2024, "programmas": [{"naam": n} for n in ("y", "x", "y", "z", "x")]},
     [("programmas", "programma x, y staat twee keer in de lijst")]),
])
def test_gedeelde_controles_noemen_sleutel_en_waarde(model, raw, verwacht):
    assert _fout(model, raw) == verwacht


def test_een_lijst_zonder_herhalingen_en_geldige_namen_is_goed():
    params = config.WijkradenParams.model_validate(
        {"jaar": 2024, "wijkraden": [{"slug": "a", **RAAD}, {"slug": "b", "naam": "B", "wijken": ["hoogvliet-zuid"]}]})
    assert [r.slug for r in params.wijkraden] == ["a", "b"] and params.notebook == "wijkraad.ipynb"


def test_notebook_examples_pass_over_a_newer_year_that_is_not_ready(tmp_path, monkeypatch):
    """papermill runs a notebook's own parameters cell first: a params/<newer year>/ without (or with a broken)
    wijken.yml may not stop a run of an older year."""
    import shutil

    from helpers import ROOT
    from wijkrapport import config
    from wijkrapport.errors import ConfigError

    shutil.copytree(ROOT / "params", tmp_path / "params")
    nieuw = tmp_path / "params" / "2031"
    nieuw.mkdir()
    (nieuw / "wijkraden.yml").write_text("jaar: 2031\nwijkraden: [", encoding="utf-8")  # not finished yet
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    assert config.voorbeeld_wijk() == config.wijken_params(2024).wijken[0].slug
    assert config.voorbeeld_wijkraad() == config.wijkraden_params(2024).wijkraden[0]
    assert config.voorbeeld_voortgangsprogramma() == "nprz" and config.voorbeeld_programma() == "wijkscan"
    shutil.rmtree(tmp_path / "params" / "2024")
    with pytest.raises(ConfigError, match="geen params/<jaar>/ noemt een wijk"):
        config.voorbeeld_wijk()
