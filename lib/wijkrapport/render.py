"""Executed notebook -> HTML fragment -> one HTML document -> PDF (WeasyPrint)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, select_autoescape
from nbconvert import HTMLExporter

from . import paths

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


def notebook_fragment(nb: nbformat.NotebookNode) -> str:
    """Body HTML of an executed notebook: no code, no prompts, no stream output."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if o.get("output_type") in ("display_data", "execute_result")]
            cell.outputs = [o for o in cell.outputs if "text/html" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})]
            for o in cell.outputs:  # keep only the rich representation
                o["data"] = {k: v for k, v in o["data"].items() if k in ("text/html", "image/svg+xml")}
    body, _ = _html_exporter().from_notebook_node(nb)
    return _clean_fragment(body)


NBCONVERT_WRAPPERS = {
    "cell", "border-box-sizing", "code_cell", "rendered", "text_cell", "inner_cell", "text_cell_render",
    "rendered_html", "output_wrapper", "output", "output_area", "output_html", "output_subarea", "output_svg",
    "prompt", "input", "unconfined", "output_markdown",
}


def _clean_fragment(body: str) -> str:
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.find_all(class_="anchor-link"):
        tag.decompose()
    # nbconvert's wrappers carry no meaning for readers; keep their content
    for div in soup.find_all("div"):
        classes = div.get("class") or []
        if any(c.startswith("jp-") or c in NBCONVERT_WRAPPERS for c in classes):
            div.unwrap()
    return str(soup)


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


def _with_ids(html: str) -> tuple[str, list[dict]]:
    """Give every h2/h3 a unique id and return the table of contents."""
    soup = BeautifulSoup(html, "html.parser")
    used: set[str] = set()
    toc = []
    for h in soup.find_all(["h2", "h3"]):
        base = _slug(h.get_text(" ", strip=True))
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        h["id"] = ident
        toc.append({"id": ident, "tekst": h.get_text(" ", strip=True), "niveau": int(h.name[1])})
    return str(soup), toc


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


def html_to_pdf(html: str, target: Path, base_url: Path | None = None) -> None:
    """Render the HTML to a tagged PDF (PDF/UA-1) with WeasyPrint."""
    from weasyprint import HTML

    HTML(string=html, base_url=str(base_url or target.parent)).write_pdf(
        str(target), pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )
