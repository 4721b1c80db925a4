"""The period forms and the rule that maps a period to its report year (worked examples from the VGR 2024)."""

import doctest
from datetime import date

import pytest
from wijkrapport.domain import metingen
from wijkrapport.errors import PeriodeFout
from wijkrapport.sources import perioden
from wijkrapport.sources.perioden import geldt_voor, parse, rapportjaar


@pytest.mark.parametrize("module", [perioden, metingen])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# Every "nu" period of the three effect tables of the 2024 report, as the rule must read it.
NU_IN_2024 = {
    "2024": 2024,  # bevolking, jongeren zonder startkwalificatie, extra spelen en leren
    "2023": 2023,  # kinderen in armoede (2023 voorlopig), tevredenheid woonsituatie
    "2022": 2022,  # besteedbaar inkomen, werkzame jongeren
    "2023/24": 2024,  # fundamenteel niveau, nieuwe vsv (schooljaar 2023/24 voorlopig)
    "2022/23": 2023,  # uitstroom mbo met diploma (2022/23 voorlopig)
    "2024-01-01": 2023,  # problematische schulden, kwetsbare meergezinswoningen, WOZ
    "2025-01-01": 2024,  # m2 bedrijfsruimte (1 jauari 2025)
    "2023-10-01": 2023,  # laag opgeleide ouders, jongeren met startkwalificatie
    "2020-2023": 2023,  # schoolgewicht (driejaarsgemiddelde 2020-2023)
}


@pytest.mark.parametrize(("periode", "jaar"), NU_IN_2024.items())
def test_every_current_period_of_the_2024_tables_belongs_to_2024_or_earlier(periode, jaar):
    assert rapportjaar(periode) == jaar
    assert geldt_voor(periode, 2024)


def test_school_year_belongs_to_the_year_it_ends_in():
    # the old rule (first year) would count 2024/25 as a 2024 figure as soon as it is appended
    assert rapportjaar("2024/25") == 2025
    assert not geldt_voor("2024/25", 2024)
    assert parse("2023/24").eerste_dag == date(2023, 8, 1)
    assert parse("1999/00").laatste_dag == date(2000, 7, 31)


def test_a_peildatum_is_the_stand_at_the_end_of_the_day_before():
    assert rapportjaar("2025-01-01") == 2024
    assert rapportjaar("2025-01-02") == 2025
    assert rapportjaar("2024-12-31") == 2024
    assert parse("2024-03-01").laatste_dag == date(2024, 2, 29)


def test_multi_year_figures_belong_to_their_last_year():
    # schoolgewicht: "Er zijn nog geen gegevens van 21 t/m 24 beschikbaar" -> 2021-2024 would be the 2024 figure
    assert rapportjaar("2021-2024") == 2024
    assert rapportjaar("2016-2018") == 2018


def test_order_is_by_last_day_then_first_day():
    periodes = ["2024/25", "2025-01-01", "2024", "2020-2024", "2011", "2023/24"]
    assert sorted(periodes, key=lambda p: parse(p).volgorde) == [
        "2011", "2023/24", "2020-2024", "2024", "2025-01-01", "2024/25"]


def test_surrounding_whitespace_is_ignored_and_the_text_is_canonical():
    assert parse(" 2023/24\t").tekst == "2023/24"


@pytest.mark.parametrize(("tekst", "hint"), [
    ("23/24", "'2023/24'"),
    ("16/18", "'2016-2018'"),  # schoolgewicht: the table prints the driejaarsgemiddelde as 16/18
    ("2016-18", "'2016-2018'"),
    ("2023/2024", "'2023/24'"),
    ("2023/25", "opeenvolgende jaren"),
    ("2012 – 2024", "gewoon streepje"),  # en dash, as the source prints it
    ("2012\u22122024", "gewoon streepje"),  # minus sign
    ("2012 - 2024", "'2012-2024'"),
    ("2023-2023", "'2023'"),
    ("2024-2020", "na het eerste"),
    ("1 januari 2024", "'2024-01-01'"),
    ("1 okt. 2023", "'2023-10-01'"),
    ("01-10-2023", "'2023-10-01'"),
    ("okt. 2023", "JJJJ-MM-DD"),
    ("2024-02-30", "geen bestaande datum"),
    ("2023 voorlopig", "kolom 'status'"),
    ("\uff12\uff10\uff12\uff14", "JJJJ/JJ"),  # full-width digits are not digits here
    ("1850", "tussen 1900 en 2099"),
    ("", "leeg"),
    ("=2024", "niet herkend"),
    ("Q3 2024", "niet herkend"),
])
def test_anything_else_is_refused_with_a_dutch_hint(tekst, hint):
    with pytest.raises(PeriodeFout) as exc:
        parse(tekst)
    assert hint in str(exc.value)


def test_a_number_is_not_a_period():
    with pytest.raises(PeriodeFout, match="geen tekst"):
        parse(2024)
