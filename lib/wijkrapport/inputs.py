"""The data files each report declares as its inputs: exactly the files its loaders read, nothing else.

Only these files are hashed (to decide what to rebuild, and to key the shared frame cache) and read:
a stray file in a data folder (a backup, a 30 GB export parked there by mistake) is never opened.
Light on imports: planning a run with nothing to do must stay fast.
"""

from __future__ import annotations

from pathlib import Path

from . import paths


@paths.per_bestandstoestand(maxsize=4)
def _bestanden(path: Path) -> dict:
    from .yamlio import load_yaml

    return load_yaml(path)


def wijkbronnen() -> dict:
    """``data/wijken/bestanden.yml``: the files the wijkdocumenten read and facts about their editions."""
    path = wijken_dir() / "bestanden.yml"
    return _bestanden(path)


def kwb_jaren() -> list[int]:
    """The years of the CBS KWB exports (``kwb`` in ``bestanden.yml``)."""
    return sorted(int(j) for j in wijkbronnen()["kwb"])


def kwb_json() -> dict:
    """The CBS KWB JSON: ``pad``, ``jaar`` and ``bron`` (its name in ``variabelen.csv``)."""
    return wijkbronnen()["kwb_json"]


def _wijken_bestanden() -> dict[str, str]:
    """data/wijken/: key -> path inside the folder (``kwb<jaar>`` for every KWB year, ``kwb_json``)."""
    b = wijkbronnen()
    uit = {k: b[k] for k in ("crosswalk", "variabelen")}
    uit.update({f"raadzoeker/{naam}": f"{b['raadzoeker']['map']}/{naam}" for naam in b["raadzoeker"]["bestanden"]})
    uit["kwb_json"] = b["kwb_json"]["pad"]
    uit.update({f"kwb{j}": pad for j, pad in b["kwb"].items()})
    return uit



def wijken_dir() -> Path:
    return paths.data_dir() / "wijken"


def wijkbestand(sleutel: str) -> Path:
    return wijken_dir() / _wijken_bestanden()[sleutel]


def wijken() -> list[Path]:
    return [wijken_dir() / "bestanden.yml"] + [wijkbestand(k) for k in _wijken_bestanden()]


def geo_dir() -> Path:
    return paths.data_dir() / "geo"


def geo_bestand(pattern: str) -> Path | None:
    """The boundaries file the map reads (the first match of ``pattern``), or None."""
    hits = sorted(geo_dir().glob(pattern)) if geo_dir().is_dir() else []
    return hits[0] if hits else None


def geo() -> list[Path]:
    return [p for p in (geo_bestand("*buurten*.geojson"), geo_bestand("*gebieden*.geojson")) if p is not None]


def actieplannen_dir() -> Path:
    return paths.data_dir() / "actieplannen"


def actieplannen() -> list[Path]:
    """plan.yml and acties.csv of every plan folder (a folder with a plan.yml)."""
    if not actieplannen_dir().is_dir():
        return []
    folders = sorted(p for p in actieplannen_dir().iterdir() if (p / "plan.yml").exists())
    return [f / naam for f in folders for naam in ("plan.yml", "acties.csv")]


def meldingen_dir() -> Path:
    return paths.data_dir() / "meldingen"


def meldingen() -> list[Path]:
    """bron.yml and the two files it names (export and terms); only bron.yml when it cannot be read (the
    checks then report why), and the crosswalk the export's wijk names are matched against."""
    bron = meldingen_dir() / "bron.yml"
    namen = {"bestand": "meldingen.csv", "termijnen": "termijnen.csv"}
    try:
        import yaml

        if bron.is_file() and bron.stat().st_size < 1024 * 1024:
            gegeven = yaml.safe_load(bron.read_text(encoding="utf-8")) or {}
            namen.update({k: v for k, v in gegeven.items() if k in namen and isinstance(v, str)})
    except (OSError, ValueError, yaml.YAMLError, AttributeError):
        return [bron, wijkbestand("crosswalk")]
    veilig = [meldingen_dir() / n for n in namen.values() if "/" not in n and "\\" not in n and n not in ("", ".", "..")]
    return [bron, *veilig, wijkbestand("crosswalk")]
