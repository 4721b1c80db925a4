"""Programme reports that are right and readable: what a reader of a new programme meets (issue 16).

Programmes written as an analyst would (``proefprogrammas.py``) are built once through the real engine and
notebooks (conftest's ``programmas_gebouwd``); each test checks one defect as a class in the rendered HTML, the
PDF or the published tables, or in process where the engine's functions show it directly.
"""

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers import pdf_text
from proefprogrammas import (
    LEEFBAARHEID,
    OOST_CSV,
    OOST_YML,
    SELECTIE_GEBIEDEN,
    SELECTIE_INDICATOREN,
    programma_project,
)
from programma_sjablonen import sjablonen, zin_re
from wijkrapport import taal
from wijkrapport.domain import programma as pr
from wijkrapport.domain.regimes import ambitie_op, ambitie_status
from wijkrapport.errors import DataValidationError
from wijkrapport.rapporten.programma import doelen_views as dv
from wijkrapport.rapporten.programma import views
from wijkrapport.rendering import charts, context, pdfcheck
from wijkrapport.sources import programma as src
from wijkrapport.sources.registry import Horizon, Nulmeting, Programma, load_programma

#: the texts the notebooks give the views (the templates an analyst edits), read from the notebooks
HOOFDSTUK = sjablonen("programma_hoofdstuk.ipynb")["toon_hoofdstuk"]
INLEIDING = sjablonen("programma_samenvatting.ipynb")["toon_inleiding"]


@pytest.fixture(scope="module")
def project(programmas_gebouwd) -> Path:
    return programmas_gebouwd[0]


@pytest.fixture(scope="module")
def gebouwd(programmas_gebouwd) -> Path:
    """The programmes built by the CLI: reports/2024 of the run."""
    return programmas_gebouwd[1]


@pytest.fixture
def in_project(project, monkeypatch):
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(project))
    return project


def _html(gebouwd: Path, naam: str) -> str:
    return (gebouwd / "programmas" / f"{naam}.html").read_text(encoding="utf-8")


def _tekst(html: str) -> str:
    """The visible text of the HTML, tags removed, white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _sectie(html: str, kop: str) -> str:
    """The HTML from the h3 ``kop`` up to the next h2/h3."""
    start = html.index(f">{kop}</h3>")
    eind = re.search(r"<h[23][ >]", html[start:])
    return html[start:start + eind.start()] if eind else html[start:]


# 1. A monitoring indicator with a reference shows the doelgebied's own value, the reference beside it


def test_the_doelgebied_value_is_the_indicators_value_and_the_reference_stands_beside_it(in_project):
    programma = load_programma("oost")
    t = pr.overzicht(programma, src.load(programma), 2024).set_index("indicator_id")
    rij = t.loc["werkloosheid"]
    assert (rij["gebied"], rij["periode"], rij["waarde_nu"]) == ("Oost", 2024, 13.0)
    assert (rij["referentie"], rij["referentie_periode"], rij["referentie_nu"]) == ("Nederland", 2023, 3.0)


def _zin(sjabloon: str, **velden) -> re.Pattern:
    return re.compile(zin_re(sjabloon, **velden))


def test_report_and_table_show_the_areas_own_figure_with_the_reference_beside_it(gebouwd):
    sectie = _tekst(_sectie(_html(gebouwd, "oost"), "Werkloosheid"))
    reeks = HOOFDSTUK["reeks"]
    assert _zin(reeks["nu"] + " " + reeks["vergelijking"], gebied="Oost", periode=2024, waarde="13,0%",
                vergelijking="Nederland in 2023: 3,0%").search(sectie)
    tabel = pd.read_csv(gebouwd / "data" / "programmas" / "oost" / "indicatoren.csv").set_index("indicator_id")
    assert tabel.loc["werkloosheid", ["gebied", "waarde_nu", "referentie", "referentie_nu"]].tolist() == [
        "Oost", 13.0, "Nederland", 3.0]
    assert "Nederland in 2023: 3,0%" in _tekst(_html(gebouwd, "oost"))  # in the chapter's table too


# 2. An ambition with only its nulmeting is not judged; a nulmeting that differs from the data is exit 3


def test_an_ambition_measured_only_at_its_nulmeting_is_not_yet_to_be_determined(in_project):
    programma = load_programma("oost")
    t = pr.overzicht(programma, src.load(programma), 2024).set_index("indicator_id")
    for ind in ("armoede", "kinderopvang"):  # only the nulmeting's own figure / no rows at all
        assert t.loc[ind, "status"] == "grijs" and t.loc[ind, "status_reden"] == "nog_niet_gemeten", ind
        assert t.loc[ind, "status_tekst"] == "Nog niet te bepalen"
    assert t.loc["schoolverlaters", "status"] == "groen"  # measured after its nulmeting


def test_the_sentence_says_when_the_first_measurement_is_due(gebouwd):
    html = _html(gebouwd, "oost")
    ambitie = HOOFDSTUK["ambitie"]  # measured only at the nulmeting / no figures at all; the first horizon passed or not
    armoede = _tekst(_sectie(html, "Huishoudens in armoede"))
    assert _zin(ambitie["niet_gemeten"], gebied="Oost", horizon="na 1 jaar", datum="1 juli 2023", was_is="was").search(
        armoede)
    opvang = _tekst(_sectie(html, "Kinderen in de voorschool"))
    assert _zin(ambitie["geen_cijfers"], gebied="Oost", horizon="na 4 jaar", datum="1 januari 2027", was_is="is").search(
        opvang)
    assert 'class="status status-rood"' not in html  # nothing is judged "Verkeerde richting"
    status = pd.read_csv(gebouwd / "data" / "programmas" / "oost" / "status_per_hoofdstuk.csv").set_index("pijler")
    assert status.loc["werk", ["groen", "oranje", "rood", "grijs"]].tolist() == [0, 0, 0, 2]


def test_a_horizon_still_to_be_set_is_shown_as_such_never_dropped(gebouwd):
    armoede = _sectie(_html(gebouwd, "oost"), "Huishoudens in armoede")
    assert "na 15 jaar" in armoede and "nog niet vastgesteld" in armoede
    ambities = pd.read_csv(gebouwd / "data" / "programmas" / "oost" / "ambities_armoede.csv")
    assert ambities["moment"].tolist() == ["Nulmeting", "na 1 jaar", "na 4 jaar", "na 15 jaar"]
    assert ambities["waarde"].isna().tolist() == [False, False, False, True]


def test_a_horizon_with_a_value_and_a_direction_is_still_refused():
    with pytest.raises(ValueError, match="niet allebei"):
        Horizon(naam="na 4 jaar", datum=date(2026, 1, 1), waarde=3.0, richting="daling")
    assert not Horizon(naam="na 15 jaar", datum=date(2037, 1, 1)).vastgesteld


def test_ambition_after_the_last_set_horizon_and_without_any_value():
    nul = Nulmeting(datum=date(2020, 1, 1), waarde=100.0)
    open_ = [Horizon(naam="na 4 jaar", datum=date(2024, 1, 1), waarde=80.0), Horizon(naam="na 15 jaar",
                                                                                      datum=date(2035, 1, 1))]
    assert ambitie_op(nul, open_, date(2026, 1, 1)) == 80.0  # the last ambition set stays in force
    assert ambitie_status(nul, open_, date(2026, 1, 1), 79.0, "lager") == "groen"
    nog_niets = [Horizon(naam="na 15 jaar", datum=date(2035, 1, 1))]
    assert pd.isna(ambitie_op(nul, nog_niets, date(2026, 1, 1)))
    assert ambitie_status(nul, nog_niets, date(2026, 1, 1), 79.0, "lager") == "grijs"


def test_a_nulmeting_that_differs_from_the_data_names_both_places(tmp_path, monkeypatch):
    root = programma_project(tmp_path, {"oost": (OOST_YML, OOST_CSV.replace("armoede,Oost,2022,21.0",
                                                                          "armoede,Oost,2022,22.5"))})
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(root))
    with pytest.raises(DataValidationError) as exc:
        src.load(load_programma("oost"))
    assert exc.value.exit_code == 3
    fout = str(exc.value)
    assert "data/programmas/oost/waarden.csv, rij 4, veld 'waarde'" in fout and "22.5" in fout
    assert "params/programmas/oost.yml" in fout and "indicatoren.1.ambitie.nulmeting.waarde: 21" in fout


# 3. No table is cut off the PDF page; a check measures every word on every PDF the engine builds


def test_the_scores_table_of_10_indicators_fits_its_pages_with_the_counts_first(gebouwd):
    pdf = gebouwd / "programmas" / "selectie.pdf"
    assert pdfcheck.buiten_de_pagina(pdf) == []
    tekst = re.sub(r"\s+", " ", pdf_text(pdf))
    assert "deel 1 van 2" in tekst and "deel 2 van 2" in tekst and "Aantal negatief" in tekst
    html = _html(gebouwd, "selectie")
    delen = re.findall(r"<table class=\"tabel\"><caption>Scores per gebied in 2024 \(deel (\d) van 2[^<]*</caption>"
                       r"<thead><tr>(.*?)</tr>", html)
    assert [d for d, _ in delen] == ["1", "2"]
    koppen = [re.findall(r"<th[^>]*>([^<]*)</th>", k) for _, k in delen]
    assert koppen[0][:4] == ["Gebied", "Aantal negatief", "Aantal positief", "Aandachtsgebied"]
    assert koppen[1][0] == "Gebied" and "Aantal negatief" not in koppen[1]
    assert len(koppen[0]) - 4 + len(koppen[1]) - 1 == len(SELECTIE_INDICATOREN)
    for gebied in SELECTIE_GEBIEDEN:  # every area in both parts
        # in both parts, and in the chart table of each of the 9 indicators with figures
        assert html.count(f'<th scope="row">{gebied}</th>') == 2 + 9
    scores = pd.read_csv(gebouwd / "data" / "programmas" / "selectie" / "scores_per_gebied.csv")
    assert len(scores) == len(SELECTIE_GEBIEDEN) and scores["aantal_rood"].max() >= 3


def test_split_columns_evenly():
    ids = [f"i{n}" for n in range(13)]
    assert [len(d) for d in views.delen(ids)] == [7, 6]
    assert [len(d) for d in views.delen(ids[:8])] == [8]
    assert [len(d) for d in views.delen(ids[:9])] == [5, 4]


def test_pdf_check_names_page_and_words_of_a_cut_table(tmp_path):
    from wijkrapport.rendering.document import html_to_pdf

    cellen = "".join(f"<td>Kolom{i}</td>" for i in range(40))
    html = (f"<html lang='nl'><body><p>Eerste pagina</p><p style='break-before: page'>Tweede</p>"
            f"<table style='white-space: nowrap'><tr><th>Gebied</th>{cellen}</tr></table></body></html>")
    html_to_pdf(html, tmp_path / "breed.pdf")
    with pytest.raises(pdfcheck.AfgesnedenInhoud) as exc:
        pdfcheck.controleer(tmp_path / "breed.pdf", "programmas/breed.pdf")
    fout = str(exc.value)
    assert fout.startswith("programmas/breed.pdf: pagina 2: tekst ") and "rechts" in fout
    assert re.search(r"'Kolom\d+', 'Kolom\d+'", fout) and "Eerste" not in fout


def test_a_cut_table_fails_its_report_where_the_pdf_is_made(tmp_path, monkeypatch):
    """finish_report runs the check on every PDF it makes: a report with a cut table is not published."""
    from wijkrapport.engine import runner
    from wijkrapport.engine.rapport import Rapport
    from wijkrapport.rendering.document import Fragment

    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))
    rapport = Rapport(id="programmas/breed", jaar=2024, titel="Breed", ondertitel="", hoofdstukken=(),
                      html_rel="programmas/breed.html", pdf_rel="programmas/breed.pdf", data_rel="data/programmas/breed",
                      notebooks_rel="notebooks/programmas/breed")
    breed = "<table class='tabel'><tr>" + "".join(f"<td class='num'>{i}_000_000_000</td>" for i in range(30)) + "</tr></table>"
    with pytest.raises(pdfcheck.AfgesnedenInhoud, match=r"programmas/breed\.pdf: pagina \d+: tekst '\d+_000_000_000'"):
        runner.finish_report(rapport, [Fragment(f"<h2>Tabel</h2>{breed}")], tmp_path / "staging")
    _bestanden, _ = runner.finish_report(rapport, [Fragment("<h2>Tabel</h2><p>past</p>")], tmp_path / "staging2")


# 4. Charts: one period is a bar with its label; ambitions are drawn at their dates; lines break at gaps


@pytest.fixture(scope="module")
def figuren(project) -> dict[str, tuple[object, str]]:
    """Title -> (figure, alt text) of every chart in every chapter of programme ``oost``, made once in process."""
    getoond = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIJKRAPPORT_ROOT", str(project))
        for module in (views, dv):
            mp.setattr(module, "toon_figuur", lambda fig, **kw: getoond.__setitem__(kw["titel"], (fig, kw["alt"])))
            for attr in ("toon_tekst", "toon_html"):
                mp.setattr(module, attr, lambda *a, **kw: None)
        mp.setattr(context, "toon_tabel", lambda *a, **kw: None)
        pc = views.Programmacontext(jaar=2024, programma="oost")
        for p in pc.prog.pijlers:
            views.toon_hoofdstuk(pc, p.id, **HOOFDSTUK)
    return getoond


def test_one_period_is_a_bar_with_its_value_not_a_line_over_a_century(figuren):
    reeks = HOOFDSTUK["reeks"]
    fig, alt = figuren["Bereik jongerenwerk"]
    assert _zin(reeks["alt_staaf"], indicator="Bereik jongerenwerk", periode=2023, waarden="Oost 412 en Stad 2.210"
                ).fullmatch(alt)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Oost", "Stad"] and not ax.get_lines()
    assert {t.get_text() for t in ax.texts} == {"412", "2.210"}
    _fig, alt = figuren["Werkloosheid"]  # one figure per area, in different years: each bar says its year
    assert _zin(reeks["alt_staven"], indicator="Werkloosheid", waarden="Oost (2024) 13,0% en Nederland (2023) 3,0%"
                ).fullmatch(alt)


def test_a_line_chart_of_a_single_period_stays_at_that_period():
    fig = charts.line_chart(pd.DataFrame({"jaar": [2023], "Oost": [5.0]}), "jaar", ["Oost"], "pct")
    ax = fig.axes[0]
    assert ax.get_xlim() == (2022, 2024) and list(ax.get_xticks()) == [2023]
    assert [t.get_text() for t in ax.texts] == ["5,0%"]


def test_ambitions_are_drawn_at_their_dates_with_their_values(figuren):
    import matplotlib.dates as mdates

    fig, alt = figuren["Voortijdig schoolverlaters"]
    ax = fig.axes[0]
    boven = [t.get_text().strip() for t in fig.axes[1].get_xticklabels()] if len(fig.axes) > 1 else \
        [t.get_text().strip() for t in ax.child_axes[0].get_xticklabels()]
    assert boven == ["nulmeting", "na 1 jaar", "na 4 jaar", "na 15 jaar"]
    pad = next(line for line in ax.get_lines() if line.get_label() == "ambitie")
    x = [mdates.num2date(v).date() if not isinstance(v, date) else v for v in pad.get_xdata()]
    assert x == [date(2022, 7, 1), date(2023, 7, 1), date(2026, 7, 1)] and list(pad.get_ydata()) == [6.0, 5.5, 4.0]
    assert {"5,5%", "4,0%", "daling"} <= {t.get_text() for t in ax.texts}
    assert "na 15 jaar (1 juli 2037): een daling" in alt
    _fig, alt = figuren["Huishoudens in armoede"]
    assert "na 15 jaar (1 juli 2037): nog niet vastgesteld" in alt
    assert "nog niet vastgesteld" in {t.get_text() for t in _fig.axes[0].texts}


def test_a_missing_year_breaks_the_line(in_project, figuren):
    data = views.Programmacontext(jaar=2024, programma="oost").data
    assert views.verwachte_perioden(data, "sportdeelname", 2024) == [2019, 2020, 2021, 2022, 2023]
    assert views.verwachte_perioden(data, "tevredenheid", 2024) == [2020, 2022, 2024]  # every other year: no gap
    fig, alt = figuren["Jongeren die sporten"]
    lijn = next(line for line in fig.axes[0].get_lines() if line.get_label() == "Oost")
    assert list(lijn.get_xdata()) == [2019, 2020, 2021, 2022, 2023] and pd.isna(lijn.get_ydata()[2])
    assert _zin(HOOFDSTUK["reeks"]["alt_gat"], gebied="Oost", jaren="2021").search(alt)


def test_every_area_has_one_colour_in_every_chart(figuren):
    kleuren: dict[str, set[str]] = {}
    for fig, _alt in figuren.values():
        ax = fig.axes[0]
        for line in ax.get_lines():
            if not line.get_label().startswith("_") and line.get_label() != "ambitie":
                kleuren.setdefault(line.get_label(), set()).add(line.get_color())
        for patch, label in zip(ax.patches, [t.get_text() for t in ax.get_yticklabels()], strict=False):
            kleuren.setdefault(label.split(" (")[0], set()).add(
                "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in patch.get_facecolor()[:3])))
    assert {"Oost", "Stad", "Nederland"} <= set(kleuren)
    assert all(len(k) == 1 for k in kleuren.values()), kleuren
    assert len({next(iter(k)) for k in kleuren.values()}) == len(kleuren)  # and no two areas share one


# 5. Dutch words and figures


@pytest.mark.parametrize(("woord", "meervoud"), [
    ("pijler", "pijlers"), ("tafel", "tafels"), ("thema", "thema's"), ("indicatorgroep", "indicatorgroepen"),
    ("domein", "domeinen"), ("opgave", "opgaves"), ("ambitie", "ambities"), ("hoofdstuk", "hoofdstukken"),
    ("taak", "taken"), ("spoor", "sporen"), ("prijs", "prijzen"), ("brief", "brieven"), ("idee", "ideeën"),
    ("programmalijn", "programmalijnen"), ("cluster", "clusters"), ("sector", "sectoren"), ("wijk", "wijken"),
])
def test_dutch_plural(woord, meervoud):
    assert taal.meervoud(woord) == meervoud


def test_the_programme_file_may_give_its_own_plural():
    basis = {"naam": "x", "titel": "X", "gemeente": "Y", "doelgebied": "Z", "pijlers": [], "indicatoren": []}
    assert Programma.model_validate({**basis, "hoofdstukwoord": "opgave"}).hoofdstukken_woord == "opgaves"
    eigen = Programma.model_validate({**basis, "hoofdstukwoord": "opgave", "hoofdstukwoord_meervoud": "opgaven"})
    assert eigen.hoofdstukken_woord == "opgaven"
    assert taal.aantal(1, "gebied") == "1 gebied" and taal.aantal(2, "gebied") == "2 gebieden"


def test_the_words_of_the_report_read_well(gebouwd):
    oost = _tekst(_html(gebouwd, "oost"))
    assert _zin(INLEIDING["inleiding"], titel="Aanvraag wijkaanpak Oost", gemeente="Voorbeeldstad", jaar=2024,
                aantal_hoofdstukken="2 indicatorgroepen", aantal_indicatoren="9 indicatoren").search(oost)
    assert "groeps" not in oost
    assert "Ambitie op 1 juli 2024" in oost and "Doel 2024" not in oost.replace("Doel 2024 of ambitie", "")
    selectie = _tekst(_html(gebouwd, "selectie"))
    assert "2 thema's" in selectie and "10 indicatoren" in selectie


def test_figures_print_with_the_precision_of_their_source(gebouwd):
    oost = _html(gebouwd, "oost")
    nu = HOOFDSTUK["reeks"]["nu"]
    tevreden = _tekst(_sectie(oost, "Tevredenheid met de buurt"))
    assert _zin(nu, gebied="Oost", periode=2024, waarde="74").search(tevreden)
    assert "74,0" not in tevreden and "73,0" not in oost
    assert _zin(nu, gebied="Oost", periode=2023, waarde="52,4%").search(_tekst(_sectie(oost, "Jongeren die sporten")))
    assert _zin(nu, gebied="Oost", periode=2023, waarde="412").search(_tekst(_sectie(oost, "Bereik jongerenwerk")))


def test_scores_and_printed_values_agree(gebouwd):
    """-0,43 printed with one decimal is -0,4: on the bound, so neutral; never '✖ -0,4' beside a neutral '-0,4'."""
    scores = pd.read_csv(gebouwd / "data" / "programmas" / "selectie" / "scores_per_gebied.csv").set_index("gebied")
    eerste = SELECTIE_GEBIEDEN[LEEFBAARHEID.index(-0.43)]
    assert scores.loc[eerste, "leefbaarheid__score"] == "neutraal"
    assert scores.loc[eerste, "leefbaarheid__waarde"] == -0.4
    assert scores.loc[SELECTIE_GEBIEDEN[LEEFBAARHEID.index(-0.62)], "leefbaarheid__score"] == "rood"
    cellen = re.findall(r'class="status status-(\w+)"><span[^>]*>.</span> (-?[\d,]+)</span>',
                        _html(gebouwd, "selectie"))
    per_waarde: dict[str, set[str]] = {}
    for kleur, waarde in cellen:
        per_waarde.setdefault(waarde, set()).add(kleur)
    assert per_waarde["-0,4"] == {"wit"} and per_waarde["-0,6"] == {"rood"}


def test_no_threshold_column_in_a_programme_without_thresholds(gebouwd):
    assert "Gebieden negatief" not in _html(gebouwd, "oost") and "Met drempels" not in _html(gebouwd, "oost")
    assert "Gebieden negatief / neutraal / positief" in _html(gebouwd, "selectie")
    assert "Doel gehaald" not in _html(gebouwd, "selectie")  # no targets in this programme: no status columns


# An indicator declared without any rows in its data: "geen cijfers", never a crash (from issue 17)


def test_indicators_without_rows_show_geen_cijfers(gebouwd):
    oost, selectie = _html(gebouwd, "oost"), _html(gebouwd, "selectie")
    geen = HOOFDSTUK["reeks"]["geen"]
    assert geen in _tekst(_sectie(oost, "Leerlingen met een leerachterstand"))
    assert geen in _tekst(_sectie(oost, "Uitstroom naar werk"))
    assert _zin(INLEIDING["geen_cijfers"], indicatoren="Uitstroom naar werk, Leerlingen met een leerachterstand en "
                "Kinderen in de voorschool").search(_tekst(oost))
    assert HOOFDSTUK["drempels"]["geen"] in _tekst(_sectie(selectie, "Vroegtijdig overleden inwoners"))
    tabel = pd.read_csv(gebouwd / "data" / "programmas" / "oost" / "indicatoren.csv").set_index("indicator_id")
    assert tabel.loc["uitstroom", "status"] == "grijs" and not tabel.loc["uitstroom", "heeft_cijfers"]


def test_the_examples_in_the_documentation_are_valid():
    """Every YAML example of docs/programma.md validates: a whole programme, or a list of indicators."""
    import yaml
    from helpers import ROOT
    from wijkrapport.sources.registry import Indicator, Regime

    blokken = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "programma.md").read_text(encoding="utf-8"), re.S)
    soorten = []
    for blok in blokken:
        inhoud = yaml.safe_load(blok)
        if isinstance(inhoud, dict) and "pijlers" in inhoud:
            Programma.model_validate(inhoud)
            soorten.append("programma")
        elif isinstance(inhoud, list) or "indicatoren" in inhoud:
            for ind in inhoud if isinstance(inhoud, list) else inhoud["indicatoren"]:
                Indicator.model_validate(ind)
            for regime in ({} if isinstance(inhoud, list) else inhoud.get("regimes", {})).values():
                Regime.model_validate(regime)
            soorten.append("indicatoren")
    assert soorten.count("programma") == 1 and soorten.count("indicatoren") == 4  # traject, ambitie, drempels, concepten


def test_precision_inferred_from_the_text_of_the_source():
    tekst = pd.Series(["73", "6.0", " 5.85 ", "", "-0.43", "1.5e3", "0.30000000000000004"])
    assert src.decimalen_in_tekst(tekst).tolist()[:3] == [0, 1, 2]
    assert pd.isna(src.decimalen_in_tekst(tekst)[3]) and src.decimalen_in_tekst(tekst)[4] == 2
    data = pd.DataFrame({"indicator": ["x", "x", "y"], "waarde": [73.0, 0.30000000000000004, float("nan")],
                         "decimalen": src.decimalen_in_tekst(pd.Series(["73", "0.30000000000000004", ""]))})
    basis = {"label": "X", "pijler": "p", "polariteit": "hoger"}
    from wijkrapport.sources.registry import Indicator

    assert pr.decimalen(Indicator(id="x", eenheid="index", **basis), data) == 3  # float noise is no precision
    assert pr.decimalen(Indicator(id="x", eenheid="index", decimalen=0, **basis), data) == 0
    assert pr.decimalen(Indicator(id="y", eenheid="eur", **basis), data) == 0  # no figure: the unit's precision
