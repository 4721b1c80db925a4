"""Programme configuration and indicator registry, validated on load.

A programme (``params/programmas/<naam>.yml``) names its chapters (pijlers),
its trajectory regimes (year -> share of the gap to be closed) and its
indicators. Regimes are data: adding one is a YAML change, not code.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from wijkrapport import paths
from wijkrapport.errors import ConfigError, Problem
from wijkrapport.taal import meervoud
from wijkrapport.yamlio import load_yaml, valideer

from .registry_concepten import GebiedLabel, Gebiedsambitie, Hoofddoel, Opgave, Scoreset, controleer, hernoemd

# jaar: years (life expectancy, age); cijfer: a report mark 1-10; vrij: a count in the unit of eenheid_label
Eenheid = Literal["pct", "eur", "aantal", "index", "m2", "per1000", "jaar", "cijfer", "vrij"]


class _Strict(BaseModel):
    # YAML reads .inf and .nan as floats: a threshold or ambition of infinity is a mistake, not a number
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Pijler(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str


class Regime(_Strict):
    """A trajectory: the share (in %) of the gap to be closed in each year."""

    omschrijving: str = ""
    aandeel: dict[int, float]

    @field_validator("aandeel")
    @classmethod
    def _shares_in_range(cls, v: dict[int, float]) -> dict[int, float]:
        if not v:
            raise ValueError("aandeel mag niet leeg zijn")
        for jaar, share in v.items():
            if not 0 <= share <= 100:
                raise ValueError(f"aandeel voor {jaar} moet tussen 0 en 100 liggen, niet {share}")
        return dict(sorted(v.items()))

    def share(self, jaar: int) -> float | None:
        """Share (0-100) for ``jaar``; None outside the table (no extrapolation)."""
        return self.aandeel.get(int(jaar))


class Nulmeting(_Strict):
    datum: date
    waarde: float


class Horizon(_Strict):
    """A named horizon (e.g. "na 4 jaar") with an ambition value, only a direction, or neither.

    A horizon with neither a value nor a direction is "nog niet vastgesteld" (the programme will set it later):
    it is shown as such and never dropped.
    """

    naam: str = Field(description="the programme's name for the horizon, e.g. 'na 4 jaar'")
    datum: date
    waarde: float | None = Field(default=None, description="the ambition value at this date")
    richting: Literal["stijging", "daling"] | None = Field(
        default=None, description="only a direction, no value; with neither waarde nor richting the ambition for this "
                                  "horizon is 'nog niet vastgesteld'")

    @model_validator(mode="after")
    def _value_or_direction(self) -> Horizon:
        if self.waarde is not None and self.richting is not None:
            raise ValueError("geef per horizon een waarde of een richting (stijging/daling), niet allebei; laat beide "
                             "weg als de ambitie nog niet is vastgesteld")
        return self

    @property
    def vastgesteld(self) -> bool:
        """False for a horizon whose ambition is still to be set (no value, no direction)."""
        return self.waarde is not None or self.richting is not None


class Ambitie(_Strict):
    """Ambitions per horizon: a nulmeting and ambition values at dated horizons (for one area)."""

    gebied: str | None = None  # default: the programme's doelgebied
    nulmeting: Nulmeting
    horizonten: list[Horizon] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Ambitie:
        dates = [self.nulmeting.datum] + [h.datum for h in self.horizonten]
        if any(b <= a for a, b in zip(dates, dates[1:], strict=False)):
            raise ValueError("de horizonten moeten na de nulmeting liggen, in volgorde van datum")
        return self


class Drempels(_Strict):
    """Threshold scoring: fixed bounds, or bounds at ``marge_pct`` % around a reference area's value."""

    negatief: float | None = None
    positief: float | None = None
    referentie: str | None = None
    marge_pct: float | None = Field(default=None, gt=0, lt=100)
    # bounds from the means of two groups of areas (gebiedsgroepen), optionally weighted by an indicator (inwoners)
    negatief_groep: str | None = Field(default=None, description="worse than this group's mean scores negatief")
    positief_groep: str | None = Field(default=None, description="better than this group's mean scores positief")
    gewogen_met: str | None = Field(default=None, description="indicator id of the weights (e.g. inwoners); "
                                                              "default: the unweighted mean")

    @model_validator(mode="after")
    def _one_kind(self) -> Drempels:
        vast = self.negatief is not None and self.positief is not None
        relatief = self.referentie is not None and self.marge_pct is not None
        groepen = (self.negatief_groep, self.positief_groep, self.gewogen_met)
        if any(g is not None for g in groepen):
            if self.negatief_groep is None or self.positief_groep is None or vast or relatief or any(
                    x is not None for x in (self.negatief, self.positief, self.referentie, self.marge_pct)):
                raise ValueError("geef bij grenzen uit groepen negatief_groep en positief_groep (en eventueel "
                                 "gewogen_met), zonder negatief, positief, referentie of marge_pct")
            return self
        if vast == relatief or (vast and (self.referentie or self.marge_pct)) or (
                relatief and (self.negatief is not None or self.positief is not None)):
            raise ValueError("geef negatief en positief (vaste grenzen) of referentie en marge_pct (rond een gebied)")
        return self


class Indicator(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    pijler: str
    eenheid: Eenheid
    polariteit: Literal["hoger", "lager"] | None = None
    soort: Literal["doel", "indicator", "demografie"] = "indicator"
    referentie: str | None = None  # a comparison area (e.g. G4, Rotterdam) or "vast"
    referentie_waarde: float | None = None
    startjaar: str | int | None = None
    regime: str | None = None  # gap closing along a trajectory: a key of the programme's regimes
    ambitie: Ambitie | None = None  # ambitions per horizon
    drempels: Drempels | None = None  # threshold scoring per area
    decimalen: int | None = Field(default=None, ge=0, le=6, description=(
        "decimals to print; default: as many as the data file gives for this indicator"))
    bron: str = ""
    # the measurement series in the programme's data, when it is not the indicator's own id: one series
    # measured against two references is one series with two indicators (e.g. tov Rotterdam and tov G4)
    meting: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    # --- concepts of real programmes (registry_concepten; docs/programma.md) ---
    eenheid_label: str | None = Field(default=None, description="the unit in words with eenheid vrij, e.g. woningen")
    doel: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$", description="the hoofddoel or subdoel measured")
    niveau: Literal["effect", "inspanning"] | None = Field(
        default=None, description="effect (outcome: what changes for residents) or inspanning (output: what is done)")
    opgave: Opgave | None = None  # an output target without a baseline: a number realised by a date
    gebiedsambitie: Gebiedsambitie | None = None  # every scored area not worse than its nulmeting or an area's rate
    scoreset: str | None = Field(default=None, description="the score set (scoresets) this threshold indicator counts in")

    @model_validator(mode="before")
    @classmethod
    def _hernoemd(cls, v: object) -> object:
        return hernoemd(v)

    @property
    def meting_id(self) -> str:
        """The id of this indicator's series in the measurements (``meting``, default the indicator's id)."""
        return self.meting or self.id

    @property
    def voortgang(self) -> Literal["traject", "ambitie", "opgave", "gebiedsambitie", "drempels", "monitoring"]:
        """The progress regime of this indicator; none set means monitoring only."""
        if self.regime:
            return "traject"
        if self.ambitie:
            return "ambitie"
        if self.opgave:
            return "opgave"
        if self.gebiedsambitie:
            return "gebiedsambitie"
        return "drempels" if self.drempels else "monitoring"

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if sum(x is not None for x in (self.regime, self.ambitie, self.drempels, self.opgave, self.gebiedsambitie)) > 1:
            raise ValueError("kies één voortgangsregime per indicator: regime, ambitie, opgave, gebiedsambitie of drempels")
        if (self.eenheid == "vrij") != (self.eenheid_label is not None):
            raise ValueError("eenheid vrij vraagt een eenheid_label (bijvoorbeeld woningen), en alleen eenheid vrij "
                             "heeft er een")
        if self.opgave is not None and self.polariteit == "lager":
            raise ValueError("een opgave telt wat gerealiseerd is: meer is beter (polariteit hoger)")
        if self.soort != "demografie" and self.polariteit is None:
            raise ValueError("polariteit (hoger of lager) is verplicht voor doel en indicator")
        if self.regime is not None and self.referentie is None:
            raise ValueError("een trajectregime vraagt een referentie (een vergelijkingsgebied of vast)")
        if self.ambitie is not None and self.polariteit is not None:
            goed = "stijging" if self.polariteit == "hoger" else "daling"
            for h in self.ambitie.horizonten:
                if h.richting is not None and h.richting != goed:
                    raise ValueError(f"horizon '{h.naam}' vraagt een {h.richting}, maar voor deze indicator is "
                                     f"{self.polariteit} beter: verwacht {goed}")
        d = self.drempels
        if d is not None and d.negatief is not None and d.positief is not None:
            goed = -1 if self.polariteit == "lager" else 1
            if goed * (d.positief - d.negatief) <= 0:
                raise ValueError(f"drempels: negatief {d.negatief:g} en positief {d.positief:g} staan verkeerd om; als "
                                 f"{self.polariteit or 'hoger'} beter is, ligt de positieve grens "
                                 f"{'lager' if goed < 0 else 'hoger'} dan de negatieve")
        if self.referentie == "vast" and self.referentie_waarde is None:
            raise ValueError("referentie 'vast' vraagt een referentie_waarde")
        if self.referentie != "vast" and self.referentie_waarde is not None:
            raise ValueError("referentie_waarde hoort alleen bij referentie 'vast'")
        return self


def gebiedsnamen(v):
    """Area names (one, or a list) are identifiers: normalised like the data's (``sources.sleutels``) so the two match
    exactly; an invisible character or letters from two scripts are refused."""
    from .sleutels import normaal, onzichtbaar, schriften

    for naam in [v] if isinstance(v, str) else v if isinstance(v, list) else []:
        if isinstance(naam, str) and (onzichtbaar(normaal(naam)) or len(schriften(naam)) > 1):
            raise ValueError(f"gebiedsnaam {naam!r} bevat een onzichtbaar teken of letters uit verschillende schriften")
    if isinstance(v, str):
        return normaal(v)
    return [normaal(n) if isinstance(n, str) else n for n in v] if isinstance(v, list) else v


class Onderdeel(_Strict):
    """A chapter kind beyond the indicators, for a programme that has data of its shape (``docs/programma.md``).

    ``bestand``: its yearly record under ``<data folder>/<jaar>/`` (none for ``demografie``, which reads the
    measurements); ``bron``: the source credit, ``{jaar}`` standing for the year of the file; ``pijler``: the
    chapter it is shown with (``aandelen``); ``gebied`` and ``totaal``: the two areas an ``aandelen`` table
    holds (share = gebied / totaal).
    """

    soort: Literal["demografie", "algemene_indicatoren", "verhuisbewegingen", "interventies", "financien", "aandelen"]
    titel: str = ""
    bestand: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]+\.csv$")
    samenvatting: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]+\.csv$")
    bron: str = ""
    pijler: str | None = None
    gebied: str | None = None
    totaal: str | None = None
    periode: str = "jaar"  # the column naming the period in an aandelen table (jaar, schooljaar)
    # the areas an algemene_indicatoren file may name, in the order of its table; empty: any area
    gebieden: list[str] = Field(default_factory=list)

    @field_validator("gebieden", mode="before")
    @classmethod
    def _gebiedsnamen(cls, v):
        return gebiedsnamen(v)

    @model_validator(mode="after")
    def _bestand(self) -> Onderdeel:
        if (self.soort == "demografie") != (self.bestand is None):
            raise ValueError("demografie leest de metingen (geen bestand); elk ander onderdeel noemt zijn bestand")
        if self.soort == "aandelen" and not (self.pijler and self.gebied and self.totaal):
            raise ValueError("een aandelen-tabel noemt pijler, gebied en totaal")
        return self


#: column prefixes the effect table uses itself: an area with one of them would overwrite its figures
GERESERVEERDE_KOLOMMEN = frozenset({"referentie", "waarde", "ontbreekt"})


class Programma(_Strict):
    naam: str
    titel: str
    afkorting: str = ""  # short name written after the title in running text, e.g. "... (ABC)"
    gemeente: str
    zinsnamen: dict[str, str] = Field(default_factory=dict, description=(
        "areas as a sentence names them (with an article where the name needs one); default: the area's name"))
    kortenamen: dict[str, str] = Field(default_factory=dict, description=(
        "areas as a narrow table column names them (an abbreviation); default: the area's name"))
    kleuren: dict[str, Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]] = Field(
        default_factory=dict, description=(
            "one colour per area in every chart of the report ('#rrggbb'); an area without one gets the next "
            "colour of the house palette, in the order doelgebied, comparison areas, other areas"))
    hoofdstukwoord: str = "pijler"  # the programme's own word for a chapter: pijler, tafel, thema
    hoofdstukwoord_meervoud: str | None = Field(default=None, description=(
        "plural of hoofdstukwoord (e.g. 'thema's'); default: the regular Dutch plural of hoofdstukwoord"))
    doelgebied: str  # the area the programme is about (for ambitions and trajectories)
    gebiedsoort: Literal["gemeente", "gebied", "wijk", "buurt", "postcode"] = "gebied"
    gebieden: list[str] = Field(default_factory=list)  # areas scored; empty: every area in the data
    vergelijkingsgebieden: list[str] = Field(default_factory=list)
    data: str | None = None  # tidy CSV (indicator, gebied, periode, waarde), path inside data/
    peildatum: date | None = None  # report date for ambitions; default 31 December of the report year
    aandachtsgebied_vanaf: int | None = Field(default=None, ge=1)  # number of rood scores
    pijlers: list[Pijler]
    regimes: dict[str, Regime] = Field(default_factory=dict)
    indicatoren: list[Indicator]
    # chapter kinds beyond the indicators (id -> kind), in the order of the report (docs/programma.md)
    onderdelen: dict[str, Onderdeel] = Field(default_factory=dict)
    # --- concepts of real programmes (registry_concepten; docs/programma.md) ---
    doelen: list[Hoofddoel] = Field(default_factory=list)  # hoofddoelen with subdoelen; indicators name one in doel
    gebiedsgroepen: dict[str, list[str]] = Field(default_factory=dict)  # named groups of areas for drempels
    scoresets: list[Scoreset] = Field(default_factory=list)  # sets of threshold indicators with a weight each
    gebiedslabels: dict[str, str | GebiedLabel] = Field(default_factory=dict, description=(
        "areas keyed by code (as in the data) -> the label to print, or {label, gemeente}"))

    @model_validator(mode="after")
    def _concepten(self) -> Programma:
        controleer(self)
        return self

    @field_validator("gebiedsgroepen", mode="before")
    @classmethod
    def _groepsleden(cls, v):
        """Area names in groups are identifiers like the data's: normalised the same way."""
        from .sleutels import normaal

        if isinstance(v, dict):
            return {k: [normaal(n) if isinstance(n, str) else n for n in w] if isinstance(w, list) else w
                    for k, w in v.items()}
        return v

    @field_validator("gebiedslabels", "zinsnamen", "kortenamen", "kleuren", mode="before")
    @classmethod
    def _gebiedscodes(cls, v):
        from .sleutels import normaal

        return {normaal(k) if isinstance(k, str) else k: w for k, w in v.items()} if isinstance(v, dict) else v

    @model_validator(mode="after")
    def _references(self) -> Programma:
        pijler_ids = {p.id for p in self.pijlers}
        seen: set[str] = set()
        for i, ind in enumerate(self.indicatoren):
            if ind.id in seen:
                raise ValueError(f"indicatoren.{i}.id: dubbele indicator-id '{ind.id}'")
            seen.add(ind.id)
            if ind.pijler not in pijler_ids:
                raise ValueError(f"indicatoren.{i}.pijler: onbekende pijler '{ind.pijler}' (bekend: {sorted(pijler_ids)})")
            if ind.regime is not None and ind.regime not in self.regimes:
                raise ValueError(f"indicatoren.{i}.regime: onbekend regime '{ind.regime}' (bekend: {sorted(self.regimes)})")
            bekend = set(self.vergelijkingsgebieden) | set(self.gebieden) | {self.doelgebied}
            for veld, gebied in (("referentie", ind.referentie), ("drempels.referentie", ind.drempels and ind.drempels.referentie)):
                if gebied and gebied != "vast" and gebied not in bekend:
                    raise ValueError(f"indicatoren.{i}.{veld}: onbekend gebied '{gebied}' (verwacht een van "
                                     f"vergelijkingsgebieden {sorted(self.vergelijkingsgebieden)} of vast)")
        for oid, o in self.onderdelen.items():
            if o.pijler is not None and o.pijler not in pijler_ids:
                raise ValueError(f"onderdelen.{oid}.pijler: onbekende pijler '{o.pijler}' (bekend: {sorted(pijler_ids)})")
        kolommen: dict[str, str] = {}  # the effect table's columns <gebied>_start, <gebied>_huidig
        for veld, gebied in [("doelgebied", self.doelgebied),
                             *((f"vergelijkingsgebieden.{i}", g) for i, g in enumerate(self.vergelijkingsgebieden))]:
            k = gebiedskolom(gebied)
            if not k:
                raise ValueError(f"{veld}: gebied '{gebied}' heeft geen letter of cijfer (a-z, 0-9) voor zijn kolomnaam")
            if k in GERESERVEERDE_KOLOMMEN:
                raise ValueError(f"{veld}: gebied '{gebied}' krijgt kolomnaam '{k}', die de tabel al gebruikt "
                                 f"({k}_start, {k}_huidig); geef het een andere naam")
            if kolommen.setdefault(k, gebied) != gebied:
                raise ValueError(f"{veld}: '{gebied}' en '{kolommen[k]}' krijgen dezelfde kolomnaam '{k}' (hun cijfers "
                                 "zouden elkaar overschrijven); geef een van beide een andere naam")
        genoemd = [*self.genoemde_gebieden, *self.gebieden]
        for veld in ("zinsnamen", "kortenamen", "kleuren"):
            for gebied in getattr(self, veld):
                if gebied not in genoemd:
                    raise ValueError(f"{veld}.{gebied}: onbekend gebied (verwacht een gebied dat het programma noemt: "
                                     f"{', '.join(dict.fromkeys(genoemd))})")
        return self

    @field_validator("naam")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", v):
            raise ValueError("een programmanaam bestaat uit kleine letters, cijfers en '-' (gelijk aan de bestandsnaam)")
        return v

    @field_validator("data")
    @classmethod
    def _data_inside(cls, v: str | None) -> str | None:
        if v is not None and (not re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_./-]*\.csv", v) or ".." in v.split("/")):
            raise ValueError("het pad moet binnen data/ blijven en naar een .csv-bestand wijzen, zonder '..' "
                             "(bijvoorbeeld programmas/<naam>/waarden.csv)")
        return v

    @field_validator("doelgebied", "gebieden", "vergelijkingsgebieden", mode="before")
    @classmethod
    def _gebiedsnamen(cls, v):
        return gebiedsnamen(v)

    @property
    def genoemde_gebieden(self) -> list[str]:
        """The areas the programme's reports name, once each, in the order doelgebied, comparison areas, areas of
        ambitions, references."""
        namen = [self.doelgebied, *self.vergelijkingsgebieden]
        namen += [i.ambitie.gebied for i in self.indicatoren if i.ambitie and i.ambitie.gebied]
        namen += [i.referentie for i in self.indicatoren if i.referentie and i.referentie != "vast"]
        return list(dict.fromkeys(namen))

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicatoren:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    @property
    def hoofdstukken_woord(self) -> str:
        """The plural of ``hoofdstukwoord``: as the programme file gives it, else the regular Dutch plural."""
        return self.hoofdstukwoord_meervoud or meervoud(self.hoofdstukwoord)

    def meting_ids(self) -> set[str]:
        """The ids the programme's measurements may use (see :attr:`Indicator.meting_id`)."""
        return {i.meting_id for i in self.indicatoren}

    def pijler_label(self, pijler_id: str) -> str:
        return next(p.label for p in self.pijlers if p.id == pijler_id)


def gebiedskolom(gebied: str) -> str:
    """The column prefix of an area in tables and data files: ``Zuid`` -> ``zuid``, ``Den Haag`` -> ``den_haag``."""
    return re.sub(r"[^a-z0-9]+", "_", gebied.lower()).strip("_")


def gebiedskolommen(programma: Programma) -> list[str]:
    """The column prefixes of the effect table's areas: the doelgebied, then the comparison areas."""
    return [gebiedskolom(g) for g in (programma.doelgebied, *programma.vergelijkingsgebieden)]


def parse_programma(raw: object, path: Path) -> Programma:
    """Validate raw YAML content; errors name the file and the key path."""
    return valideer(Programma, raw, path, "verwacht een mapping met programma-instellingen")


def load_programma_file(path: Path) -> Programma:
    return parse_programma(load_yaml(path), path)


@paths.per_bestandstoestand(maxsize=8)
def _cached(path: Path) -> Programma:
    return load_programma_file(path)


def load_programma(naam: str) -> Programma:
    """Load ``params/programmas/<naam>.yml`` (cached per file version)."""
    path = paths.programme_file(naam)
    if not path.exists():
        raise ConfigError(f"programma '{naam}' bestaat niet: {path} ontbreekt", file=path)
    return _cached(path)


def published_schema() -> dict:
    """The JSON Schema of a programme file, as published in ``schemas/programma.schema.json`` (``make schema``)."""
    from pydantic.json_schema import GenerateJsonSchema

    return {"$schema": GenerateJsonSchema.schema_dialect,
            **Programma.model_json_schema(), "title": "Programma (params/programmas/<naam>.yml)"}


def data_file(programma: Programma) -> Path:
    """The programme's data file (inside data/)."""
    if not programma.data:
        raise ConfigError(f"programma '{programma.naam}' noemt geen data-bestand (sleutel 'data')",
                          file=paths.rel(paths.programme_file(programma.naam)))
    lexical = paths.data_dir() / programma.data
    # the folders are resolved, the file itself not: a file replaced by a link is the loader's to refuse (exit 3)
    path = lexical.parent.resolve() / lexical.name
    if not paths.inside(paths.data_dir(), path.parent):
        raise ConfigError([Problem(file=paths.rel(paths.programme_file(programma.naam)), field="data", value=programma.data,
                                   message="het pad moet binnen data/ blijven")])
    return path


def jaar_dir(programma: Programma, jaar: int) -> Path:
    """The folder of the programme's yearly records (``onderdelen``, printed figures): beside its data file."""
    return data_file(programma).parent / str(jaar)


if __name__ == "__main__":
    import json
    import sys

    json.dump(published_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def voortgang_invoer(programma: Programma, jaar: int) -> list[Path]:
    """The files a programme's voortgangsrapportage of ``jaar`` reads: its measurements, and the yearly records
    (``onderdelen``) and printed figures of the year that exist (a lagging record is read once it arrives)."""
    from .jaarbestanden import GEDRUKT, records

    folder = jaar_dir(programma, jaar)
    return [data_file(programma)] + [folder / n for n in [*(r.naam for r in records(programma)), GEDRUKT]
                                     if (folder / n).exists()]
