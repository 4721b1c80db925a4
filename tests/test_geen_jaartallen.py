"""No report year, data year or programme name written in the code: they come from params and data.

``lib/`` and ``notebooks/`` are read with Python's tokenizer: a year literal (2010-2049) in a number, a string or an
f-string is refused outside comments, docstrings and doctests; so is a year in a notebook's markdown. In ``lib/`` a
programme name (``nprz``, ``NPRZ``, ``Rotterdam Zuid`` and every programme in ``params/programmas/``), its
gemeente, doelgebied, comparison areas and their short names are refused in a name or a string, and in the
notebooks' code and markdown.
"""

import io
import json
import re
import tokenize

import yaml
from helpers import ROOT

JAAR = re.compile(r"(?<![0-9])20[1-4][0-9](?![0-9])")
SKIP = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}
TEKST = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())


def _docstrings(tokens: list[tokenize.TokenInfo]) -> set[int]:
    """Indexes of string tokens that form a statement on their own (docstrings and the like)."""
    uit = set()
    for i, t in enumerate(tokens):
        if t.type != tokenize.STRING:
            continue
        j = i - 1
        while j >= 0 and tokens[j].type in {tokenize.NL, tokenize.COMMENT}:
            j -= 1
        begin = j < 0 or tokens[j].type in {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
        k = i + 1
        while k < len(tokens) and tokens[k].type in {tokenize.STRING, tokenize.NL}:
            k += 1
        if begin and (k >= len(tokens) or tokens[k].type in {tokenize.NEWLINE, tokenize.ENDMARKER}):
            uit.update(range(i, k))
    return uit


def treffers(bron: str, patroon: re.Pattern, namen: bool = False) -> list[tuple[int, str]]:
    """(line, token) of every number, string or (with ``namen``) name in ``bron`` matching ``patroon``,
    docstrings and comments left out."""
    tokens = list(tokenize.generate_tokens(io.StringIO(bron).readline))
    doc = _docstrings(tokens)
    uit = []
    for i, t in enumerate(tokens):
        if i in doc or t.type in SKIP:
            continue
        if t.type in TEKST or t.type == tokenize.NUMBER or (namen and t.type == tokenize.NAME):
            if patroon.search(t.string):
                uit.append((t.start[0], t.string[:80]))
    return uit


def test_the_scanner_finds_what_it_must_and_skips_what_it_may():
    bron = ('"""Module 2024."""\n# comment 2024\nx = 2024\ny = f"in {x} 2031"\n\n\ndef f():\n'
            '    """Doc 2030.\n\n    >>> f()\n    2025\n    """\n    return "2019-01-01"\n')
    assert [r for r, _ in treffers(bron, JAAR)] == [3, 4, 13]
    assert treffers("import nprz_views\n", re.compile(r"(?i)\bnprz\b"), namen=True) == []
    assert treffers("from . import nprz\n", re.compile(r"(?i)\bnprz\b"), namen=True) == [(1, "nprz")]


def test_no_year_literals_in_lib_and_notebooks():
    gevonden = []
    for pad in sorted((ROOT / "lib").rglob("*.py")):
        gevonden += [(str(pad.relative_to(ROOT)), r, t) for r, t in treffers(pad.read_text(encoding="utf-8"), JAAR)]
    for pad in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for n, cel in enumerate(json.loads(pad.read_text(encoding="utf-8"))["cells"]):
            bron = "".join(cel["source"])
            if cel["cell_type"] == "code":
                gevonden += [(f"{pad.name} cel {n}", r, t) for r, t in treffers(bron, JAAR)]
            else:
                gevonden += [(f"{pad.name} cel {n}", 0, m.group()) for m in JAAR.finditer(bron)]
    assert gevonden == []


def test_no_programme_name_in_lib_and_notebooks():
    namen = {"nprz", "NPRZ", "Rotterdam Zuid"}
    for pad in (ROOT / "params" / "programmas").glob("*.yml"):
        programma = yaml.safe_load(pad.read_text(encoding="utf-8"))
        namen |= {programma["naam"], programma["titel"], programma["gemeente"], programma["doelgebied"],
                  *programma.get("vergelijkingsgebieden", []), *programma.get("kortenamen", {}).values()}
    patroon = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(namen)), re.I)
    gevonden = []
    for pad in sorted((ROOT / "lib").rglob("*.py")):
        gevonden += [(str(pad.relative_to(ROOT)), r, t)
                     for r, t in treffers(pad.read_text(encoding="utf-8"), patroon, namen=True)]
    for pad in sorted((ROOT / "notebooks").glob("*.ipynb")):  # a notebook's defaults come from params too
        for n, cel in enumerate(json.loads(pad.read_text(encoding="utf-8"))["cells"]):
            bron = "".join(cel["source"])
            if cel["cell_type"] == "code":
                gevonden += [(f"{pad.name} cel {n}", r, t) for r, t in treffers(bron, patroon, namen=True)]
            else:
                gevonden += [(f"{pad.name} cel {n}", 0, m.group()) for m in patroon.finditer(bron)]
    # the one published CSV column name that keeps the city's name (tests/test_geen_stadsnamen.py)
    toegestaan = {("lib/wijkrapport/domain/wijkdata.py", '"rotterdam"')}
    assert [g for g in gevonden if (g[0], g[2]) not in toegestaan] == []
