"""How data/actieplannen/hoogvliet-2025/acties.csv was made (provenance; not run by the project).

Reads the text version of the Hoogvliet jaaractieplan 2025 (section "Acties uitgebreid", one block per
action: Actie, status, Toelichting, Door wie, Betrokken partijen, Planning, Uitvoerbaar) and writes one
row per action. The gemeente's reaction comes from the covering letter (kenmerk D2025-123702): the
WijkMT found actions 3.3.1 and 4.2.2 not feasible, the wijkraad keeps them in the plan.

Usage: python extract.py <hoogvliet-jaaractieplan-2025.txt> <acties.csv>
"""

from __future__ import annotations

import csv
import re
import sys

STATUS = ("wit", "groen", "oranje", "rood")
LETTER = ("Volgens het WijkMT niet uitvoerbaar. De wijkraad vindt dat de actie in het jaaractieplan moet blijven "
          "(brief van de wijkraad Hoogvliet aan het college, kenmerk D2025-123702). Reden van de gemeente: {reden}")
BETWIST = {"3.3.1", "4.2.2"}
COLUMNS = ["plan_id", "doel_nummer", "doel", "resultaat_nummer", "resultaat", "actie_nummer", "actie", "status",
           "toelichting", "door_wie", "partijen", "planning_maanden", "planning_toelichting", "uitvoerbaar",
           "uitvoerbaar_toelichting", "gemeente_reactie", "gemeente_reactie_toelichting", "bron_regels"]
PERIODE = re.compile(r"^periode (4|8|12) mnd\s*(.*)$")


def clean(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(p.strip() for p in parts)).strip()


def parse(lines: list[str]) -> list[dict]:
    start = next(i for i, line in enumerate(lines) if line.strip() == "Acties uitgebreid")
    rows: list[dict] = []
    doel = resultaat = None
    state = None
    buf: list[str] = []
    cur: dict | None = None

    def flush():
        nonlocal buf
        if cur is not None and state in ("actie", "toelichting", "planning", "uitvoerbaar"):
            key = {"actie": "actie", "toelichting": "toelichting", "planning": "planning_toelichting",
                   "uitvoerbaar": "uitvoerbaar_toelichting"}[state]
            text = clean(buf)
            if state == "uitvoerbaar":
                m = re.match(r"^(Ja|Nee)\b\s*(.*)$", text)
                if m:
                    cur["uitvoerbaar"] = m.group(1).lower()
                    text = m.group(2)
            cur[key] = text
        elif state == "resultaat" and resultaat is not None:
            resultaat[1] = clean(buf)
        buf = []

    for nr, raw in enumerate(lines[start + 1:], start=start + 2):
        line = raw.strip()
        if m := re.match(r"^Doel (\d+) (.*?)( Situatie)?$", line):
            flush(); state = None
            doel = (m.group(1), m.group(2).strip())
        elif m := re.match(r"^Resultaat (\d+\.\d+) (.*)$", line):
            flush(); state = "resultaat"
            resultaat = [m.group(1), ""]
            buf = [m.group(2)]
        elif m := re.match(r"^Actie (\d+\.\d+\.\d+) (.*)$", line):
            flush()
            cur = {c: "" for c in COLUMNS}
            cur.update(plan_id="hoogvliet-2025", doel_nummer=doel[0], doel=doel[1], resultaat_nummer=resultaat[0],
                       resultaat=resultaat[1], actie_nummer=m.group(1), bron_regels=str(nr))
            rows.append(cur)
            state = "actie"
            buf = [m.group(2)]
            if buf[0].split()[-1] in STATUS:
                cur["status"] = buf[0].split()[-1]
                buf = [buf[0].rsplit(" ", 1)[0]]
        elif state == "actie" and line in STATUS:
            cur["status"] = line
        elif line.startswith("Toelichting ") and state in ("actie",):
            flush(); state = "toelichting"; buf = [line[len("Toelichting "):]]
        elif line == "Stand van zaken":
            flush(); state = "stand"
        elif line.startswith("Door wie"):
            cur["door_wie"] = line[len("Door wie"):].strip()
        elif line.startswith("Betrokken partijen"):
            cur["partijen"] = line[len("Betrokken partijen"):].strip()
        elif line == "Planning Toelichting":
            state = "planning_kop"
        elif line == "Uitvoerbaar Toelichting":
            state = "uitvoerbaar_kop"
        elif state in ("planning_kop", "uitvoerbaar_kop") and line.startswith("jaarplanning"):
            state = state.replace("_kop", "")
            buf = [line[len("jaarplanning"):]]
        elif m := PERIODE.match(line):
            if state in ("planning", "uitvoerbaar"):
                flush(); state = state + "_periode"
            if m.group(2) and cur is not None:
                raise SystemExit(f"regel {nr}: periode met inhoud, niet verwacht: {line!r}")
            cur["bron_regels"] = f"{cur['bron_regels'].split('-')[0]}-{nr}"
        elif state in ("actie", "toelichting", "planning", "uitvoerbaar", "resultaat") and line:
            buf.append(line)
    flush()
    for row in rows:
        if row["actie_nummer"] in BETWIST:
            row["gemeente_reactie"] = "betwist"
            reden = row["uitvoerbaar_toelichting"].removeprefix("WH = akkoord met nee. Toelichting: ")
            row["gemeente_reactie_toelichting"] = LETTER.format(reden=reden[0].upper() + reden[1:].rstrip(".") + ".")
        else:
            row["gemeente_reactie"] = "akkoord"
    return rows


def main() -> None:
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    rows = parse(lines)
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(len(rows), "acties")


if __name__ == "__main__":
    main()
