"""The report's style sheet for notebook frontends (JupyterLab, nbconvert's HTML export), scoped to the report's markup.

An HTML output's ``<style>`` applies to the whole page of the Lab (every open notebook and the Lab's own interface), so
the published ``rapport.css`` cannot go in as it is: every rule is rewritten to apply only inside the wrapper
(``<div class="rapportstijl">``) that the display helpers (``show``) put around their output, and inside the markdown
cells of a notebook that shows such output (the report's headings and boxes). What only paper knows (``@page``,
``@media print``) is left out; of the rules for ``:root``, ``html`` and ``body`` the wrapper and those markdown cells
get the colours (custom properties) and the typography, not the page's layout (margins, width). The published document
never carries this sheet: ``document.notebook_fragment`` drops the outputs marked with ``STYLE_METADATA`` and unwraps
the wrapper, so the report keeps its one style sheet.
"""

from __future__ import annotations

import functools
import re

import tinycss2

from wijkrapport import paths

WRAPPER_CLASS = "rapportstijl"
"""The class of the wrapper around every display helper's output."""

STYLE_METADATA = {"wijkrapport": "notebook-style"}
"""The metadata of the output that carries the sheet: the document builder drops such outputs."""

_SCOPES = (
    f".{WRAPPER_CLASS}",  # the display helpers' output
    # markdown cells of a notebook that shows report output (JupyterLab and nbconvert's lab template)
    f".jp-Notebook:has(.{WRAPPER_CLASS}) .jp-RenderedMarkdown",
)
_ROOT = re.compile(r"^(?::root|html|body)(?![\w-])")

_INHERITED = {"font-family", "color", "line-height"}  # what the page's root passes on to the text in it

# Where the Lab's own look would win or differs from the report's page: the Lab fixes table layout, centres tables,
# stripes rows and sets its own font sizes; the report's text column is 60rem wide.
_LAB_RESET = f"""
.{WRAPPER_CLASS} {{ max-width: 60rem; font-size: 1rem; }}
.{WRAPPER_CLASS} table.tabel {{ table-layout: auto; margin: 0; font-size: .85rem; }}
.{WRAPPER_CLASS} table.tabel tbody tr {{ background: transparent; }}
.{WRAPPER_CLASS} table.tabel th, .{WRAPPER_CLASS} table.tabel td {{ line-height: 1.5; }}
.{WRAPPER_CLASS} table.tabel thead th {{ color: #fff; }}
.{WRAPPER_CLASS} figure.grafiek svg {{ max-width: 40rem; }}
"""


def _selectors(prelude: list) -> list[str]:
    """A rule's selector list split at its top-level commas (commas inside ``:is(...)`` stay)."""
    delen, huidig = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            delen.append(huidig)
            huidig = []
        else:
            huidig.append(token)
    delen.append(huidig)
    return [s for s in (tinycss2.serialize(d).strip() for d in delen) if s]


def _root_declarations(content: list) -> str:
    """Of a root rule's declarations the custom properties and the inherited typography (``_INHERITED``)."""
    decls = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
    keep = [d for d in decls if d.type == "declaration" and (d.name.startswith("--") or d.lower_name in _INHERITED)]
    return " ".join(f"{d.name}: {tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''};"
                    for d in keep)


def _rules(rules: list) -> list[str]:
    uit = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule.prelude)
            wortel = [s for s in selectors if _ROOT.match(s)]
            gewoon = [f"{binnen} {s}" for s in selectors if not _ROOT.match(s) for binnen in _SCOPES]
            if gewoon:
                uit.append(f"{', '.join(gewoon)} {{{tinycss2.serialize(rule.content).strip()}}}")
            if wortel and (decls := _root_declarations(rule.content)):
                scoped = [_ROOT.sub(binnen, s, count=1) for s in wortel for binnen in _SCOPES]
                uit.append(f"{', '.join(scoped)} {{{decls}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            voorwaarde = tinycss2.serialize(rule.prelude).strip()
            if re.search(r"\bprint\b", voorwaarde):
                continue  # paper only
            binnen = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            if binnen:
                uit.append(f"@media {voorwaarde} {{{' '.join(binnen)}}}")
        # @page and other at-rules describe the printed page: not a notebook's
    return uit


def scoped_css(css: str) -> str:
    """``css`` with every screen rule limited to the report's markup in a notebook (see the module docstring)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_rules(rules)) + _LAB_RESET


@functools.cache
def notebook_css() -> str:
    """The report's style sheet (``templates/rapport.css``) for notebooks, read once per process."""
    return scoped_css((paths.templates_dir() / "rapport.css").read_text(encoding="utf-8"))
