"""Executed notebook -> HTML fragment -> one HTML document -> PDF (WeasyPrint)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, select_autoescape
from nbconvert import HTMLExporter

from wijkrapport import paths

from .notebook_style import STYLE_METADATA, WRAPPER_CLASS

_exporter: HTMLExporter | None = None


def _html_exporter() -> HTMLExporter:
    global _exporter
    if _exporter is None:
        exporter = HTMLExporter(template_name="basic")
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        exporter.anchor_link_text = ""
        _exporter = exporter
    return _exporter


@dataclass
class Fragment:
    """A chapter: its body HTML and, per chart, the PNG that stands in for the chart's SVG in the PDF."""

    html: str
    drukbeelden: dict[str, str] = field(default_factory=dict)


_DRUK_SLEUTEL = re.compile(r'\bdata-druk="([0-9a-f]+)"')
_ALT = re.compile(r'\baria-label="([^"]*)"')


def _is_style_output(output: dict) -> bool:
    """Whether an output is the style sheet the display helpers show for notebook frontends (``notebook_style``)."""
    metadata = output.get("metadata") or {}
    return all(metadata.get(k) == v for k, v in STYLE_METADATA.items())


def notebook_fragment(nb: nbformat.NotebookNode) -> Fragment:
    """Body HTML of an executed notebook (no code, no prompts, no stream output) and its print images.

    The notebook-frontend style sheet outputs are left out and the helpers' wrapper is unwrapped: the document has
    the report's style sheet once, in its head.
    """
    nb = nbformat.from_dict(nb)
    beelden = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if "image/png" in data and (m := _DRUK_SLEUTEL.search(data.get("text/html", ""))):
                beelden[m.group(1)] = data["image/png"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if o.get("output_type") in ("display_data", "execute_result")
                            and not _is_style_output(o)]
            cell.outputs = [o for o in cell.outputs if "text/html" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})]
            for o in cell.outputs:  # keep only the rich representation
                o["data"] = {k: v for k, v in o["data"].items() if k in ("text/html", "image/svg+xml")}
    body, _ = _html_exporter().from_notebook_node(nb)
    return Fragment(_clean_fragment(body), beelden)


NBCONVERT_WRAPPERS = {
    "cell", "border-box-sizing", "code_cell", "rendered", "text_cell", "inner_cell", "text_cell_render",
    "rendered_html", "output_wrapper", "output", "output_area", "output_html", "output_subarea", "output_svg",
    "prompt", "input", "unconfined", "output_markdown",
}


def _clean_fragment(body: str) -> str:
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.find_all(class_="anchor-link"):
        tag.decompose()
    # nbconvert's wrappers and the display helpers' one carry no meaning for readers; keep their content
    for div in soup.find_all("div"):
        classes = div.get("class") or []
        if any(c.startswith("jp-") or c in NBCONVERT_WRAPPERS for c in classes) or classes == [WRAPPER_CLASS]:
            div.unwrap()
    soup.smooth()  # white space the wrappers left behind becomes one newline, as BeautifulSoup's parser makes it
    for tekst in soup.find_all(string=_WIT_MET_REGEL):
        if tekst != "\n" and tekst.parent.name not in ("pre", "textarea"):
            tekst.replace_with("\n")
    return str(soup)


_WIT_MET_REGEL = re.compile(r"^\s*\n\s*$")


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "sectie"


@dataclass
class Hoofdstuk:
    html: str
    titel: str = ""


@dataclass
class Document:
    titel: str
    ondertitel: str
    hoofdstukken: list[Hoofdstuk]
    meta: dict = field(default_factory=dict)


_KOP = re.compile(r"<(h[23])(\s[^>]*)?>(.*?)</\1>", re.S)
_ID = re.compile(r'(\sid=")[^"]*(")')
_TAG = re.compile(r"<[^>]*>")


def _with_ids(html: str) -> tuple[str, list[dict]]:
    """Give every h2/h3 a unique id and return the table of contents.

    The chapters are serialised HTML already (``_clean_fragment``): only the heading tags are rewritten, the
    rest is left as it is (parsing the whole document again took 0,5 s for the voortgangsrapportage).
    """
    used: set[str] = set()
    toc = []

    def kop(m: re.Match) -> str:
        tag, attrs, inhoud = m.group(1), m.group(2) or "", m.group(3)
        tekst = " ".join(d for d in (unescape(deel).strip() for deel in _TAG.split(inhoud)) if d)
        base = _slug(tekst)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        toc.append({"id": ident, "tekst": tekst, "niveau": int(tag[1])})
        attrs = _ID.sub(lambda a: f"{a.group(1)}{ident}{a.group(2)}", attrs, count=1) if _ID.search(attrs) \
            else f'{attrs} id="{ident}"'
        return f"<{tag}{attrs}>{inhoud}</{tag}>"

    return _KOP.sub(kop, html), toc


def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(paths.templates_dir())),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )


def assemble(doc: Document) -> str:
    """One complete HTML document (lang nl, one h1, skip link, toc, landmarks)."""
    body = "\n".join(f'<section class="hoofdstuk">{h.html}</section>' for h in doc.hoofdstukken)
    body, toc = _with_ids(body)
    css = (paths.templates_dir() / "rapport.css").read_text(encoding="utf-8")
    template = _env().get_template("rapport.html.j2")
    return template.render(doc=doc, body=body, toc=toc, css=css)


_SVG = re.compile(r"<svg\b([^>]*)>.*?</svg>", re.S)  # charts are matplotlib SVGs: never nested


def voor_druk(html: str, drukbeelden: dict[str, str]) -> str:
    """The HTML with each chart's inline SVG replaced by its PNG (same alt text), for the PDF.

    WeasyPrint styles and draws every SVG element itself: in a 58-page report the charts' 6.000 SVG
    elements took half the PDF time. Charts without a print image keep their SVG.
    """
    def beeld(m: re.Match) -> str:
        sleutel, alt = _DRUK_SLEUTEL.search(m.group(1)), _ALT.search(m.group(1))
        png = drukbeelden.get(sleutel.group(1)) if sleutel else None
        if png is None or alt is None:
            return m.group(0)
        return f'<img class="grafiekbeeld" src="data:image/png;base64,{png}" alt="{alt.group(1)}">'

    return _SVG.sub(beeld, html)


_STIJL = re.compile(r"<style>(.*?)</style>", re.S)


@functools.lru_cache(maxsize=8)
def _stijlblad(css: str, base_url: str):
    """The report's style sheet, parsed once per process instead of once per PDF (0,1 s each)."""
    from weasyprint import CSS

    return CSS(string=css, base_url=base_url)


def html_to_pdf(html: str, target: Path, base_url: Path | None = None, drukbeelden: dict[str, str] | None = None) -> None:
    """Render the HTML to a tagged PDF (PDF/UA-1) with WeasyPrint; charts as their print images.

    The document's ``<style>`` sheets go to WeasyPrint as parsed style sheets (kept per process); they are its
    only style sheets besides the browser defaults, so the cascade is the same.
    """
    from weasyprint import HTML

    if drukbeelden:
        html = voor_druk(html, drukbeelden)
    base = str(base_url or target.parent)
    bladen = [_stijlblad(css, base) for css in _STIJL.findall(html)]
    HTML(string=_STIJL.sub("", html), base_url=base).write_pdf(
        str(target), stylesheets=bladen, pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )
