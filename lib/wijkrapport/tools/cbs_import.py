"""Import a CBS StatLine table (OData v3, via ``cbsodata``) for one or more gemeenten as tidy CSV + metadata.

``python run_reports.py cbs-import 85984NED --gemeente GM0599`` writes ``data/cbs/85984NED/``:

* ``data.csv``: one row per region × period × variable: ``regio_code, regio_naam, soort_regio, gemeente_code,
  periode, variabele, cbs_key, waarde, status, afgerond`` (plus one column per extra dimension);
* ``variabelen.csv``: per variable the CBS key, title, unit, decimals and CBS's note on rounding;
* ``metadata.json``: title, identifier, period, modification date, gemeenten, import time and credit line.

CBS conventions handled: region codes padded with spaces (``'GM0599    '``) are stripped and typed by their
prefix (NL/PV/GM/WK/BU); untyped values carry StatLine symbols (``.`` unknown or secret, ``x`` secret,
``-`` nil, blank not applicable, ``*``/``**`` provisional), kept in ``status`` and never turned into numbers
except nil = 0; counts that CBS rounds at wijk and buurt level (e.g. to multiples of 5) are marked
``afgerond``; variable keys that change between yearly tables are mapped to stable names by
``data/cbs/variabelen.csv`` (``tabel, cbs_key, variabele``); other keys get a name derived from the key.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from wijkrapport import paths
from wijkrapport.errors import ConfigError, DataValidationError, Problem

TABEL = re.compile(r"^[0-9]{5}[A-Z]{3}$")
GEMEENTE = re.compile(r"^GM[0-9]{4}$")
SOORT = {"NL": "land", "PV": "provincie", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}
#: StatLine symbol -> status; the value is NaN except for nihil (0)
SYMBOLEN = {"": "niet_van_toepassing", ".": "onbekend_of_geheim", "x": "geheim", "-": "nihil", "?": "onbetrouwbaar"}
GETAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
AFRONDING = re.compile(r"afgerond op (veelvouden van \d+|vijftallen|tientallen|honderdtallen|duizendtallen)", re.I)
AFRONDING_STAP = {"vijftallen": 5, "tientallen": 10, "honderdtallen": 100, "duizendtallen": 1000}


def stabiele_namen() -> pd.DataFrame:
    path = paths.data_dir() / "cbs" / "variabelen.csv"
    if not path.exists():
        return pd.DataFrame(columns=["tabel", "cbs_key", "variabele"])
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def afgeleide_naam(cbs_key: str) -> str:
    """``AantalInwoners_5`` -> ``aantal_inwoners``; ``k_0Tot15Jaar_8`` -> ``k_0_tot15_jaar``."""
    basis = re.sub(r"_\d+$", "", cbs_key)
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", basis).lower()
    return re.sub(r"_+", "_", snake).strip("_")


def waarde(raw: object) -> tuple[float, str]:
    """(value, status) of one untyped StatLine cell.

    >>> waarde("  670610"), waarde("       ."), waarde("-"), waarde("12.5*")
    ((670610.0, 'definitief'), (nan, 'onbekend_of_geheim'), (0.0, 'nihil'), (12.5, 'voorlopig'))
    """
    if raw is None:
        return (float("nan"), "niet_van_toepassing")
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not math.isfinite(float(raw)):
            raise ValueError(f"geen eindig getal: {raw!r}")
        return (float(raw), "definitief")
    text = str(raw).strip()
    status = "definitief"
    if text.endswith("**"):
        text, status = text[:-2].strip(), "nader_voorlopig"
    elif text.endswith("*"):
        text, status = text[:-1].strip(), "voorlopig"
    if text in SYMBOLEN:
        return (0.0 if text == "-" else float("nan"), SYMBOLEN[text])
    # ValueError for anything else (reported by the caller); Python's float() would also take "inf", "nan",
    # "1e400" (= inf), "1_000" and digits of other scripts
    if not GETAL.fullmatch(text) or not math.isfinite(float(text)):
        raise ValueError(f"geen eindig getal: {text!r}")
    return (float(text), status)


def _periode(code: str) -> str:
    """StatLine period codes: ``2024JJ00`` -> ``2024``, ``2024KW02`` -> ``2024-K2``, ``2024MM03`` -> ``2024-03``."""
    code = code.strip()
    m = re.fullmatch(r"(\d{4})(JJ|KW|MM|X\d)(\d\d)", code)
    if not m:
        return code
    jaar, soort, nr = m.groups()
    return {"JJ": jaar, "KW": f"{jaar}-K{int(nr)}", "MM": f"{jaar}-{nr}"}.get(soort, code)


def _afronding(prop: dict, by_id: dict) -> int | None:
    """CBS's rounding step for this topic, from its own or its parent groups' descriptions."""
    node = prop
    while node is not None:
        m = AFRONDING.search(node.get("Description") or "")
        if m:
            woord = m.group(1).lower()
            return int(woord.rsplit(" ", 1)[-1]) if woord.startswith("veelvouden") else AFRONDING_STAP[woord]
        node = by_id.get(node.get("ParentID"))
    return None


def _filter(geo_key: str, gemeenten: list[str]) -> str:
    delen = []
    for gm in gemeenten:
        nr = gm[2:]
        delen += [f"startswith({geo_key},'GM{nr}')", f"startswith({geo_key},'WK{nr}')", f"startswith({geo_key},'BU{nr}')"]
    return " or ".join(delen)


def haal_op(tabel: str, gemeenten: list[str], variabelen: list[str] | None = None, client=None) -> dict:
    """Download the table's metadata and its untyped data for the gemeenten (and only ``variabelen``, CBS keys)."""
    if client is None:
        import cbsodata as client
    props = client.get_meta(tabel, "DataProperties")
    geo = next((p["Key"] for p in props if p.get("Type") in ("GeoDimension", "GeoDetail")), None)
    if geo is None:
        raise ConfigError(f"tabel {tabel} heeft geen regio-dimensie; alleen regionale tabellen worden ingelezen",
                          file=tabel)
    select = None
    if variabelen:
        topics = {p["Key"] for p in props if p.get("Type") == "Topic"}
        onbekend = [v for v in variabelen if v not in topics]
        if onbekend:
            raise ConfigError([Problem(file="cbs-import", field="--variabele", value=v,
                                       message=f"tabel {tabel} heeft deze sleutel niet (zie DataProperties)")
                               for v in onbekend])
        dims = [p["Key"] for p in props if p.get("Type") in ("Dimension", "TimeDimension")]
        select = [geo, *dims, *variabelen]
    # We want the untyped feed (it keeps the StatLine symbols). cbsodata 1.3.5 inverts the flag
    # (J535D165/cbsodata issue #20: typed=True downloads the UntypedDataSet); tidy() accepts either.
    return client.download_data(tabel, typed=True, filters=_filter(geo, gemeenten), select=select)


def tidy(meta: dict, tabel: str, gemeenten: list[str], namen: pd.DataFrame,
         variabelen_keuze: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(data, variabelen, info) from the cbsodata response; every unreadable cell is reported at once."""
    props = meta["DataProperties"]
    by_id = {p["ID"]: p for p in props}
    info = meta["TableInfos"][0]
    geo = next(p["Key"] for p in props if p.get("Type") in ("GeoDimension", "GeoDetail"))
    dims = [p["Key"] for p in props if p.get("Type") in ("Dimension", "TimeDimension")]
    tijd = next((p["Key"] for p in props if p.get("Type") == "TimeDimension"), None)
    topics = [p for p in props if p.get("Type") == "Topic" and p.get("Datatype") != "String"
              and (not variabelen_keuze or p["Key"] in variabelen_keuze)]
    mapping = {r.cbs_key: r.variabele for r in namen.itertuples() if r.tabel == tabel}
    titels = {k: {r["Key"]: str(r.get("Title", "")).strip() for r in meta.get(k, [])} for k in [geo, *dims]}
    variabelen = pd.DataFrame([{
        "cbs_key": p["Key"], "variabele": mapping.get(p["Key"], afgeleide_naam(p["Key"])),
        "titel": str(p.get("Title", "")).strip(), "eenheid": str(p.get("Unit") or "").strip(),
        "decimalen": int(p.get("Decimals") or 0), "afronding": _afronding(p, by_id) or "",
    } for p in topics])
    dubbel = variabelen["variabele"][variabelen["variabele"].duplicated()].tolist()
    if dubbel:
        raise ConfigError(f"tabel {tabel}: meerdere CBS-sleutels krijgen dezelfde naam: {', '.join(dubbel)}; "
                          "geef ze een eigen naam in data/cbs/variabelen.csv", file="data/cbs/variabelen.csv")
    dataset = meta.get("UntypedDataSet", meta.get("TypedDataSet", []))
    nrs = tuple(g[2:] for g in gemeenten)
    rows, problems = [], []
    for rec in dataset:
        code = str(rec[geo]).strip()
        if code[:2] not in ("GM", "WK", "BU") or code[2:6] not in nrs:
            continue
        basis = {"regio_code": code, "regio_naam": titels[geo].get(rec[geo], code), "soort_regio": SOORT[code[:2]],
                 "gemeente_code": f"GM{code[2:6]}",
                 "periode": _periode(rec[tijd]) if tijd else str(info.get("Period", "")).strip()}
        for d in dims:
            if d != tijd:
                basis[d] = str(rec[d]).strip()
                basis[f"{d}_titel"] = titels[d].get(rec[d], "")
        for v in variabelen.itertuples():
            try:
                w, status = waarde(rec.get(v.cbs_key))
            except ValueError:
                problems.append(Problem(file=f"CBS {tabel}", row=int(rec.get("ID", -1)), field=v.cbs_key,
                                        value=rec.get(v.cbs_key),
                                        message=f"regio {code}: onbekend StatLine-symbool of geen getal"))
                continue
            if w == w:  # not NaN: round to the decimals CBS publishes
                w = round(w, v.decimalen)
            afgerond = bool(v.afronding) and code[:2] in ("WK", "BU") and v.eenheid == "aantal"
            rows.append({**basis, "variabele": v.variabele, "cbs_key": v.cbs_key, "waarde": w, "status": status,
                         "afgerond": afgerond})
    if problems:
        raise DataValidationError(problems)
    gevonden = {r["gemeente_code"] for r in rows}
    ontbreekt = [g for g in gemeenten if g not in gevonden]
    if ontbreekt:
        raise DataValidationError(f"tabel {tabel} heeft geen regio's voor {', '.join(ontbreekt)}", file=f"CBS {tabel}")
    data = pd.DataFrame(rows).sort_values(["gemeente_code", "regio_code", "periode", "variabele"], kind="stable")
    return data.reset_index(drop=True), variabelen, info


def importeer(tabel: str, gemeenten: list[str], variabelen: list[str] | None = None, out_dir: Path | None = None,
              client=None) -> Path:
    """Fetch, tidy and write ``<out_dir>/<tabel>/``; the folder is replaced only when everything succeeded."""
    if not TABEL.match(tabel):
        raise ConfigError([Problem(file="cbs-import", field="tabel", value=tabel,
                                   message="verwacht een StatLine-tabelnummer zoals 85984NED")])
    for g in gemeenten:
        if not GEMEENTE.match(g):
            raise ConfigError([Problem(file="cbs-import", field="--gemeente", value=g,
                                       message="verwacht een CBS-gemeentecode: GM en vier cijfers"
                                               + (f" (bedoelt u GM{g.strip()}?)" if re.fullmatch(r"[0-9]{4}", g.strip()) else ""))])
    meta = haal_op(tabel, gemeenten, variabelen, client)
    data, varinfo, info = tidy(meta, tabel, gemeenten, stabiele_namen(), variabelen)
    out_dir = Path(out_dir or paths.data_dir() / "cbs")
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{tabel}-", dir=out_dir))
    try:
        data.to_csv(staging / "data.csv", index=False, lineterminator="\n", float_format="%.10g")
        varinfo.to_csv(staging / "variabelen.csv", index=False, lineterminator="\n")
        titel = str(info.get("Title", "")).strip()
        metadata = {
            "tabel": tabel, "titel": titel, "periode": str(info.get("Period", "")).strip(),
            "gewijzigd_door_cbs": info.get("Modified"), "gemeenten": gemeenten,
            "opgehaald": datetime.now(UTC).isoformat(timespec="seconds"),
            "regio_s": int(data["regio_code"].nunique()), "rijen": len(data),
            "bron": f"CBS, {titel} ({tabel}), CC BY 4.0", "licentie": "CC BY 4.0",
            "symbolen": {**{k or "(leeg)": v for k, v in SYMBOLEN.items()}, "*": "voorlopig", "**": "nader_voorlopig"},
        }
        (staging / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        target = out_dir / tabel
        if target.exists():
            old = out_dir / f".{tabel}-oud"
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
