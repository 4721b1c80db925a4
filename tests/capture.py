"""What the display helpers show, captured without a kernel: IPython's in-process shell and ``capture_output``."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from wijkrapport.rendering.notebook_style import STYLE_METADATA


def _is_style(metadata: dict) -> bool:
    return all(metadata.get(k) == v for k, v in STYLE_METADATA.items())


@dataclass
class Shown:
    """The rich outputs of one simulated cell: per output its data (MIME type: content) and metadata."""

    outputs: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def content(self) -> list[dict]:
        """The data of the outputs that are not the notebook style sheet."""
        return [data for data, metadata in self.outputs if not _is_style(metadata)]

    @property
    def style(self) -> list[dict]:
        return [data for data, metadata in self.outputs if _is_style(metadata)]


@contextmanager
def cell():
    """Run the block as a new notebook cell would (its own execution count) and collect what it displays."""
    shell = InteractiveShell.instance()
    shell.execution_count += 1
    shown = Shown()
    with capture_output(stdout=False, stderr=False, display=True) as captured:
        yield shown
    shown.outputs = [(dict(o.data), dict(o.metadata or {})) for o in captured.outputs]
