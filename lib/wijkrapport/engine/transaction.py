"""Replacing a set of published files all at once, or not at all.

A report is a set of files (HTML, PDF, tables, executed notebooks), and ``manifest.json`` and
``index.html`` say what is published. A :class:`Transactie` replaces such a set across all its paths:

1. *prepare*: every new file is written next to its destination as ``.<name>.<id>.nieuw``, and every file
   that will be replaced or removed gets a hard link ``.<name>.<id>.oud`` (nothing visible changes; a full
   disk or a read-only folder fails here, and the temporary files are removed);
2. *journal*: ``.publiceren.json`` in the year folder lists the moves;
3. *commit*: each new file is renamed over its destination (atomic per file, no space needed), the
   removed files are unlinked, and the journal is deleted: that is the moment the new set is published.

An error during the commit puts the old set back at once. When the process dies between 2 and 3 (``kill
-9``, power cut), the next run finds the journal and puts the old set back (:func:`herstel`); stray
temporary files of an unfinished preparation are removed (:func:`ruim_restanten_op`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from wijkrapport.atomic import schrijf_atomair
from wijkrapport.errors import PublicatieFout

JOURNAAL = ".publiceren.json"
_RESTANT = re.compile(r"^\..+\.[0-9a-f]{32}\.(nieuw|oud|tmp)$")

_OORZAAK = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "niet toegestaan",
    errno.EXDEV: "de map ligt op een ander bestandssysteem",
    errno.EIO: "lees- of schrijffout van het apparaat",
}


def oorzaak(exc: OSError) -> str:
    """An OSError in plain Dutch, with the file it concerns."""
    tekst = _OORZAAK.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"{tekst} ({exc.filename})" if exc.filename else tekst


@contextmanager
def _voor(dest: Path) -> Iterator[None]:
    """An OSError while handling ``dest`` names ``dest`` (the published file), not a hidden temporary file."""
    try:
        yield
    except OSError as exc:
        if exc.filename == str(dest):
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), str(dest)) from exc


def veilig_pad(rel: object) -> bool:
    """Whether ``rel`` is a plain relative path inside a year folder (no '..', not absolute, no hidden parts)."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\x00" in rel:
        return False
    pad = PurePosixPath(rel)
    return (not pad.is_absolute() and pad.as_posix() == rel
            and all(d not in ("", ".", "..") and not d.startswith(".") for d in pad.parts))


def _tijdelijk(dest: Path, tx: str, soort: str) -> Path:
    return dest.with_name(f".{dest.name}.{tx}.{soort}")


def _binnen(basis: Path, pad: Path) -> bool:
    try:
        pad.resolve().relative_to(basis.resolve())
    except (ValueError, OSError):
        return False
    return True


def _snoei(target: Path, mappen: set[Path]) -> None:
    """Remove the now empty folders among ``mappen`` and their parents, up to ``target``."""
    for map_ in sorted(mappen, key=lambda p: len(p.parts), reverse=True):
        while map_ != target and target in map_.parents:
            try:
                map_.rmdir()
            except OSError:
                break
            map_ = map_.parent


class Transactie:
    """Replace files under ``target`` (a year folder) as one set; use as a context manager."""

    def __init__(self, target: Path):
        self.target = target
        self.id = uuid.uuid4().hex
        self.verplaats: dict[str, bool] = {}  # rel -> whether a file was there before
        self.verwijder: list[str] = []
        self._mappen: set[Path] = set()
        self._klaar = False

    def __enter__(self) -> Transactie:
        return self

    def __exit__(self, *_exc) -> None:
        if not self._klaar:
            self.afbreken()

    def _dest(self, rel: str) -> Path:
        if not veilig_pad(rel):
            raise PublicatieFout(f"ongeldige bestandsnaam {rel!r}")
        dest = self.target / rel
        bestaand = dest.parent
        while not bestaand.exists() and bestaand != self.target:
            bestaand = bestaand.parent
        if not _binnen(self.target, bestaand):  # checked before a folder is made through a link
            raise PublicatieFout(f"{rel}: de map ligt buiten de uitvoermap {self.target} (een symbolische koppeling?)")
        if not dest.parent.is_dir():
            dest.parent.mkdir(parents=True, exist_ok=True)
            self._mappen.add(dest.parent)
        if not _binnen(self.target, dest.parent):
            raise PublicatieFout(f"{rel}: de map ligt buiten de uitvoermap {self.target} (een symbolische koppeling?)")
        if dest.is_symlink() or (dest.exists() and not dest.is_file()):
            raise PublicatieFout(f"{rel}: daar staat iets anders dan een gewoon bestand (een map of koppeling)")
        return dest

    def _bewaar_oud(self, dest: Path) -> bool:
        """A hard link to the current file, to put it back if needed (a copy where links are not supported)."""
        if not dest.exists():
            return False
        oud = _tijdelijk(dest, self.id, "oud")
        try:
            os.link(dest, oud)
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                raise
            shutil.copy2(dest, oud)
        return True

    def plaats(self, rel: str, bron: Path) -> None:
        """Stage ``bron`` (a finished file) to become ``target/rel``."""
        dest = self._dest(rel)
        self.verplaats[rel] = False
        with _voor(dest):
            shutil.copy2(bron, _tijdelijk(dest, self.id, "nieuw"))
            self.verplaats[rel] = self._bewaar_oud(dest)

    def schrijf(self, rel: str, inhoud: str) -> None:
        """Stage the text ``inhoud`` (UTF-8) to become ``target/rel``."""
        dest = self._dest(rel)
        self.verplaats[rel] = False
        with _voor(dest):
            _tijdelijk(dest, self.id, "nieuw").write_bytes(inhoud.encode("utf-8"))
            self.verplaats[rel] = self._bewaar_oud(dest)

    def verwijder_bestand(self, rel: str) -> None:
        """Stage the removal of ``target/rel`` (if it is a file there)."""
        dest = self._dest(rel)
        if dest.is_file() and rel not in self.verplaats:
            with _voor(dest):
                self._bewaar_oud(dest)
            self.verwijder.append(rel)

    def vastleggen(self) -> None:
        """Publish the staged set; on an error put the old set back and raise :class:`PublicatieFout`."""
        journaal = {"id": self.id, "verplaats": [[r, had] for r, had in self.verplaats.items()],
                    "verwijder": self.verwijder}
        schrijf_atomair(self.target / JOURNAAL, json.dumps(journaal, ensure_ascii=False))
        # data and notebooks first, then PDF and HTML, the manifest and landing page last
        volgorde = sorted(self.verplaats, key=lambda r: (r in ("manifest.json", "index.html"), r.endswith((".html", ".pdf")), r))
        try:
            for rel in volgorde:
                dest = self.target / rel
                with _voor(dest):
                    os.replace(_tijdelijk(dest, self.id, "nieuw"), dest)
            for rel in self.verwijder:
                with _voor(self.target / rel):
                    (self.target / rel).unlink(missing_ok=True)
            (self.target / JOURNAAL).unlink()
        except OSError as exc:
            try:
                terugdraaien(self.target, journaal)
            except OSError as exc2:
                raise PublicatieFout(f"{oorzaak(exc)}; de vorige versie kon niet meteen worden teruggezet "
                                     f"({oorzaak(exc2)}): de volgende run zet die terug", intact=False) from exc
            raise PublicatieFout(oorzaak(exc)) from exc
        self._klaar = True
        self._opruimen()

    def _opruimen(self) -> None:
        for rel in [*self.verplaats, *self.verwijder]:
            dest = self.target / rel
            for soort in ("nieuw", "oud"):
                try:
                    _tijdelijk(dest, self.id, soort).unlink(missing_ok=True)
                except OSError:
                    pass
        _snoei(self.target, self._mappen | {(self.target / r).parent for r in self.verwijder})

    def afbreken(self) -> None:
        """Remove what the preparation wrote; the published files were never touched."""
        self._klaar = True
        self._opruimen()


def terugdraaien(target: Path, journaal: dict) -> None:
    """Put back the set that the transaction in ``journaal`` replaced (idempotent: may be repeated)."""
    tx = journaal.get("id")
    if not isinstance(tx, str) or not re.fullmatch(r"[0-9a-f]{32}", tx):
        raise ValueError("journaal zonder geldig id")
    mappen = set()
    for item in journaal.get("verplaats") or []:
        if not (isinstance(item, list) and len(item) == 2 and veilig_pad(item[0])):
            continue
        rel, had = item
        dest = target / rel
        oud, nieuw = _tijdelijk(dest, tx, "oud"), _tijdelijk(dest, tx, "nieuw")
        if had:
            if oud.exists():
                os.replace(oud, dest)
        else:
            dest.unlink(missing_ok=True)
        nieuw.unlink(missing_ok=True)
        oud.unlink(missing_ok=True)
        mappen.add(dest.parent)
    for rel in journaal.get("verwijder") or []:
        if not veilig_pad(rel):
            continue
        dest = target / rel
        oud = _tijdelijk(dest, tx, "oud")
        if oud.exists():
            os.replace(oud, dest)
        oud.unlink(missing_ok=True)
    (target / JOURNAAL).unlink(missing_ok=True)
    _snoei(target, mappen)


def herstel(target: Path) -> str | None:
    """At the start of a run: put back a set whose publishing was cut off; say what was done (or None)."""
    pad = target / JOURNAAL
    if not pad.is_file():
        return None
    try:
        journaal = json.loads(pad.read_text(encoding="utf-8"))
        if not isinstance(journaal, dict):
            raise ValueError("geen object")
        terugdraaien(target, journaal)
    except (ValueError, UnicodeDecodeError):  # unreadable journal: the prepared files are strays
        pad.unlink(missing_ok=True)
        return f"{pad}: onleesbaar publicatiejournaal verwijderd"
    return (f"{target}: het publiceren in een vorige run werd afgebroken; de vorige versie van de rapporten "
            "is teruggezet")


def ruim_restanten_op(folder: Path) -> int:
    """Remove temporary files (``.<name>.<32 hex>.nieuw|oud|tmp``) left under ``folder`` by a killed run."""
    weg = 0
    if not folder.is_dir():
        return weg
    for pad in folder.rglob(".*"):
        if _RESTANT.match(pad.name) and (pad.is_file() or pad.is_symlink()):
            try:
                pad.unlink()
                weg += 1
            except OSError:
                pass
    return weg
