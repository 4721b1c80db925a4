"""One subpackage per report type: its planning, the views its notebooks call and its generated texts.

:func:`soorten` is the registry of report types: what each declares is described in
:class:`wijkrapport.engine.soort.Soort`. A new type is a subpackage with a ``plan.py`` declaring its ``SOORT``,
added here. The types are imported when the registry is asked for, not with this package: a kernel importing
one type's views does not load the planning of all types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wijkrapport.engine.soort import Soort


def soorten() -> tuple[Soort, ...]:
    """Every report type, in the order of planning and of the landing page."""
    from .programma.plan import SOORT as programma
    from .voortgangsrapportage.plan import SOORT as voortgangsrapportage
    from .wijkdocument.plan import SOORT as wijkdocument
    from .wijkraad.plan import SOORT as wijkraad

    return (voortgangsrapportage, programma, wijkraad, wijkdocument)
