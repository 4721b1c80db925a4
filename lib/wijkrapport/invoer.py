"""The data files each report declares as its inputs: exactly the files its loaders read, nothing else.

Only these files are hashed (to decide what to rebuild, and to key the shared frame cache) and read:
a stray file in a data folder (a backup, a 30 GB export parked there by mistake) is never opened.
Light on imports: planning a run with nothing to do must stay fast.
"""

from __future__ import annotations

from pathlib import Path

from . import paths

#: the tables of the NPRZ voortgangsrapportage in ``data/nprz/<jaar>/`` (``sources.nprz`` reads exactly these)
NPRZ_TABELLEN = (
    "effecttabel.csv",
    "algemene_indicatoren.csv",
    "verhuisbewegingen.csv",
    "interventies.csv",
    "interventies_samenvatting.csv",
    "financien.csv",
    "thuiszitters.csv",
    "huisuitzettingen.csv",
    "indicatorpaginas.csv",
)

#: all 71 wijken: CBS kerncijfers, Wijkprofiel, police, wijkraden and their documents (``sources.raadzoeker``)
RAADZOEKER = "rotterdam-raadzoeker-71-wijken"
RAADZOEKER_BESTANDEN = ("bron.yml", "wijken.csv", "wijkraden.csv", "variabelen.csv", "cbs_kerncijfers.csv",
                        "wijkprofiel_index.csv", "wijkprofiel_detail.csv", "politie_misdrijven.csv",
                        "wijkraad_stukken.csv", "toezeggingen.csv", "stukken_aantallen.csv")
VERGEWIJK = "rotterdam-vergewijk-cbs-wijkprofiel"
KWB2024 = "cbs-kwb-2024-wikigen"
KWB_JAREN = (2014, 2015, 2016, 2017, 2018)
#: data/wijken/: file -> path inside the folder
WIJKEN = {
    "crosswalk": "crosswalk.csv",
    "variabelen": "variabelen.csv",
    **{f"raadzoeker/{naam}": f"{RAADZOEKER}/{naam}" for naam in RAADZOEKER_BESTANDEN},
    "kwb2024": f"{KWB2024}/stripped_filtered_data_2024.rotterdam_g4.json",
    **{f"kwb{j}": f"{VERGEWIJK}/cbs-kwb/Kerncijfers_wijken_en_buurten_{j}.csv" for j in KWB_JAREN},
}


def nprz(jaar: int) -> list[Path]:
    return [paths.nprz_data_dir(jaar) / naam for naam in NPRZ_TABELLEN]


def wijken_dir() -> Path:
    return paths.data_dir() / "wijken"


def wijkbestand(sleutel: str) -> Path:
    return wijken_dir() / WIJKEN[sleutel]


def wijken() -> list[Path]:
    return [wijkbestand(k) for k in WIJKEN]


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
