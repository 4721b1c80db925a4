"""The programme report's story lives in its notebooks: word choices, templates, the context object, and the share
of the published prose that is written in the notebooks (issue 22) — in process or on the shared builds."""

import re
from html import escape

import proza
import pytest
from programma_sjablonen import sjablonen, zin_re
from wijkrapport import format as fmt
from wijkrapport.errors import SjabloonFout
from wijkrapport.rapporten.programma import teksten, views

HOOFDSTUK = sjablonen("programma_hoofdstuk.ipynb")["toon_hoofdstuk"]
SAMENVATTING = sjablonen("programma_samenvatting.ipynb")["toon_samenvatting"]


# word choices

@pytest.mark.parametrize(("n", "woord"), [(0, "scoren"), (1, "scoort"), (2, "scoren"), (25, "scoren")])
def test_the_verb_agrees_with_the_count(n, woord):
    assert teksten.getal(n, "scoort", "scoren") == woord


def test_one_is_read_as_een_more_as_a_number_with_the_plural():
    assert teksten.een_of_aantal(1, "negatieve score", "negatieve scores") == "een negatieve score"
    assert teksten.een_of_aantal(3, "negatieve score", "negatieve scores") == "3 negatieve scores"
    assert teksten.een_of_aantal(2, "gebied") == "2 gebieden"  # the regular plural when none is given


def test_a_planned_measurement_was_due_once_its_date_has_passed():
    assert (teksten.was_of_is(True), teksten.was_of_is(False)) == ("was", "is")


def test_a_case_the_notebook_has_no_template_for_stops_with_the_keyword_and_what_it_gave():
    with pytest.raises(SjabloonFout, match=r"aandacht: .*'meer'.*gegeven: een, geen"):
        teksten.kies({"geen": "x", "een": "y"}, "meer", "aandacht")
    with pytest.raises(SjabloonFout, match=r"reeks: .*'nu'.*gegeven: str"):
        teksten.sjablonen_compleet("{gebied} in {periode}", ("nu",), "reeks")


# the context and the views, in process on the wijkscan programme of the project


@pytest.fixture(scope="module")
def pc():
    return views.Programmacontext(jaar=2024, programma="wijkscan")


def test_the_programme_and_its_data_are_read_once(pc):
    assert pc.prog is pc.prog and pc.data is pc.data and pc.overzicht is pc.overzicht
    assert pc.prog.naam == "wijkscan" and set(pc.overzicht["indicator_id"]) == {i.id for i in pc.prog.indicatoren}


def test_templates_use_the_programmes_own_words(pc):
    assert pc.vul("{Hoofdstukwoord} en {hoofdstukken} van {titel}, {jaar}") == \
        f"{pc.prog.hoofdstukwoord.capitalize()} en {pc.prog.hoofdstukken_woord} van {pc.prog.titel}, 2024"
    with pytest.raises(SjabloonFout, match=r"\{thema\}.*\{hoofdstukwoord\}"):
        pc.vul("Per {thema}")


@pytest.fixture
def getoond(monkeypatch):
    """What the views show: (kind, text) in order; tables and charts by their caption or alt text."""
    uit: list[tuple[str, str]] = []
    monkeypatch.setattr(views, "toon_tekst", lambda t, klasse="": uit.append(("tekst", t)))
    monkeypatch.setattr(views, "toon_lijst", lambda items, klasse="": uit.extend(("lijst", i) for i in items))
    monkeypatch.setattr(views, "toon_html", lambda h: uit.append(("html", h)))
    monkeypatch.setattr(views, "toon_figuur", lambda fig, **kw: uit.append(("figuur", kw["alt"])))
    monkeypatch.setattr(views.Programmacontext, "tabel", lambda self, df, k, caption, **kw: uit.append(("tabel", caption)))
    monkeypatch.setattr(views.Programmacontext, "csv", lambda self, df, naam: None)
    return uit


def test_a_missing_template_stops_the_chapter_before_anything_is_shown(pc, getoond):
    onvolledig = {**HOOFDSTUK, "drempels": {k: v for k, v in HOOFDSTUK["drempels"].items() if k != "telling"}}
    with pytest.raises(SjabloonFout, match="drempels: .*'telling'"):
        views.toon_hoofdstuk(pc, "veiligheid", **onvolledig)
    assert getoond == []


def test_the_count_of_scores_uses_the_verb_that_agrees(pc, getoond):
    views.toon_hoofdstuk(pc, "veiligheid", **HOOFDSTUK)
    rij = pc.overzicht.set_index("indicator_id").loc["misdrijven_per_1000"]
    n = int(rij["aantal_rood"])
    zin = zin_re(HOOFDSTUK["drempels"]["telling"], aantal_negatief=f"{n} {'gebied' if n == 1 else 'gebieden'}",
                 scoort_scoren="scoort" if n == 1 else "scoren", aantal_neutraal=int(rij["aantal_neutraal"]),
                 aantal_positief=int(rij["aantal_groen"]))
    assert any(soort == "tekst" and re.match(zin, t) for soort, t in getoond)
    assert ("html", f"<h2>{escape(pc.vul(HOOFDSTUK['kop'], hoofdstuk='Veiligheid'))}</h2>") in getoond


def test_the_box_about_aandachtsgebieden_names_them_in_the_plural_case(pc, getoond):
    views.toon_samenvatting(pc, **SAMENVATTING)
    scores, _ = pc.drempel_scores
    namen = scores.index[scores["aandachtsgebied"]].tolist()
    assert len(namen) > 1  # the wijkscan has several: the notebook's "meer" template
    zin = zin_re(SAMENVATTING["aandacht"]["meer"], aantal=len(namen), gebieden=f"{len(scores)} gebieden",
                 grens=f"{pc.prog.aandachtsgebied_vanaf} negatieve scores", namen=fmt.opsomming(namen))
    assert getoond[-1][0] == "tekst" and re.fullmatch(zin, getoond[-1][1])


# the measure of issue 22 on the shared builds (no notebook is run for it)


def _aandeel_minstens_de_helft(pagina) -> None:
    share, in_nb, in_lib = proza.aandeel(pagina.read_text(encoding="utf-8"))
    assert share >= 0.5, f"{pagina.name}: {share:.0%} ({in_nb} trigrams in notebooks/params, {in_lib} in lib)"


@pytest.mark.slow
def test_most_of_the_wijkscans_prose_is_written_in_notebooks_and_params(volledige_build):
    _aandeel_minstens_de_helft(volledige_build[0] / "programmas" / "wijkscan.html")


@pytest.mark.slow
def test_most_of_every_test_programmes_prose_is_written_in_notebooks_and_params(programmas_gebouwd):
    paginas = sorted((programmas_gebouwd[1] / "programmas").glob("*.html"))
    assert [p.stem for p in paginas] == ["concepten", "oost", "proef", "selectie"]
    for pagina in paginas:
        _aandeel_minstens_de_helft(pagina)
