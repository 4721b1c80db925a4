"""One run at a time per project and per output folder.

Two runs of one project share ``build/`` (staging and caches); two runs into one output folder would publish
over each other, an older report over a newer one. A run takes an exclusive ``flock`` on ``build/.lock``
and on ``<out>/.wijkrapport.lock`` before it reads anything; a second run exits at once (exit code 4) with
a message naming the run that holds the lock. The operating system releases a ``flock`` when its process
ends, however it ends, so a lock of a run that was killed never blocks the next one; the next run sees
that the lock file still names the killed run and says so.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shlex
import shutil
import socket
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path

from wijkrapport import paths
from wijkrapport.errors import BezigError, Problem, WijkrapportError

UITVOER_SLOT = ".wijkrapport.lock"

_open_fds: set[int] = set()


def _sluit_na_fork() -> None:
    """A forked child (a pool worker) does not keep the lock: it ends with its parent's run."""
    for fd in list(_open_fds):
        try:
            os.close(fd)
        except OSError:
            pass
    _open_fds.clear()


os.register_at_fork(after_in_child=_sluit_na_fork)


def project_slot() -> Path:
    return paths.build_dir() / ".lock"


def uitvoer_slot(out_root: Path) -> Path:
    return out_root / UITVOER_SLOT


def _beschrijf(info: dict) -> str:
    delen = []
    if info.get("pid"):
        delen.append(f"pid {info['pid']}")
    if info.get("host") and info["host"] != socket.gethostname():
        delen.append(f"op {info['host']}")
    if info.get("gestart"):
        delen.append(f"gestart {info['gestart']}")
    if info.get("commando"):
        delen.append(f"commando: {info['commando']}")
    return ", ".join(delen) or "gegevens onbekend"


def _lees_info(fd: int) -> dict:
    try:
        data = os.pread(fd, 64 * 1024, 0)
        info = json.loads(data.decode("utf-8")) if data.strip() else {}
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _open(pad: Path, aanmaken: bool) -> tuple[int, bool] | None:
    """Open the lock file read-write (created if needed); on a read-only folder read-only, if it exists.
    None when there is no lock file and none can be made (nobody can write into that folder either)."""
    try:
        if aanmaken:
            pad.parent.mkdir(parents=True, exist_ok=True)
        return os.open(pad, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644), True
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT):
            raise
    try:
        return os.open(pad, os.O_RDONLY | os.O_CLOEXEC), False
    except OSError:
        return None


@contextmanager
def _slot(pad: Path, wat: str, info: dict, meldingen: dict[object, str]) -> Iterator[None]:
    try:
        geopend = _open(pad, aanmaken=True)
    except OSError as exc:
        raise WijkrapportError([Problem(file=str(pad), message=f"het slotbestand is niet te openen ({exc.strerror}); "
                                        "haal weg wat daar staat")]) from None
    if geopend is None:
        yield
        return
    fd, schrijfbaar = geopend
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            ander = _lees_info(fd)
            raise BezigError([Problem(file=paths.rel(pad), message=(
                f"er loopt al een run voor {wat} ({_beschrijf(ander)}); wacht tot die klaar is "
                "(één run tegelijk: build/ en de uitvoermap worden gedeeld)"))]) from None
        vorige = _lees_info(fd)
        if vorige.get("pid") and vorige.get("pid") != os.getpid():
            meldingen.setdefault(vorige["pid"], f"de vorige run voor {wat} ({_beschrijf(vorige)}) is niet netjes "
                                 "gestopt; wat die achterliet wordt opgeruimd")
        _open_fds.add(fd)
        if schrijfbaar:
            _schrijf(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        try:
            yield
        finally:
            if schrijfbaar:
                _schrijf(fd, b"")  # a lock file that names nobody: this run ended normally
    finally:
        _open_fds.discard(fd)
        os.close(fd)  # releases the lock


def _schrijf(fd: int, data: bytes) -> None:
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
    except OSError:  # the information is a courtesy; the lock itself holds
        pass


@contextmanager
def vergrendel(out_root: Path, argv: list[str] | None = None) -> Iterator[list[str]]:
    """Hold the project's and the output folder's lock for the block; yield notes about runs that were
    killed (their leftovers are cleaned up by the caller). Raises :class:`BezigError` (exit code 4)."""
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "gestart": datetime.now().astimezone().isoformat(sep=" ", timespec="seconds"),
        "commando": shlex.join(["run_reports.py", *(sys.argv[1:] if argv is None else argv)]),
        "project": str(paths.project_root()),
    }
    meldingen: dict[object, str] = {}  # one note per killed run, whichever locks it held
    with ExitStack() as stack:
        stack.enter_context(_slot(project_slot(), f"project {paths.project_root()}", info, meldingen))
        stack.enter_context(_slot(uitvoer_slot(out_root), f"uitvoermap {out_root}", info, meldingen))
        yield list(meldingen.values())


def ruim_op(out_root: Path) -> list[str]:
    """With both locks held: clean up what runs that were killed left behind, and say what was done.

    Staging folders in ``build/`` (no other run can be using them now), temporary files in ``build/cache/``,
    and in the output folder: a publication that was cut off is put back to the previous set, and temporary
    files of an unfinished one are removed.
    """
    from .transaction import herstel, ruim_restanten_op

    meldingen = []
    build = paths.build_dir()
    if build.is_dir():
        for map_ in build.iterdir():
            if map_.name.isdigit() and map_.is_dir() and not map_.is_symlink():
                shutil.rmtree(map_, ignore_errors=True)
                meldingen.append(f"achtergebleven bouwmap {paths.rel(map_)}/ van een afgebroken run verwijderd")
        ruim_restanten_op(build / "cache")
    if out_root.is_dir():
        for target in sorted(out_root.iterdir()):
            if target.name.isdigit() and target.is_dir() and not target.is_symlink():
                melding = herstel(target)
                if melding:
                    meldingen.append(melding)
        ruim_restanten_op(out_root)
    return meldingen
