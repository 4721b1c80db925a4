"""Executing one notebook with papermill and checking its parameters first."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from pathlib import Path

from wijkrapport import paths
from wijkrapport.atomic import lees_cache, schrijf_atomair
from wijkrapport.errors import ConfigError, NotebookFailed, Problem


def declared_parameters(notebook: Path) -> dict:
    """Names (and defaults) in the notebook's cell tagged ``parameters``.

    A notebook that is missing, a folder, or not a readable notebook (not JSON, not nbformat) is a
    configuration error naming it (exit code 2), not a stack trace.
    """
    if not notebook.is_file():
        raise ConfigError([Problem(file=paths.rel(notebook), message="notebook bestaat niet" if not notebook.exists()
                                   else "is een map, geen notebook")])
    try:
        return dict(_declared(notebook))
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - nbformat raises NotJSONError, jsonschema's ValidationError and
        # plain TypeError/AttributeError for JSON that is no notebook: each means the same to the user
        raise ConfigError([Problem(file=paths.rel(notebook), message="geen leesbare notebook (.ipynb is JSON in het "
                                   f"nbformat-formaat): {_kort(exc)}")]) from None


def _kort(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}{'…' if len(text) > 200 else ''}"


@paths.per_bestandstoestand(maxsize=64)
def _declared(notebook: Path) -> dict:
    """papermill's reading of the parameters cell, remembered per notebook content in
    ``build/cache/parameters.json``: importing papermill costs the run 1,2 s before any work starts."""
    sleutel = hashlib.sha256(Path(notebook).read_bytes()).hexdigest()
    cache = paths.build_dir() / "cache" / "parameters.json"
    bekend = lees_cache(cache, dict)
    if isinstance(bekend.get(sleutel), dict):
        return bekend[sleutel]
    import papermill as pm

    gevonden = {naam: {k: v for k, v in info.items() if isinstance(v, (str, int, float, bool, type(None)))}
                for naam, info in pm.inspect_notebook(str(notebook)).items()}
    bekend[sleutel] = gevonden
    schrijf_atomair(cache, json.dumps(dict(list(bekend.items())[-50:]), sort_keys=True))
    return gevonden


def check_parameters(notebook: Path, given: dict, source: str) -> None:
    """Refuse parameters that the notebook does not declare (papermill only warns)."""
    declared = declared_parameters(notebook)
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ConfigError(
            [
                Problem(file=source, field=name,
                        message=f"onbekende parameter voor {notebook.name}; bekend zijn: {', '.join(sorted(declared))}")
                for name in unknown
            ]
        )


_STIL = logging.NullHandler()


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path, timeout: float | None) -> float:
    """Run ``notebook`` into ``output`` with papermill's Python API; return seconds taken.

    ``timeout`` (seconds) bounds the whole notebook, kernel start included: each cell may use
    what the cells before it left over. A notebook over its time fails with the cell it was in.
    """
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    from .kernels import is_port_race, kernel_manager_klasse

    # papermill's and nbclient's own log lines (English, e.g. "Timeout waiting for execute reply") stay out of
    # the terminal; the runner reports every failure itself, in Dutch, with the notebook and cell.
    logging.getLogger("papermill").addHandler(_STIL)
    start = time.perf_counter()
    deadline = start + timeout if timeout else None
    bezig: dict = {}

    def resterend(cell) -> float | None:  # nbclient asks this before each cell
        bezig["cel"] = cell
        return None if deadline is None else max(0.1, deadline - time.perf_counter())

    output.parent.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        try:
            pm.execute_notebook(
                str(notebook),
                str(output),
                parameters=parameters,
                kernel_name="python3",
                progress_bar=False,
                cwd=str(cwd),
                start_timeout=60 if deadline is None else max(1, min(60, math.ceil(deadline - time.perf_counter()))),
                timeout_func=resterend,
                kernel_manager_class=kernel_manager_klasse(),
                # papermill would rewrite the whole notebook after every cell (JSON encoding and schema check:
                # about 1 s of CPU per wijkdocument); it is written once at the end, and on an error
                request_save_on_cell_execute=False,
                shutdown_kernel="immediate",  # all output is in: no need to wait for a polite exit
            )
            break
        except PapermillExecutionError as exc:
            cell = str(exc.exec_count) if exc.exec_count is not None else f"#{exc.cell_index}"
            raise NotebookFailed(notebook.name, cell, f"{exc.ename}: {exc.evalue}") from None
        except CellTimeoutError:
            raise NotebookFailed(notebook.name, _cel_label(bezig.get("cel")),
                                 f"de notebook duurde langer dan de tijdslimiet van {timeout:g} s (--timeout)") from None
        except Exception as exc:  # kernel start-up or death
            if attempt == 1 and is_port_race(exc) and (deadline is None or time.perf_counter() < deadline):
                continue
            raise NotebookFailed(notebook.name, "?", f"{type(exc).__name__}: {exc}") from None
    return time.perf_counter() - start


def _cel_label(cell) -> str:
    """How a report names a cell: its first line (cells have no number before they finish)."""
    if cell is None:
        return "?"
    first = next((line.strip() for line in str(cell.get("source", "")).splitlines() if line.strip()), "")
    return f"'{first[:60]}'" if first else "?"
