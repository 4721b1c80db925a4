"""``reports/<jaar>/manifest.json``: what is published, built from which inputs, and the last failures.

Per report: ``status``, ``inputs`` (hashes), ``outputs`` (the report's files), ``uitvoer`` (size and
SHA-256 of each file, to see that a published file is still whole), titles, times and ``laatste_fout``.
The manifest is the run's own output, but it is read as untrusted input: a damaged file or an odd entry
(``"outputs": null``, a path outside the year folder) is reported in one line and the report concerned is
built again; nothing it names outside the year folder is ever touched.
"""

from __future__ import annotations

import json
from pathlib import Path

from .transaction import veilig_pad

NAAM = "manifest.json"
MAX_BYTES = 64 * 1024 * 1024  # a manifest of 100 wijken is under 1 MB
_PADVELDEN = ("html", "pdf", "data", "notebooks")


def leeg() -> dict:
    return {"rapporten": {}}


def lees(target: Path) -> tuple[dict, list[str]]:
    """The manifest of ``target`` with only well-formed entries, and a note per problem found."""
    path = target / NAAM
    if not path.exists() and not path.is_symlink():
        return leeg(), []
    gevolg = "de rapporten van dit jaar worden opnieuw gebouwd"
    try:
        if not path.is_file():
            return leeg(), [f"{path} is geen bestand; {gevolg}"]
        if path.stat().st_size > MAX_BYTES:
            return leeg(), [f"{path} is groter dan {MAX_BYTES // 2**20} MB en dus geen manifest van deze tool; {gevolg}"]
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return leeg(), [f"{path} is niet te lezen ({exc.strerror}); {gevolg}"]
    except UnicodeDecodeError:
        return leeg(), [f"{path} is beschadigd (geen UTF-8); {gevolg}"]
    except json.JSONDecodeError as exc:
        return leeg(), [f"{path} is beschadigd (geen geldige JSON, regel {exc.lineno}); {gevolg}"]
    except (ValueError, RecursionError):
        return leeg(), [f"{path} is beschadigd (geen leesbare JSON); {gevolg}"]
    if not isinstance(data, dict) or not isinstance(data.get("rapporten", {}), dict):
        return leeg(), [f"{path} heeft niet de vorm van een manifest (verwacht een object met 'rapporten'); {gevolg}"]
    meldingen = []
    schoon = {k: v for k, v in data.items() if k != "rapporten"}
    schoon["rapporten"] = {}
    for rid, entry in data.get("rapporten", {}).items():
        if not isinstance(entry, dict):
            meldingen.append(f"{path}: rapport {rid!r} heeft geen geldige beschrijving; het wordt opnieuw gebouwd")
            continue
        entry, probleem = _schoon(entry)
        if probleem:
            meldingen.append(f"{path}: rapport {rid!r}: {probleem}; het wordt opnieuw gebouwd")
        schoon["rapporten"][rid] = entry
    return schoon, meldingen


def _schoon(entry: dict) -> tuple[dict, str | None]:
    """An entry whose fields have the types the tool relies on; a wrong field makes it 'ongeldig' (rebuilt)."""
    entry = dict(entry)
    problemen = []
    outputs = entry.get("outputs", [])
    if not isinstance(outputs, list):
        problemen.append(f"'outputs' is geen lijst ({json.dumps(outputs)[:40]})")
        outputs = []
    goed = [o for o in outputs if veilig_pad(o)]
    if len(goed) != len(outputs):
        problemen.append("'outputs' noemt paden buiten de jaarmap of geen bestandsnamen (die worden genegeerd)")
    entry["outputs"] = goed
    uitvoer = entry.get("uitvoer")
    if uitvoer is not None and not isinstance(uitvoer, dict):
        problemen.append("'uitvoer' is geen object")
        entry["uitvoer"] = None
    for veld in _PADVELDEN:
        waarde = entry.get(veld)
        if waarde is not None and not veilig_pad(waarde):
            problemen.append(f"'{veld}' is geen pad in de jaarmap")
            entry[veld] = None
    if not isinstance(entry.get("titel", ""), str):
        entry["titel"] = None
    if not isinstance(entry.get("status", ""), str):
        problemen.append("'status' is geen tekst")
    if entry.get("inputs") is not None and not isinstance(entry.get("inputs"), dict):
        problemen.append("'inputs' is geen object")
    if problemen:
        entry["status"] = "ongeldig"
    return entry, "; ".join(problemen) or None


def tekst(manifest: dict, jaar: str) -> str:
    """The manifest as written: sorted keys, two spaces, UTF-8 text."""
    return json.dumps({**manifest, "jaar": jaar}, indent=2, ensure_ascii=False, sort_keys=True)


def bestanden_van(entry: dict | None) -> list[str]:
    """The published files an entry names (its outputs; only safe paths survive :func:`lees`)."""
    if not entry:
        return []
    return [o for o in entry.get("outputs") or [] if veilig_pad(o)]


def eigen_bestanden(target: Path, html: str | None, pdf: str | None, data: str | None, notebooks: str | None) -> set[str]:
    """The files on disk that belong to a report by place: its HTML and PDF and the files directly in its
    data and notebooks folders (a table or notebook a report no longer makes is still its own)."""
    gevonden = set()
    for rel in (html, pdf):
        if rel and veilig_pad(rel) and (target / rel).is_file():
            gevonden.add(rel)
    for rel in (data, notebooks):
        if not rel or not veilig_pad(rel):
            continue
        folder = target / rel
        if folder.is_dir() and not folder.is_symlink():
            gevonden |= {f"{rel}/{p.name}" for p in folder.iterdir()
                         if p.is_file() and not p.name.startswith(".")}
    return gevonden
