"""Programmes written in the tests, as an analyst writes them from docs/programma.md.

* ``proef``: one indicator per progress regime (tests/test_programma.py).

* ``oost``: a municipal neighbourhood programme with a nulmeting and ambitions after 1, 4 and 15 years per
  indicatorgroep (one ambition measured only at its nulmeting, one horizon still to be set), monitoring
  indicators with a reference, a single period, whole numbers, a missing year, and indicators without rows.
* ``selectie``: a national selection that scores 12 postcode areas against a negative and a positive bound on
  10 indicators (one without any rows; one printed with fewer decimals than its source gives).

``programma_project`` writes them into a copy of the project; conftest's ``programmas_gebouwd`` builds all three
once through the CLI for the tests that read the rendered reports.
"""

import shutil
from pathlib import Path

from helpers import make_project

PROEF_YML = """naam: proef
titel: Proefprogramma Oost
gemeente: Voorbeeldstad
hoofdstukwoord: tafel
doelgebied: Oost
gebiedsoort: buurt
vergelijkingsgebieden: [Stad]
data: programmas/proef/waarden.csv
peildatum: 2024-07-01
aandachtsgebied_vanaf: 2
pijlers:
  - {id: onderwijs, label: Onderwijs}
  - {id: leefbaarheid, label: Leefbaarheid}
regimes:
  lineair:
    omschrijving: "Van 0% in 2020 naar 100% in 2030"
    aandeel: {2020: 0.0, 2024: 40.0, 2030: 100.0}
indicatoren:
  - id: startkwalificatie
    label: Jongeren met een startkwalificatie
    pijler: onderwijs
    eenheid: pct
    polariteit: hoger
    referentie: Stad
    startjaar: 2020
    regime: lineair
    bron: Proefbron onderwijs
  - id: voortijdig_schoolverlaters
    label: Voortijdig schoolverlaters
    pijler: onderwijs
    eenheid: pct
    polariteit: lager
    ambitie:
      nulmeting: {datum: 2022-07-01, waarde: 6.0}
      horizonten:
        - {naam: na 1 jaar, datum: 2023-07-01, waarde: 5.5}
        - {naam: na 4 jaar, datum: 2026-07-01, waarde: 4.0}
        - {naam: na 15 jaar, datum: 2037-07-01, richting: daling}
    bron: Proefbron onderwijs
  - id: overlast
    label: Ervaren overlast
    pijler: leefbaarheid
    eenheid: pct
    polariteit: lager
    drempels: {negatief: 30, positief: 20}
    bron: Proefbron leefbaarheid
  - id: groen_per_woning
    label: Groen per woning
    pijler: leefbaarheid
    eenheid: m2
    polariteit: hoger
    drempels: {referentie: Stad, marge_pct: 10}
    bron: Proefbron leefbaarheid
  - id: inwoners
    label: Inwoners
    pijler: leefbaarheid
    soort: demografie
    eenheid: aantal
    bron: Proefbron bevolking
"""

PROEF_CSV = """indicator,gebied,periode,waarde
startkwalificatie,Oost,2020,60.0
startkwalificatie,Oost,2024,66.0
startkwalificatie,Stad,2020,75.0
startkwalificatie,Stad,2024,80.0
voortijdig_schoolverlaters,Oost,2023,5.8
voortijdig_schoolverlaters,Oost,2024,4.9
overlast,Buurt A,2024,35.0
overlast,Buurt B,2024,25.0
overlast,Buurt C,2024,15.0
groen_per_woning,Stad,2024,40.0
groen_per_woning,Buurt A,2024,30.0
groen_per_woning,Buurt B,2024,42.0
groen_per_woning,Buurt C,2024,50.0
inwoners,Oost,2024,12345
"""



OOST_YML = """naam: oost
titel: Aanvraag wijkaanpak Oost
gemeente: Voorbeeldstad
hoofdstukwoord: indicatorgroep
doelgebied: Oost
gebiedsoort: wijk
vergelijkingsgebieden: [Stad, Nederland]
data: programmas/oost/waarden.csv
peildatum: 2024-07-01
pijlers:
  - {id: werk, label: Werk en inkomen}
  - {id: jeugd, label: Jeugd}
regimes:
  lineair: {omschrijving: "Van 0% in 2020 naar 100% in 2030", aandeel: {2020: 0.0, 2024: 40.0, 2030: 100.0}}
indicatoren:
  - {id: werkloosheid, label: Werkloosheid, pijler: werk, eenheid: pct, polariteit: lager, referentie: Nederland,
     bron: Proefbron werk}
  - id: armoede
    label: Huishoudens in armoede
    pijler: werk
    eenheid: pct
    polariteit: lager
    ambitie:
      nulmeting: {datum: 2022-07-01, waarde: 21.0}
      horizonten:
        - {naam: na 1 jaar, datum: 2023-07-01, waarde: 20.0}
        - {naam: na 4 jaar, datum: 2026-07-01, waarde: 17.0}
        - {naam: na 15 jaar, datum: 2037-07-01}
    bron: Proefbron werk
  - {id: uitstroom, label: Uitstroom naar werk, pijler: werk, eenheid: pct, polariteit: hoger, referentie: Stad,
     startjaar: 2020, regime: lineair, bron: Proefbron werk}
  - id: schoolverlaters
    label: Voortijdig schoolverlaters
    pijler: jeugd
    eenheid: pct
    polariteit: lager
    ambitie:
      nulmeting: {datum: 2022-07-01, waarde: 6.0}
      horizonten:
        - {naam: na 1 jaar, datum: 2023-07-01, waarde: 5.5}
        - {naam: na 4 jaar, datum: 2026-07-01, waarde: 4.0}
        - {naam: na 15 jaar, datum: 2037-07-01, richting: daling}
    bron: Proefbron jeugd
  - {id: jongerenwerk, label: Bereik jongerenwerk, pijler: jeugd, eenheid: aantal, polariteit: hoger, bron: Proefbron jeugd}
  - {id: tevredenheid, label: Tevredenheid met de buurt, pijler: jeugd, eenheid: index, polariteit: hoger,
     bron: Proefbron jeugd}
  - {id: sportdeelname, label: Jongeren die sporten, pijler: jeugd, eenheid: pct, polariteit: hoger, bron: Proefbron jeugd}
  - {id: leerachterstand, label: Leerlingen met een leerachterstand, pijler: jeugd, eenheid: pct, polariteit: lager,
     referentie: Stad, bron: Proefbron jeugd}
  - id: kinderopvang
    label: Kinderen in de voorschool
    pijler: jeugd
    eenheid: pct
    polariteit: hoger
    ambitie:
      nulmeting: {datum: 2023-01-01, waarde: 40.0}
      horizonten: [{naam: na 4 jaar, datum: 2027-01-01, waarde: 50.0}]
    bron: Proefbron jeugd
"""

OOST_CSV = """indicator,gebied,periode,waarde
werkloosheid,Oost,2024,13
werkloosheid,Nederland,2023,3.0
armoede,Oost,2022,21.0
schoolverlaters,Oost,2022,6.0
schoolverlaters,Oost,2023,5.8
schoolverlaters,Oost,2024,4.9
schoolverlaters,Stad,2023,4.1
schoolverlaters,Stad,2024,4.0
jongerenwerk,Oost,2023,412
jongerenwerk,Stad,2023,2210
tevredenheid,Oost,2020,73
tevredenheid,Oost,2022,75
tevredenheid,Oost,2024,74
tevredenheid,Stad,2020,80
tevredenheid,Stad,2022,81
tevredenheid,Stad,2024,80
sportdeelname,Oost,2019,48.5
sportdeelname,Oost,2020,50.1
sportdeelname,Oost,2022,51.0
sportdeelname,Oost,2023,52.4
sportdeelname,Stad,2019,55.0
sportdeelname,Stad,2020,56.2
sportdeelname,Stad,2022,57.0
sportdeelname,Stad,2023,57.9
"""

#: (id, label, unit, polarity, negative bound, positive bound); the first is printed with one decimal (its
#: source gives two), the last has no rows in the data.
SELECTIE_INDICATOREN = [
    ("leefbaarheid", "Afwijking leefbaarheid ten opzichte van Nederland (Leefbaarometer)", "index", "hoger", -0.4, 0.4),
    ("werkloosheid", "Geregistreerde werkloosheid onder de beroepsbevolking", "pct", "lager", 8.0, 4.0),
    ("bijstand", "Huishoudens met een bijstandsuitkering", "pct", "lager", 10.0, 5.0),
    ("laag_inkomen", "Huishoudens met een laag inkomen", "pct", "lager", 15.0, 8.0),
    ("startkwalificatie", "Jongeren zonder startkwalificatie", "pct", "lager", 12.0, 6.0),
    ("taalachterstand", "Kinderen met een taalachterstand bij de start van groep 3", "pct", "lager", 20.0, 10.0),
    ("woonoverlast", "Bewoners die woonoverlast ervaren", "pct", "lager", 25.0, 15.0),
    ("criminaliteit", "Geregistreerde misdrijven per 1.000 inwoners", "per1000", "lager", 60.0, 40.0),
    ("onveiligheid", "Bewoners die zich vaak onveilig voelen in de buurt", "pct", "lager", 30.0, 20.0),
    ("vroegtijdig_overleden", "Vroegtijdig overleden inwoners", "per1000", "lager", 5.0, 3.0),
]
SELECTIE_GEBIEDEN = [f"{3000 + 7 * i} {chr(65 + i)}{chr(66 + i)}" for i in range(12)]
#: the first indicator's values as the source gives them (two decimals), in turn per area
LEEFBAARHEID = [-0.43, -0.62, 0.12, 0.55, -0.05]


def selectie_yml() -> str:
    regels = ["naam: selectie", "titel: Nationale selectie van focusgebieden", "gemeente: Nederland",
              "hoofdstukwoord: thema", "doelgebied: Nederland", "gebiedsoort: postcode",
              "vergelijkingsgebieden: [Nederland]", "data: programmas/selectie/waarden.csv", "aandachtsgebied_vanaf: 3",
              "pijlers:", "  - {id: bestaanszekerheid, label: Bestaanszekerheid}",
              "  - {id: leefbaarheid, label: Leefbaarheid en veiligheid}", "indicatoren:"]
    for n, (ind, label, eenheid, pol, neg, pos) in enumerate(SELECTIE_INDICATOREN):
        pijler = "leefbaarheid" if n in (0, 6, 7, 8) else "bestaanszekerheid"
        regels += [f"  - id: {ind}", f"    label: {label}", f"    pijler: {pijler}", f"    eenheid: {eenheid}",
                   f"    polariteit: {pol}", f"    drempels: {{negatief: {neg}, positief: {pos}}}",
                   "    bron: Proefbron selectie"] + (["    decimalen: 1"] if n == 0 else [])
    return "\n".join(regels) + "\n"


def selectie_csv() -> str:
    rijen = ["indicator,gebied,periode,waarde"]
    for n, (ind, _label, _eenheid, _pol, neg, pos) in enumerate(SELECTIE_INDICATOREN[:-1]):
        for i, gebied in enumerate(SELECTIE_GEBIEDEN):
            if n == 0:
                waarde = LEEFBAARHEID[i % len(LEEFBAARHEID)]
            else:
                waarde = round(neg + (pos - neg) * (((i * 7 + n * 3) % 11) / 10 * 1.6 - 0.3), 1)
            rijen.append(f"{ind},{gebied},2023,{waarde}")
        rijen.append(f"{ind},Nederland,2023,{pos}")
    return "\n".join(rijen) + "\n"


#: ``concepten``: every concept of docs/programma.md "Doelen, opgaven, gebieden en scoresets" (tests/test_programma.py
#: works the figures out by hand). Areas are keyed by code; two wijken share the label Centrum.
CONCEPTEN_YML = """naam: concepten
titel: Wijkprogramma Noordrand
gemeente: Voorbeeldstad
doelgebied: NR
gebiedsoort: wijk
vergelijkingsgebieden: [STAD]
gebieden: [W01, W02, W03, W04, W05]
data: programmas/concepten/waarden.csv
peildatum: 2024-12-31
aandachtsgebied_vanaf: 2
gebiedslabels:
  NR: Noordrand
  STAD: Voorbeeldstad
  W01: {label: Centrum, gemeente: Voorbeeldstad}
  W02: {label: Centrum, gemeente: Buurdorp}
  W03: Haven
  W04: Molenwijk
  W05: Oeverwijk
gebiedsgroepen:
  zwak: [W01, W02]
  sterk: [W04, W05]
scoresets:
  - {id: stad, label: Stedelijke set, gewicht: 2}
  - {id: rijk, label: Rijksset, gewicht: 1}
pijlers:
  - {id: werk, label: Werk}
  - {id: leefomgeving, label: Wonen en gezondheid}
doelen:
  - id: meer_werk
    label: Meer bewoners aan het werk
    pijler: werk
    subdoelen:
      - {id: jongeren_werk, label: Jongeren aan het werk}
  - {id: betere_woningen, label: Betere woningvoorraad, pijler: leefomgeving}
  - {id: gezond, label: Langer gezond leven}
indicatoren:
  - id: aan_het_werk
    label: Bewoners aan het werk geholpen
    pijler: werk
    doel: meer_werk
    niveau: inspanning
    eenheid: vrij
    eenheid_label: mensen
    polariteit: hoger
    opgave: {waarde: 10000, begin: 2021-01-01, datum: 2025-12-31}
    bron: Proefbron werk
  - id: werkloosheid_jongeren
    label: Werkloosheid onder jongeren
    pijler: werk
    doel: jongeren_werk
    niveau: effect
    eenheid: pct
    polariteit: lager
    decimalen: 1
    gebiedsambitie: {niet_slechter_dan: nulmeting, nulmeting: 2021}
    bron: Proefbron werk
  - id: bijstand
    label: Huishoudens in de bijstand
    pijler: werk
    doel: meer_werk
    niveau: effect
    eenheid: pct
    polariteit: lager
    gebiedsambitie: {niet_slechter_dan: STAD}
    bron: Proefbron werk
  - id: gesloopt
    label: Gesloopte verouderde woningen
    pijler: leefomgeving
    doel: betere_woningen
    niveau: inspanning
    eenheid: vrij
    eenheid_label: woningen
    polariteit: hoger
    opgave: {waarde: 4500, begin: 2019-01-01, datum: 2023-12-31, telling: stand}
    bron: Proefbron wonen
  - {id: tevredenheid, label: Rapportcijfer voor de woning, pijler: leefomgeving, doel: betere_woningen, niveau: effect,
     eenheid: cijfer, polariteit: hoger, drempels: {negatief: 6.5, positief: 7.5}, scoreset: stad, bron: Proefbron wonen}
  - {id: leegstand, label: Leegstaande woningen, pijler: leefomgeving, eenheid: pct, polariteit: lager,
     drempels: {negatief_groep: zwak, positief_groep: sterk}, scoreset: stad, bron: Proefbron wonen}
  - {id: overgewicht, label: Volwassenen met overgewicht, pijler: leefomgeving, doel: gezond, niveau: effect,
     eenheid: pct, polariteit: lager, drempels: {negatief_groep: zwak, positief_groep: sterk, gewogen_met: inwoners},
     scoreset: rijk, bron: Proefbron gezondheid}
  - id: levensverwachting
    label: Levensverwachting bij geboorte
    pijler: leefomgeving
    doel: gezond
    niveau: effect
    eenheid: jaar
    polariteit: hoger
    referentie: STAD
    ambitie:
      nulmeting: {datum: 2022-01-01, waarde: 79.0}
      horizonten:
        - {naam: na 2 jaar, datum: 2024-01-01, waarde: 79.5}
        - {naam: na 10 jaar, datum: 2032-01-01}
    bron: Proefbron gezondheid
  - {id: inwoners, label: Inwoners, pijler: leefomgeving, soort: demografie, eenheid: aantal, bron: Proefbron bevolking}
"""

CONCEPTEN_CSV = """indicator,gebied,periode,waarde
aan_het_werk,NR,2020,1500
aan_het_werk,NR,2021,2000
aan_het_werk,NR,2022,2500
aan_het_werk,NR,2023,1500
aan_het_werk,NR,2024,1000
gesloopt,NR,2019,800
gesloopt,NR,2021,2500
gesloopt,NR,2023,4600
gesloopt,NR,2024,4700
werkloosheid_jongeren,NR,2024,10.0
werkloosheid_jongeren,W01,2021,12.0
werkloosheid_jongeren,W01,2024,11.0
werkloosheid_jongeren,W02,2021,10.0
werkloosheid_jongeren,W02,2024,10.4
werkloosheid_jongeren,W03,2021,9.0
werkloosheid_jongeren,W03,2023,9.0
werkloosheid_jongeren,W04,2021,8.0
werkloosheid_jongeren,W05,2021,7.0
werkloosheid_jongeren,W05,2024,7.04
bijstand,NR,2024,5.5
bijstand,STAD,2023,5.2
bijstand,STAD,2024,5.0
bijstand,W01,2024,4.5
bijstand,W02,2024,4.0
bijstand,W03,2023,5.2
bijstand,W04,2024,5.0
tevredenheid,W01,2024,6.2
tevredenheid,W02,2024,6.4
tevredenheid,W03,2024,7.0
tevredenheid,W04,2024,7.6
tevredenheid,W05,2024,8.1
leegstand,W01,2024,6.0
leegstand,W02,2024,5.0
leegstand,W03,2024,4.2
leegstand,W04,2024,2.0
leegstand,W05,2024,3.0
overgewicht,W01,2023,60.0
overgewicht,W02,2023,50.0
overgewicht,W03,2023,53.0
overgewicht,W04,2023,40.0
overgewicht,W05,2023,46.0
inwoners,W01,2023,1000
inwoners,W02,2023,3000
inwoners,W03,2023,4000
inwoners,W04,2022,2000
inwoners,W05,2023,6000
levensverwachting,NR,2022,79.0
levensverwachting,NR,2023,79.3
levensverwachting,NR,2024,79.8
levensverwachting,STAD,2024,81.2
"""


def programma_project(tmp_path: Path, programmas: dict[str, tuple[str, str]]) -> Path:
    """A copy of the project whose params/2024 lists only ``programmas`` (name -> (YAML, CSV))."""
    root = make_project(tmp_path)
    year = root / "params" / "2024"
    shutil.rmtree(year)
    year.mkdir()
    namen = "".join(f"  - naam: {naam}\n" for naam in programmas)
    (year / "programmas.yml").write_text(f"jaar: 2024\nprogrammas:\n{namen}", encoding="utf-8")
    for naam, (yml, csv) in programmas.items():
        (root / "params" / "programmas" / f"{naam}.yml").write_text(yml, encoding="utf-8")
        folder = root / "data" / "programmas" / naam
        folder.mkdir(parents=True)
        (folder / "waarden.csv").write_text(csv, encoding="utf-8")
    return root


def alle_programmas() -> dict[str, tuple[str, str]]:
    return {"proef": (PROEF_YML, PROEF_CSV), "oost": (OOST_YML, OOST_CSV), "selectie": (selectie_yml(), selectie_csv()),
            "concepten": (CONCEPTEN_YML, CONCEPTEN_CSV)}
