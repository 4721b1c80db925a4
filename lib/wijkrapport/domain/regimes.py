"""Progress regimes besides the NPRZ trajectory: ambitions per horizon and threshold scoring. Pure functions.

*Ambitions per horizon*: a nulmeting (date, value) and ambition values at named, dated horizons.
The ambition for a report date is interpolated linearly (by days) between the surrounding points;
a horizon that states only a direction ("daling") has no value and is skipped for interpolation.

*Threshold scoring*: per indicator a negatieve and a positieve grens. A value beyond the negative
bound scores rood, beyond the positive bound groen, anything between (bounds included) neutraal.
Polarity decides the side: for "lager is beter" the negative bound is the higher number.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from wijkrapport.format import is_missing, round_half_up
from wijkrapport.sources.registry import Horizon, Nulmeting

SCORES = ("rood", "neutraal", "groen", "grijs")


def _f(value: object) -> float:
    return math.nan if is_missing(value) else float(value)  # type: ignore[arg-type]


def _sign(polariteit: str | None) -> int:
    return -1 if polariteit == "lager" else 1


def ambitie_op(nulmeting: Nulmeting, horizonten: list[Horizon], peildatum: date) -> float:
    """The ambition value at ``peildatum``, interpolated between nulmeting and valued horizons.

    Before the nulmeting it is the nulmeting; after the last valued horizon it is that horizon's value (an
    ambition stays in force until the next one is set). Horizons with only a direction, or still to be set, are
    skipped; when no horizon up to or after the date has a value there is no ambition value (NaN).

    >>> from datetime import date
    >>> n = Nulmeting(datum=date(2020, 1, 1), waarde=100)
    >>> h = [Horizon(naam="na 4 jaar", datum=date(2024, 1, 1), waarde=80)]
    >>> round(ambitie_op(n, h, date(2022, 1, 1)), 1)
    90.0
    >>> ambitie_op(n, [Horizon(naam="na 15 jaar", datum=date(2035, 1, 1))], date(2022, 1, 1))
    nan
    """
    punten = [(nulmeting.datum, nulmeting.waarde)] + [(h.datum, h.waarde) for h in horizonten if h.waarde is not None]
    if peildatum <= punten[0][0]:
        return float(punten[0][1])
    for (d0, v0), (d1, v1) in zip(punten, punten[1:], strict=False):
        if peildatum <= d1:
            return v0 + (v1 - v0) * (peildatum - d0).days / (d1 - d0).days
    return float(punten[-1][1]) if len(punten) > 1 else math.nan


def volgende_horizon(horizonten: list[Horizon], peildatum: date) -> Horizon | None:
    """The first horizon on or after ``peildatum`` (None when all have passed)."""
    return next((h for h in horizonten if h.datum >= peildatum), None)


def ambitie_status(nulmeting: Nulmeting, horizonten: list[Horizon], peildatum: date, waarde_nu: float,
                   polariteit: str | None, decimalen: int | None = None) -> str:
    """groen (ambition for the date reached), oranje (moved the right way, not there yet),
    rood (no change or the wrong way), grijs (no current value, or no ambition value set for the date).

    When the next horizon states only a direction, groen means the value moved that way. With ``decimalen``
    the values are compared as printed (rounded half away from zero), so a status never contradicts the
    figures beside it.

    >>> from datetime import date
    >>> n = Nulmeting(datum=date(2020, 1, 1), waarde=100)
    >>> h = [Horizon(naam="na 4 jaar", datum=date(2024, 1, 1), waarde=80)]
    >>> ambitie_status(n, h, date(2022, 1, 1), 92, "lager"), ambitie_status(n, h, date(2022, 1, 1), 89, "lager")
    ('oranje', 'groen')
    >>> ambitie_status(n, h, date(2022, 1, 1), 90.04, "lager"), ambitie_status(n, h, date(2022, 1, 1), 90.04, "lager", 1)
    ('oranje', 'groen')
    """
    nu = afronden(waarde_nu, decimalen)
    if math.isnan(nu):
        return "grijs"
    s = _sign(polariteit)
    beweging = s * (nu - afronden(nulmeting.waarde, decimalen))
    volgende = volgende_horizon(horizonten, peildatum)
    if volgende is not None and volgende.richting is not None:
        return "groen" if beweging > 0 else "rood"
    doel = afronden(ambitie_op(nulmeting, horizonten, peildatum), decimalen)
    if math.isnan(doel):
        return "grijs"
    if s * (nu - doel) >= -1e-9:
        return "groen"
    return "oranje" if beweging > 0 else "rood"


def afronden(value: object, decimalen: int | None) -> float:
    """``value`` as printed with ``decimalen`` decimals (half away from zero); unchanged when None; NaN if missing."""
    v = _f(value)
    return v if decimalen is None or math.isnan(v) else round_half_up(v, decimalen)


def drempel_score(waarde: float, negatief: float, positief: float, polariteit: str | None) -> str:
    """rood / neutraal / groen / grijs for one value against a negative and a positive bound.

    >>> drempel_score(85, 90, 110, "hoger"), drempel_score(90, 90, 110, "hoger"), drempel_score(111, 90, 110, "hoger")
    ('rood', 'neutraal', 'groen')
    >>> drempel_score(40, 35, 25, "lager")
    'rood'
    """
    v, neg, pos = _f(waarde), _f(negatief), _f(positief)
    if math.isnan(v) or math.isnan(neg) or math.isnan(pos):
        return "grijs"
    s = _sign(polariteit)
    if s * (pos - neg) <= 0:
        richting = "lager" if s > 0 else "hoger"
        beter = polariteit or "hoger"
        raise ValueError(f"negatieve grens {neg:g} en positieve grens {pos:g} staan verkeerd om: als {beter} "
                         f"beter is, moet de negatieve grens {richting} zijn dan de positieve")
    if s * (v - neg) < 0:
        return "rood"
    if s * (v - pos) > 0:
        return "groen"
    return "neutraal"


def grenzen_rond(referentie: float, marge_pct: float, polariteit: str | None) -> tuple[float, float]:
    """(negatief, positief): ``marge_pct`` % on the bad and the good side of a reference value.

    >>> grenzen_rond(50.0, 10, "lager")
    (55.0, 45.0)
    """
    ref = _f(referentie)
    delta = abs(ref) * marge_pct / 100.0
    s = _sign(polariteit)
    return (ref - s * delta, ref + s * delta)


def drempel_tabel(waarden: pd.DataFrame, grenzen: pd.DataFrame, aandachtsgebied_vanaf: int | None) -> pd.DataFrame:
    """Score every area on every indicator and count the rood scores.

    ``waarden``: one row per area (index), one column per indicator id.
    ``grenzen``: index indicator id, columns ``negatief``, ``positief``, ``polariteit``.
    Returns the scores (same shape) plus ``aantal_rood``, ``aantal_groen`` and ``aandachtsgebied``
    (True when ``aantal_rood`` >= ``aandachtsgebied_vanaf``; always False when that is None).
    """
    scores = pd.DataFrame(index=waarden.index)
    for ind in waarden.columns:
        g = grenzen.loc[ind]
        scores[ind] = [drempel_score(v, g["negatief"], g["positief"], g["polariteit"]) for v in waarden[ind]]
    ids = list(waarden.columns)
    scores["aantal_rood"] = (scores[ids] == "rood").sum(axis=1).astype(int)
    scores["aantal_groen"] = (scores[ids] == "groen").sum(axis=1).astype(int)
    scores["aandachtsgebied"] = (scores["aantal_rood"] >= aandachtsgebied_vanaf) if aandachtsgebied_vanaf else False
    return scores
