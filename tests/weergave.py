"""What the display helpers show, captured without a kernel: IPython's in-process shell and ``capture_output``."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output


@dataclass
class Getoond:
    """The rich outputs of one simulated cell: per output its data (MIME type: content) and metadata."""

    uitvoer: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def inhoud(self) -> list[dict]:
        """The data of the outputs that are not the notebook style sheet."""
        return [data for data, metadata in self.uitvoer if metadata.get("wijkrapport") != "stijl"]

    @property
    def stijl(self) -> list[dict]:
        return [data for data, metadata in self.uitvoer if metadata.get("wijkrapport") == "stijl"]


@contextmanager
def cel():
    """Run the block as one new notebook cell would (its own execution count) and collect what it displays."""
    shell = InteractiveShell.instance()
    shell.execution_count += 1
    getoond = Getoond()
    with capture_output(stdout=False, stderr=False, display=True) as vang:
        yield getoond
    getoond.uitvoer = [(dict(o.data), dict(o.metadata or {})) for o in vang.outputs]
