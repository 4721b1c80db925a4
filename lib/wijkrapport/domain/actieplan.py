"""Wijkactieplan in the wijkdocument: status counts and an honesty check of actions against outcomes.

The check: when most assessed actions of a doel are on track (groen) while the outcome indicators
linked to that doel get worse, the report says so plainly (the sentence per case is written in the notebook).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from wijkrapport import format as fmt

STATUS_VOLGORDE = ["groen", "oranje", "rood", "wit"]
#: What an action's colour means (words for residents; the colour alone is never shown).
ACTIE_STATUS = {"groen": "Loopt volgens plan", "oranje": "Loopt met vertraging", "rood": "Loopt niet volgens plan",
                "wit": "Nog niet beoordeeld", "grijs": "Onbekend"}


@dataclass(frozen=True)
class Uitkomst:
    """One outcome indicator's last change for a wijk."""

    naam: str
    van: float
    naar: float
    jaar_van: int
    jaar_naar: int
    polariteit: str | None  # "hoger" or "lager" is better; None: no direction (shown, not judged)
    eenheid: str = "aantal"

    @property
    def richting(self) -> str:
        """'beter', 'slechter', 'gelijk' or 'onbekend' in the indicator's good direction."""
        if self.polariteit is None or fmt.is_missing(self.van) or fmt.is_missing(self.naar):
            return "onbekend"
        diff = (self.naar - self.van) * (1 if self.polariteit == "hoger" else -1)
        scale = max(abs(self.van), 1e-9)
        if abs(diff) / scale < 0.01:
            return "gelijk"
        return "beter" if diff > 0 else "slechter"

    def velden(self) -> dict[str, object]:
        """Fields for a sentence template: {naam} {van} {jaar_van} {naar} {jaar_naar}, values formatted."""
        return {"naam": self.naam, "van": fmt.waarde(self.van, self.eenheid), "jaar_van": self.jaar_van,
                "naar": fmt.waarde(self.naar, self.eenheid), "jaar_naar": self.jaar_naar}


@dataclass(frozen=True)
class Oordeel:
    """How a doel's actions and outcomes compare; the notebook words each ``geval``."""

    soort: str  # "tegenstrijdig" | "in lijn" | "niet beoordeeld" | "geen uitkomsten" | "gemengd"
    geval: str  # soort, with ", slechter" where an outcome got worse: the sentence differs
    uitkomsten: tuple[Uitkomst, ...] = ()  # the outcomes the sentence names (the worse ones when there are)


def status_telling(acties: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Counts per status (every status a column), overall or per ``by``."""
    if by is None:
        counts = acties["status"].value_counts().reindex(STATUS_VOLGORDE, fill_value=0)
        return counts.to_frame().T.assign(totaal=len(acties))
    counts = acties.groupby([by, "status"]).size().unstack(fill_value=0).reindex(columns=STATUS_VOLGORDE, fill_value=0)
    counts["totaal"] = counts.sum(axis=1)
    return counts


def consistentie(statussen: list[str], uitkomsten: list[Uitkomst]) -> Oordeel:
    """Compare how the actions of a doel are rated with what happened to its outcomes.

    >>> u = Uitkomst("Woningvoorraad", 9000, 8800, 2022, 2024, "hoger")
    >>> [(o.soort, o.geval) for o in (consistentie(["groen"], [u]), consistentie(["wit"], [u]),
    ...                               consistentie(["rood"], [u]), consistentie(["groen"], []))]
    [('tegenstrijdig', 'tegenstrijdig'), ('niet beoordeeld', 'niet beoordeeld, slechter'), \
('gemengd', 'gemengd, slechter'), ('geen uitkomsten', 'geen uitkomsten')]
    """
    beoordeeld = [s for s in statussen if s != "wit"]
    gerichte = [u for u in uitkomsten if u.richting in ("beter", "slechter", "gelijk")]
    slechter = [u for u in gerichte if u.richting == "slechter"]
    beter = [u for u in gerichte if u.richting == "beter"]
    if not gerichte:
        return Oordeel("geen uitkomsten", "geen uitkomsten")
    genoemd = tuple(slechter or gerichte)
    if not beoordeeld:
        return Oordeel("niet beoordeeld", "niet beoordeeld, slechter" if slechter else "niet beoordeeld", genoemd)
    op_koers = sum(1 for s in beoordeeld if s == "groen") / len(beoordeeld)
    if op_koers > 0.5 and len(slechter) > len(beter):
        return Oordeel("tegenstrijdig", "tegenstrijdig", genoemd)
    if op_koers > 0.5:
        return Oordeel("in lijn", "in lijn", genoemd)
    return Oordeel("gemengd", "gemengd, slechter" if slechter else "gemengd", genoemd)


def laatste_verandering(reeks: pd.Series) -> tuple[int, float, int, float] | None:
    """(jaar_van, van, jaar_naar, naar) of the last two known values of a year-indexed series."""
    reeks = reeks.dropna().sort_index()
    if len(reeks) < 2:
        return None
    return int(reeks.index[-2]), float(reeks.iloc[-2]), int(reeks.index[-1]), float(reeks.iloc[-1])


def _is_nan(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)
