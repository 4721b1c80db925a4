"""Wijkraden (wijkrapport.domain.wijkraden): grouping wijken by their wijkraad, params/<jaar>/wijkraden.yml, and what an
edition lists: the wijkraad's documents (gevraagd/ongevraagd advies) and the college's toezeggingen."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import yaml
from wijkrapport.domain import wijkraden as wr
from wijkrapport.rapporten.wijkraad import teksten
from wijkrapport.sources import raadzoeker, wijken


def _namen(paren: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(paren, columns=["wijk_slug", "wijkraad_naam"])


# --- grouping -------------------------------------------------------------------------------------------------------

def test_a_merger_gives_one_wijkraad_named_after_all_its_wijken():
    namen = _namen([("x", "Wijkraad X"), ("x", "Wijkraad X-Y-Z"), ("y", "Wijkraad Y"), ("y", "Wijkraad X-Y-Z"),
                    ("z", "Wijkraad X-Y-Z"), ("v", "Wijkraad V")])
    raden = wr.groepeer(namen, ["v", "x", "y", "z", "w"])
    assert [(r.slug, r.naam, r.wijken) for r in raden] == [
        ("wijkraad-v", "Wijkraad V", ("v",)), ("wijkraad-x-y-z", "Wijkraad X-Y-Z", ("x", "y", "z"))]
    assert raden[1].ook_genoemd == (("Wijkraad X", ("x",)), ("Wijkraad Y", ("y",)))
    assert wr.zonder_wijkraad(namen, ["v", "x", "y", "z", "w"]) == ["w"]


def test_name_rules_kind_then_signature_then_alphabet():
    namen = _namen([("p", "Wijkraad P"), ("p", "Dorpsraad P"), ("q", "Wijkcomite Q"), ("q", "Wijkraad Q"),
                    ("r", "Wijkraad A-B"), ("r", "Wijkraad B-A")])
    raden = {r.wijken[0]: r.naam for r in wr.groepeer(namen, ["p", "q", "r"])}
    assert raden == {"p": "Dorpsraad P", "q": "Wijkraad Q", "r": "Wijkraad A-B"}  # rule 4 for r: alphabetical
    # rule 3: the name the wijkraad signs its own documents with ("B - A", punctuation aside)
    raden = {r.wijken[0]: r.naam for r in wr.groepeer(namen, ["p", "q", "r"], {"r": ["C.M. Zeegers", "B - A"]})}
    assert raden["r"] == "Wijkraad B-A"


def test_grouping_refuses_unknown_wijken_and_clashing_slugs():
    with pytest.raises(ValueError, match="niet in de lijst"):
        wr.groepeer(_namen([("x", "Wijkraad X")]), ["y"])
    with pytest.raises(ValueError, match="niet uniek"):
        wr.groepeer(_namen([("x", "Wijkraad A’s"), ("y", "Wijkraad As")]), ["x", "y"])
    with pytest.raises(ValueError, match="gelijk aan een wijk"):
        wr.groepeer(_namen([("x", "Wijkraad Y")]), ["x", "wijkraad-y"])


@pytest.fixture(scope="module")
def echt():
    namen = raadzoeker.load_wijkraad_namen()
    volgorde = list(raadzoeker.load_wijken()["wijk_slug"])
    stukken = raadzoeker.load_wijkraad_stukken()
    auteurs = stukken.groupby("wijk_slug")["auteur"].agg(list).to_dict()
    return namen, volgorde, {r.slug: r for r in wr.groepeer(namen, volgorde, auteurs)}


def test_the_data_give_the_39_wijk_and_dorpsraden(echt):
    namen, volgorde, raden = echt
    assert len(raden) == 39  # "de 39 wijk- en dorpsraden" (brief Meld'R / wijkraden 2025)
    assert wr.zonder_wijkraad(namen, volgorde) == ["cs-kwartier"]
    gedekt = [w for r in raden.values() for w in r.wijken]
    assert sorted(gedekt) == sorted(set(volgorde) - {"cs-kwartier"})  # every other wijk exactly once
    assert not set(raden) & set(volgorde)
    carnisse = raden["wijkraad-carnisse-zuidplein-zuiderpark"]
    assert carnisse.wijken == ("carnisse", "zuiderpark-en-zuidrand", "zuidplein")
    assert carnisse.ook_genoemd == (("Wijkraad Carnisse-Zuiderpark", ("carnisse", "zuiderpark-en-zuidrand")),)
    assert raden["wijkraad-entrepot-noordereiland"].wijken == ("kop-van-zuid-entrepot", "noordereiland")
    assert "dorpsraad-hoek-van-holland" in raden and "dorpsraad-rozenburg" in raden
    assert "wijkraad-blijdorp-bergpolder-liskwartier" in raden  # signs its documents so
    assert raden["wijkraad-het-lage-land-prinsenland-en-s-gravenland"].naam == \
        "Wijkraad Het Lage Land, Prinsenland en ’s Gravenland"
    assert raden["wijkraad-mathenesse"].ook_genoemd[0][0] == "wijkcomité Oud Mathenesse-Witte Dorp"
    assert len(raden["wijkraad-groot-ijsselmonde-en-oud-ijsselmonde"].wijken) == 3


def test_wijkraden_yml_reads_back(echt):
    namen, volgorde, raden = echt
    cw = wijken.load_crosswalk()
    tekst = wr.wijkraden_yml(list(raden.values()), 2024, dict(zip(cw["wijk_slug"], cw["gebied_naam"], strict=True)),
                             dict(zip(cw["wijk_slug"], cw["wijk_naam"], strict=True)),
                             wr.zonder_wijkraad(namen, volgorde), bron="data/wijken/x/wijkraden.csv")
    data = yaml.safe_load(tekst)
    assert data["jaar"] == 2024 and data["notebook"] == "wijkraad.ipynb"
    assert data["wijken_zonder_wijkraad"] == ["cs-kwartier"]
    assert [r["slug"] for r in data["wijkraden"]] == list(raden)
    for r in data["wijkraden"]:
        assert r["naam"] == raden[r["slug"]].naam and tuple(r["wijken"]) == raden[r["slug"]].wijken
        assert [(o["naam"], tuple(o["wijken"])) for o in r.get("ook_genoemd", [])] == list(raden[r["slug"]].ook_genoemd)
    assert "  # Hoek van Holland\n  - slug: dorpsraad-hoek-van-holland" in tekst


def test_any_name_survives_the_yaml():
    lastig = 'Wijkraad A: "B" # c, ’s-D\\E'
    raden = wr.groepeer(_namen([("x", lastig)]), ["x"])
    data = yaml.safe_load(wr.wijkraden_yml(raden, 2030, {"x": "Gebied: X"}, {"x": "X # y"}))
    assert data["wijkraden"][0]["naam"] == lastig and data["wijkraden"][0]["wijken"] == ["x"]


# --- documents ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("titel,verwacht", [
    ("Afschrift brief van Wijkraad Tarwewijk over Ongevraagd advies verdwijnen Wijkhub", ("advies", "ongevraagd")),
    ("Ongevraagd advies Meent", ("advies", "ongevraagd")),
    ("Afschriftbrief wijkraad Oosterflank met gevraagd advies over evaluatie cameratoezicht", ("advies", "gevraagd")),
    ("Afschrift brief wijkraad Kralingseveer, ... over Gevraagd advies ", ("advies", "gevraagd")),
    ("Afschriftbrief Wijkraad Kralingseveer ea over gezamenlijk opgevraagd advies handhaving", ("advies", "")),
    ("Wijkraadadvies Cool – Scheepvaartkwartier - Stadsdriehoek over benodigde maatregelen Meent", ("advies", "")),
    ("Afschrift brief van Wijkraad Oud en Groot IJsselmonde over uitblijvende reactie op ongevraagd advies Stadionlaan",
     ("advies", "ongevraagd")),
    ("VERVALLEN: Afschrift brief wijkraden ... ongevraagd advies over behoud gratis OV", ("vervallen", "")),
    ("Wijkverslag Crooswijk 2025", ("wijkverslag", "")),
    ("Reacties college op de wijkplannen van Ommoord 2023-2026", ("reactie van het college", "")),
    ("Wijkakkoord Mathenesse 2023-2026", ("wijkakkoord of wijkplan", "")),
    ("Afschrift brief wijkraad Afrikaanderwijk over Wijkhubs langer open", ("brief of ander stuk", "")),
])
def test_soort_of_a_document_from_its_title(titel, verwacht):
    assert wr.soort_stuk(titel) == verwacht


#: templates that name their case and fields, so the tests show which case was chosen and what it was given
AFKAPPING = {"tot": "[tot {Lijst} {tot}]", "alle": "[alle {cap} {lijst}]", "kan_ontbreken": "[ontbreekt voor {vanaf}]",
             "onvolledig": "[onvolledig {vanaf} {jaar}]", "later": "[later {later} na {tot}]",
             "vervallen": "[vervallen {vervallen} {is_zijn}]"}


def afkapping(lijst, woorden=("stuk", "stukken")) -> str:
    return teksten.afkapping(lijst, AFKAPPING, woorden)


def _stukken() -> pd.DataFrame:
    """Wijk a lists 3 items (the cap in these tests), wijk b 2; one document is in both lists."""
    rijen = [("a", 1, "2025-03-01", "Ongevraagd advies X", "https://r/1"),
             ("a", 2, "2024-11-01", "Wijkverslag 2023", "https://r/2"),
             ("a", 3, "2024-05-01", "VERVALLEN: brief", "https://r/3"),
             ("b", 1, "2025-03-01", "Ongevraagd advies X", "https://r/1"),
             ("b", 2, "2024-06-01", "Brief met gevraagd advies Y", "https://r/4"),
             ("c", 1, "2024-07-01", "Brief over iets anders", "https://r/5")]
    df = pd.DataFrame(rijen, columns=["wijk_slug", "volgorde", "datum", "titel", "link"])
    return df.assign(datum=pd.to_datetime(df["datum"]), auteur="", status="", nummer="")


def test_documents_up_to_the_report_year_newest_first_each_once():
    lijst = wr.stukken_van(_stukken(), ["a", "b"], 2024, cap=3)
    assert list(lijst.rijen["link"]) == ["https://r/2", "https://r/4"]  # c is another wijkraad's
    assert list(lijst.rijen["advies"]) == ["", "gevraagd"] and list(lijst.rijen["soort"]) == ["wijkverslag", "advies"]
    assert lijst.later == 1 and lijst.vervallen == 1  # the advice of 2025 once, though both wijken list it
    assert lijst.compleet_vanaf == date(2024, 5, 1)  # a's list is full: older items of a may be missing
    assert afkapping(lijst) == ("[tot Stukken 31 december 2024] [ontbreekt voor 1 mei 2024] "
                                "[later 1 stuk na 31 december 2024] [vervallen 1 stuk is]")
    volgend = wr.stukken_van(_stukken(), ["a", "b"], 2025, cap=3)
    assert volgend.rijen.iloc[0]["link"] == "https://r/1" and volgend.rijen.iloc[0]["wijken"] == "a;b"
    assert volgend.later == 0


def test_cut_off_sentence_when_the_list_is_complete_or_starts_after_the_year():
    geen_cap = wr.stukken_van(_stukken(), ["b"], 2025, cap=3)
    assert geen_cap.compleet_vanaf is None
    assert afkapping(geen_cap) == "[tot Stukken 31 december 2025] [alle 3 stukken]"
    vroeg = wr.stukken_van(_stukken(), ["a", "b"], 2023, cap=3)
    assert vroeg.rijen.empty
    assert afkapping(vroeg) == "[tot Stukken 31 december 2023] [onvolledig 1 mei 2024 2023] [later 3 stukken na 31 december 2023]"


def _toezeggingen() -> pd.DataFrame:
    rijen = [("a", 1, "2024-07-11", "Naamgeving", "afgedaan", "2025-01-15", None),
             ("a", 2, "2024-07-03", "Alternatief plan", "afgedaan", "2024-08-28", None),
             ("a", 3, "2023-10-12", "Verlichting", "nog niet afgedaan", None, "2026-10-07"),
             ("a", 4, "2025-11-05", "Buurtbus", "afgedaan", "2026-04-22", None)]
    df = pd.DataFrame(rijen, columns=["wijk_slug", "volgorde", "datum", "titel", "stand", "afgedaan_op", "verwacht_op"])
    return df.assign(datum=pd.to_datetime(df["datum"]), afgedaan_op=pd.to_datetime(df["afgedaan_op"]),
                     verwacht_op=pd.to_datetime(df["verwacht_op"]), link=[f"https://t/{i}" for i in range(4)],
                     portefeuillehouder="C.M. Zeegers", status="", nummer="")


def test_toezeggingen_with_their_state_at_the_end_of_the_year():
    lijst = wr.toezeggingen_van(_toezeggingen(), ["a"], 2024, cap=6)
    assert list(lijst.rijen["titel"]) == ["Naamgeving", "Alternatief plan", "Verlichting"]
    assert list(lijst.rijen["stand_eind_jaar"]) == ["later afgedaan", "afgedaan", "nog niet afgedaan"]
    assert list(lijst.rijen["stand_tekst"]) == [
        "op 31 december 2024 nog niet afgedaan; afgedaan op 15 januari 2025",
        "afgedaan op 28 augustus 2024",
        "nog niet afgedaan; verwacht op 7 oktober 2026"]
    assert lijst.later == 1 and lijst.compleet_vanaf is None
    assert afkapping(lijst, ("toezegging", "toezeggingen")).endswith("[later 1 toezegging na 31 december 2024]")


def test_real_edition_lists(echt):
    _, _, raden = echt
    bron = raadzoeker.load_bron()
    r = raden["wijkraad-carnisse-zuidplein-zuiderpark"]
    toez = wr.toezeggingen_van(raadzoeker.load_toezeggingen(), r.wijken, 2024, bron.max_toezeggingen_per_wijk)
    # Carnisse lists 6 toezeggingen (the cap), the oldest of 31 January 2024
    assert toez.compleet_vanaf == date(2024, 1, 31)
    eerste = toez.rijen[toez.rijen["titel"] == "Herziene bestemmingsplan Carnisse Eiland – Naamgeving"].iloc[0]
    assert eerste["stand_tekst"] == "op 31 december 2024 nog niet afgedaan; afgedaan op 15 januari 2025"
    assert toez.rijen["link"].is_unique
    stukken = wr.stukken_van(raadzoeker.load_wijkraad_stukken(), r.wijken, 2025, bron.max_stukken_per_wijk)
    flex = stukken.rijen[stukken.rijen["titel"].str.contains("Flexwonen")].iloc[0]
    assert flex["advies"] == "gevraagd" and flex["datum"] == pd.Timestamp("2025-12-16")
    assert stukken.rijen["datum"].is_monotonic_decreasing


def test_date_in_words():
    assert wr.datum_tekst(date(2024, 10, 9)) == "9 oktober 2024"
    assert wr.datum_tekst(pd.Timestamp("2026-03-01")) == "1 maart 2026"
