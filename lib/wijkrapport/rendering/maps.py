"""A print-readable map of a wijk within its gebied (geopandas + matplotlib)."""

from __future__ import annotations

from matplotlib.figure import Figure

from wijkrapport.sources import geo

from . import charts  # noqa: F401 - the house style: text in figures is shown literally (no mathtext)

KLEUR_WIJK = "#00689e"
KLEUR_ANDER = "#e3e8ec"
KLEUR_RAND = "#5a5a5a"


def wijk_kaart(buurtcodes: list[str], gebied_naam: str) -> tuple[Figure, list[str]]:
    """Map: the wijk's CBS buurten filled, the other wijken of the gebied light with their names.

    Returns the figure and the names of the neighbouring wijken (for the alt text).
    """
    buurten = geo.load_buurten()
    in_gebied = buurten[buurten["GEBDNAAM"].str.lower() == gebied_naam.lower()]
    eigen = buurten[buurten["cbs_buurtcode"].isin(buurtcodes)]
    if in_gebied.empty:
        in_gebied = eigen
    fig = Figure(figsize=(5.2, 4.2))
    ax = fig.add_subplot(111)
    in_gebied.plot(ax=ax, color=KLEUR_ANDER, edgecolor=KLEUR_RAND, linewidth=0.6)
    if not eigen.empty:
        eigen.plot(ax=ax, color=KLEUR_WIJK, edgecolor="#1a1a1a", linewidth=1.2)
    andere = in_gebied[~in_gebied["cbs_buurtcode"].isin(buurtcodes)]
    for _, row in in_gebied.iterrows():
        point = row.geometry.representative_point()
        own = row["cbs_buurtcode"] in buurtcodes
        ax.annotate(row["BUURTNAAM"], (point.x, point.y), ha="center", va="center",
                    fontsize=8 if own else 6.5, fontweight="bold" if own else "normal",
                    color="white" if own else "#333333")
    ax.set_axis_off()
    ax.set_aspect("equal")
    fig.tight_layout(pad=0.2)
    return fig, sorted(andere["BUURTNAAM"].tolist())
