"""The house chart style. Functions return a matplotlib Figure; nothing is shown or saved here."""

from __future__ import annotations

import io
import itertools
import math
import re
from datetime import date, timedelta

import matplotlib
import pandas as pd

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from wijkrapport import format as fmt  # noqa: E402

#: Colours for the areas of a report, in the order doelgebied (or wijk), comparison areas, other named areas. None
#: of them is a status colour (groen, oranje, rood), so an area's line is never read as a verdict.
PALET = ("#00689e", "#7b3f98", "#4d4d4d", "#8c6d1f", "#007a78", "#a83e6c", "#3d5a99", "#6b5d3f")
KLEUR_DOEL = "#b35900"


def gebiedkleuren(programma) -> dict[str, str]:
    """One colour per area for a whole programme report: the programme file's ``kleuren``; every other area the
    next free colour of :data:`PALET`, in the order doelgebied, comparison areas, areas of ambitions, references."""
    vast = programma.kleuren
    vrij = itertools.cycle([c for c in PALET if c not in vast.values()] or PALET)
    return {g: vast[g] if g in vast else next(vrij) for g in dict.fromkeys([*programma.genoemde_gebieden, *vast])}
TEKST = "#1a1a1a"

plt.rcParams.update(
    {
        "font.family": ["Liberation Sans", "DejaVu Sans", "sans-serif"],
        "font.size": 9,
        "axes.edgecolor": "#666666",
        "axes.labelcolor": TEKST,
        "xtick.color": TEKST,
        "ytick.color": TEKST,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",  # text stays text in SVG: sharp and searchable
        "svg.hashsalt": "wijkrapport",  # deterministic ids: same data, same SVG
        "text.parse_math": False,  # names from data are shown literally: "$x^2$" is not mathematics
    }
)


def dutch_axis(ax, eenheid: str, axis: str = "x") -> None:
    """Tick labels in Dutch number format for the unit."""

    def _f(v, _pos):
        if eenheid == "pct":
            return fmt.getal(v, 0 if float(v).is_integer() else 1) + "%"
        if eenheid == "eur":
            return "€ " + fmt.getal(v, 0)
        return fmt.getal(v, 0 if float(v).is_integer() else 1)

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(FuncFormatter(_f))


def _opmaak(fig: Figure) -> None:
    """Fit the axes in the figure with room for their tick labels.

    One ``tight_layout`` leaves room for the tick labels the axis had before the layout; the smaller axis after it
    can get other ticks ("94,5%" between "94%" and "95%") that are wider and were cut off at the figure's edge.
    So the value axis keeps the ticks it has after the first layout and the layout is made again for those.
    """
    fig.tight_layout(pad=0.4)
    for ax in fig.axes:
        lo, hi = sorted(ax.get_ylim())
        ax.set_yticks([t for t in ax.get_yticks() if lo <= t <= hi])
    fig.tight_layout(pad=0.4)


def _jaaras(ax, xs: list) -> None:
    """A date axis labelled with years at the middle of each year (at most about eight labels), running from the
    start of the first year to the end of the last: a point placed in the middle of its period stands above the
    year it belongs to (a calendar-year figure is never read as the next year's)."""
    if not xs:
        return
    jaren = [pd.Timestamp(x).year for x in xs]
    eerste, laatste = min(jaren), max(jaren)
    ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil((laatste - eerste + 1) / 8)), month=7, day=1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    begin, eind = pd.Timestamp(year=eerste, month=1, day=1), pd.Timestamp(year=laatste + 1, month=1, day=1)
    marge = (eind - begin) * 0.03  # room for a point on the first or last day
    ax.set_xlim(begin - marge, eind + marge)


def reeks_chart(reeksen: dict[str, list[tuple[object, float]]], eenheid: str,
                doelpad: list[tuple[object, float]] | None = None, doel_label: str = "traject",
                kleuren: dict[str, str] | None = None) -> Figure:
    """Every period of each area's series (x: the middle of the period) with the regime's target path (dashed);
    ``kleuren``: the report's colour per area (else the palette in the order of ``reeksen``)."""
    fig = Figure(figsize=(4.8, 2.5))
    ax = fig.add_subplot(111)
    for i, (gebied, punten) in enumerate(reeksen.items()):
        punten = [(x, y) for x, y in punten if not fmt.is_missing(y)]
        if not punten:
            continue
        xs, ys = zip(*punten, strict=True)
        kleur = _kleur(gebied, i, kleuren)
        ax.plot(xs, ys, marker="o", markersize=4, color=kleur, lw=1.6, label=gebied)
        ax.annotate(fmt.waarde(ys[-1], eenheid), (xs[-1], ys[-1]), xytext=(4, 0), textcoords="offset points",
                    fontsize=7.5, color=TEKST, va="center")
    punten = [(x, y) for x, y in doelpad or [] if not fmt.is_missing(y)]
    if punten:
        xs, ys = zip(*punten, strict=True)
        ax.plot(xs, ys, ls="--", color=KLEUR_DOEL, lw=1.3, label=doel_label)
    _jaaras(ax, [x for punten in reeksen.values() for x, y in punten if not fmt.is_missing(y)]
            + [x for x, y in doelpad or [] if not fmt.is_missing(y)])
    dutch_axis(ax, eenheid, axis="y")
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    ax.legend(fontsize=7.5, frameon=False, loc="best")
    _opmaak(fig)
    return fig


def _kleur(col: str, i: int, kleuren: dict[str, str] | None) -> str:
    """The colour of a series: the report's colour for that area, else the palette's colour for its place."""
    if kleuren and col in kleuren:
        return kleuren[col]
    return PALET[i % len(PALET)]


def _zijn_jaren(waarden: pd.Series) -> bool:
    """Whether a column of x values holds years (whole numbers), so that missing periods can be found."""
    waarden = waarden.dropna()
    return bool(len(waarden)) and pd.api.types.is_numeric_dtype(waarden) and all(float(v).is_integer() for v in waarden)


def jaar_perioden(jaren, stap: int | None = None, tot_jaar: int | None = None) -> list[int]:
    """Every period a line over years runs over: the given years and the missing ones of their rhythm in between.

    The rhythm is ``stap`` or else the smallest step between the years (1 for yearly figures, 2 for a survey every
    other year); years after ``tot_jaar`` (the report year) are left out.

    >>> jaar_perioden([2018, 2019, 2022, 2023])
    [2018, 2019, 2020, 2021, 2022, 2023]
    >>> jaar_perioden([2014, 2016, 2020], tot_jaar=2024)
    [2014, 2016, 2018, 2020]
    >>> jaar_perioden([2019, 2023], stap=1)
    [2019, 2020, 2021, 2022, 2023]
    """
    gegeven = sorted({int(j) for j in jaren if tot_jaar is None or j <= tot_jaar})
    if not gegeven:
        return []
    if stap is None:
        stap = min((b - a for a, b in zip(gegeven, gegeven[1:], strict=False)), default=1)
    return sorted(set(gegeven) | set(range(gegeven[0], gegeven[-1] + 1, stap)))


def line_chart(frame, x: str, series: list[str], eenheid: str, referentielijn: float | None = None,
               referentielabel: str = "", kleuren: dict[str, str] | None = None, decimalen: int | None = None,
               tot_jaar: int | None = None, stap: int | None = None) -> Figure:
    """Lines over time, one per column in ``series``; optional horizontal reference line.

    Where a figure is missing the line breaks: a line straight across years without figures would suggest
    figures that are not there. Missing is a row with NaN, and, when ``x`` holds years, a year that has no row
    at all: the rows are completed to every period of the series' rhythm (``jaar_perioden``; ``stap`` gives the
    rhythm when the figures are too few to show it, e.g. two yearly figures four years apart). ``tot_jaar`` is
    the report year: the axis runs up to it, so that a series ending earlier shows that its last years are
    missing, and later years are left out. With a single period there is no line to draw: each series is a dot
    labelled with its value, and the axis shows only that period (not a century around it). ``kleuren`` gives
    each area the colour it has everywhere in the report.
    """
    fig = Figure(figsize=(6.3, 2.8))
    ax = fig.add_subplot(111)
    lijnen, namen = [], []
    jaren = _zijn_jaren(frame[x])
    if jaren and tot_jaar is not None:
        frame = frame[frame[x].isna() | (frame[x] <= tot_jaar)]
    perioden = frame[x].dropna().unique()
    if jaren and len(perioden):
        if (dubbel := frame[x].dropna()).duplicated().any():
            raise ValueError(f"line_chart: {x} {sorted(set(dubbel[dubbel.duplicated()]))} staat meer dan eens in de reeks")
        volledig = jaar_perioden(perioden, stap)
        frame = frame.dropna(subset=[x]).set_index(x).reindex(volledig).rename_axis(x).reset_index()
    for i, col in enumerate(series):
        color = _kleur(col, i, kleuren)
        sub = frame[[x, col]].dropna(subset=[x]).sort_values(x).reset_index(drop=True)
        waarden = pd.to_numeric(sub[col], errors="coerce")
        geldig = waarden.notna().to_numpy().nonzero()[0]
        if not len(geldig):
            continue
        deel = slice(geldig[0], geldig[-1] + 1)  # from the first to the last figure: gaps only in between
        lijnen += ax.plot(sub[x].iloc[deel], waarden.iloc[deel], marker="o", markersize=3.5 if len(perioden) > 1 else 6,
                          lw=1.8, color=color, label=str(col))
        namen.append(str(col))
        if len(perioden) == 1:
            ax.annotate(fmt.waarde(waarden.iloc[geldig[0]], eenheid, decimalen), (sub[x].iloc[geldig[0]],
                        waarden.iloc[geldig[0]]), xytext=(8, 0), textcoords="offset points", va="center", fontsize=8,
                        color=TEKST)
    if referentielijn is not None:
        ax.axhline(referentielijn, color="#666666", ls="--", lw=1)
        if referentielabel:
            ax.annotate(referentielabel, (frame[x].min(), referentielijn), xytext=(2, 3),
                        textcoords="offset points", fontsize=7.5, color="#444444")
    dutch_axis(ax, eenheid, axis="y")
    if jaren:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(v)}"))
    if len(perioden) == 1 and pd.api.types.is_numeric_dtype(frame[x]):
        ax.set_xticks([perioden[0]])
        ax.set_xlim(perioden[0] - 1, perioden[0] + 1)
    if jaren and tot_jaar is not None and len(perioden):
        _tot_jaar_as(ax, int(min(perioden)), int(tot_jaar), stap or (volledig[1] - volledig[0] if len(volledig) > 1 else 1))
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    # handles and names given explicitly: matplotlib leaves a label beginning with "_" out of an automatic legend
    ax.legend(lijnen, namen, frameon=False, fontsize=8, ncol=min(len(series), 4), loc="upper center",
              bbox_to_anchor=(0.5, -0.12))
    _opmaak(fig)
    return fig


def _tot_jaar_as(ax, eerste: int, tot_jaar: int, stap: int) -> None:
    """The year axis from the first period to the report year, which is its last tick."""
    marge = max(0.5, (tot_jaar - eerste) * 0.05)  # matplotlib's own margin, at least half a year
    ax.set_xlim(eerste - marge, tot_jaar + marge)
    stappen = list(range(eerste, tot_jaar + 1, stap))
    if len(stappen) > 12:  # too many to name: about eight, counted back from the report year
        stappen = stappen[::-1][::math.ceil(len(stappen) / 8)][::-1]
    ax.set_xticks(sorted(set(stappen) | {tot_jaar}))


def bar_chart(labels: list[str], values: list[float], eenheid: str, colors: list[str] | None = None,
              decimalen: int | None = None, referentielijn: float | None = None, referentielabel: str = "") -> Figure:
    """Horizontal bars with the value printed at each bar; optional vertical reference line (a target)."""
    fig = Figure(figsize=(6.3, 0.5 + 0.32 * max(len(labels), 1) + (0.25 if referentielabel else 0)))
    ax = fig.add_subplot(111)
    ys = list(range(len(labels)))[::-1]
    clean = [0 if fmt.is_missing(v) else v for v in values]
    ax.barh(ys, clean, color=colors or PALET[0], height=0.65)
    for y, v in zip(ys, values, strict=True):
        ax.annotate(fmt.waarde(v, eenheid, decimalen), (0 if fmt.is_missing(v) else v, y), xytext=(3, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(ys)
    ax.set_yticklabels(labels)
    dutch_axis(ax, eenheid)
    ax.tick_params(axis="y", length=0)
    finite = [v for v in clean if not math.isnan(v)] + ([referentielijn] if referentielijn is not None else [])
    if finite:
        lo = min(0, min(finite))
        ax.set_xlim(lo * 1.15, max(finite) * 1.18 if max(finite) > 0 else 1)
    if referentielijn is not None:
        ax.axvline(referentielijn, color=KLEUR_DOEL, ls="--", lw=1.2)
        if referentielabel:
            ax.annotate(referentielabel, (referentielijn, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 2),
                        textcoords="offset points", fontsize=7.5, color=KLEUR_DOEL, ha="center", va="bottom")
    _opmaak(fig)
    return fig


_XML_HEADER = re.compile(r"^.*?(<svg)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)


DRUK_DPI = 150  # a 6,3 inch chart printed at 62% of an A4 text width: about 230 dpi on paper


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG for the PDF, where WeasyPrint places an image much faster than it draws SVG."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DRUK_DPI, metadata={"Software": None})
    return buf.getvalue()


def figure_svg(fig: Figure) -> str:
    """The figure as inline SVG text (no XML prolog, no fixed metadata date)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "wijkrapport"})
    svg = _XML_HEADER.sub(r"\1", buf.getvalue(), count=1)
    return _METADATA.sub("", svg)


def drempel_chart(labels: list[str], values: list[float], scores: list[str], eenheid: str,
                  negatief: float, positief: float, decimalen: int | None = None,
                  grens_decimalen: int | None = None) -> Figure:
    """One dot per area, coloured and shaped by score, with the negative and positive bound as dashed lines.

    The axis is zoomed to the data and bounds (a dot plot need not start at zero); colour is never alone:
    rood is a cross, groen a filled circle, neutraal an open circle, and the table beside the chart names the score.
    """
    stijl = {"rood": (fmt.STATUS_KLEUR["rood"], "X"), "groen": (fmt.STATUS_KLEUR["groen"], "o"),
             "neutraal": ("#6b6b6b", "o"), "grijs": ("#bbbbbb", "o")}
    fig = Figure(figsize=(6.3, 0.7 + 0.2 * max(len(labels), 1)))
    ax = fig.add_subplot(111)
    ys = list(range(len(labels)))[::-1]
    for y, v, sc in zip(ys, values, scores, strict=True):
        if fmt.is_missing(v):
            continue
        kleur, marker = stijl.get(sc, stijl["grijs"])
        ax.plot([v], [y], marker=marker, markersize=6, color=kleur, markerfacecolor="white" if sc == "neutraal" else kleur,
                markeredgewidth=1.4, ls="none")
        ax.annotate(fmt.waarde(v, eenheid, decimalen), (v, y), xytext=(6, 0), textcoords="offset points", va="center",
                    fontsize=7)
    for grens, naam in ((negatief, "negatieve grens"), (positief, "positieve grens")):
        if fmt.is_missing(grens):
            continue
        ax.axvline(grens, color=TEKST, ls="--", lw=0.9)
        ax.annotate(f"{naam}\n{fmt.waarde(grens, eenheid, grens_decimalen)}", (grens, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3), textcoords="offset points", fontsize=7, color=TEKST, ha="center", va="bottom")
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=7.5)
    ax.tick_params(axis="y", length=0)
    finite = [v for v in [*values, negatief, positief] if not fmt.is_missing(v)] or [0.0]
    lo, hi = min(finite), max(finite)
    pad = (hi - lo) * 0.1 or 1
    ax.set_xlim(lo - pad, hi + pad * 1.6)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    dutch_axis(ax, eenheid)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    _opmaak(fig)
    return fig


def ambitie_chart(reeksen: dict[str, pd.Series], nulmeting: tuple[date, float],
                  horizonten: list[tuple[str, date, float | None, str | None]], eenheid: str,
                  decimalen: int | None = None, kleuren: dict[str, str] | None = None) -> Figure:
    """Measurements over time and the programme's ambitions, each at its own date.

    ``reeksen``: per area a series indexed by date (NaN breaks the line). ``nulmeting``: (date, value).
    ``horizonten``: (name, date, value, direction). The nulmeting and every horizon are named on the top axis at
    their date; a horizon with a value is a diamond on the dashed ambition path with its value beside it, one with
    only a direction a triangle pointing that way, and one with neither a dotted line marked "nog niet
    vastgesteld". A single measurement is a dot with its value.
    """
    fig = Figure(figsize=(6.3, 3.1))
    ax = fig.add_subplot(111)
    lijnen, namen_legenda = [], []
    for i, (gebied, reeks) in enumerate(reeksen.items()):
        r = pd.to_numeric(reeks, errors="coerce").sort_index()
        geldig = r.dropna()
        if geldig.empty:
            continue
        r = r.loc[geldig.index[0]:geldig.index[-1]]
        kleur = _kleur(gebied, i, kleuren)
        lijnen += ax.plot(list(r.index), r.to_numpy(), marker="o", markersize=4 if len(geldig) > 1 else 6, lw=1.8,
                          color=kleur, label=str(gebied), zorder=3)
        namen_legenda.append(str(gebied))
        ax.annotate(fmt.waarde(geldig.iloc[-1], eenheid, decimalen), (geldig.index[-1], geldig.iloc[-1]),
                    xytext=(0, 6), textcoords="offset points", ha="center", va="bottom", fontsize=7.5, color=kleur)
    nul_d, nul_v = nulmeting
    pad = [(nul_d, nul_v)] + [(d, w) for _n, d, w, _r in horizonten if w is not None]
    lijnen += ax.plot([p[0] for p in pad], [p[1] for p in pad], ls="--", lw=1.2, color=KLEUR_DOEL, label="ambitie",
                      zorder=2)
    namen_legenda.append("ambitie")
    ax.plot([nul_d], [nul_v], marker="o", markersize=6, markerfacecolor="white", markeredgecolor=KLEUR_DOEL,
            ls="none", zorder=4)
    waarde_label = {"xytext": (6, 0), "textcoords": "offset points", "ha": "left", "va": "center", "fontsize": 7,
                    "color": KLEUR_DOEL}
    gelabeld = {r.dropna().index[-1] for r in reeksen.values() if r.notna().any()}  # each series' last point
    if nul_d not in gelabeld:  # a nulmeting that is a series' last measurement already has its value beside it
        ax.annotate(fmt.waarde(nul_v, eenheid, decimalen), (nul_d, nul_v), **waarde_label)
    laatste = nul_v
    for _naam, d, waarde, richting in horizonten:
        if waarde is not None:
            laatste = waarde
            ax.plot([d], [waarde], marker="D", markersize=5.5, color=KLEUR_DOEL, ls="none", zorder=4)
            ax.annotate(fmt.waarde(waarde, eenheid, decimalen), (d, waarde), **waarde_label)
        elif richting is not None:
            ax.plot([d], [laatste], marker="v" if richting == "daling" else "^", markersize=7, color=KLEUR_DOEL,
                    ls="none", zorder=4)
            ax.annotate(richting, (d, laatste), **waarde_label)
        else:
            ax.axvline(d, color=KLEUR_DOEL, ls=":", lw=1.1)
            ax.annotate("nog niet vastgesteld", (d, 0.5), xycoords=("data", "axes fraction"), xytext=(-3, 0),
                        textcoords="offset points", ha="right", va="center", rotation=90, fontsize=7, color=KLEUR_DOEL)
    momenten = [("nulmeting", nul_d)] + [(h[0], h[1]) for h in horizonten]
    datums = [nul_d, *(h[1] for h in horizonten), *(d for r in reeksen.values() for d in r.dropna().index)]
    begin, eind = min(datums), max(datums)
    marge = timedelta(days=max(120, (eind - begin).days // 12))
    ax.set_xlim(begin - marge, eind + marge)
    boven = ax.secondary_xaxis("top")
    boven.set_xticks([mdates.date2num(d) for _n, d in momenten])
    dicht = (eind - begin).days / 9  # closer than this, two names would touch: the second goes a line up
    namen, vorige_hoog = [], True
    for k, (naam, d) in enumerate(momenten):
        hoog = k > 0 and (d - momenten[k - 1][1]).days < dicht and not vorige_hoog
        namen.append(naam + ("\n" if hoog else ""))
        vorige_hoog = hoog
    boven.set_xticklabels(namen, fontsize=7, color=KLEUR_DOEL)
    boven.tick_params(length=3, color=KLEUR_DOEL, pad=2)
    boven.spines["top"].set_visible(False)
    jaren = eind.year - begin.year + 1
    ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil(jaren / 9))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.margins(y=0.2)
    dutch_axis(ax, eenheid, axis="y")
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    # handles and names given explicitly: matplotlib leaves a label beginning with "_" out of an automatic legend
    ax.legend(lijnen, namen_legenda, frameon=False, fontsize=8, ncol=min(len(reeksen) + 1, 4), loc="upper center",
              bbox_to_anchor=(0.5, -0.1))
    _opmaak(fig)
    return fig
