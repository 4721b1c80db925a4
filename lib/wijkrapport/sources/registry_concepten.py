"""Programme-file models for the concepts of real programmes (see docs/programma.md, "Doelen, opgaven, gebieden en
scoresets"): a hierarchy of goals, output targets without a baseline, ambitions per area, thresholds from groups of
areas, weighted score sets and areas with codes and labels.

Every key here is optional: a programme file without them is read as before. ``controleer`` checks the references
between them and the rest of the programme; its messages start with the key path (``indicatoren.3.doel``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from .registry import Programma

ID = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Subdoel(_Strict):
    id: str = Field(pattern=ID)
    label: str


class Hoofddoel(_Strict):
    """A main goal of the programme with its subgoals; indicators name one of them in their ``doel`` key."""

    id: str = Field(pattern=ID)
    label: str
    pijler: str | None = Field(default=None, description="the chapter this goal belongs to; its indicators must be in it")
    subdoelen: list[Subdoel] = Field(default_factory=list)


class Opgave(_Strict):
    """An output target without a baseline: ``waarde`` (a number of people, houses ...) realised between ``begin``
    and ``datum``. ``telling: per_periode`` adds up the figures per period; ``stand`` reads the latest running total."""

    waarde: float = Field(gt=0, description="the number to realise by datum, e.g. 4500")
    begin: date = Field(description="the start of the counting: periods from this year on count")
    datum: date = Field(description="the date by which the number must be realised")
    telling: Literal["per_periode", "stand"] = Field(
        default="per_periode", description="per_periode: the data holds what was realised in each period (added up); "
                                           "stand: the data holds the running total since begin")

    @model_validator(mode="after")
    def _order(self) -> Opgave:
        if self.datum <= self.begin:
            raise ValueError("de datum van de opgave moet na het begin liggen")
        return self


class Gebiedsambitie(_Strict):
    """An ambition for every scored area: not worse than its own nulmeting, or than a comparison area's rate."""

    niet_slechter_dan: str = Field(description="'nulmeting' (each area's own figure in the year nulmeting) or a "
                                               "comparison area (e.g. Stad): no area may be worse")
    nulmeting: int | None = Field(default=None, ge=1900, le=2100, description="the period of each area's nulmeting")

    @model_validator(mode="after")
    def _nulmeting(self) -> Gebiedsambitie:
        if (self.niet_slechter_dan == "nulmeting") != (self.nulmeting is not None):
            raise ValueError("niet_slechter_dan: nulmeting vraagt het jaar van de nulmeting (nulmeting: <jaar>); "
                             "bij een vergelijkingsgebied hoort geen nulmeting")
        return self


class Scoreset(_Strict):
    """A set of threshold indicators counted per area (e.g. the city's own set and the state's), with a weight."""

    id: str = Field(pattern=ID)
    label: str
    gewicht: float = Field(default=1.0, gt=0, description="the weight of this set's count in the total (2: counts double)")


class GebiedLabel(_Strict):
    label: str
    gemeente: str | None = None


#: Keys and values written in a form this schema does not use, with what to write instead.
HERNOEMD_INDICATOR = {
    "hoofddoel": "schrijf doel: <id> (het id van een hoofddoel of subdoel in doelen)",
    "subdoel": "schrijf doel: <id> (het id van een hoofddoel of subdoel in doelen)",
    "doelaantal": "schrijf opgave: {waarde: ..., begin: ..., datum: ...}",
}
HERNOEMD_SOORT = {"effect": "niveau: effect", "outcome": "niveau: effect", "inspanning": "niveau: inspanning",
                  "output": "niveau: inspanning"}
HERNOEMD_EENHEID = {"jaren": "jaar", "rapportcijfer": "cijfer"}


def hernoemd(raw: object) -> object:
    """Refuse an indicator written with a key or value of another vocabulary, saying what to write instead."""
    if not isinstance(raw, dict):
        return raw
    for key, tekst in HERNOEMD_INDICATOR.items():
        if key in raw:
            raise ValueError(f"{key}: deze sleutel bestaat niet; {tekst}")
    soort, eenheid = raw.get("soort"), raw.get("eenheid")
    if isinstance(soort, str) and soort.strip().lower() in HERNOEMD_SOORT:
        raise ValueError(f"soort: '{soort}' is een niveau, geen soort (soort is doel, indicator of demografie); "
                         f"schrijf {HERNOEMD_SOORT[soort.strip().lower()]}")
    if isinstance(eenheid, str) and eenheid.strip().lower() in HERNOEMD_EENHEID:
        raise ValueError(f"eenheid: '{eenheid}' bestaat niet; schrijf eenheid: {HERNOEMD_EENHEID[eenheid.strip().lower()]}")
    return raw


def doel_ids(programma: Programma) -> dict[str, Hoofddoel]:
    """Every goal id (hoofddoel and subdoel) -> its hoofddoel."""
    out: dict[str, Hoofddoel] = {}
    for h in programma.doelen:
        out[h.id] = h
        for s in h.subdoelen:
            out[s.id] = h
    return out


def controleer(p: Programma) -> None:
    """References between the concepts and the programme; the message starts with the key path."""
    pijlers = {x.id for x in p.pijlers}
    gezien: set[str] = set()
    for n, h in enumerate(p.doelen):
        for pad, doel_id in [(f"doelen.{n}.id", h.id)] + [(f"doelen.{n}.subdoelen.{m}.id", s.id)
                                                         for m, s in enumerate(h.subdoelen)]:
            if doel_id in gezien:
                raise ValueError(f"{pad}: dubbel doel-id '{doel_id}'")
            gezien.add(doel_id)
        if h.pijler is not None and h.pijler not in pijlers:
            raise ValueError(f"doelen.{n}.pijler: onbekende pijler '{h.pijler}' (bekend: {sorted(pijlers)})")
    doelen = doel_ids(p)
    bekend = set(p.vergelijkingsgebieden) | set(p.gebieden) | {p.doelgebied}
    for naam, leden in p.gebiedsgroepen.items():
        if naam in bekend:
            raise ValueError(f"gebiedsgroepen.{naam}: een groep mag niet heten als een gebied")
        if not leden:
            raise ValueError(f"gebiedsgroepen.{naam}: een groep heeft minstens één gebied")
    sets = {s.id for s in p.scoresets}
    if len(sets) != len(p.scoresets):
        raise ValueError("scoresets: dubbel scoreset-id")
    ids = {i.id for i in p.indicatoren}
    for i, ind in enumerate(p.indicatoren):
        if ind.doel is not None:
            if ind.doel not in doelen:
                raise ValueError(f"indicatoren.{i}.doel: onbekend doel '{ind.doel}' (bekend: {sorted(doelen)})")
            h = doelen[ind.doel]
            if h.pijler is not None and h.pijler != ind.pijler:
                raise ValueError(f"indicatoren.{i}.doel: doel '{ind.doel}' hoort bij pijler '{h.pijler}', de indicator "
                                 f"bij '{ind.pijler}'")
        d = ind.drempels
        if d is not None and d.negatief_groep is not None:
            for veld in ("negatief_groep", "positief_groep"):
                if getattr(d, veld) not in p.gebiedsgroepen:
                    raise ValueError(f"indicatoren.{i}.drempels.{veld}: onbekende groep '{getattr(d, veld)}' "
                                     f"(bekend in gebiedsgroepen: {sorted(p.gebiedsgroepen)})")
            if d.gewogen_met is not None and d.gewogen_met not in ids:
                raise ValueError(f"indicatoren.{i}.drempels.gewogen_met: onbekende indicator '{d.gewogen_met}' "
                                 "(verwacht het id van een indicator met de gewichten, bijvoorbeeld inwoners)")
        ga = ind.gebiedsambitie
        if ga is not None and ga.niet_slechter_dan != "nulmeting" and ga.niet_slechter_dan not in bekend:
            raise ValueError(f"indicatoren.{i}.gebiedsambitie.niet_slechter_dan: onbekend gebied "
                             f"'{ga.niet_slechter_dan}' (verwacht nulmeting of een van {sorted(p.vergelijkingsgebieden)})")
        if ind.scoreset is not None:
            if ind.scoreset not in sets:
                raise ValueError(f"indicatoren.{i}.scoreset: onbekende scoreset '{ind.scoreset}' (bekend: {sorted(sets)})")
            if ind.drempels is None:
                raise ValueError(f"indicatoren.{i}.scoreset: alleen een indicator met drempels telt mee in een scoreset")
        elif sets and ind.drempels is not None:
            raise ValueError(f"indicatoren.{i}.scoreset: dit programma telt scores per scoreset; kies er een "
                             f"({', '.join(sorted(sets))}), anders telt deze indicator in geen enkel totaal mee")
