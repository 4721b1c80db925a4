"""The wijkdocument's generated sentences: the word choices per case (helpers in ``domain/wijkteksten``) and the
views that place them in the notebook's templates. Checked for the case and the figures, not for the wording."""

import pandas as pd
import pytest
from wijkdocument_notebook import aanroepen, context_aanroepen, teksten
from wijkrapport.domain import wijkteksten as wt
from wijkrapport.errors import SjabloonFout
from wijkrapport.rapporten.wijkdocument import views
from wijkrapport.taal import vul

WP = pd.DataFrame({"editie": [2022, 2024], "Fysieke index": [117, 116], "Veiligheidsindex": [135, 123],
                   "Sociale index": [90, 99]})
LEEG_CRIM = pd.DataFrame(columns=["jaar", "misdrijven_per_1000", "rotterdam_misdrijven_per_1000"])


def _context(**figures) -> views.Wijkcontext:
    """A context for Hoogvliet-zuid with constructed figures in place of the looked-up ones."""
    wd = views.Wijkcontext(jaar=2024, wijk="hoogvliet-zuid")
    wd.__dict__.update(figures)  # cached_property values: what the views read
    return wd


@pytest.fixture
def getoond(monkeypatch):
    uit = []
    for naam in ("toon_html", "toon_tekst", "toon_lijst"):
        monkeypatch.setattr(views, naam, lambda x, *a, **k: uit.append(x))
    return uit


def test_word_choices_per_case():
    assert [wt.meer_minder(v) for v in (270, -5, 0)] == ["meer", "minder", "evenveel"]
    assert [wt.richting(v, 3) for v in (3, -3, 2)] == ["hoger", "lager", "gelijk"]
    assert [wt.signaal(-4, 3, hoger_is_beter=False), wt.signaal(4, 3), wt.signaal(1, 3)] == ["goed", "goed", ""]
    assert [wt.niveau(v) for v in (88, 112, 100)] == ["laag", "hoog", ""]
    assert [wt.minder_meer(-52), wt.minder_meer(31)] == ["minder", "meer"]
    assert wt.met_teken(-12.0) == "-12" and wt.met_teken(3.0) == "+3"


def test_index_sentence_gets_better_worse_or_equal_per_index(getoond):
    wd = _context(kern=pd.DataFrame(columns=["variabele", "jaar", "wijk", "gebied"]), wijkprofiel=WP,
                  criminaliteit=LEEG_CRIM)
    views.toon_samenvatting(wd, inwoners="", groei="", evenveel="", index="{onderwerp}|{oordeel}|{nu}|{vorig}",
                            onderwerpen={"Fysieke index": "F", "Veiligheidsindex": "V", "Sociale index": "S"},
                            oordelen={"hoger": "beter", "lager": "slechter", "gelijk": "even goed"},
                            index_uitleg="100={basisjaar}", huur={}, misdrijven="", misdrijven_stad="")
    assert getoond[0].count("<p>") == 4
    for zin in ("F|even goed|116|117", "V|slechter|123|135", "S|beter|99|90", f"100={wt.basisjaar()}"):
        assert f"<p>{zin}</p>" in getoond[0]


def test_summary_with_the_notebooks_templates_says_more_inhabitants_when_they_rose(getoond):
    """Hoogvliet-zuid: 23.450 inhabitants on 1 January 2024, 270 more than in 2023 (CBS)."""
    views.toon_samenvatting(views.Wijkcontext(jaar=2024, wijk="hoogvliet-zuid"), **teksten("toon_samenvatting"))
    box = getoond[0]
    assert "23.450" in box and "270" in box and "2023" in box
    assert " meer " in box and " minder " not in box


def test_a_case_the_notebook_does_not_word_is_a_clear_error(getoond):
    wd = _context(kern=pd.DataFrame(columns=["variabele", "jaar", "wijk", "gebied"]), wijkprofiel=WP,
                  criminaliteit=LEEG_CRIM)
    kw = dict(teksten("toon_samenvatting"), oordelen={"hoger": "beter dan", "lager": "slechter dan"})
    with pytest.raises(SjabloonFout, match="gelijk"):
        views.toon_samenvatting(wd, **kw)


def test_signals_sort_changes_into_good_and_attention():
    wd = _context(kern=pd.DataFrame({"variabele": ["pct_laagste_40_huishoudens"], "jaar": [2023], "wijk": [52.0],
                                     "gebied": [45.0]}),
                  wijkprofiel=WP, criminaliteit=pd.DataFrame({"jaar": [2023, 2024], "misdrijven_per_1000": [50, 46]}))
    goed, aandacht = views.signalen(wd, index_verandering="{index} {verschil}", index_niveau={"laag": "laag {index}",
                                    "hoog": "hoog {index}"}, misdrijven="misdrijven {vorig}>{nu}",
                                    laag_inkomen="inkomen {waarde_wijk}/{waarde_gebied}")
    assert goed == ["Sociale index +9", "hoog Fysieke index", "hoog Veiligheidsindex", "misdrijven 50>46"]
    assert aandacht == ["Veiligheidsindex -12", "inkomen 52%/45%"]


@pytest.mark.parametrize("wijk", ["hoogvliet-zuid", "carnisse", "heijplaat"])
def test_every_view_runs_with_the_notebooks_templates(monkeypatch, wijk):
    """A typo in a notebook field stops the run (``taal.vul``); here it is caught without a kernel: every view runs
    with the notebook's own templates, for wijken with different data gaps (action plan and no verhuizingen;
    verhuizingen; few inhabitants), and no field is left unfilled."""
    from wijkrapport.rapporten.wijkdocument import meldingen_views
    from wijkrapport.rendering import context, maps

    uit = []
    for mod in (views, meldingen_views):
        for naam in ("toon_html", "toon_tekst", "toon_lijst"):
            monkeypatch.setattr(mod, naam, lambda x, *a, **k: uit.append(str(x)), raising=False)
        monkeypatch.setattr(mod, "toon_figuur", lambda fig, alt, titel, bron="", **k: uit.extend([alt, titel, bron]))
        monkeypatch.setattr(mod, "line_chart", lambda *a, **k: None)
    monkeypatch.setattr(context, "toon_tabel", lambda df, kol, caption, **k: uit.extend([caption, k.get("voetnoot", ""),
                                                                                          k.get("bron", "")]))
    monkeypatch.setattr(context, "schrijf_csv", lambda *a, **k: None)
    monkeypatch.setattr(maps, "wijk_kaart", lambda codes, gebied: (None, ["Buurwijk"]))
    wd = views.Wijkcontext(jaar=2024, wijk=wijk)
    monkeypatch.setattr(views, "toon_markdown", lambda sjabloon, **w: uit.append(vul(sjabloon, **w)))
    for naam, calls in context_aanroepen().items():  # wd.markdown(...): text with the city's name filled in
        for args, kw in calls:
            getattr(wd, naam)(*args, **kw)
    for naam, calls in aanroepen().items():
        module = meldingen_views if naam == "toon_meldingen" else views
        for kw in calls:
            if naam == "toon_signalen":
                module.toon_signalen([], **kw)
            elif naam == "signalen":
                goed, aandacht = module.signalen(wd, **kw)
                uit.extend(goed + aandacht)
            else:
                getattr(module, naam)(wd, **kw)
    tekst = "\n".join(uit)
    assert "{" not in tekst and "}" not in tekst
    assert wd.naam in tekst and "nan" not in tekst.split()
    if wijk == "hoogvliet-zuid":
        assert "34" in tekst and "3.3.1" in tekst  # the action plan with its disputed action
