"""Plain-language sentences of the wijkdocument: Dutch comparatives ("beter dan", "even goed als")."""

import pandas as pd
from wijkrapport.domain.wijkteksten import samenvatting


def test_index_sentences_use_dan_for_a_difference_and_als_for_equal():
    kern = pd.DataFrame(columns=["variabele", "jaar", "wijk", "gebied"])
    wp = pd.DataFrame({"editie": [2022, 2024], "Fysieke index": [117, 116], "Veiligheidsindex": [135, 123],
                       "Sociale index": [90, 99]})
    crim = pd.DataFrame(columns=["jaar", "misdrijven_per_1000"])
    zinnen = samenvatting("Hoogvliet-zuid", "Hoogvliet", kern, pd.Series(dtype=float), wp, crim)
    assert "Op de buurt en de woningen scoort de wijk in 2024 ongeveer even goed als in 2022: 116 tegen 117." in zinnen
    assert "Op veiligheid scoort de wijk in 2024 slechter dan in 2022: 123 tegen 135." in zinnen
    assert "Op het samenleven scoort de wijk in 2024 beter dan in 2022: 99 tegen 90." in zinnen
