"""Where a report's prose is written: in its notebooks and params YAML, or in ``lib/``.

The measure of issue "Notebooks that carry the story": take the word trigrams of a published report's prose
(headings, paragraphs, list items, captions, boxes; tables, scripts and charts excluded), and look each one up in
the text of the notebooks and params YAML files and in the string literals and templates of ``lib/``. A trigram
found only in a notebook or params file counts as written there; one found in ``lib/`` counts as written in
``lib/`` (also when a notebook has it too: strict, so that common phrases do not flatter the share); one found
nowhere (names, numbers, text from the data) counts for neither. The share is notebook-or-params-only ÷
(notebook-or-params-only + lib).

Run on a build: ``.venv/bin/python tests/proza.py reports/2024`` prints the share per report.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString

ROOT = Path(__file__).resolve().parents[1]
WOORD = re.compile(r"[^\W_]+")
BLOKKEN = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "dt", "dd", "summary", "div", "blockquote"}
OVERSLAAN = {"table", "script", "style", "svg", "nav", "head"}


def woorden(tekst: str) -> list[str]:
    return WOORD.findall(tekst.casefold())


def trigrammen(tekst: str) -> list[tuple[str, str, str]]:
    w = woorden(tekst)
    return list(zip(w, w[1:], w[2:], strict=False))


def proza_blokken(html: str) -> list[str]:
    """The text of every prose block of a report page, tables and charts left out."""
    soup = BeautifulSoup(html, "lxml")
    blokken: dict[int, list[str]] = {}
    for node in (soup.body or soup).descendants:
        if not isinstance(node, NavigableString) or not node.strip():
            continue
        blok = None
        skip = False
        for ouder in node.parents:
            if ouder.name in OVERSLAAN:
                skip = True
                break
            if blok is None and ouder.name in BLOKKEN:
                blok = ouder
        if skip or blok is None:
            continue
        blokken.setdefault(id(blok), []).append(str(node))
    return [" ".join(delen) for delen in blokken.values()]


def _notebook_tekst(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"])


def _python_strings(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return "\n".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))


@lru_cache(maxsize=4)
def bronnen(root: Path = ROOT) -> tuple[frozenset, frozenset]:
    """(trigrams of notebooks + params YAML, trigrams of lib's string literals and templates)."""
    nb = [_notebook_tekst(p) for p in sorted((root / "notebooks").glob("*.ipynb"))]
    nb += [p.read_text(encoding="utf-8") for p in sorted((root / "params").rglob("*.yml"))]
    lib_dir = root / "lib"
    lib = [_python_strings(p) for p in sorted(lib_dir.rglob("*.py"))]
    lib += [p.read_text(encoding="utf-8") for p in sorted(lib_dir.rglob("*.j2"))]
    return (frozenset(t for tekst in nb for t in trigrammen(tekst)),
            frozenset(t for tekst in lib for t in trigrammen(tekst)))


def aandeel(html: str, root: Path = ROOT) -> tuple[float, int, int]:
    """(share written in notebooks/params, trigrams there, trigrams only in lib) of one report page."""
    in_nb, in_lib = bronnen(root)
    telling: Counter = Counter()
    for blok in proza_blokken(html):
        for t in trigrammen(blok):
            telling["lib" if t in in_lib else "nb" if t in in_nb else "geen"] += 1
    totaal = telling["nb"] + telling["lib"]
    return (telling["nb"] / totaal if totaal else 1.0), telling["nb"], telling["lib"]


def main(build: Path) -> None:
    for html in sorted(build.rglob("*.html")):
        if html.name == "index.html" or "notebooks" in html.parts:
            continue
        share, nb, lib = aandeel(html.read_text(encoding="utf-8"))
        print(f"{share:6.1%}  notebook/params {nb:5d}  lib {lib:5d}  {html.relative_to(build)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
