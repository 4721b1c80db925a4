"""Generate the VOORBEELDDATA (example data, not real meldingen) in ``../meldingen.csv``. Seeded: same output every run.

No real Meld'R export is available to this project. This script makes a plausible example in the
export format the import expects (see README "Meldingen"), so the chapter, the import and its tests
can be built and checked. Every report that uses it prints "voorbeelddata".

Per wijk in ``data/wijken/crosswalk.csv`` and month of 2023-2024: the number of meldingen is Poisson
with a mean proportional to the wijk's inhabitants (CBS, latest year) and a wijk-specific mix of
hoofdcategorieën; handling time is exponential around a category's mean; meldingen late in 2024 may
still be open; a few are cancelled. The example covers the wijken of Zuid and Hoogvliet (``GEBIEDEN``):
the data held only those when it was made; the other wijken get none (mean 0), so the file stays as it was.

Run from the project root: ``.venv/bin/python data/meldingen/bron/maak_voorbeeld.py``.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from wijkrapport.domain import wijkdata

SEED = 2024
UIT = Path(__file__).resolve().parents[1] / "meldingen.csv"
PER_INWONER_PER_JAAR = 0.03
EINDE = date(2024, 12, 31)
#: the gebieden whose wijken have example meldingen (crosswalk ``gebied_naam``)
GEBIEDEN = ("Charlois", "Feijenoord", "IJsselmonde", "Hoogvliet")

#: hoofdcategorie -> (share in the mix, mean handling days, subcategorieën)
CATEGORIEEN = {
    "Afval": (0.34, 2.5, ["Grofvuil naast container", "Volle container", "Zwerfafval"]),
    "Straat en stoep": (0.20, 9.0, ["Losse tegel", "Gat in de weg", "Straatmeubilair kapot"]),
    "Groen en water": (0.12, 12.0, ["Boom of struik", "Onkruid", "Vuil water"]),
    "Verlichting": (0.08, 7.0, ["Lantaarnpaal kapot"]),
    "Overlast": (0.16, 4.0, ["Geluidsoverlast", "Fout geplaatste fiets", "Overlast van dieren"]),
    "Ongedierte": (0.10, 8.0, ["Ratten", "Ander ongedierte"]),
}


def _inwoners() -> pd.Series:
    recent = wijkdata.recent_long()
    cw = wijkdata.src.load_crosswalk()
    recent = recent[recent["wijk_slug"].isin(cw.loc[cw["gebied_naam"].isin(GEBIEDEN), "wijk_slug"])]
    inw = recent[(recent["variabele"] == "inwoners") & (recent["jaar"] <= 2024)].dropna(subset=["waarde"])
    return inw.sort_values("jaar").groupby("wijk_slug")["waarde"].last()


def maak() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    cw = wijkdata.src.load_crosswalk()
    inwoners = _inwoners()
    namen = list(CATEGORIEEN)
    basis = np.array([CATEGORIEEN[n][0] for n in namen])
    rows = []
    for slug, naam in zip(cw["wijk_slug"], cw["wijk_naam"], strict=True):
        mix = rng.dirichlet(basis * 40)  # each wijk its own mix around the base shares
        groei = rng.normal(1.0, 0.08)  # some wijken rise, some fall over the two years
        for maand in range(24):
            jaar, m = 2023 + maand // 12, maand % 12 + 1
            gemiddeld = inwoners.get(slug, 0) * PER_INWONER_PER_JAAR / 12 * groei ** (maand / 12)
            for _ in range(rng.poisson(gemiddeld)):
                cat = namen[rng.choice(len(namen), p=mix)]
                _, dagen, subs = CATEGORIEEN[cat]
                gemeld = date(jaar, m, 1) + timedelta(days=int(rng.integers(0, 28)))
                duur = int(rng.exponential(dagen))
                klaar = gemeld + timedelta(days=duur)
                if rng.random() < 0.02:
                    status, afgehandeld = "geannuleerd", ""
                elif klaar > EINDE:
                    status, afgehandeld = ("in_behandeling" if rng.random() < 0.6 else "gemeld"), ""
                else:
                    status, afgehandeld = "afgehandeld", klaar.isoformat()
                rows.append((gemeld.isoformat(), cat, subs[int(rng.integers(0, len(subs)))], naam, status, afgehandeld))
    df = pd.DataFrame(rows, columns=["datum_melding", "hoofdcategorie", "subcategorie", "wijk", "status",
                                     "datum_afgehandeld"])
    df = df.sort_values(["datum_melding", "wijk", "hoofdcategorie"], kind="stable").reset_index(drop=True)
    df.insert(0, "melding_id", [f"VB-{i:06d}" for i in range(1, len(df) + 1)])
    return df


def tekst() -> str:
    return maak().to_csv(index=False, lineterminator="\n")


if __name__ == "__main__":
    UIT.write_text(tekst(), encoding="utf-8")
    print(f"{UIT}: {len(maak())} voorbeeldmeldingen", file=sys.stderr)
