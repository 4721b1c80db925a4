"""The published JSON Schema of a programme file matches the validating model, and validates the real file."""

import json
from pathlib import Path

import jsonschema
import yaml
from wijkrapport.sources.registry import Programma

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "lib" / "wijkrapport" / "schemas" / "programma.schema.json"


def test_published_schema_is_the_models_schema():
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    model = Programma.model_json_schema()
    published.pop("$schema")
    published.pop("title")
    model.pop("title")
    assert published == model


def test_nprz_programme_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "params" / "programmas" / "nprz.yml").read_text(encoding="utf-8"))
    data["regimes"] = {k: {**v, "aandeel": {str(y): s for y, s in v["aandeel"].items()}} for k, v in data["regimes"].items()}
    jsonschema.validate(data, schema)
