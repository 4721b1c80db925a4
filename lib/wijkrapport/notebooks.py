"""Executing one notebook with papermill and checking its parameters first."""

from __future__ import annotations

import time
from pathlib import Path

from .errors import ConfigError, Problem


def declared_parameters(notebook: Path) -> dict:
    """Names (and defaults) in the notebook's cell tagged ``parameters``."""
    import papermill as pm

    return pm.inspect_notebook(str(notebook))


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


class NotebookFailed(Exception):
    """A notebook raised; carries the failing cell and the error."""

    def __init__(self, notebook: str, cell: str, error: str):
        self.notebook, self.cell, self.error = notebook, cell, error
        super().__init__(f"{notebook}: cel {cell}: {error}")

    def __reduce__(self):  # travels back from worker processes intact
        return (NotebookFailed, (self.notebook, self.cell, self.error))


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path, timeout: float | None) -> float:
    """Run ``notebook`` into ``output`` with papermill's Python API; return seconds taken."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from .kernels import IPCKernelManager, is_port_race

    start = time.perf_counter()
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
                execution_timeout=timeout,
                kernel_manager_class=IPCKernelManager,
            )
            break
        except PapermillExecutionError as exc:
            cell = str(exc.exec_count) if exc.exec_count is not None else f"#{exc.cell_index}"
            raise NotebookFailed(notebook.name, cell, f"{exc.ename}: {exc.evalue}") from None
        except Exception as exc:  # kernel start-up, death or timeout
            if attempt == 1 and is_port_race(exc):
                continue
            raise NotebookFailed(notebook.name, "?", f"{type(exc).__name__}: {exc}") from None
    return time.perf_counter() - start
