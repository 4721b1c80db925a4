"""Inhabitants of several wijken together, from the table of all wijken that kernels share."""

import math

from wijkrapport.domain import wijkdata


def test_inwoners_samen_adds_each_wijks_own_figure():
    slugs = ["carnisse", "bloemhof", "pendrecht"]
    for jaar in (2018, 2024):
        apart = [float(wijkdata.inwoners_per_jaar(s)[jaar]) for s in slugs]
        assert wijkdata.inwoners_samen(slugs, jaar) == sum(apart)
    # worked example: Carnisse had 11.620 inhabitants on 1 January 2024 (the wijkdocument's first figure)
    assert wijkdata.inwoners_samen(["carnisse"], 2024) == 11620


def test_inwoners_samen_is_unknown_when_one_wijk_lacks_the_year():
    assert math.isnan(wijkdata.inwoners_samen(["carnisse", "bloemhof"], 1990))
    assert math.isnan(wijkdata.inwoners_samen(["carnisse", "geen-wijk"], 2024))
    assert wijkdata.inwoners_samen([], 2024) == 0
