"""The command line: one argparse parser, the build without a subcommand, ``new-year`` and ``cbs-import`` as
subcommands (in-process: parsing only, nothing is built)."""

import pytest
from wijkrapport.cli import _parser, bouw, cbs_import, main, new_year


def test_plain_form_builds_and_subcommands_dispatch():
    p = _parser()
    plain = p.parse_args(["--year", "2024", "--only", "carnisse", "charlois", "--force", "--timeout", "5"])
    assert (plain.opdracht, plain.year, plain.only, plain.force, plain.timeout) == (
        bouw, 2024, ["carnisse", "charlois"], True, 5)
    assert p.parse_args(["new-year", "2025"]).opdracht is new_year
    cbs = p.parse_args(["cbs-import", "85984NED", "--gemeente", "GM0599", "--out", "x"])
    assert (cbs.opdracht, cbs.tabel, cbs.gemeente, str(cbs.out)) == (cbs_import, "85984NED", ["GM0599"], "x")


@pytest.mark.parametrize("argv", [["bogus"], ["new-year"], ["new-year", "volgend"], ["cbs-import", "85984NED"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage: run_reports.py" in capsys.readouterr().err
