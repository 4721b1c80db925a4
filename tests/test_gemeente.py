"""The city of the wijk reports is data (``gemeente`` and ``verhuisbewegingen`` in ``data/wijken/bestanden.yml``): a
changed name reaches every printed label while the CSV columns keep their names, and a missing, blank or wrong key
is an error naming the file and the key. In-process, on a copy of the config beside links to the real data files."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from helpers import ROOT
from wijkrapport.errors import DataValidationError
from wijkrapport.sources import gemeente

ECHT = ROOT / "data" / "wijken"
BESTANDEN = "data/wijken/bestanden.yml"


def _config() -> dict:
    return yaml.safe_load((ECHT / "bestanden.yml").read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose data/wijken/ links to the real files, except bestanden.yml: a copy the test rewrites
    (``schrijf(config)``)."""
    wijken = tmp_path / "data" / "wijken"
    wijken.mkdir(parents=True)
    for p in ECHT.iterdir():
        if p.name != "bestanden.yml":
            (wijken / p.name).symlink_to(p)
    monkeypatch.setenv("WIJKRAPPORT_ROOT", str(tmp_path))

    def schrijf(config: dict | str) -> None:
        tekst = config if isinstance(config, str) else yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        (wijken / "bestanden.yml").write_text(tekst, encoding="utf-8")

    schrijf(_config())
    return schrijf


def _andere_stad(schrijf) -> None:
    config = _config()
    config["gemeente"].update(naam="Maasstad", bijvoeglijk="Maasstedelijke")
    config["verhuisbewegingen"]["label"] = "Heel Maasoever"
    config["bronvermelding"] = ["Gemeente Maasstad, Wijkprofiel."]
    schrijf(config)


@pytest.fixture
def tabellen(monkeypatch):
    """What the views hand to the table and chart helpers: (caption, column headings, CSV data) per table, and
    the series of each line chart."""
    from wijkrapport.rapporten.wijkdocument import views as wd_views
    from wijkrapport.rapporten.wijkraad import views as wr_views
    from wijkrapport.rendering import context

    uit = {"tabellen": [], "series": [], "tekst": []}

    def toon_tabel(df, kolommen, caption, data=None, **kwargs):
        uit["tabellen"].append((caption, [k.kop for k in kolommen], data if data is not None else df,
                                kwargs.get("voetnoot", "")))

    monkeypatch.setattr(context, "toon_tabel", toon_tabel)
    for mod in (wd_views, wr_views):
        for naam in ("toon_html", "toon_tekst", "toon_lijst"):
            monkeypatch.setattr(mod, naam, lambda x, *a, **k: uit["tekst"].append(str(x)))
    monkeypatch.setattr(wd_views, "toon_figuur", lambda fig, alt, titel, bron="", **k: uit["tekst"].append(alt))
    monkeypatch.setattr(wd_views, "line_chart", lambda frame, x, series, *a, **k: uit["series"].append(series))
    return uit


STADMETHODE = {"stad": "{gemeente}: alle {aantal} wijken.", "gedeeld": "{wijken} samen.", "weging": "", "benaderd": "",
               "buiten": "", "cbs_eigen": ""}


def test_a_changed_city_name_reaches_the_printed_labels_and_the_csv_columns_stay(project, tabellen):
    from wijkrapport.rapporten.wijkdocument import views as wd_views
    from wijkrapport.rapporten.wijkraad import views as wr_views

    _andere_stad(project)
    wd = wd_views.Wijkcontext(jaar=2024, wijk="carnisse")
    assert wd.vul("{gemeente}, het {gemeente_bijvoeglijk} gemiddelde") == "Maasstad, het Maasstedelijke gemiddelde"
    wd_views.toon_kerncijfers(wd, caption="Kerncijfers {wijk} en {gemeente}", bron="", voetnoot="{methode}",
                              stadmethode=STADMETHODE, dekking="")
    wd_views.toon_veiligheid(wd, geen="", titel="", grafiek_bron="", alt="", alt_stad="{gemeente}: {stadscijfer}",
                             alt_onbekend="", alt_leeg="", caption="", voetnoot="", geen_inwoners="",
                             stadmethode=STADMETHODE)
    wd_views.toon_politie_categorieen(wd, geen="", veel_vaker={"wel": "", "geen": ""}, caption="", voetnoot="",
                                      stadmethode=STADMETHODE)
    wr = wr_views.Wijkraadcontext(jaar=2024, wijkraad="r", naam="Raad", wijken="carnisse;tarwewijk")
    wr_views.toon_kerncijfers(wr, caption="", bron="", voetnoot="{stad}", stadmethode=STADMETHODE, benaderd="",
                              cbs_buurt="", dekking="")
    (caption, koppen, data, voetnoot), veiligheid, per_soort, (_, raad_koppen, raad_data, raad_noot) = tabellen["tabellen"]
    assert caption == "Kerncijfers Carnisse en Maasstad" and koppen[-1] == "Maasstad"
    assert voetnoot.startswith("Maasstad: alle 71 wijken.") and raad_noot.startswith("Maasstad: alle 71 wijken.")
    assert veiligheid[1][-1] == "Maasstad: misdrijven per 1.000"
    assert per_soort[1][-1].startswith("Maasstad per 1.000, ")
    assert raad_koppen[-1] == "Maasstad"
    assert tabellen["series"] == [["Carnisse", "Maasstad"]]  # the chart's legend
    assert any(t.startswith("Maasstad: ") for t in tabellen["tekst"])  # the chart's text alternative
    assert "Rotterdam" not in "\n".join([caption, *koppen, *veiligheid[1], *per_soort[1], *raad_koppen])
    # the downloads keep their columns (a published format): the city's figures stay under their names
    assert "rotterdam" in data.columns and "rotterdam" in raad_data.columns
    assert "rotterdam_misdrijven_per_1000" in veiligheid[2].columns


def test_the_verhuis_total_and_the_landing_credits_come_from_the_config(project):
    from wijkrapport.domain import wijkdata
    from wijkrapport.rendering import landing

    _andere_stad(project)
    tabel = pd.DataFrame({"gebied_soort": ["totaal", "gebied"], "gebied": ["Zuid", "Charlois"]})
    assert wijkdata.check_verhuistotaal(tabel, ROOT / "verhuis.csv").label == "Heel Maasoever"
    assert landing.bronnen("2024")[-1:] == ["Gemeente Maasstad, Wijkprofiel."]


def _fout(project, wijzig) -> list[tuple[str, str, str]]:
    config = _config()
    wijzig(config)
    project(config)
    with pytest.raises(DataValidationError) as exc:
        gemeente.gegevens()
    return [(p.file, p.field, p.message) for p in exc.value.problems]


@pytest.mark.parametrize(("wijzig", "veld", "bericht"), [
    (lambda c: c.pop("gemeente"), "gemeente", "ontbreekt"),
    (lambda c: c["gemeente"].pop("naam"), "gemeente.naam", "ontbreekt"),
    (lambda c: c["gemeente"].update(naam="   "), "gemeente.naam", "leeg"),
    (lambda c: c["gemeente"].update(naam=""), "gemeente.naam", "leeg"),
    (lambda c: c["gemeente"].update(naam=" Rotterdam"), "gemeente.naam", "spaties"),
    (lambda c: c["gemeente"].update(naam="Rotter\u200bdam"), "gemeente.naam", "onzichtbaar teken U+200B"),
    (lambda c: c["gemeente"].update(naam="R\u043etterdam"), "gemeente.naam", "schriften"),  # a Cyrillic o
    (lambda c: c["gemeente"].update(naam="=HYPERLINK(1)"), "gemeente.naam", "formule"),
    (lambda c: c["gemeente"].update(naam=599), "gemeente.naam", "string"),
    (lambda c: c["gemeente"].update(bijvoeglijk=None), "gemeente.bijvoeglijk", "string"),
    (lambda c: c["gemeente"].update(code="gm0599"), "gemeente.code", "pattern"),
    (lambda c: c["gemeente"].update(code="GM0599 "), "gemeente.code", "pattern"),
    (lambda c: c["gemeente"].update(stad="Rotterdam"), "gemeente.stad", "Extra inputs"),
    (lambda c: c["verhuisbewegingen"].update(label="\t"), "verhuisbewegingen.label", "leeg"),
    (lambda c: c.update(bronvermelding=[]), "bronvermelding", "at least 1"),
])
def test_a_missing_blank_or_odd_key_is_an_error_naming_file_and_key(project, wijzig, veld, bericht):
    ((file, field, message),) = _fout(project, wijzig)
    assert (file, field) == (BESTANDEN, veld) and bericht in message, message


def test_a_config_that_is_no_mapping_names_the_file(project):
    project("- gemeente\n")
    with pytest.raises(DataValidationError) as exc:
        gemeente.gegevens()
    assert exc.value.problems[0].file == BESTANDEN


def test_the_code_must_be_the_wijken_municipality_and_in_every_kwb_export(project):
    """GM0518 ('s-Gravenhage) is a valid code, but not of these wijken: its figures would fill the city column."""
    from wijkrapport.domain import wijkdata

    config = _config()
    config["gemeente"]["code"] = "GM0518"
    project(config)
    with pytest.raises(DataValidationError) as exc:
        wijkdata.validate_all()
    problemen = exc.value.problems
    assert {(p.file, p.field, p.value) for p in problemen} == {(BESTANDEN, "gemeente.code", "GM0518")}
    assert "liggen niet in deze gemeente" in problemen[0].message
    assert len(problemen) == 1 + len(wijkdata.src.kwb_jaren())  # and no municipality row in any KWB export


def test_a_verhuis_total_the_table_lacks_is_an_error_not_a_row_left_out(project):
    from wijkrapport.domain import wijkdata

    config = _config()
    config["verhuisbewegingen"]["totaal"] = "Noord"
    project(config)
    tabel = pd.DataFrame({"gebied_soort": ["totaal", "totaal", "wijk"], "gebied": ["Zuid", "Focuswijken", "Noord"]})
    with pytest.raises(DataValidationError) as exc:
        wijkdata.check_verhuistotaal(tabel, ROOT / "verhuis.csv")
    ((p,),) = [exc.value.problems]
    assert (p.file, p.field, p.value) == (BESTANDEN, "verhuisbewegingen.totaal", "Noord")
    assert "Focuswijken, Zuid" in p.message
    del config["verhuisbewegingen"]
    project(config)
    with pytest.raises(DataValidationError, match="verhuisbewegingen"):
        wijkdata.check_verhuistotaal(tabel, ROOT / "verhuis.csv")
