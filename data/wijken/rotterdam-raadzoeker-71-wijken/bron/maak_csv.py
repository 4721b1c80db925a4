"""How the CSV files of data/wijken/rotterdam-raadzoeker-71-wijken/ were made (provenance; the reports never run it).

Reads the transcription ``wijken.jsonl`` (one JSON object per wijk, see the folder's PROVENANCE.md) and writes one
tidy CSV per kind of figure. Values are copied **as text, verbatim**: numbers keep the source's own notation (``151.0``,
``11820``), free text keeps its typos, doubled quotes and trailing spaces. The only derived values are the parsed
status columns of the toezeggingen (``stand``, ``afgedaan_op``, ``verwacht_op``, read from the status text); a status
text in another form stops the script. Time series are written year-major (a new year is a block at the end).

    python3 data/wijken/rotterdam-raadzoeker-71-wijken/bron/maak_csv.py                  # shared folder beside the project
    python3 maak_csv.py /pad/naar/wijken.jsonl /pad/naar/uitmap                            # explicit paths

Standard library only. A test runs it on the shared file and compares the output with the committed CSVs byte for byte.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
MAP = HIER.parent
PROJECT = HIER.parents[3]
STANDAARD_BRON = PROJECT.parent / "shared" / "reference-data" / "rotterdam-raadzoeker-71-wijken" / "wijken.jsonl"

AFGEDAAN = re.compile(r"^afgedaan (\d{2})-(\d{2})-(\d{4})$")
NIET_AFGEDAAN = re.compile(r"^nog niet afgedaan · verwacht (\d{2})-(\d{2})-(\d{4})$")


def lees(bron: Path) -> list[dict]:
    """The records in source order; every number is kept as the text the source wrote."""
    records = []
    for nr, regel in enumerate(bron.read_text(encoding="utf-8").splitlines(), start=1):
        if regel.strip():
            try:
                records.append(json.loads(regel, parse_int=str, parse_float=str))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{bron}, regel {nr}: geen geldige JSON ({exc})") from exc
    return records


def iso(dag: str, maand: str, jaar: str) -> str:
    return f"{jaar}-{maand}-{dag}"


def stand(status: str, waar: str) -> tuple[str, str, str]:
    """(stand, afgedaan_op, verwacht_op) from a toezegging's status text."""
    if m := AFGEDAAN.match(status):
        return "afgedaan", iso(*m.groups()), ""
    if m := NIET_AFGEDAAN.match(status):
        return "nog niet afgedaan", "", iso(*m.groups())
    raise SystemExit(f"{waar}: onbekende status {status!r} (verwacht 'afgedaan DD-MM-JJJJ' of "
                     "'nog niet afgedaan · verwacht DD-MM-JJJJ')")


def tabellen(records: list[dict]) -> dict[str, tuple[list[str], list[list[str]]]]:
    """File name -> (header, rows)."""
    t: dict[str, tuple[list[str], list[list[str]]]] = {}
    t["wijken.csv"] = (["wijk_slug", "wijk_naam", "gebied", "wijkraad_vergaderingen"],
                       [[r["slug"], r["naam"], r["gebied"], r["wrv_n"]] for r in records])
    t["wijkraden.csv"] = (["wijk_slug", "wijkraad_naam"],
                          [[r["slug"], naam] for r in records for naam in r["wrv_raad"]])
    jaren = sorted({j for r in records for j in r["cbs"]})
    t["cbs_kerncijfers.csv"] = (["wijk_slug", "jaar", "variabele", "waarde"],
                                [[r["slug"], j, k, v] for j in jaren for r in records
                                 for k, v in r["cbs"].get(j, {}).items()])
    edities = sorted({e for r in records for e in r["wp"]})
    t["wijkprofiel_index.csv"] = (["wijk_slug", "editie", "index", "waarde"],
                                  [[r["slug"], e, i, v] for e in edities for r in records
                                   for i, v in r["wp"].get(e, {}).items()])
    detail = []
    for r in records:
        laatste = max(r["wp"])  # the source gives the detail of "the latest edition" without naming it
        for index, d in r["wpd"].items():
            if d["index"] != r["wp"][laatste][index]:
                raise SystemExit(f"{r['slug']}: wpd.{index}.index {d['index']} is niet wp[{laatste}] "
                                 f"{r['wp'][laatste][index]}")
            label, waarde = d["algemeen"]
            detail.append([r["slug"], laatste, index, "algemeen", label, waarde])
            for deel in ("subjectief", "objectief"):
                detail += [[r["slug"], laatste, index, deel, k, v] for k, v in d[deel].items()]
    t["wijkprofiel_detail.csv"] = (["wijk_slug", "editie", "index", "deel", "onderdeel", "waarde"], detail)
    pjaren = sorted({j for r in records for c in r["politie"].values() for j in c})
    t["politie_misdrijven.csv"] = (["wijk_slug", "categorie", "jaar", "aantal"],
                                   [[r["slug"], c, j, reeks[j]] for j in pjaren for r in records
                                    for c, reeks in r["politie"].items() if j in reeks])
    t["wijkraad_stukken.csv"] = (["wijk_slug", "volgorde", "datum", "titel", "auteur", "status", "link", "nummer"],
                                 [[r["slug"], str(i), *stuk] for r in records
                                  for i, stuk in enumerate(r["wijkraad"], start=1)])
    toez = []
    for r in records:
        for i, (datum, titel, wie, status, link, nummer) in enumerate(r["toez"], start=1):
            toez.append([r["slug"], str(i), datum, titel, wie, status, *stand(status, f"{r['slug']} toez {i}"),
                         link, nummer])
    t["toezeggingen.csv"] = (["wijk_slug", "volgorde", "datum", "titel", "portefeuillehouder", "status", "stand",
                              "afgedaan_op", "verwacht_op", "link", "nummer"], toez)
    t["stukken_aantallen.csv"] = (["wijk_slug", "soort", "aantal"],
                                  [[r["slug"], k, v] for r in records for k, v in r["stukken"].items()])
    return t


def schrijf(tabel: tuple[list[str], list[list[str]]], pad: Path) -> None:
    kop, rijen = tabel
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(kop)
        for rij in rijen:
            if len(rij) != len(kop) or not all(isinstance(v, str) for v in rij):
                raise SystemExit(f"{pad.name}: rij {rij!r} past niet bij de kop {kop!r}")
            w.writerow(rij)


def main(argv: list[str]) -> int:
    bron = Path(argv[1]) if len(argv) > 1 else STANDAARD_BRON
    uit = Path(argv[2]) if len(argv) > 2 else MAP
    if not bron.exists():
        print(f"bron niet gevonden: {bron}", file=sys.stderr)
        return 2
    uit.mkdir(parents=True, exist_ok=True)
    for naam, tabel in tabellen(lees(bron)).items():
        schrijf(tabel, uit / naam)
        print(f"{naam}: {len(tabel[1])} rijen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
