"""All-or-nothing replacement of a set of published files (transactie), in-process: every step that can be cut off."""

import json
import os
from pathlib import Path

import pytest
from wijkrapport.engine import transaction
from wijkrapport.engine.transaction import JOURNAAL, Transactie, herstel, ruim_restanten_op, veilig_pad
from wijkrapport.errors import PublicatieFout


def _jaar(tmp_path: Path) -> Path:
    target = tmp_path / "2024"
    (target / "wijken").mkdir(parents=True)
    (target / "wijken" / "a.html").write_text("oud a", encoding="utf-8")
    (target / "wijken" / "b.csv").write_text("oud b", encoding="utf-8")
    (target / "manifest.json").write_text("oud manifest", encoding="utf-8")
    return target


def _inhoud(target: Path) -> dict[str, str]:
    return {str(p.relative_to(target)): p.read_text(encoding="utf-8") for p in sorted(target.rglob("*")) if p.is_file()}


def _transactie(target: Path, bron: Path) -> Transactie:
    (bron / "a.html").write_text("nieuw a", encoding="utf-8")
    (bron / "c.pdf").write_text("nieuw c", encoding="utf-8")
    tx = Transactie(target)
    tx.plaats("wijken/a.html", bron / "a.html")
    tx.plaats("wijken/nieuw/c.pdf", bron / "c.pdf")
    tx.verwijder_bestand("wijken/b.csv")
    tx.schrijf("manifest.json", "nieuw manifest")
    return tx


def test_vastleggen_vervangt_de_hele_set_en_laat_niets_achter(tmp_path):
    target, bron = _jaar(tmp_path), tmp_path / "bron"
    bron.mkdir()
    with _transactie(target, bron) as tx:
        assert _inhoud(target)["wijken/a.html"] == "oud a"  # prepared: nothing visible changed yet
        tx.vastleggen()
    assert _inhoud(target) == {"manifest.json": "nieuw manifest", "wijken/a.html": "nieuw a", "wijken/nieuw/c.pdf": "nieuw c"}


def test_afbreken_voor_het_vastleggen_laat_alles_zoals_het_was(tmp_path):
    target, bron = _jaar(tmp_path), tmp_path / "bron"
    bron.mkdir()
    voor = _inhoud(target)
    with _transactie(target, bron):
        pass  # an error in the preparation ends the block here
    assert _inhoud(target) == voor
    assert not (target / "wijken" / "nieuw").exists()


def test_fout_tijdens_het_vastleggen_zet_alles_terug(tmp_path, monkeypatch):
    target, bron = _jaar(tmp_path), tmp_path / "bron"
    bron.mkdir()
    voor = _inhoud(target)
    echt, teller = os.replace, []

    def replace(src, dst):
        if not Path(dst).name.startswith("."):
            teller.append(dst)
            if len(teller) == 3:
                raise OSError(28, "No space left on device")
        return echt(src, dst)

    monkeypatch.setattr(transaction.os, "replace", replace)
    with _transactie(target, bron) as tx, pytest.raises(PublicatieFout, match="de schijf is vol"):
        tx.vastleggen()
    assert _inhoud(target) == voor


def test_herstel_na_een_afgebroken_vastlegging_zet_de_vorige_set_terug_ook_twee_keer(tmp_path, monkeypatch):
    target, bron = _jaar(tmp_path), tmp_path / "bron"
    bron.mkdir()
    voor = _inhoud(target)
    echt, teller = os.replace, []

    class Gestopt(BaseException):
        """The process dying half-way (nothing after this line runs in the real case)."""

    def replace(src, dst):
        if not Path(dst).name.startswith("."):
            teller.append(dst)
            if len(teller) == 2:
                raise Gestopt
        return echt(src, dst)

    monkeypatch.setattr(transaction.os, "replace", replace)
    tx = _transactie(target, bron)
    with pytest.raises(Gestopt):
        tx.vastleggen()
    monkeypatch.setattr(transaction.os, "replace", echt)
    assert (target / JOURNAAL).exists() and _inhoud(target) != voor
    journaal = json.loads((target / JOURNAAL).read_text(encoding="utf-8"))
    assert "teruggezet" in herstel(target)
    assert _inhoud(target) == voor
    (target / JOURNAAL).write_text(json.dumps(journaal), encoding="utf-8")  # cut off during the rollback itself
    herstel(target)
    assert _inhoud(target) == voor and not (target / "wijken" / "nieuw").exists()


def test_een_map_die_naar_buiten_wijst_wordt_geweigerd(tmp_path):
    target = _jaar(tmp_path)
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (target / "data").symlink_to(buiten)
    (tmp_path / "x.csv").write_text("x", encoding="utf-8")
    with Transactie(target) as tx, pytest.raises(PublicatieFout, match="buiten de uitvoermap"):
        tx.plaats("data/x.csv", tmp_path / "x.csv")
    assert not list(buiten.iterdir())


@pytest.mark.parametrize("pad", ["../x", "/etc/passwd", "a/../../x", "a//b", "", "a\\b", ".verborgen/x", "a/./b",
                                 None, 3, ["a"]])
def test_alleen_gewone_relatieve_paden_zijn_veilig(pad):
    assert not veilig_pad(pad)


def test_restanten_van_een_afgebroken_voorbereiding_worden_opgeruimd(tmp_path):
    target = _jaar(tmp_path)
    (target / "wijken" / f".a.html.{'0' * 32}.nieuw").write_text("half", encoding="utf-8")
    (target / f".manifest.json.{'a' * 32}.tmp").write_text("half", encoding="utf-8")
    (target / "wijken" / ".gitkeep").write_text("", encoding="utf-8")
    assert ruim_restanten_op(tmp_path) == 2
    assert (target / "wijken" / ".gitkeep").exists()
