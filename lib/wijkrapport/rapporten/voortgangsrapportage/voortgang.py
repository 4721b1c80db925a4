"""The voortgangsrapportage of a programme: per indicator its start, now and references from the measurements.

Every figure comes from the programme's measurements (its ``data`` file, :mod:`wijkrapport.domain.metingen`): the start
value is the value of the indicator's start period (``startjaar``), the current value the latest period that
belongs to the report year or earlier (:mod:`wijkrapport.sources.perioden`). The trajectory arithmetic is the one of
every programme (:func:`wijkrapport.domain.programma.traject_uitkomst`).

A year that has a printed report (``<jaar>/gedrukt.csv`` beside the measurements) adds the printed figures, used
only to compare: ``pct_ingelopen_gepubliceerd``, the reproduction check and notes where the printed report is
inconsistent with itself (``indicatorpaginas.csv``: the figures its narrative pages print).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from wijkrapport import format as fmt
from wijkrapport.domain import metingen as mt
from wijkrapport.domain.programma import traject_uitkomst
from wijkrapport.domain.traject import pct_ingelopen_bereik
from wijkrapport.format import round_half_up
from wijkrapport.paths import per_bestandstoestand
from wijkrapport.sources import jaarbestanden, perioden
from wijkrapport.sources.gedrukt import load_gedrukt
from wijkrapport.sources.metingen import MET_GETAL, load_metingen
from wijkrapport.sources.registry import Indicator, Programma, data_file, gebiedskolom, gebiedskolommen, load_programma

#: Published % and our computation agree when they round to the same tenth.
AFRONDING = 0.05
MAX_DECIMALEN = 3


kolom = gebiedskolom  # the column prefix of an area


def gebieden(programma: Programma) -> list[str]:
    """The areas of the effect table: the doelgebied, then the comparison areas."""
    return [programma.doelgebied, *programma.vergelijkingsgebieden]


@per_bestandstoestand(maxsize=4)
def _metingen(path: Path, ids: frozenset[str]) -> pd.DataFrame:
    return load_metingen(path, ids)


def metingen(programma: Programma) -> pd.DataFrame:
    """The programme's measurements, validated (cached per file version)."""
    path = data_file(programma)
    return _metingen(path, frozenset(programma.meting_ids())).copy()


def eindjaar(programma: Programma) -> int | None:
    """The last year of the programme's trajectories (the year the target is the reference itself)."""
    jaren = [j for r in programma.regimes.values() for j in r.aandeel]
    return max(jaren) if jaren else None


def gedrukt(programma: Programma, jaar: int) -> pd.DataFrame | None:
    """The printed report of ``jaar`` (None when the year has none)."""
    if not jaarbestanden.bestaat(programma, jaar, jaarbestanden.GEDRUKT):
        return None
    return load_gedrukt(jaarbestanden.pad(programma, jaar, jaarbestanden.GEDRUKT), gebiedskolommen(programma))


def _decimalen(ind: Indicator, m: pd.DataFrame) -> int:
    """Decimals the indicator is printed (and compared) with: its ``decimalen`` key, else its source's precision."""
    if ind.decimalen is not None:
        return ind.decimalen
    d = m.loc[m["indicator"] == ind.meting_id, "decimalen"].dropna()
    return min(int(d.max()), MAX_DECIMALEN) if len(d) else 1


def _start_periode(ind: Indicator) -> str:
    return perioden.parse(str(ind.startjaar)).tekst if ind.startjaar is not None else ""


def _rij(ind: Indicator, programma: Programma, m: pd.DataFrame, jaar: int) -> dict:
    serie = ind.meting_id
    start_periode = _start_periode(ind)
    row = {"indicator_id": ind.id, "indicator": ind.label, "pijler": ind.pijler,
           "pijler_label": programma.pijler_label(ind.pijler), "soort": ind.soort, "eenheid": ind.eenheid,
           "polariteit": ind.polariteit or "", "startjaar": start_periode, "regime": ind.regime or "",
           "bron": ind.bron, "referentie": ind.referentie or ""}
    for gebied in gebieden(programma):
        k = kolom(gebied)
        s = mt.op(m, serie, gebied, start_periode) if start_periode else None
        n = mt.nu(m, serie, gebied, jaar)
        row[f"{k}_start"] = s.waarde if s is not None and s.status in MET_GETAL + ("nihil",) else math.nan
        row[f"{k}_huidig"] = n.waarde if n is not None else math.nan
        row[f"{k}_periode"] = n.periode if n is not None else ""
        if gebied == programma.doelgebied:
            row["peildatum"] = "" if n is None else n.periode + (" voorlopig" if "voorlopig" in n.status else "")
            row["herzien"] = bool(n is not None and n.herzien)
            row["vorige_waarde"] = n.vorige_waarde if n is not None else math.nan
            row["opmerking"] = "; ".join(x for x in ((n.opmerking if n else ""), ) if x)
    doel_k = kolom(programma.doelgebied)
    if ind.referentie not in (None, "vast") and row[f"{doel_k}_periode"]:
        _referentie_op_peildatum(row, m, serie, ind.referentie, row[f"{doel_k}_periode"], jaar)
    if ind.referentie == "vast":
        ref_start, ref_nu = math.nan, float(ind.referentie_waarde)
    elif ind.referentie:
        ref_start, ref_nu = row.get(f"{kolom(ind.referentie)}_start"), row.get(f"{kolom(ind.referentie)}_huidig")
    else:
        ref_start, ref_nu = math.nan, math.nan
    regime = programma.regimes.get(ind.regime) if ind.regime else None
    share = regime.share(jaar) if regime else None
    share = math.nan if share is None else share
    uitkomst = traject_uitkomst(row[f"{doel_k}_start"], row[f"{doel_k}_huidig"], ref_nu, share, ind.polariteit,
                                _decimalen(ind, m))
    demografie = ind.soort == "demografie"
    row.update({
        "referentie_start": ref_start, "referentie_huidig": ref_nu, "aandeel": share,
        "pct_ingelopen": math.nan if demografie else uitkomst["pct_ingelopen"],
        "doel_jaar": math.nan if demografie else uitkomst["doel"],
        "doel_eind": ref_nu if regime else math.nan,
        "eindjaar": eindjaar(programma),
        "status": "" if demografie else uitkomst["status"],
        "start_voorbij_referentie": uitkomst["start_voorbij_referentie"],
    })
    return row


def _referentie_op_peildatum(row: dict, m: pd.DataFrame, serie: str, gebied: str, periode: str, jaar: int) -> None:
    """One peildatum per row, as the printed table has it: the reference's current value is its figure of the
    doelgebied's current period, or its latest one before that (never a later period than the doelgebied's)."""
    r = mt.reeks(m, serie, gebied, jaar)
    r = r[r["waarde"].notna()]
    eind = perioden.parse(periode).laatste_dag
    r = r[r["laatste_dag"] <= pd.Timestamp(eind)]
    k = kolom(gebied)
    row[f"{k}_huidig"] = float(r["waarde"].iloc[-1]) if len(r) else math.nan
    row[f"{k}_periode"] = r["periode"].iloc[-1] if len(r) else ""


def doelstelling(jaar: int, programma: Programma | str) -> pd.DataFrame:
    """One row per indicator (registry order) with start, now and reference values and every computed column.

    Columns per area ``<gebied>_start``, ``<gebied>_huidig``, ``<gebied>_periode`` (``zuid_start``, ``g4_huidig``,
    ...); ``peildatum`` (the doelgebied's current period, "voorlopig" where provisional), ``herzien``; computed:
    pct_ingelopen, aandeel, doel_jaar, doel_eind, status. With a printed report for ``jaar``:
    ``pct_ingelopen_gepubliceerd``, ``doel_jaar_gepubliceerd``, the reproduction check (``reproductie``:
    "klopt", "binnen afronding", "wijkt af", "niet te berekenen") and ``opmerkingen``; without one these are empty.
    """
    programma = load_programma(programma) if isinstance(programma, str) else programma
    m = metingen(programma)
    out = pd.DataFrame([_rij(ind, programma, m, jaar) for ind in programma.indicatoren])
    druk = gedrukt(programma, jaar)
    out["gedrukt"] = druk is not None
    if druk is None:
        for col in ("pct_ingelopen_gepubliceerd", "doel_jaar_gepubliceerd", "doel_jaar_decimalen", "aandeel_tekst",
                    "doel_tekst", "pct_ingelopen_tekst"):
            out[col] = math.nan
        out["reproductie"] = ""
        out["opmerkingen"] = ""
        return out
    druk = druk.rename(columns={"indicator": "indicator_id", "pct_ingelopen_gedrukt": "pct_ingelopen_gepubliceerd",
                                "doel_jaar_gedrukt": "doel_jaar_gepubliceerd"})
    out = out.merge(druk[["indicator_id", "pct_ingelopen_gepubliceerd", "doel_jaar_gepubliceerd",
                          "doel_jaar_decimalen"]], on="indicator_id", how="left", validate="one_to_one")
    if jaarbestanden.bestaat(programma, jaar, jaarbestanden.PAGINAS):
        paginas = jaarbestanden.load_tabel(programma, jaar, jaarbestanden.PAGINAS)
        out = out.merge(paginas[["indicator_id", "aandeel_tekst", "doel_tekst", "pct_ingelopen_tekst"]],
                        on="indicator_id", how="left", validate="one_to_one")
    else:
        out[["aandeel_tekst", "doel_tekst", "pct_ingelopen_tekst"]] = math.nan
    out["reproductie"] = out.apply(lambda r: _reproductie(r, programma), axis=1)
    out["opmerkingen"] = out.apply(lambda r: opmerkingen(r, jaar, programma), axis=1)
    return out


def _halve_eenheid(row: pd.Series) -> float:
    """Half of the last printed digit of the inputs (0,05 for one decimal)."""
    return 0.5 if row["eenheid"] in ("eur", "aantal", "m2") else 0.05


def _same(a: float, b: float) -> bool:
    return round_half_up(a, 1) == round_half_up(b, 1)


def _reproductie(row: pd.Series, programma: Programma) -> str:
    """Does the printed % ingelopen follow from the measured inputs?

    "klopt" (same to one decimal), "binnen afronding" (differs, but rounded inputs allow it), "wijkt af"
    (rounded inputs cannot give it, or the document's own narrative page gives our value: a misprint).
    """
    pub = row.get("pct_ingelopen_gepubliceerd")
    ours = row.get("pct_ingelopen")
    if row["soort"] == "demografie":
        return ""
    if pd.isna(ours) or pd.isna(pub):
        return "niet te berekenen"
    if _same(ours, pub):
        return "klopt"
    tekst = row.get("pct_ingelopen_tekst")
    if pd.notna(tekst) and _same(tekst, ours):
        return "wijkt af"
    k = kolom(programma.doelgebied)
    lo, hi = pct_ingelopen_bereik(row[f"{k}_start"], row[f"{k}_huidig"], row["referentie_huidig"], _halve_eenheid(row))
    if not math.isnan(lo) and lo - AFRONDING <= pub <= hi + AFRONDING:
        return "binnen afronding"
    return "wijkt af"


def gedrukt_aandeel(row: pd.Series, programma: Programma) -> float:
    """The trajectory share (in %) that the printed doel implies."""
    start = row.get(f"{kolom(programma.doelgebied)}_start")
    gap = row.get("referentie_huidig") - start
    pub = row.get("doel_jaar_gepubliceerd")
    if pd.isna(gap) or pd.isna(pub) or gap == 0:
        return math.nan
    return (pub - start) / gap * 100.0


def opmerkingen(row: pd.Series, jaar: int, programma: Programma) -> str:
    """Plain-language notes where the printed report is inconsistent with itself or with its formula."""
    notes = []
    eenheid = row["eenheid"]
    if row.get("reproductie") == "wijkt af":
        notes.append(f"De tabel drukt {fmt.procent(row['pct_ingelopen_gepubliceerd'])} ingelopen; uit de gedrukte "
                     f"cijfers volgt {fmt.procent(row['pct_ingelopen'])}.")
    tekst = row.get("pct_ingelopen_tekst")
    pub = row.get("pct_ingelopen_gepubliceerd")
    if pd.notna(tekst) and pd.notna(pub) and not _same(tekst, pub):
        notes.append(f"De toelichtende tekst noemt {fmt.procent(tekst)} ingelopen, de tabel {fmt.procent(pub)}.")
    doel_pub = row.get("doel_jaar_gepubliceerd")
    ours = row.get("doel_jaar")
    if pd.notna(doel_pub) and pd.notna(ours):
        printed = 0.5 * 10 ** -int(row.get("doel_jaar_decimalen", 1))
        if abs(doel_pub - ours) > _halve_eenheid(row) + printed + 1e-9:
            implied = gedrukt_aandeel(row, programma)
            notes.append(
                f"Het gedrukte doel {jaar} ({fmt.waarde(doel_pub, eenheid)}) hoort bij een aandeel van "
                f"{fmt.procent(implied)}; het traject van deze indicator geeft {fmt.procent(row['aandeel'])} "
                f"en dus doel {fmt.waarde(ours, eenheid)}."
            )
    aandeel_tekst = row.get("aandeel_tekst")
    if pd.notna(aandeel_tekst) and pd.notna(row.get("aandeel")) and abs(aandeel_tekst - row["aandeel"]) > 0.05:
        notes.append(f"De toelichtende tekst rekent met een aandeel van {fmt.procent(aandeel_tekst)}; "
                     f"het traject geeft {fmt.procent(row['aandeel'])} voor {jaar}.")
    return " ".join(notes)


def met_doel(tabel: pd.DataFrame) -> pd.DataFrame:
    """Rows that carry a target: doel and indicator rows with a trajectory regime."""
    return tabel[(tabel["soort"] != "demografie") & (tabel["regime"] != "")]


def export_kolommen(programma: Programma, jaar: int) -> list[str]:
    k = kolom(programma.doelgebied)
    return ["indicator_id", "indicator", "pijler", "referentie", "startjaar", f"{k}_start", f"{k}_huidig",
            "referentie_huidig", "pct_ingelopen", f"doel_{jaar}", f"doel_{eindjaar(programma)}", "status", "soort",
            "pct_ingelopen_gepubliceerd"]


def doelstelling_export(jaar: int, programma: Programma | str) -> pd.DataFrame:
    """``doelstelling.csv``: the published column names, values in printed units, rounded to 0,1.

    ``pct_ingelopen_gepubliceerd`` is filled only for a year with a printed report.
    """
    programma = load_programma(programma) if isinstance(programma, str) else programma
    tabel = met_doel(doelstelling(jaar, programma)).copy()
    tabel[f"doel_{jaar}"] = tabel["doel_jaar"]
    tabel[f"doel_{eindjaar(programma)}"] = tabel["doel_eind"]
    cols = export_kolommen(programma, jaar)
    out = tabel[cols].copy()
    getallen = [c for c in cols[5:] if c not in ("status", "soort")]
    for c in getallen:
        out[c] = out[c].map(lambda v: round_half_up(v, 1) if pd.notna(v) else v)
    return out.reset_index(drop=True)
