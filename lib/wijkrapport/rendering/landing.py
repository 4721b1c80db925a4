"""The landing page ``reports/<jaar>/index.html``: every report of the year, from the manifest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from wijkrapport import format as fmt
from wijkrapport import paths
from wijkrapport.atomic import schrijf_atomair


@dataclass(frozen=True)
class Groep:
    """A heading of the landing page: the reports of one type (declared by the type, see ``engine.soort``).

    ``ids``: the reports' id, or their id prefix before ``/`` (``wijken`` for ``wijken/<slug>``)."""

    id: str  # the heading's anchor
    titel: str
    per_gebied: bool = False  # listed per gebied (with the search field), else alphabetically
    ids: str = ""

    def hoort_bij(self, rid: str) -> bool:
        return rid == self.ids or rid.startswith(f"{self.ids}/")


#: Where a report goes whose id no group claims (a type taken out of the registry, published earlier).
OVERIG = Groep("overig", "Overige rapporten")


def bronnen(jaar: str) -> list[str]:
    """The sources credited on the landing page: the year's voortgangsrapportage programme (from params), then the
    wijk sources (``bronvermelding`` in ``data/wijken/bestanden.yml``)."""
    eerst = []
    try:
        from wijkrapport import config
        from wijkrapport.sources.registry import load_programma

        programma = load_programma(config.voortgang_params(int(jaar)).programma)
        eerst.append(f"{programma.titel}, metingen en jaargegevens van de voortgangsrapportage "
                     "(cijfers OBI, CBS, UWV, DUO).")
    except Exception:  # noqa: BLE001 - a year without a voortgangsrapportage credits the wijk sources only
        pass
    return eerst + _wijkbronnen()


def _wijkbronnen() -> list[str]:
    """The credit lines of the wijk data; none for a project without them, or when ``bestanden.yml`` cannot be read
    (then the wijk reports' own check fails the run, naming the key: the page is not the place to stop)."""
    from wijkrapport import inputs
    from wijkrapport.errors import WijkrapportError
    from wijkrapport.sources import gemeente

    if not (inputs.wijken_dir() / "bestanden.yml").is_file():
        return []
    try:
        return gemeente.bronvermelding()
    except WijkrapportError:
        return []


@lru_cache(maxsize=1)
def _sjabloon() -> tuple[Environment, str]:
    """The template environment and style sheet, loaded once per process (the page is made after every report)."""
    env = Environment(loader=FileSystemLoader(str(paths.templates_dir())), autoescape=select_autoescape(["html", "j2"]))
    return env, (paths.templates_dir() / "rapport.css").read_text(encoding="utf-8")


def _data_link(entry: dict) -> str | None:
    """The report's xlsx workbook (all its tables) when it was published."""
    html, data = entry.get("html"), entry.get("data")
    if not html or not data:
        return None
    book = f"{data.rstrip('/')}/{Path(html).stem}.xlsx"
    return book if book in (entry.get("outputs") or []) else None


def _per_gebied(items: list[dict]) -> list[dict]:
    """Reports grouped by gebied (alphabetical; reports without one last), each group alphabetical by name."""
    groepen: dict[str, list[dict]] = {}
    for item in sorted(items, key=lambda r: r["naam"]):
        groepen.setdefault(item["gebied"] or "", []).append(item)
    return [{"naam": g or "Overig", "rapporten": groepen[g]} for g in sorted(groepen, key=lambda g: (g == "", g))]


def build_index(target: Path, manifest: dict, groepen: Sequence[Groep]) -> Path:
    """Write ``index.html`` into ``target`` atomically and return its path."""
    path = target / "index.html"
    schrijf_atomair(path, index_html(target.name, manifest, groepen))
    return path


def _item(rid: str, entry: dict) -> dict:
    outputs = entry.get("outputs") or []
    return {
        "naam": entry.get("titel") or rid,
        "html": entry.get("html") if entry.get("html") in outputs else None,
        "pdf": entry.get("pdf") if entry.get("pdf") in outputs else None,
        "data": _data_link(entry),
        "status": entry.get("status"),
        "gebied": entry.get("gebied") if isinstance(entry.get("gebied"), str) else "",
    }


def index_html(jaar: str, manifest: dict, groepen: Sequence[Groep]) -> str:
    """The landing page of year ``jaar``: every report in ``manifest`` that has published files, under the
    heading of its type (``groepen``, in their order)."""
    per_groep: dict[Groep, list[dict]] = {g: [] for g in [*groepen, OVERIG]}
    for rid, entry in sorted(manifest.get("rapporten", {}).items()):
        if entry.get("outputs"):
            groep = next((g for g in groepen if g.hoort_bij(rid)), OVERIG)
            per_groep[groep].append(_item(rid, entry))
    lijst = []
    for g, items in per_groep.items():
        if items:
            lijst.append({"id": g.id, "titel": g.titel, "rapporten": items,
                          **({"gebieden": _per_gebied(items)} if g.per_gebied else {})})
    env, css = _sjabloon()
    return env.get_template("index.html.j2").render(
        jaar=jaar, groepen=lijst, wijken=any("gebieden" in g for g in lijst), css=css, bronnen=bronnen(jaar),
        soorten=fmt.opsomming([f"de {g['titel'].lower()}" for g in lijst], leeg="geen rapporten"),
        bijgewerkt=datetime.now(UTC).strftime("%d-%m-%Y %H:%M UTC"),
    )
