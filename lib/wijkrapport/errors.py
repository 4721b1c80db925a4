"""One exception type per kind of failure, mapped to exit codes in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_REPORT_FAILED = 1
EXIT_CONFIG = 2
EXIT_DATA = 3
EXIT_BUSY = 4  # another run holds the project or the output folder
EXIT_INTERRUPTED = 130  # Ctrl-C / SIGINT, as shells report it (128 + signal number)
EXIT_TERMINATED = 143  # SIGTERM (kill, systemd, CI cancelling a job)


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file."""

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", rij {self.row}"
        if self.field:
            where += f", veld '{self.field}'"
        text = f"{where}: {self.message}"
        if self.value is not None and self.value != "":
            text += f" (waarde: {self.value!r})"
        return text


class WijkrapportError(Exception):
    """Base class; ``exit_code`` says how the CLI ends."""

    exit_code = EXIT_REPORT_FAILED

    def __init__(self, problems: list[Problem] | str, file: str | Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(file=str(file or "?"), message=problems)]
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problemen gevonden:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class ConfigError(WijkrapportError):
    """Params or programme configuration is invalid (usage/config error)."""

    exit_code = EXIT_CONFIG


class DataValidationError(WijkrapportError):
    """A data file breaks its declared schema."""

    exit_code = EXIT_DATA


class BezigError(WijkrapportError):
    """Another run holds the lock of this project or output folder."""

    exit_code = EXIT_BUSY


class WerkprocesGestopt(Exception):
    """The worker process running this task died (a crash in a library, the out-of-memory killer, a kill)."""

    def __init__(self, taak: str = ""):
        self.taak = taak
        super().__init__("het werkproces stopte onverwacht tijdens dit rapport (bijvoorbeeld door te weinig geheugen of "
                         "een crash in een bibliotheek); de andere rapporten zijn gewoon verder gebouwd")

    def __reduce__(self):
        return (WerkprocesGestopt, (self.taak,))


class NotebookFailed(Exception):
    """A notebook raised; carries the failing cell and the error."""

    def __init__(self, notebook: str, cell: str, error: str):
        self.notebook, self.cell, self.error = notebook, cell, error
        super().__init__(f"{notebook}: cel {cell}: {error}")

    def __reduce__(self):  # travels back from worker processes intact
        return (NotebookFailed, (self.notebook, self.cell, self.error))


class AfgesnedenInhoud(WijkrapportError):
    """A PDF has words or images outside its pages: the report fails instead of being published cut."""


class PeriodeFout(ValueError):
    """A periode that is not one of the four forms; the message (Dutch) says what to write instead."""


class PublicatieFout(Exception):
    """Publishing a set of files failed; the previous set is in place (``intact``) or is put back by the next run."""

    def __init__(self, tekst: str, intact: bool = True):
        super().__init__(tekst)
        self.intact = intact


class SjabloonFout(ValueError):
    """A sentence template in a notebook names a value that is not there, or is not a plain ``{naam}``."""
