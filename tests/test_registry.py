"""The indicator registry is validated on load with a clear error per bad field."""

from pathlib import Path

import pytest
import yaml
from wijkrapport.errors import ConfigError
from wijkrapport.sources.registry import load_programma, load_programma_file

ROOT = Path(__file__).resolve().parents[1]

MINIMAAL = {
    "naam": "test",
    "titel": "Testprogramma",
    "gemeente": "Rotterdam",
    "doelgebied": "Zuid",
    "vergelijkingsgebieden": ["G4"],
    "pijlers": [{"id": "school", "label": "School"}],
    "regimes": {"lineair": {"aandeel": {2022: 0.0, 2024: 22.2, 2031: 100.0}}},
    "indicatoren": [
        {"id": "a", "label": "A", "pijler": "school", "soort": "doel", "eenheid": "pct", "polariteit": "hoger",
         "referentie": "G4", "startjaar": 2022, "regime": "lineair"}
    ],
}


def _write(tmp_path, data) -> Path:
    p = tmp_path / "prog.yml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def test_minimal_programme_loads(tmp_path):
    prog = load_programma_file(_write(tmp_path, MINIMAAL))
    assert prog.regimes["lineair"].share(2024) == 22.2
    assert prog.regimes["lineair"].share(2023) is None  # no extrapolation or interpolation


@pytest.mark.parametrize(
    "change,field",
    [
        (lambda d: d["indicatoren"][0].update(polariteit="beter"), "indicatoren.0.polariteit"),
        (lambda d: d["indicatoren"][0].update(eenheid="procent"), "indicatoren.0.eenheid"),
        (lambda d: d["indicatoren"][0].update(onbekend=1), "indicatoren.0.onbekend"),
        (lambda d: d["regimes"]["lineair"]["aandeel"].update({2030: 140}), "regimes.lineair.aandeel"),
        (lambda d: d["indicatoren"][0].update(referentie="vast"), "indicatoren.0"),
    ],
)
def test_bad_field_is_named(tmp_path, change, field):
    data = yaml.safe_load(yaml.safe_dump(MINIMAAL))
    change(data)
    with pytest.raises(ConfigError) as exc:
        load_programma_file(_write(tmp_path, data))
    assert str(tmp_path / "prog.yml") in str(exc.value)
    assert field in str(exc.value)


def test_unknown_regime_and_duplicate_ids(tmp_path):
    data = yaml.safe_load(yaml.safe_dump(MINIMAAL))
    data["indicatoren"].append(dict(data["indicatoren"][0]))
    with pytest.raises(ConfigError, match="dubbele indicator-id 'a'"):
        load_programma_file(_write(tmp_path, data))
    data = yaml.safe_load(yaml.safe_dump(MINIMAAL))
    data["indicatoren"][0]["regime"] = "bestaat-niet"
    with pytest.raises(ConfigError, match="onbekend regime 'bestaat-niet'"):
        load_programma_file(_write(tmp_path, data))


def test_malformed_yaml_names_file_and_line(tmp_path):
    p = tmp_path / "kapot.yml"
    p.write_text("naam: x\npijlers: [\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_programma_file(p)
    assert "kapot.yml" in str(exc.value) and "rij" in str(exc.value)


def test_yaml_is_loaded_safely(tmp_path):
    p = tmp_path / "eval.yml"
    p.write_text("naam: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_programma_file(p)


def test_nprz_registry_regimes_from_the_document():
    prog = load_programma("nprz")
    assert prog.regimes["nprz-2011"].share(2021) == 25.0
    assert prog.regimes["nprz-2011"].share(2023) == 40.0
    assert prog.regimes["nprz-2011"].share(2024) == 47.5
    assert prog.regimes["nprz-2011"].share(2031) == 100.0
    assert prog.regimes["up-2023-2027"].share(2024) == 22.2
    assert prog.regimes["up-2023-2027"].share(2031) == 100.0
    fixed = {i.id: i.referentie_waarde for i in prog.indicatoren if i.referentie == "vast"}
    assert sorted(set(fixed.values())) == [17.0, 38.0]
