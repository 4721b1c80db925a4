"""Dutch number, percentage, money and status formatting: one formatter for all."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

GEEN_GEGEVENS = "geen gegevens"
NIET_IN_BRON = "niet in bron"


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def round_half_up(value: float, decimals: int = 1) -> float:
    """Round like the published tables (half away from zero), not banker's rounding."""
    quantum = Decimal(1).scaleb(-decimals)
    d = Decimal(repr(round(float(value), 10))).quantize(quantum, rounding=ROUND_HALF_UP)
    return float(d)


def getal(value: object, decimals: int = 0, missing: str = GEEN_GEGEVENS) -> str:
    """Format a number the Dutch way: ``getal(1234.5, 1) == '1.234,5'``."""
    if is_missing(value):
        return missing
    rounded = round_half_up(float(value), decimals)  # type: ignore[arg-type]
    if rounded == 0:
        rounded = 0.0  # no "-0,0"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(rounded, format=pattern, locale="nl_NL")


def procent(value: object, decimals: int = 1, missing: str = GEEN_GEGEVENS) -> str:
    """``procent(58.8) == '58,8%'`` (value already in percent units)."""
    if is_missing(value):
        return missing
    return getal(value, decimals) + "%"


def euro(value: object, decimals: int = 0, missing: str = GEEN_GEGEVENS) -> str:
    """``euro(36300) == '€ 36.300'``, ``euro(-676115) == '-€ 676.115'`` (the document's style: a plain space after
    the sign, no cents unless asked; not babel's default ``'€\xa036.300,00'``)."""
    if is_missing(value):
        return missing
    rounded = round_half_up(float(value), decimals) or 0.0  # type: ignore[arg-type]  # half up; no "-€ 0"
    pattern = "¤ #,##0" + ("." + "0" * decimals if decimals else "")
    return format_currency(rounded, "EUR", format=pattern, locale="nl_NL", currency_digits=False)


def waarde(value: object, eenheid: str, decimals: int | None = None, missing: str = GEEN_GEGEVENS) -> str:
    """Format a value in its unit: pct, eur, aantal, index, m2, per1000, jaar, cijfer (a mark 1-10), vrij."""
    if eenheid == "pct":
        return procent(value, 1 if decimals is None else decimals, missing)
    if eenheid == "eur":
        return euro(value, 0 if decimals is None else decimals, missing)
    if eenheid in ("aantal", "m2", "vrij"):  # vrij: the caller adds the programme's unit label
        return getal(value, 0 if decimals is None else decimals, missing)
    if eenheid == "jaar":
        return missing if is_missing(value) else getal(value, 1 if decimals is None else decimals) + " jaar"
    return getal(value, 1 if decimals is None else decimals, missing)


def datum(value: date) -> str:
    """A date the Dutch way: ``datum(date(2024, 7, 1)) == '1 juli 2024'``."""
    return format_date(value, format="d MMMM y", locale="nl_NL")


def decimalen_van(value: object, maximum: int = 6) -> int:
    """The decimals needed to print ``value`` exactly (up to ``maximum``): 90 -> 0, 30.5 -> 1, 0.25 -> 2."""
    if is_missing(value):
        return 0
    d = Decimal(repr(round(float(value), maximum))).normalize()  # type: ignore[arg-type]
    return max(0, -d.as_tuple().exponent)


STATUS_LABEL = {
    "groen": "Doel gehaald",
    "oranje": "Goede richting, doel nog niet gehaald",
    "rood": "Verkeerde richting",
    "grijs": "Niet te bepalen",
    "wit": "Nog niet beoordeeld",
}
# Symbols distinguish the states without colour (for colour-blind and print readers).
STATUS_SYMBOOL = {"groen": "✔", "oranje": "▲", "rood": "✖", "grijs": "?", "wit": "○"}
# Colours with at least 3:1 contrast on white for graphics and white text on them.
STATUS_KLEUR = {
    "groen": "#1e7b34",
    "oranje": "#b35900",
    "rood": "#c0392b",
    "grijs": "#6b6b6b",
    "wit": "#ffffff",
}


def opsomming(delen: list[str], leeg: str = "") -> str:
    """Dutch enumeration: 'a', 'a en b', 'a, b en c' (``leeg`` when there is nothing)."""
    return format_list(list(delen), locale="nl") if delen else leeg


STATUS_KORT = {
    "groen": "Doel gehaald",
    "oranje": "Goede richting",
    "rood": "Verkeerde richting",
    "grijs": "Niet te bepalen",
    "wit": "Nog niet beoordeeld",
}


def status_html(status: str | None, kort: bool = False, labels: dict[str, str] | None = None) -> str:
    """Status as symbol + word + colour: never colour alone. ``labels`` overrides the words (e.g. for actions)."""
    key = status if status in STATUS_LABEL else "grijs"
    label = (labels or (STATUS_KORT if kort else STATUS_LABEL))[key]
    return (
        f'<span class="status status-{key}">'
        f'<span class="status-symbool" aria-hidden="true">{STATUS_SYMBOOL[key]}</span> '
        f"{label}</span>"
    )
