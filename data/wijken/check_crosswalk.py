"""Check data/wijken/crosswalk.csv against every copied source (standard library only).

    python3 data/wijken/check_crosswalk.py            # prints the report, exit 1 on an unexpected join
    python3 data/wijken/check_crosswalk.py > data/wijken/crosswalk_check.txt

For each source: every area in the source joins to exactly one crosswalk row (or is listed as an expected
exception with the reason), and every crosswalk row that the source should cover is found in it.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

WIJKEN = Path(__file__).resolve().parent
DATA = WIJKEN.parent
RZ = WIJKEN / "rotterdam-raadzoeker-wijkprofiel-cbs-politie"
RZ71 = WIJKEN / "rotterdam-raadzoeker-71-wijken"
KWB = WIJKEN / "rotterdam-vergewijk-cbs-wijkprofiel" / "cbs-kwb"
WP18 = WIJKEN / "rotterdam-vergewijk-cbs-wijkprofiel" / "wijkprofiel"
WP16 = WIJKEN / "rotterdam-wijkprofiel-2016-obi" / "csv"
KWB24 = WIJKEN / "cbs-kwb-2024-wikigen" / "stripped_filtered_data_2024.rotterdam_g4.json"
GEO = DATA / "geo"
NPRZ = DATA / "nprz" / "2024" / "verhuisbewegingen.csv"

# Source areas that are expected NOT to join to exactly one wijk, with the reason.
GEDEELD = {"BU05991289": "Groot IJsselmonde: één CBS-buurt / TIR-vlak voor de Wijkprofiel-wijken 1009 en 1010",
           "1289": "TIR Groot IJsselmonde = Wijkprofiel-wijken 1009 en 1010",
           "Groot IJsselmonde": "NPRZ-verhuistabel: één rij voor Groot IJsselmonde-Noord en -Zuid"}
GEEN_WIJK = "haven-/bedrijfsgebied, geen Wijkprofiel-wijk (0-120 inwoners)"

errors: list[str] = []


def out(line: str = "") -> None:
    print(line)


def fail(msg: str) -> None:
    errors.append(msg)
    out(f"  FOUT: {msg}")


def load_crosswalk() -> list[dict]:
    rows = list(csv.DictReader((WIJKEN / "crosswalk.csv").open(encoding="utf-8")))
    out(f"crosswalk.csv: {len(rows)} wijken in {len({r['gebied_slug'] for r in rows})} gebieden")
    slugs = [r["wijk_slug"] for r in rows]
    if len(set(slugs)) != len(slugs):
        fail("wijk_slug niet uniek")
    for r in rows:
        s = r["wijk_slug"]
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", s):
            fail(f"{s}: slug ongeldig")
        if not re.fullmatch(r"BU\d{8}(;BU\d{8})*", r["cbs_buurtcodes"]):
            fail(f"{s}: cbs_buurtcodes ongeldig")
        if r["cbs_wijkcode"] != "WK0599" + r["gebied_geo_id"]:
            fail(f"{s}: cbs_wijkcode past niet bij gebied_geo_id")
        if r["cbs_buurtcodes"].split(";") != ["BU0599" + g for g in r["geo_id"].split(";")]:
            fail(f"{s}: geo_id past niet bij cbs_buurtcodes")
        if any(not c.startswith("BU0599" + r["gebied_geo_id"]) for c in r["cbs_buurtcodes"].split(";")):
            fail(f"{s}: buurtcode buiten het gebied")
        if r["politie_code"] and set(r["politie_code"].split(";")) != set(r["cbs_buurtcodes"].split(";")):
            fail(f"{s}: politie_code andere buurten dan cbs_buurtcodes")
        if r["nprz_focuswijk"] not in ("true", "false"):
            fail(f"{s}: nprz_focuswijk niet true/false")
    per_gebied = defaultdict(set)
    for r in rows:
        codes = (r["gebied_naam"], r["cbs_wijkcode"], r["gebied_wijkprofiel_nummer"], r["gebied_geo_id"])
        per_gebied[r["gebied_slug"]].add(codes)
    for g, v in per_gebied.items():
        if len(v) != 1:
            fail(f"gebied {g}: codes niet eenduidig {v}")
    return rows


def index(rows: list[dict], col: str, split: bool = False) -> dict[str, list[str]]:
    idx = defaultdict(list)
    for r in rows:
        for v in (r[col].split(";") if split else [r[col]]):
            if v:
                idx[v].append(r["wijk_slug"])
    return idx


_shown: set[str] = set()


def report(name: str, source_keys: dict[str, str], idx: dict[str, list[str]], expected_rows: set[str],
           unmatched_reason: dict[str, str] | None = None) -> None:
    """source_keys: key -> label. Every key must join to exactly one wijk, unless listed in GEDEELD /
    unmatched_reason. Every slug in expected_rows must be reached by some key."""
    out(f"\n== {name}: {len(source_keys)} gebieden in de bron")
    reached = set()
    ok = 0
    skipped: list[str] = []
    for key, label in source_keys.items():
        hits = idx.get(key, [])
        reached.update(hits)
        if len(hits) == 1:
            ok += 1
        elif len(hits) > 1 and key in GEDEELD:
            out(f"  verwacht: {key} ({label}) -> {len(hits)} wijken {hits}: {GEDEELD[key]}")
        elif not hits and unmatched_reason is not None and key in unmatched_reason:
            if key not in _shown:  # list each unassigned area once (first year it occurs)
                out(f"  geen wijk: {key} ({label}): {unmatched_reason[key]}")
                _shown.add(key)
            else:
                skipped.append(key)
        else:
            fail(f"{name}: {key} ({label}) -> {len(hits)} wijken {hits}")
    if skipped:
        out(f"  geen wijk: dezelfde {len(skipped)} haven-/bedrijfsbuurten als hierboven")
    out(f"  {ok} gebieden joinen op precies één crosswalk-rij")
    missing = sorted(expected_rows - reached)
    if missing:
        fail(f"{name}: crosswalk-rijen niet in de bron: {missing}")
    else:
        out(f"  alle {len(expected_rows)} crosswalk-rijen die deze bron dekt zijn gevonden")


def read_kwb(year: int) -> tuple[list[str], list[list[str]]]:
    path = KWB / f"Kerncijfers_wijken_en_buurten_{year}.csv"
    rows = list(csv.reader(path.open(encoding="utf-8-sig"), delimiter=";"))
    labels = [c.lstrip("|").strip() for c in rows[3]]
    return labels, rows[5:]


def num(v: str) -> float | None:
    v = v.strip()
    if v in ("", ".", "x", "-"):
        return None
    return float(v.replace(",", "."))


def rows71(name: str) -> list[dict]:
    return list(csv.DictReader((RZ71 / name).open(encoding="utf-8")))


#: the 25-wijk files' columns and the 71-wijk file's source keys (cbs) / categories (politie) / indices (wijkprofiel)
CBS_25 = {"aantal_inwoners": "inw", "gem_woz_waarde_x1000eur": "woz", "pct_huurwoningen": "huur",
          "pct_huurwoningen_corporatie": "corp", "gem_inkomen_per_inwoner_x1000eur": "ink",
          "pct_huishoudens_laag_inkomen": "laag", "personen_alg_bijstandsuitkering": "bijst", "pct_0_15_jaar": "jong",
          "pct_65_plus": "oud", "pct_eenpersoonshuishoudens": "eenp", "personenautos_per_huishouden": "auto"}
POLITIE_25 = {"totaal_misdrijven": "Totaal misdrijven", "woninginbraak": "Woninginbraak"}
WP_25 = {"fysieke_index": "fysiek", "veiligheidsindex": "veiligheid", "sociale_index": "sociaal"}


def check_71(cw: list[dict], by_slug: dict, slugs: set[str]) -> dict:
    """The 71-wijk extract: every file joins 1:1 on wijk_slug; shared CBS areas carry the same figures; the 25
    wijken of the older files have the same values here."""
    files = ["wijken.csv", "wijkraden.csv", "cbs_kerncijfers.csv", "wijkprofiel_index.csv", "wijkprofiel_detail.csv",
             "politie_misdrijven.csv", "wijkraad_stukken.csv", "toezeggingen.csv", "stukken_aantallen.csv"]
    data = {f: rows71(f) for f in files}
    wijken = {r["wijk_slug"]: r for r in data["wijken.csv"]}
    for f in files:
        keys = {r["wijk_slug"]: wijken.get(r["wijk_slug"], {}).get("wijk_naam", "?") for r in data[f]}
        expected = slugs if f in ("wijken.csv", "cbs_kerncijfers.csv", "wijkprofiel_index.csv",
                                  "wijkprofiel_detail.csv", "politie_misdrijven.csv") else set(keys)
        report(f"raadzoeker-71 {f} (sleutel wijk_slug)", keys, index(cw, "wijk_slug"), expected)
    for slug, w in wijken.items():
        c = by_slug.get(slug)
        if c and w["wijk_naam"] != c["wijk_naam"]:
            out(f"  naam anders gespeld: {slug}: bron '{w['wijk_naam']}', crosswalk '{c['wijk_naam']}'")
    gebieden = defaultdict(set)
    for slug, w in wijken.items():
        if slug in by_slug:
            gebieden[w["gebied"]].add(by_slug[slug]["gebied_naam"])
    for g, namen in sorted(gebieden.items()):
        if len(namen) != 1:
            fail(f"raadzoeker-71: gebied '{g}' hoort bij meer gebieden van de crosswalk: {sorted(namen)}")
        elif g not in namen:
            out(f"  gebied anders gespeld: bron '{g}', crosswalk '{next(iter(namen))}'")
    # wijken in one CBS area are one measurement
    per_area = defaultdict(list)
    for r in cw:
        per_area[r["cbs_buurtcodes"]].append(r["wijk_slug"])
    for f, cols in (("cbs_kerncijfers.csv", ("jaar", "variabele")), ("politie_misdrijven.csv", ("categorie", "jaar"))):
        vals = defaultdict(dict)
        for r in data[f]:
            vals[r["wijk_slug"]][tuple(r[c] for c in cols)] = r["waarde" if "waarde" in r else "aantal"]
        for area, group in per_area.items():
            if len(group) > 1:
                same = all(vals[s] == vals[group[0]] for s in group)
                out(f"  {f}: {', '.join(group)} (één CBS-gebied {area}): "
                    f"{'zelfde cijfers' if same else 'VERSCHILLENDE cijfers'}")
                if not same:
                    fail(f"raadzoeker-71 {f}: {group} delen {area} maar hun cijfers verschillen")
    # the 25 wijken of the older files
    n_eq, n_diff = 0, 0
    for label, f71, f25, tijd, soort, waarde, kolommen in (
            ("cbs", "cbs_kerncijfers.csv", "cbs_kerncijfers_wijk_2022_2025.csv", "jaar", "variabele", "waarde", CBS_25),
            ("politie", "politie_misdrijven.csv", "politie_misdrijven_wijk_2018_2025.csv", "jaar", "categorie", "aantal",
             POLITIE_25),
            ("wijkprofiel", "wijkprofiel_index.csv", "wijkprofiel_index_wijk_2014_2026.csv", "editie", "index", "waarde",
             WP_25)):
        nieuw = {(r["wijk_slug"], r[tijd], r[soort]): r[waarde] for r in data[f71]}
        for r in csv.DictReader((RZ / f25).open(encoding="utf-8")):
            for col, key in kolommen.items():
                if r[col] != "":
                    new = nieuw.get((r["wijk_slug"], r[tijd], key))
                    ok = new is not None and float(new) == float(r[col])
                    n_eq, n_diff = n_eq + ok, n_diff + (not ok)
                    if not ok:
                        fail(f"{label} {r['wijk_slug']} {r[tijd]} {col}: 25-bestand {r[col]}, 71-bestand {new}")
    out(f"  waarden die ook in de 25-wijkenbestanden staan: {n_eq} gelijk, {n_diff} verschillend")
    return data


def waarden_71(cw: list[dict], data: dict, k24: dict, wp_values: dict, kwb18: dict) -> None:
    """Inhabitants per gebied against CBS, Wijkprofiel FI/VI against the OBI files, inhabitants against KWB 2018."""
    inw = defaultdict(dict)
    for r in data["cbs_kerncijfers.csv"]:
        if r["variabele"] == "inw":
            inw[r["jaar"]][r["wijk_slug"]] = float(r["waarde"])
    jaar = "2024"  # the year of the KWB 2024 file
    seen, per_gebied = set(), defaultdict(float)
    for r in cw:
        if r["cbs_buurtcodes"] not in seen:
            seen.add(r["cbs_buurtcodes"])
            per_gebied[r["cbs_wijkcode"]] += inw[jaar][r["wijk_slug"]]
    out(f"  71 wijken: inwoners 1-1-{jaar} per gebied (gedeelde buurt 1x) tegen KWB 2024, verschil > 10 (afronding op 5):")
    for code in sorted(per_gebied):
        verschil = per_gebied[code] - k24[code]["AantalInwoners_5"]
        if abs(verschil) > 10:
            fail(f"gebied {code}: som van de wijken {per_gebied[code]:.0f} tegen KWB 2024 {k24[code]['AantalInwoners_5']}")
    haven = sum(v["AantalInwoners_5"] for k, v in k24.items() if k.startswith("WK0599") and k not in per_gebied)
    totaal = sum(per_gebied.values())
    gm = k24["GM0599"]["AantalInwoners_5"]
    out(f"  geen; alle {len(per_gebied)} gebieden samen {totaal:.0f}, plus haven- en bedrijfsgebieden zonder wijk "
        f"{haven:.0f} = {totaal + haven:.0f} tegen gemeente GM0599 {gm} (verschil {totaal + haven - gm:+.0f}: afronding)")
    if abs(totaal + haven - gm) > 5 * 25:
        fail(f"som van alle wijken plus havengebieden {totaal + haven:.0f} wijkt te veel af van GM0599 {gm}")
    # Wijkprofiel FI and VI 2014/2016/2018 of all 71 wijken against the OBI files (SI: recalculated later)
    wp = {(r["wijk_slug"], r["editie"], r["index"]): float(r["waarde"]) for r in data["wijkprofiel_index.csv"]}
    nr = {r["wijk_slug"]: r["wijkprofiel_nummer"] for r in cw}
    files = {("2014", "fysiek"): "wijkprofiel_2016__FI_obj_2014.csv", ("2016", "fysiek"): "wijkprofiel_2016__FI_obj_2016.csv",
             ("2014", "veiligheid"): "wijkprofiel_2016__VI_2014.csv", ("2016", "veiligheid"): "wijkprofiel_2016__VI_2016.csv",
             ("2014", "sociaal"): "wijkprofiel_2016__SI_2014.csv", ("2016", "sociaal"): "wijkprofiel_2016__SI_2016.csv",
             ("2018", "fysiek"): "gemeente 2018 fi_obj.csv", ("2018", "veiligheid"): "gemeente 2018 vi.csv"}
    for (ed, ix), f in files.items():
        diff = [s for s in nr if int(wp_values[f][nr[s]] + 0.5) != wp[(s, ed, ix)]]
        out(f"  raadzoeker-71 {ix} {ed} tegen OBI-bestand: {len(diff)} van {len(nr)} verschillen"
            + (" (verwacht: sociale index later herberekend)" if ix == "sociaal" else ""))
        if diff and ix != "sociaal":
            fail(f"raadzoeker-71 {ix} {ed} wijkt af van OBI voor {diff}")
    # inhabitants 2022 against KWB 2018 of the same buurten: a wrong buurt list would show as a jump
    out("  inwoners 2022 (raadzoeker-71) tegen KWB 2018 van dezelfde buurten, alleen verschillen > 15% "
        "(nieuwbouw, sloop):")
    for r in cw:
        k = sum(kwb18.get(b) or 0 for b in r["cbs_buurtcodes"].split(";"))
        v = inw["2022"][r["wijk_slug"]]
        if k and abs(v / k - 1) > 0.15:
            out(f"  {r['wijk_slug']}: {v:.0f} tegen {k:.0f} ({v / k - 1:+.0%})")


def main() -> int:
    cw = load_crosswalk()
    slugs = {r["wijk_slug"] for r in cw}
    by_slug = {r["wijk_slug"]: r for r in cw}
    gebied_codes = {r["cbs_wijkcode"] for r in cw}

    # --- raadzoeker (25 wijken) -------------------------------------------------------------
    rz_slugs = set()
    for f in ["wijkprofiel_index_wijk_2014_2026.csv", "cbs_kerncijfers_wijk_2022_2025.csv",
              "politie_misdrijven_wijk_2018_2025.csv"]:
        rows = list(csv.DictReader((RZ / f).open(encoding="utf-8")))
        keys = {r["wijk_slug"]: r["wijk_naam"] for r in rows}
        rz_slugs |= set(keys)
        report(f"raadzoeker {f} (sleutel wijk_slug)", keys, index(cw, "wijk_slug"), set(keys))
        for r in rows:
            c = by_slug.get(r["wijk_slug"])
            if not c:
                continue
            if r["gebied"] != c["gebied_naam"]:
                fail(f"{f}: {r['wijk_slug']} gebied {r['gebied']} != {c['gebied_naam']}")
            pol_code = c["politie_code"]
            if r["cbs_buurtcode"] != c["cbs_buurtcodes"] or (pol_code and r["cbs_buurtcode"] != pol_code):
                fail(f"{f}: {r['wijk_slug']} cbs_buurtcode {r['cbs_buurtcode']} != crosswalk")
            if "wijkprofiel_wijknr" in r and r["wijkprofiel_wijknr"] != c["wijkprofiel_nummer"]:
                fail(f"{f}: {r['wijk_slug']} wijknr {r['wijkprofiel_wijknr']} != {c['wijkprofiel_nummer']}")
        diff = sorted({(r["wijk_slug"], r["wijk_naam"], by_slug[r["wijk_slug"]]["wijk_naam"]) for r in rows
                       if r["wijk_slug"] in by_slug and r["wijk_naam"] != by_slug[r["wijk_slug"]]["wijk_naam"]})
        for d in diff:
            out(f"  naam anders gespeld: {d[0]}: bron '{d[1]}', crosswalk '{d[2]}' (join op slug, niet op naam)")
    extra = sorted(slugs - rz_slugs)
    out(f"  {len(extra)} crosswalk-wijken staan niet in de raadzoeker-bestanden (die dekken alleen 25 wijken)")

    # --- raadzoeker, all 71 wijken ------------------------------------------------------------------
    rz71 = check_71(cw, by_slug, slugs)

    # --- CBS KWB 2014-2018 (buurten = wijken, wijken = gebieden) --------------------------------
    bu_idx = index(cw, "cbs_buurtcodes", split=True)
    all_bu = {}
    for year in range(2014, 2019):
        labels, rows = read_kwb(year)
        inw = labels.index("Aantal inwoners")
        bu = {r[3]: f"{r[0]}, {r[inw]} inw." for r in rows if r[3].startswith("BU")}
        all_bu.update({k: v for k, v in bu.items()})
        reasons = {k: GEEN_WIJK for k in bu if k not in bu_idx}
        report(f"CBS KWB {year} buurten (sleutel Codering BU.. in cbs_buurtcodes)", bu, bu_idx, slugs, reasons)
        wk = {r[3]: r[0] for r in rows if r[3].startswith("WK")}
        port = {k: v for k, v in wk.items() if k not in gebied_codes}
        missing = gebied_codes - set(wk)
        out(f"  CBS-wijken (= gebieden): {len(wk) - len(port)} van de 14 gebieden van de crosswalk; "
            f"niet in de crosswalk ({GEEN_WIJK}): {', '.join(f'{k} {v}' for k, v in sorted(port.items()))}")
        if missing:
            fail(f"KWB {year}: gebieden ontbreken {missing}")
        if not any(r[3] == "GM0599" for r in rows):
            fail(f"KWB {year}: GM0599 ontbreekt")
        # gebied total vs sum of its wijken (distinct buurten): differences are the unassigned buurten
        vals = {r[3]: num(r[inw]) for r in rows}
        kwb18 = vals  # the last year read: 2018
        out("  som inwoners van de wijken per gebied tegen de CBS-wijk (verschil = afronding op 5 en "
            "buurten zonder wijk), alleen verschillen > 10:")
        for code in sorted(gebied_codes):
            bus = {b for c in cw if c["cbs_wijkcode"] == code for b in c["cbs_buurtcodes"].split(";")}
            s = sum(vals[b] or 0 for b in bus)
            if abs(s - (vals[code] or 0)) > 10:
                out(f"  {code}: som van de wijken {s:.0f} tegen CBS-wijk {vals[code]:.0f}")

    # --- CBS KWB 2024 (gemeente + CBS-wijken only) -----------------------------------------------
    d = json.loads(KWB24.read_text(encoding="utf-8"))
    rd = {k for k in d if k.startswith("WK0599")}
    out(f"\n== CBS KWB 2024 json: {len(d)} regio's (geen buurten). Rotterdam-wijken (= gebieden) {len(rd)}")
    if gebied_codes - rd:
        fail(f"KWB 2024: gebieden ontbreken {gebied_codes - rd}")
    else:
        out(f"  alle 14 gebied-codes (cbs_wijkcode) aanwezig; daarnaast: {sorted(rd - gebied_codes)} ({GEEN_WIJK}) "
            f"en {sorted(k for k in d if k.startswith('GM'))}")

    # --- Wijkprofiel 2014/2016 (OBI workbook) and 2018 --------------------------------------------
    wp_idx = index(cw, "wijkprofiel_nummer")
    gebied_wp = {r["gebied_wijkprofiel_nummer"] for r in cw}
    wpfiles = [(WP16 / f"wijkprofiel_2016__{n}.csv", "utf-8", ",", 3) for n in
               ("FI_obj_2014", "FI_obj_2016", "VI_2014", "VI_2016", "SI_2014", "SI_2016")]
    wpfiles += [(WP18 / f"gemeente 2018 {n}.csv", "latin-1", ";", 1) for n in ("fi_obj", "vi")]
    wp_values = {}
    for path, enc, sep, skip in wpfiles:
        rows = list(csv.reader(path.open(encoding=enc), delimiter=sep))[skip:]
        wijk = {r[1]: r[2] for r in rows if r[1] not in gebied_wp and r[1] != "5000"}
        report(f"Wijkprofiel {path.name} (sleutel wijknr)", wijk, wp_idx, slugs)
        geb = {r[1] for r in rows if r[1] in gebied_wp}
        if geb != gebied_wp or not any(r[1] == "5000" for r in rows):
            fail(f"{path.name}: gebied- (40xx) of Rotterdam-rij (5000) ontbreekt")
        else:
            out("  plus 14 gebied-rijen (4000-4013 = gebied_wijkprofiel_nummer) en Rotterdam (5000)")
        for r in rows:
            if r[1] in wijk:
                naam = by_slug[wp_idx[r[1]][0]]["wijkprofiel_naam"] if wp_idx.get(r[1]) else None
                if naam is not None and naam != r[2]:
                    out(f"  naam in bron '{r[2]}' != wijkprofiel_naam '{naam}'")
        wp_values[path.name] = {r[1]: float(r[3].replace(",", ".")) for r in rows}

    # --- NPRZ verhuisbewegingen ------------------------------------------------------------------
    if NPRZ.exists():
        rows = list(csv.DictReader(NPRZ.open(encoding="utf-8")))
        names = {r["gebied"]: r["gebied_soort"] for r in rows if r["gebied_soort"] == "wijk"}
        nidx = index(cw, "nprz_verhuis_naam", split=True)
        report("NPRZ 2024 verhuisbewegingen (sleutel gebied, soort wijk)", {k: "wijk" for k in names}, nidx,
               {r["wijk_slug"] for r in cw if r["nprz_verhuis_naam"]})
        geb = {r["gebied"] for r in rows if r["gebied_soort"] == "gebied"}
        out(f"  gebied-rijen {sorted(geb)} -> gebied_naam: "
            f"{'ok' if geb <= {r['gebied_naam'] for r in cw} else 'FOUT'}; totalen: "
            f"{sorted({r['gebied'] for r in rows if r['gebied_soort'] == 'totaal'})}")
        n23 = sorted({n for r in cw for n in r["nprz_verhuis_naam"].split(";") if n})
        out(f"  {len(n23)} NPRZ-namen in de crosswalk")

    # --- boundaries -------------------------------------------------------------------------------
    for f, col, key in (("tir_buurten_wijken.geojson", "TEKST", "geo_id"),
                        ("tir_gebieden_bestuurlijk.geojson", "TEKST", "gebied_geo_id")):
        gj = json.loads((GEO / f).read_text(encoding="utf-8"))
        keys = {str(ft["properties"][col]): ft["properties"].get("BUURTNAAM", ft["properties"].get("GEBDNAAM"))
                for ft in gj["features"]}
        if key == "geo_id":
            report(f"geo {f} (sleutel TEKST in geo_id)", keys, index(cw, key, split=True), slugs)
        else:
            gi = {r["gebied_geo_id"]: [r["gebied_slug"]] for r in cw}
            report(f"geo {f} (sleutel TEKST = gebied_geo_id; join per gebied)", keys, gi,
                   {r["gebied_slug"] for r in cw})
        crs = (gj.get("crs") or {}).get("properties", {}).get("name")
        out(f"  crs-lid: {crs}" + ("" if crs and crs.endswith("28992") else " -- FOUT: verwacht EPSG:28992"))
        if not (crs and crs.endswith("28992")):
            fail(f"{f}: geen EPSG:28992 gedeclareerd")

    # --- consistency of values ---------------------------------------------------------------------
    out("\n== Controles op waarden")
    kern = list(csv.DictReader((RZ / "cbs_kerncijfers_wijk_2022_2025.csv").open(encoding="utf-8")))
    carn = [r for r in kern if r["wijk_slug"] == "carnisse" and r["jaar"] == "2024"][0]["aantal_inwoners"]
    out(f"  Carnisse inwoners 1-1-2024 = {carn}" + (" (ok)" if carn == "11620" else ""))
    if carn != "11620":
        fail("Carnisse 2024 is niet 11620")
    inw24 = {r["wijk_slug"]: float(r["aantal_inwoners"]) for r in kern if r["jaar"] == "2024"}
    focus = sum(inw24[r["wijk_slug"]] for r in cw if r["nprz_focuswijk"] == "true")
    out(f"  som inwoners 2024 van de 7 focuswijken: {focus:.0f} (NPRZ algemene indicatoren: 79.922 op 1-1-2024)")
    nprz_gebieden = (("WK059915", "Charlois"), ("WK059910", "Feijenoord"), ("WK059912", "IJsselmonde"),
                     ("WK059916", "Hoogvliet"))
    for code, naam in nprz_gebieden:
        seen, s = set(), 0.0
        for r in cw:
            if r["cbs_wijkcode"] == code and r["cbs_buurtcodes"] not in seen:
                seen.add(r["cbs_buurtcodes"])
                s += inw24[r["wijk_slug"]]
        k24 = d[code]["AantalInwoners_5"]
        out(f"  {naam}: som wijken 2024 (gedeelde buurt 1x) {s:.0f} tegen KWB 2024 {code} {k24}")
    waarden_71(cw, rz71, d, wp_values, kwb18)
    wpi = list(csv.DictReader((RZ / "wijkprofiel_index_wijk_2014_2026.csv").open(encoding="utf-8")))
    mism = defaultdict(int)
    n = defaultdict(int)
    rnd = lambda x: int(x + 0.5)  # noqa: E731 - published integers are half-up rounded
    for r in wpi:
        nr, ed = r["wijkprofiel_wijknr"], r["editie"]
        for col, short in (("fysieke_index", "FI_obj"), ("veiligheidsindex", "VI"), ("sociale_index", "SI")):
            if ed in ("2014", "2016"):
                src = wp_values.get(f"wijkprofiel_2016__{short}_{ed}.csv")
            elif ed == "2018" and short != "SI":
                src = wp_values.get(f"gemeente 2018 {short.lower()}.csv")
            else:
                continue
            n[(short, ed)] += 1
            if rnd(src[nr]) != int(r[col]):
                mism[(short, ed)] += 1
    for k in sorted(n):
        out(f"  raadzoeker {k[0]} {k[1]} tegen OBI-bestand: {mism[k]} van {n[k]} verschillen"
            + (" (verwacht: sociale index later herberekend)" if k[0] == "SI" else ""))
        if k[0] != "SI" and mism[k]:
            fail(f"raadzoeker {k} wijkt af van OBI")
    out(f"\n{'GEEN ONVERWACHTE JOIN-FOUTEN' if not errors else f'{len(errors)} FOUT(EN)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
